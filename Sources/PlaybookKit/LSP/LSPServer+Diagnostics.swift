/// One check of an open document, kept until a file it read changes.
struct DocumentCheck {
    /// The playbook's check; nil for a scenarios file.
    var result: CheckResult?
    /// The absolute paths of the files it read: a change to any of them makes it stale.
    var paths: Set<String>
    /// Its diagnostics, by the URI of the file each is in.
    var diagnostics: [String: [JSON]]
    /// The editor features' view of the check, made on the first request that needs it.
    var editor: EditorPlaybook? = nil
}

/// What the server knows of diagnostics: the checks still fresh, the documents due for a check,
/// and what each file was last published with.
struct DiagnosticsState {
    /// Fresh checks, by the document's URI.
    var checks: [String: DocumentCheck] = [:]
    /// Open documents to check at the next idle.
    var due: Set<String> = []
    /// Files to publish at the next idle even when their diagnostics did not change: a
    /// document changed (its new version gets its diagnostics) or closed.
    var republish: Set<String> = []
    /// What was last sent for each file.
    var published: [String: [JSON]] = [:]

    /// A document's text changed: its check, and the checks that read it, are stale.
    mutating func documentChanged(_ document: TextDocument) {
        checks[document.uri] = nil
        due.insert(document.uri)
        republish.insert(document.uri)
        guard let path = document.path else { return }
        for (uri, check) in checks where check.paths.contains(path) {
            checks[uri] = nil
            due.insert(uri)
        }
    }

    /// A document opened or closed: any check may read it now or have read it (a `use` that
    /// was not found may be found), so all are made again. Opening is rare; checking is fast.
    mutating func documentsOpenedOrClosed(_ documents: [String: TextDocument]) {
        checks = [:]
        due = Set(documents.keys)
    }

    /// A document closed: what it said of every file is withdrawn.
    mutating func closed(_ uri: String) {
        republish.insert(uri)
    }
}

extension LSPServer {
    /// Checks the documents due, then publishes each file whose diagnostics changed (and each
    /// one that must be published anyway).
    mutating func publishDue() {
        for uri in diagnostics.due.sorted() {
            if let document = documents[uri] { check(document) }
        }
        diagnostics.due = []
        // Every file a check speaks of now or was published before: a check that no longer
        // mentions a file (or a check made earlier for a request) still has its say.
        var affected = diagnostics.republish.union(diagnostics.published.keys)
        for check in diagnostics.checks.values { affected.formUnion(check.diagnostics.keys) }
        for uri in affected.sorted() {
            let merged = mergedDiagnostics(uri)
            let must = diagnostics.republish.contains(uri)
            guard must || diagnostics.published[uri] != merged else { continue }
            var params: [String: JSON] = ["uri": .string(uri), "diagnostics": .array(merged)]
            if let version = documents[uri]?.version { params["version"] = .int(version) }
            outbox.append(LSPMessage.notification("textDocument/publishDiagnostics", .object(params)))
            diagnostics.published[uri] = merged.isEmpty && documents[uri] == nil ? nil : merged
        }
        diagnostics.republish = []
    }

    /// What all the open documents' checks say of one file: the file's own check first, then
    /// the others by URI, each diagnostic once.
    private func mergedDiagnostics(_ uri: String) -> [JSON] {
        var merged = diagnostics.checks[uri]?.diagnostics[uri] ?? []
        for other in diagnostics.checks.keys.sorted() where other != uri {
            for diagnostic in diagnostics.checks[other]?.diagnostics[uri] ?? [] where !merged.contains(diagnostic) {
                merged.append(diagnostic)
            }
        }
        return merged
    }

    /// The check of a document, made now when it is not fresh.
    @discardableResult
    mutating func check(_ document: TextDocument) -> DocumentCheck {
        if let fresh = diagnostics.checks[document.uri] { return fresh }
        var made: DocumentCheck
        switch document.language {
        case .playbook?: made = checkPlaybookDocument(document)
        case .scenarios?: made = checkScenariosDocument(document)
        case nil: made = DocumentCheck(result: nil, paths: [], diagnostics: [:])
        }
        // The document's own entry, even when empty: publishing it clears what was there.
        made.diagnostics[document.uri, default: []] += []
        diagnostics.checks[document.uri] = made
        return made
    }

