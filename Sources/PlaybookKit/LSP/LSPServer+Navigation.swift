/// Hover, go to definition, find references and rename (LSP 3.17 "Language Features"), over the
/// Editor layer's index of the document's check: for a `.scenarios` document, of the playbook it
/// tests.
extension LSPServer {
    mutating func hover(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let offset = try offset(params, in: document)
        guard var view = editorView(of: document) else { return .null }
        let found: HoverInfo?
        if let scenarios = view.scenarios {
            found = scenarios.occurrence(at: view.sourceOffset(offset)).flatMap { occurrence in
                view.playbook.describe(occurrence.entity).map { HoverInfo(markdown: $0, span: occurrence.span) }
            }
        } else {
            found = view.playbook.hover(file: 0, at: view.sourceOffset(offset))
        }
        guard let found else { return .null }
        return .object([
            "contents": .object(["kind": .string("markdown"), "value": .string(found.markdown)]),
            "range": view.range(of: found.span),
        ])
    }

    mutating func definition(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let offset = try offset(params, in: document)
        guard var view = editorView(of: document) else { return .null }
        if view.scenarios == nil, let use = view.playbook.index.use(file: 0, at: view.sourceOffset(offset)) {
            return .array([view.playbookLocation(of: Span(file: use.file, start: 0, end: 0))])
        }
        guard let entity = view.entity(at: offset) else { return .null }
        let definitions = view.playbook.index.definitions(of: entity)
        return .array(definitions.map { view.playbookLocation(of: $0.span) })
    }

    mutating func references(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let offset = try offset(params, in: document)
        guard let view = editorView(of: document), let entity = view.entity(at: offset) else { return .null }
        let withDeclaration = params["context"]?["includeDeclaration"]?.bool ?? true
        var scope = relatedFiles(of: entity, from: view)
        var locations: [JSON] = []
        var seen = Set<String>()
        for index in scope.playbooks.indices {
            for occurrence in scope.playbooks[index].playbook.index.occurrences(of: entity)
            where withDeclaration || !occurrence.isDefinition {
                let location = scope.playbooks[index].locator.locationJSON(of: occurrence.span)
                if seen.insert(location.text).inserted { locations.append(location) }
            }
        }
        for index in scope.scenarios.indices {
            let symbols = ScenarioSymbols(scope.scenarios[index].source, playbook: scope.scenarios[index].playbook)
            for occurrence in symbols.occurrences where occurrence.entity == entity {
                let location = scope.scenarios[index].locator.locationJSON(of: occurrence.span)
                if seen.insert(location.text).inserted { locations.append(location) }
            }
        }
        return .array(locations)
    }

    mutating func prepareRename(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let offset = try offset(params, in: document)
        guard var view = editorView(of: document), let (entity, span) = view.entityAndSpan(at: offset) else {
            throw .requestFailed("there is no stage, flow, question, persona, variable or outcome to rename here")
        }
        if entity == Entity(.variable, "score") { throw .requestFailed("'score' is the language's own and cannot be renamed") }
        return .object(["range": view.range(of: span), "placeholder": .string(entity.name)])
    }

    mutating func rename(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let offset = try offset(params, in: document)
        guard let newName = params["newName"]?.string else { throw .invalidParams("rename needs newName") }
        guard let view = editorView(of: document), let entity = view.entity(at: offset) else {
            throw .requestFailed("there is no stage, flow, question, persona, variable or outcome to rename here")
        }
        if entity == Entity(.variable, "score") { throw .requestFailed("'score' is the language's own and cannot be renamed") }
        let scope = relatedFiles(of: entity, from: view)
        let scenarios = scope.scenarios.map { (source: $0.source, playbook: $0.playbook) }
        switch Rename(entity, to: newName).edits(in: scope.playbooks.map(\.playbook), scenarios: scenarios) {
        case .failure(let refusal): throw .requestFailed(refusal.message)
        case .success(let edits): return workspaceEdit(edits)
        }
    }

    /// Byte edits by absolute path as a WorkspaceEdit, each file's ranges counted in its text as
    /// the client has it (an open document's, else the file's).
    func workspaceEdit(_ edits: [String: [TextEdit]]) -> JSON {
        var changes: [String: JSON] = [:]
        for (path, list) in edits {
            guard let (uri, text, lines) = textOf(path: path) else { continue }
            let shift = text.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            changes[uri] = .array(list.map { edit in
                let range = lines.range(of: (edit.start + shift)..<(edit.end + shift), in: text, encoding: encoding)
                return .object(["range": range.json, "newText": .string(edit.text)])
            })
        }
        return .object(["changes": .object(changes)])
    }

    /// The URI, bytes and lines of a file: an open document's, else read through the loader.
    func textOf(path: String) -> (String, [UInt8], LineIndex)? {
        if let open = documents.values.first(where: { $0.path == path }) { return (open.uri, open.bytes, open.lines) }
        guard case .success(let bytes) = loader.load(path) else { return nil }
        return (DocumentURI.uri(of: path), bytes, LineIndex(bytes))
    }
}
