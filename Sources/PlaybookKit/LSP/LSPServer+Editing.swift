/// Completion, code actions and formatting (LSP 3.17 "Language Features").
extension LSPServer {
    mutating func completion(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let offset = try offset(params, in: document)
        guard var view = editorView(of: document) else { return .array([]) }
        var items: [CompletionItem]
        let typed: String
        if let source = view.scenarioSource {
            items = view.playbook.scenarioCompletions(source, at: view.sourceOffset(offset))
            typed = items.first.map { source.text(Int($0.replacing.start)..<Int($0.replacing.end)) } ?? ""
        } else {
            items = view.playbook.completions(file: 0, at: view.sourceOffset(offset))
            typed = items.first.flatMap { item in
                view.playbook.source(0).map { $0.text(Int(item.replacing.start)..<Int(item.replacing.end)) }
            } ?? ""
        }
        // A playbook of thousands of stages would send them all on every keystroke: past a few
        // hundred, only those that start with what is typed, and the client asks again as the
        // author types on.
        let isIncomplete = items.count > Self.completionLimit
        if isIncomplete {
            let prefix = String(typed.lowercased().drop { $0 == "\"" })
            items = Array(items.lazy.filter { $0.label.lowercased().hasPrefix(prefix) }.prefix(Self.completionLimit))
        }
        return .object([
            "isIncomplete": .bool(isIncomplete),
            "items": .array(items.enumerated().map { rank, item in
                var json: [String: JSON] = [
                    "label": .string(item.label), "kind": .int(Self.completionKind(item.kind)),
                    "textEdit": .object(["range": view.range(of: item.replacing), "newText": .string(item.insertText ?? item.label)]),
                    // The order given: the most likely first.
                    "sortText": .string(String(repeating: "0", count: max(0, 4 - String(rank).count)) + String(rank)),
                ]
                if let detail = item.detail { json["detail"] = .string(detail) }
                if item.insertText != nil { json["filterText"] = .string(item.insertText ?? item.label) }
                return .object(json)
            }),
        ])
    }

    /// The most items one completion answer holds.
    static let completionLimit = 500

    /// LSP's CompletionItemKind for each kind of item.
    static func completionKind(_ kind: CompletionItem.Kind) -> Int {
        switch kind {
        case .keyword: 14
        case .stage: 9  // Module
        case .flow: 3  // Function
        case .question: 5  // Field
        case .variable: 6
        case .persona: 7  // Class
        case .outcome: 20  // EnumMember
        case .option, .value: 12  // Value
        case .answerType: 25  // TypeParameter
        }
    }

    mutating func codeAction(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        guard let requested = LSPRange(params["range"]) else { throw .invalidParams("codeAction needs a range") }
        guard var view = editorView(of: document), view.scenarios == nil else { return .array([]) }
        let start = document.offset(of: requested.start, encoding: encoding) - view.shift
        let end = document.offset(of: requested.end, encoding: encoding) - view.shift
        let sent = params["context"]?["diagnostics"]?.array ?? []
        var actions: [JSON] = []
        for diagnostic in view.playbook.result.diagnostics where diagnostic.primary.span.file == 0 {
            let span = diagnostic.primary.span
            guard Int(span.start) <= end, start <= Int(span.end) else { continue }
            let fixes = view.playbook.fixes(for: diagnostic)
            guard !fixes.isEmpty else { continue }
            let range = view.range(of: span)
            let matching = sent.filter { $0["range"] == range && $0["code"]?.string == diagnostic.code.rawValue }
            for fix in fixes {
                var action: [String: JSON] = [
                    "title": .string(fix.title), "kind": .string("quickfix"), "edit": workspaceEdit(fix.edits),
                    "diagnostics": .array(matching),
                ]
                if fix.isPreferred { action["isPreferred"] = .bool(true) }
                actions.append(.object(action))
            }
        }
        return .array(actions)
    }

    /// The whole document formatted, as the fewest edits of whole lines (`playbook fmt`'s layout);
    /// a document that does not parse is left as it is, and the reason is in the client's log.
    mutating func formatting(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let source = SourceFile(path: document.path ?? document.uri, bytes: document.bytes)
        let outcome: FormatOutcome
        switch document.language {
        case .playbook?: outcome = formatPlaybook(source)
        case .scenarios?: outcome = formatScenarios(source)
        case nil: return .array([])
        }
        guard case .formatted(let text) = outcome else {
            log(.info, "\(document.uri) was not formatted: it has syntax errors (see its diagnostics)")
            return .array([])
        }
        return .array(lineEdits(from: document, to: Array(text.utf8)).map { edit in
            .object(["range": edit.range.json, "newText": .string(edit.text)])
        })
    }

    /// The changes of whole lines that turn the document's text into `text`.
    func lineEdits(from document: TextDocument, to text: [UInt8]) -> [(range: LSPRange, text: String)] {
        let old = Self.lines(document.bytes)
        let new = Self.lines(text)
        return lineDiff(old.map(\.text), new.map(\.text)).map { change in
            let start = change.old.lowerBound < old.count ? old[change.old.lowerBound].start : document.bytes.count
            let end = change.old.upperBound < old.count ? old[change.old.upperBound].start : document.bytes.count
            let inserted = new[change.new].map(\.text).joined()
            return (document.lines.range(of: start..<end, in: document.bytes, encoding: encoding), inserted)
        }
    }

    /// The lines of a text with their breaks, and the byte where each starts.
    static func lines(_ bytes: [UInt8]) -> [(start: Int, text: Substring)] {
        var start = 0
        return linesKeepingBreaks(String(decoding: bytes, as: UTF8.self)).map { line in
            defer { start += line.utf8.count }
            return (start, line)
        }
    }
}
