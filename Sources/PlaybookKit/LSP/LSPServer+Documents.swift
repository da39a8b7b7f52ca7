/// The open documents: didOpen, didChange (incremental), didClose, didSave, and the helpers a
/// request's handler uses to find its document and positions in it.
extension LSPServer {
    mutating func didOpen(_ params: JSON) throws(LSPError) {
        guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string,
            let version = item["version"]?.int
        else { throw .invalidParams("didOpen needs textDocument.uri, .version and .text") }
        if documents[uri] != nil { log(.info, "\(uri) was opened again: its text is replaced") }
        documents[uri] = TextDocument(uri: uri, languageID: item["languageId"]?.string, version: version, text: text)
        diagnostics.documentsOpenedOrClosed(documents)
        // Published even when they are what was published before: the client may have dropped them.
        diagnostics.republish.insert(uri)
    }

    /// Applies the changes in order. A change for a document that is not open, or with a
    /// version not above the one the server has, is refused whole and the document left as it
    /// was: its ranges were written against a text the server does not have, and applying them
    /// would garble it. The client hears of it in its log.
    mutating func didChange(_ params: JSON) throws(LSPError) {
        guard let uri = params["textDocument"]?["uri"]?.string, let version = params["textDocument"]?["version"]?.int,
            let list = params["contentChanges"]?.array
        else { throw .invalidParams("didChange needs textDocument.uri, .version and contentChanges") }
        var changes: [TextChange] = []
        for change in list {
            guard let text = change["text"]?.string else { throw .invalidParams("a content change has no text") }
            let range = change["range"].flatMap(LSPRange.init)
            if change["range"] != nil, range == nil { throw .invalidParams("a content change's range is not a range") }
            changes.append(TextChange(range: range, text: text))
        }
        guard var document = documents[uri] else { throw .invalidParams("a change for \(uri), which is not open: ignored") }
        guard version > document.version else {
            throw .invalidParams("a change to version \(version) of \(uri), which is at version \(document.version): ignored")
        }
        document.apply(changes, version: version, encoding: encoding)
        documents[uri] = document
        diagnostics.documentChanged(document)
    }

    mutating func didClose(_ params: JSON) throws(LSPError) {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("didClose needs textDocument.uri") }
        guard documents.removeValue(forKey: uri) != nil else { throw .invalidParams("\(uri) was closed but is not open") }
        diagnostics.documentsOpenedOrClosed(documents)
        diagnostics.closed(uri)
    }

    /// The text saved is the text the server has: nothing to do but check the document is open.
    mutating func didSave(_ params: JSON) throws(LSPError) {
        _ = try document(params)
    }

    // MARK: For requests' handlers

    /// The open document `params.textDocument.uri` names, or the error to answer.
    func document(_ params: JSON) throws(LSPError) -> TextDocument {
        guard let uri = params["textDocument"]?["uri"]?.string else { throw .invalidParams("the params have no textDocument.uri") }
        guard let document = documents[uri] else { throw .invalidParams("\(uri) is not open") }
        return document
    }

    /// The byte `params.position` names in `document`, clamped to its text.
    func offset(_ params: JSON, in document: TextDocument) throws(LSPError) -> Int {
        guard let position = LSPPosition(params["position"]) else { throw .invalidParams("the params have no position") }
        return document.offset(of: position, encoding: encoding)
    }

    /// The `.playbook` and `.scenarios` files of the workspace folders, sorted, each once.
    func workspaceFiles() -> [String] {
        Array(Set(roots.flatMap { lister.playbookFiles(under: $0) })).sorted()
    }

    /// The open document of a file, if it is open.
    func openDocument(atPath path: String) -> TextDocument? {
        documents.values.first { $0.path == path }
    }
}
