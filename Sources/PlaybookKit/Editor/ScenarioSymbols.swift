/// The names a `.scenarios` file writes (question ids before `=`, stages and outcomes after
/// `expect`) and what they stand for in the playbook it tests.
public struct ScenarioSymbols: Sendable {
    /// In source order.
    public private(set) var occurrences: [Occurrence] = []

    /// Reads `source` (file `file` of the spans) against `playbook`, the one it tests.
    public init(_ source: SourceFile, file: Int = 0, playbook: EditorPlaybook?) {
        var line = ScenarioLine(file: file)
        for index in 0..<source.lineCount {
            guard line.read(source.bytes[source.lineRange(index)], number: index + 1) == nil else { return }
            let tokens = ScenarioLexer(line: line).tokens(from: 0).tokens
            guard let first = tokens.first, first.kind == .word else { continue }
            if first.text == "expect" {
                expectation(Array(tokens.dropFirst()), playbook: playbook)
            } else if tokens.count > 1, tokens[1].kind == .equals {
                occurrences.append(Occurrence(entity: Entity(.question, first.text), span: first.span, isDefinition: false))
            }
        }
    }

    private mutating func expectation(_ tokens: [ScenarioToken], playbook: EditorPlaybook?) {
        guard let first = tokens.first, first.kind == .word else { return }
        func add(_ kind: SymbolKind, _ token: ScenarioToken) {
            occurrences.append(Occurrence(entity: Entity(kind, token.text), span: token.span, isDefinition: false))
        }
        let words = tokens.map { $0.kind == .word ? $0.text : "" }
        switch words.count {
        case 1: add(.outcome, first)
        case 2 where words[0] == "stage" || words[0] == "blocked": add(.stage, tokens[1])
        case 3 where words[0] == "not" && words[1] == "stage": add(.stage, tokens[2])
        default:
            guard tokens.count >= 2, tokens[1].kind == .equals, first.text != "score" else { return }
            let isQuestion = playbook.map { $0.questions[first.text] != nil } ?? true
            add(isQuestion ? .question : .variable, first)
        }
    }

    /// The occurrence whose name holds `offset`.
    public func occurrence(at offset: Int) -> Occurrence? {
        occurrences.first { Int($0.span.start) <= offset && offset <= Int($0.span.end) }
    }
}

extension EditorPlaybook {
    /// What may be written at `offset` of a `.scenarios` file testing this playbook: question ids
    /// at the start of a line, their allowed answers after `=`, stages and outcomes after `expect`.
    public func scenarioCompletions(_ source: SourceFile, file: Int = 0, at offset: Int) -> [CompletionItem] {
        guard offset <= source.bytes.count else { return [] }
        let lineIndex = source.lineIndex(of: offset)
        let range = source.lineRange(lineIndex)
        var line = ScenarioLine(file: file)
        guard line.read(source.bytes[range.lowerBound..<min(max(offset, range.lowerBound), range.upperBound)], number: 1) == nil
        else { return [] }
        var tokens = ScenarioLexer(line: line).tokens(from: 0).tokens
        var replacing = Span(file: file, start: offset, end: offset)
        if let last = tokens.last, Int(last.span.end) == offset, last.kind == .word || last.kind == .quoted {
            replacing = last.span
            tokens.removeLast()
        }
        if source.bytes[range.lowerBound..<min(offset, range.upperBound)].contains(UInt8(ascii: "#")),
            !tokens.contains(where: { $0.kind == .quoted })
        {
            return []
        }
        func item(_ label: String, _ kind: CompletionItem.Kind, _ detail: String? = nil, insert: String? = nil) -> CompletionItem {
            CompletionItem(label: label, kind: kind, detail: detail, insertText: insert, replacing: replacing)
        }
        let words = tokens.map { $0.kind == .word ? $0.text : "" }
        guard let first = words.first else {
            return [item("scenario", .keyword), item("expect", .keyword)]
                + questions.sorted { $0.key < $1.key }.map { item($0.key, .question, Self.describe($0.value.type)) }
        }
        if first == "expect" {
            switch words.count {
            case 1:
                return ["stage", "not", "blocked"].map { item($0, .keyword) }
                    + outcomeNames.map { item($0, .outcome) }
                    + (questions.keys.sorted() + variableNames + ["score"]).uniqued().map { item($0, .question) }
            case 2 where words[1] == "stage" || words[1] == "blocked", 3 where words[1] == "not" && words[2] == "stage":
                return stages.keys.sorted().map { item($0, .stage, stages[$0]?.title.value) }
            case 2 where words[1] == "not": return [item("stage", .keyword)]
            default: return []
            }
        }
        guard tokens.count >= 2, tokens[1].kind == .equals, let question = questions[first],
            tokens.last?.kind == .equals || tokens.last?.kind == .comma
        else { return [] }
        switch question.type {
        case .yesNo: return [item("yes", .value), item("no", .value)]
        case .choice:
            return question.branches.compactMap(\.optionKey).map { item($0, .option, first, insert: StringLiteral.quoted($0)) }
        case .number, .scale, .text: return []
        }
    }
}
