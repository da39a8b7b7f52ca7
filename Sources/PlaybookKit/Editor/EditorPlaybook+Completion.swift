/// One suggestion for what to type at the cursor.
public struct CompletionItem: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case keyword, stage, flow, question, variable, outcome, persona, option, answerType, value
    }

    public var label: String
    public var kind: Kind
    /// A short description shown beside the label: a question's type, a stage's title.
    public var detail: String?
    /// What is written when it differs from the label (an option in quotes).
    public var insertText: String?
    /// The bytes the item replaces: the word (or string) being typed, empty when none is.
    public var replacing: Span
}

extension EditorPlaybook {
    /// What may be written at `offset` of file `file`: names, words and values that fit there.
    public func completions(file: Int, at offset: Int) -> [CompletionItem] {
        guard let source = source(file), offset <= source.bytes.count else { return [] }
        let lineIndex = source.lineIndex(of: offset)
        let line = EditorLine(source, line: lineIndex, upTo: offset)
        if line.isInStringOrComment(offset), !isTypingOption(line, at: offset) { return [] }
        var pieces = line.pieces[...]
        var replacing = Span(file: file, start: offset, end: offset)
        if let last = pieces.last, last.end == offset, last.kind == .identifier || (last.kind == .string && !last.isClosed) {
            replacing = Span(file: file, start: last.start, end: last.end)
            pieces = pieces.dropLast()
        }
        let words = pieces.map { $0.kind == .identifier ? $0.word : "" }
        func item(_ label: String, _ kind: CompletionItem.Kind, _ detail: String? = nil, insert: String? = nil) -> CompletionItem {
            CompletionItem(label: label, kind: kind, detail: detail, insertText: insert, replacing: replacing)
        }
        guard let first = pieces.first else {
            let context = blockContext(source, line: lineIndex, indent: min(line.indent, offset - line.start))
            return context.keywords.map { item($0, .keyword) } + (context.personaLines ? personaItems(item) : [])
        }
        let last = pieces[pieces.index(before: pieces.endIndex)]
        if last.kind == .arrow {
            return targetItems(item) + [item("next", .keyword, "the next stage"), item("end", .keyword, "end the walk")]
        }
        if last.kind == .identifier, last.word == "end", first.word == "end" || pieces.count >= 2 {
            return outcomeNames.map { item($0, .outcome, mark(of: $0).map { $0.rawValue }) }
        }
        switch (words.first ?? "", pieces.count) {
        case ("call", 1): return flows.keys.sorted().map { item($0, .flow, flows[$0].map { $0.title.value }) }
        case ("buyer", 1): return personaItems(item)
        case ("exit", 1): return [item("when", .keyword)]
        case ("else", 1): return [item("if", .keyword)]
        case ("set", 1): return (variableNames + ["score"]).uniqued().map { item($0, .variable) }
        case ("ask", 3) where pieces.last?.kind == .string:
            return ["yes/no", "choice", "number", "text", "scale"].map { item($0, .answerType) }
        default: break
        }
        let isCondition = ["if", "else", "exit"].contains(words.first ?? "")
            || (words.first == "set" && pieces.count >= 3)
        guard isCondition else { return [] }
        if [.equal, .notEqual].contains(last.kind), pieces.count >= 2 {
            let subject = pieces[pieces.index(pieces.endIndex, offsetBy: -2)]
            if subject.kind == .identifier, let question = questions[subject.word] {
                switch question.type {
                case .choice:
                    return question.branches.compactMap(\.optionKey).map {
                        item($0, .option, subject.word, insert: StringLiteral.quoted($0))
                    }
                case .yesNo: return [item("yes", .value), item("no", .value)]
                default: break
                }
            }
        }
        let names = questions.keys.sorted().map { item($0, .question, questions[$0].map { Self.describe($0.type) }) }
            + (variableNames + ["score"]).uniqued().map { item($0, .variable) }
        return names + ["and", "or", "not", "yes", "no"].map { item($0, .keyword) }
    }

    /// After `role == "` a string is being typed: an option of the choice is what fits.
    private func isTypingOption(_ line: EditorLine, at offset: Int) -> Bool {
        guard line.commentStart == nil, let last = line.pieces.last, last.kind == .string, !last.isClosed,
            last.end == offset, line.pieces.count >= 2
        else { return false }
        return [.equal, .notEqual].contains(line.pieces[line.pieces.count - 2].kind)
    }

    private func targetItems(_ item: (String, CompletionItem.Kind, String?, String?) -> CompletionItem) -> [CompletionItem] {
        stages.keys.sorted().map { item($0, .stage, stages[$0].map { $0.title.value }, nil) }
            + questions.keys.sorted().map { item($0, .question, questions[$0].map { $0.text.value }, nil) }
    }

    private func personaItems(_ item: (String, CompletionItem.Kind, String?, String?) -> CompletionItem) -> [CompletionItem] {
        personas.keys.sorted().map { item($0, .persona, personas[$0].map { $0.title.value }, nil) }
    }

    /// Where a line indented by `indent` stands: which words may start it.
    private func blockContext(_ source: SourceFile, line: Int, indent: Int) -> BlockContext {
        guard indent > 0 else { return BlockContext(keywords: BlockContext.topLevel) }
        var index = line - 1
        var sawIf = false
        while index >= 0 {
            let above = EditorLine(source, line: index)
            defer { index -= 1 }
            guard !above.isInsignificant else { continue }
            if above.indent == indent, above.firstWord == "if" || above.firstWord == "else" { sawIf = true }
            guard above.indent < indent else { continue }
            let word = above.firstWord ?? ""
            let steps = BlockContext.steps + (sawIf ? ["else"] : [])
            switch word {
            case "playbook": return BlockContext(keywords: ["methodology", "language", "version", "description", "outcomes"])
            case "persona": return BlockContext(keywords: ["role", "context"])
            case "stage": return BlockContext(keywords: ["goal", "tip", "exit"] + steps)
            case "flow": return BlockContext(keywords: steps + ["return"])
            case "buyer": return BlockContext(keywords: [], personaLines: true)
            case "ask":
                let isYesNo = above.pieces.contains { $0.kind == .slash }
                return BlockContext(keywords: ["why", "tip"] + (isYesNo ? ["yes", "no"] : []))
            case "yes", "no": return BlockContext(keywords: steps + ["feedback"])
            default:
                if above.pieces.first?.kind == .string { return BlockContext(keywords: steps + ["score", "feedback", "best"]) }
                return BlockContext(keywords: steps)
            }
        }
        return BlockContext(keywords: BlockContext.topLevel)
    }
}

/// The words that may start a line in a block.
private struct BlockContext {
    static let topLevel = ["playbook", "use", "term", "persona", "stage", "flow"]
    static let steps = ["ask", "say", "buyer", "set", "if", "call", "end"]

    var keywords: [String]
    /// Under a `buyer` line: each line may start with a persona's id.
    var personaLines = false
}
