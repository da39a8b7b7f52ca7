/// A document as the language features see it: the Editor layer's view of its playbook (for a
/// `.scenarios` document, of the playbook it tests), with the locators that turn the view's
/// spans into the client's ranges.
struct EditorView {
    var playbook: EditorPlaybook
    /// For the spans of `playbook`'s check.
    var locator: SpanLocator
    /// For a `.scenarios` document: its text, its names, and the locator of its spans.
    var scenarioSource: SourceFile?
    var scenarios: ScenarioSymbols?
    var scenarioLocator: SpanLocator?
    /// The byte order mark the client's text starts with and the check's bytes do not.
    var shift: Int

    /// A byte of the client's text as an offset into the document's source (the playbook's first,
    /// or the scenarios file), which has no byte order mark.
    func sourceOffset(_ offset: Int) -> Int { max(0, offset - shift) }

    /// A span of the document itself (the playbook, or the scenarios file) as a range.
    mutating func range(of span: Span) -> JSON {
        if scenarios != nil, var locator = scenarioLocator {
            defer { scenarioLocator = locator }
            return locator.location(of: span).range.json
        }
        return locator.location(of: span).range.json
    }

    /// A span of the playbook's check as a Location.
    mutating func playbookLocation(of span: Span) -> JSON { locator.locationJSON(of: span) }

    /// The entity whose name is written at `offset` of the client's text, with where it is written.
    func entityAndSpan(at offset: Int) -> (Entity, Span)? {
        if let scenarios {
            return scenarios.occurrence(at: sourceOffset(offset)).map { ($0.entity, $0.span) }
        }
        return playbook.index.occurrence(file: 0, at: sourceOffset(offset)).map { ($0.entity, $0.span) }
    }

    func entity(at offset: Int) -> Entity? { entityAndSpan(at: offset)?.0 }
}

/// The checks and scenario files an entity may be written in.
struct RelatedFiles {
    var playbooks: [(playbook: EditorPlaybook, locator: SpanLocator)] = []
    var scenarios: [(source: SourceFile, playbook: EditorPlaybook, locator: SpanLocator)] = []
}

extension LSPServer {
    /// The Editor layer's view of `document`, or nil for a document that is neither a playbook
    /// nor a scenarios file, or whose playbook cannot be read.
    mutating func editorView(of document: TextDocument) -> EditorView? {
        switch document.language {
        case .playbook?:
            guard let result = playbookCheck(document) else { return nil }
            let locator = locator(for: result, of: document)
            let playbook = editorPlaybook(document, result: result, paths: Self.paths(of: result, locator))
            return EditorView(playbook: playbook, locator: locator, shift: result.sources.first?.byteOrderMarkLength ?? 0)
        case .scenarios?:
            guard let path = document.path else { return nil }
            let playbookPath = ScenarioPairing.files(for: path, playbook: nil).playbook
            guard var view = playbookView(at: playbookPath) else { return nil }
            let source = SourceFile(path: path, bytes: document.bytes)
            view.scenarioSource = source
            view.scenarios = ScenarioSymbols(source, playbook: view.playbook)
            view.scenarioLocator = SpanLocator(
                sources: [source], paths: [path], main: document, documents: documents, encoding: encoding)
            view.shift = source.byteOrderMarkLength
            return view
        case nil: return nil
        }
    }

    /// The view of the playbook at `path`: its open document's, else a check of the file.
    mutating func playbookView(at path: String) -> EditorView? {
        if let open = documents.values.first(where: { $0.path == path && $0.language == .playbook }) {
            return editorView(of: open)
        }
        guard case .success(let bytes) = loader.load(path) else { return nil }
        let standIn = TextDocument(
            uri: DocumentURI.uri(of: path), languageID: "playbook", version: 0, text: String(decoding: bytes, as: UTF8.self))
        let (overlay, name) = overlayLoader(for: standIn)
        let result = checkPlaybook(SourceFile(path: name, bytes: bytes), loader: overlay)
        let locator = locator(for: result, of: standIn)
        return EditorView(
            playbook: EditorPlaybook(result, paths: Self.paths(of: result, locator)), locator: locator,
            shift: result.sources.first?.byteOrderMarkLength ?? 0)
    }

    /// The absolute path of each source of `result` (its own for a document that is no file).
    private static func paths(of result: CheckResult, _ locator: SpanLocator) -> [String] {
        result.sources.indices.map { locator.paths[$0] ?? result.sources[$0].path }
    }

    /// The playbooks that may write `entity` and the scenario files that test them: the view's
    /// own check, and when the entity is declared in a file of flows (or the view is of one),
    /// every playbook of the workspace that uses that file.
    mutating func relatedFiles(of entity: Entity, from view: EditorView) -> RelatedFiles {
        var related = RelatedFiles()
        related.playbooks.append((view.playbook, view.locator))
        let main = view.playbook.path(0)
        let declaredIn = Set(view.playbook.index.definitions(of: entity).map { view.playbook.path(Int($0.span.file)) })
        let isLibrary = view.playbook.result.files.first?.stages.isEmpty ?? false
        if isLibrary || declaredIn.contains(where: { $0 != main }) {
            let folders = roots.isEmpty ? [PlaybookPath.directory(of: main)] : roots
            let candidates = Set(folders.flatMap { lister.playbookFiles(under: $0) }.map(PlaybookPath.normalize))
                .filter { $0.hasSuffix(".playbook") }
            for path in candidates.sorted() where path != main {
                guard let other = playbookView(at: path), other.playbook.result.files.first?.stages.isEmpty == false,
                    !declaredIn.isDisjoint(with: other.playbook.paths)
                else { continue }
                related.playbooks.append((other.playbook, other.locator))
            }
        }
        for (playbook, _) in related.playbooks {
            let path = playbook.path(0)
            guard path.hasSuffix(".playbook") else { continue }
            let scenarios = String(path.dropLast(".playbook".count)) + ".scenarios"
            guard let (uri, bytes, _) = textOf(path: scenarios) else { continue }
            let document = documents[uri]
                ?? TextDocument(uri: uri, languageID: "scenarios", version: 0, text: String(decoding: bytes, as: UTF8.self))
            let source = SourceFile(path: scenarios, bytes: bytes)
            related.scenarios.append(
                (source, playbook, SpanLocator(sources: [source], paths: [scenarios], main: document, documents: documents, encoding: encoding)))
        }
        return related
    }
}