    /// The latest check of a playbook document, as `playbook check` makes it of the file with
    /// the open documents' text; made now when the document or a file it reads changed since.
    /// Nil for a document that is not a playbook.
    mutating func playbookCheck(_ document: TextDocument) -> CheckResult? {
        guard document.language == .playbook else { return nil }
        return check(document).result
    }

    /// The editor features' view of `result`, the fresh check of `document`: made once per check.
    mutating func editorPlaybook(_ document: TextDocument, result: CheckResult, paths: [String]) -> EditorPlaybook {
        if let made = diagnostics.checks[document.uri]?.editor { return made }
        let made = EditorPlaybook(result, paths: paths)
        diagnostics.checks[document.uri]?.editor = made
        return made
    }

    /// The loader a check of `document` reads through, and the name the document has in it.
    func overlayLoader(for document: TextDocument) -> (loader: OverlayLoader, name: String) {
        guard let path = document.path else {
            let name = document.uri.split(separator: "/").last.map(String.init) ?? document.uri
            return (OverlayLoader(base: nil, folder: "", documents: []), name)
        }
        let folder = PlaybookPath.directory(of: path)
        let name = String(path.dropFirst(folder.count).drop { $0 == "/" })
        return (OverlayLoader(base: loader, folder: folder, documents: documents.values), name)
    }

    /// A locator for spans of `check`, a check of `document`.
    func locator(for check: CheckResult, of document: TextDocument) -> SpanLocator {
        let (overlay, _) = overlayLoader(for: document)
        let paths: [String?] = check.sources.indices.map { index in
            index == 0 ? document.path : overlay.absolute(check.sources[index].path)
        }
        return SpanLocator(sources: check.sources, paths: paths, main: document, documents: documents, encoding: encoding)
    }

    private func checkPlaybookDocument(_ document: TextDocument) -> DocumentCheck {
        let (overlay, name) = overlayLoader(for: document)
        let result = checkPlaybook(SourceFile(path: name, bytes: document.bytes), loader: overlay)
        var locator = locator(for: result, of: document)
        var found: [String: [JSON]] = [:]
        for diagnostic in result.diagnostics {
            let (uri, range) = locator.location(of: diagnostic.primary.span)
            found[uri, default: []].append(json(diagnostic, range: range, locator: &locator))
        }
        let paths = Set(result.sources.indices.compactMap { locator.paths[$0] })
        return DocumentCheck(result: result, paths: paths, diagnostics: found)
    }

    /// A diagnostic as LSP's: notes and help as lines after the message (which every client
    /// shows), secondary spans as related information, and a link to the code's docs page.
    func json(_ diagnostic: Diagnostic, range: LSPRange, locator: inout SpanLocator) -> JSON {
        var message = diagnostic.message
        for note in diagnostic.notes { message += "\nnote: " + note }
        if let help = diagnostic.help { message += "\nhelp: " + help }
        var members: [String: JSON] = [
            "range": range.json,
            "severity": .int(Self.severity(diagnostic.severity)),
            "code": .string(diagnostic.code.rawValue),
            "source": .string("playbook"),
            "message": .string(message),
        ]
        if let docsBase {
            members["codeDescription"] = .object(["href": .string("\(docsBase)/\(diagnostic.code.rawValue)-\(diagnostic.code.slug).md")])
        }
        if !diagnostic.secondary.isEmpty {
            members["relatedInformation"] = .array(
                diagnostic.secondary.map { label in
                    .object(["location": locator.locationJSON(of: label.span), "message": .string(label.message)])
                })
        }
        return .object(members)
    }

    /// LSP's DiagnosticSeverity.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .note: 3
        }
    }
}
