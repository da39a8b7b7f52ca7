/// A span of one line with what it is, for an editor to colour by meaning.
public struct SemanticToken: Sendable, Equatable {
    /// The kinds, in the order of the language server's legend.
    public enum Kind: String, Sendable, CaseIterable {
        case keyword, stage, flow, question, variable, persona, outcome, string, number, comment, `operator`, type
    }

    public var span: Span
    public var kind: Kind
    /// The name being declared here rather than used.
    public var isDeclaration: Bool
    /// A name the language gives (`score`).
    public var isBuiltIn: Bool
}

extension EditorPlaybook {
    /// The tokens of file `file` in order, none overlapping; words that are neither keywords
    /// nor known names are left out.
    public func semanticTokens(file: Int) -> [SemanticToken] {
        guard let source = source(file) else { return [] }
        var tokens: [SemanticToken] = []
        var lexer = LineLexer()
        var nextOccurrence = firstOccurrence(inFile: file)
        func token(_ start: Int, _ end: Int, _ kind: SemanticToken.Kind, declaration: Bool = false, builtIn: Bool = false) {
            guard end > start else { return }
            tokens.append(
                SemanticToken(
                    span: Span(file: file, start: start, end: end), kind: kind, isDeclaration: declaration, isBuiltIn: builtIn))
        }
        /// The indexed name starting at `start`, moving the cursor through the sorted occurrences.
        func occurrence(at start: Int) -> Occurrence? {
            while nextOccurrence < index.occurrences.count, Int(index.occurrences[nextOccurrence].span.start) < start,
                Int(index.occurrences[nextOccurrence].span.file) == file
            {
                nextOccurrence += 1
            }
            guard nextOccurrence < index.occurrences.count else { return nil }
            let found = index.occurrences[nextOccurrence]
            return Int(found.span.file) == file && Int(found.span.start) == start ? found : nil
        }
        for lineIndex in 0..<source.lineCount {
            let line = EditorLine(source, line: lineIndex, lexer: &lexer)
            let first = line.firstWord
            let answerTypeFrom = first == "ask" && line.pieces.count > 3 && line.pieces[2].kind == .string ? 3 : Int.max
            for (position, piece) in line.pieces.enumerated() {
                // The answer type with its range: `number -5..5`, `yes/no`.
                if position >= answerTypeFrom, [.identifier, .number, .minus, .slash, .dotDot].contains(piece.kind) {
                    token(piece.start, piece.end, .type)
                    continue
                }
                switch piece.kind {
                case .identifier:
                    if let found = occurrence(at: piece.start) {
                        token(
                            piece.start, piece.end, Self.tokenKind(found.entity.kind), declaration: found.isDefinition,
                            builtIn: found.entity == Entity(.variable, "score"))
                    } else if Self.isKeyword(piece.word, at: position, in: line) {
                        token(piece.start, piece.end, .keyword)
                    }
                case .string:
                    // The string around the names it shows in braces.
                    var cursor = piece.start
                    var scan = piece.start
                    while case let brace = Self.nextBrace(in: source, from: scan, before: piece.end), brace < piece.end {
                        scan = brace
                        guard let found = occurrence(at: brace), Int(found.span.end) <= piece.end else { continue }
                        token(cursor, brace, .string)
                        token(
                            brace, Int(found.span.end), Self.tokenKind(found.entity.kind),
                            builtIn: found.entity == Entity(.variable, "score"))
                        cursor = Int(found.span.end)
                        scan = cursor
                    }
                    token(cursor, piece.end, .string)
                case .number: token(piece.start, piece.end, .number)
                case .arrow, .assign, .plusAssign, .minusAssign, .equal, .notEqual, .less, .lessOrEqual, .greater,
                    .greaterOrEqual, .plus, .minus, .star, .slash:
                    token(piece.start, piece.end, .operator)
                case .dotDot, .comma, .leftParen, .rightParen, .invalid, .endOfLine: break
                }
            }
            if let comment = line.commentStart { token(comment, source.lineRange(lineIndex).upperBound, .comment) }
        }
        return tokens
    }

    /// Where the occurrences of file `file` start in the index.
    private func firstOccurrence(inFile file: Int) -> Int {
        index.occurrences.firstIndex { Int($0.span.file) >= file } ?? index.occurrences.count
    }

    /// The offset just after the next unescaped `{` in a string, or `end` when there is none.
    private static func nextBrace(in source: SourceFile, from start: Int, before end: Int) -> Int {
        var index = start
        while index < end {
            switch source.bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "{"): return index + 1
            default: index += 1
            }
        }
        return end
    }

    static func tokenKind(_ kind: SymbolKind) -> SemanticToken.Kind {
        switch kind {
        case .stage: .stage
        case .flow: .flow
        case .question: .question
        case .persona: .persona
        case .variable: .variable
        case .outcome: .outcome
        }
    }

    private static let statementWords: Set<String> = [
        "playbook", "methodology", "language", "version", "description", "outcomes", "use", "term", "persona", "role",
        "context", "stage", "flow", "goal", "tip", "exit", "ask", "say", "buyer", "set", "if", "else", "call", "return",
        "end", "why", "score", "feedback", "best", "yes", "no",
    ]

    /// Whether the word at `position` of `line` is the language's rather than a name.
    private static func isKeyword(_ word: String, at position: Int, in line: EditorLine) -> Bool {
        if position == 0 { return statementWords.contains(word) }
        let before = line.pieces[position - 1]
        switch word {
        case "when": return line.firstWord == "exit" && position == 1
        case "if": return line.firstWord == "else" && position == 1
        case "next", "end": return before.kind == .arrow
        case "and", "or", "not", "yes", "no": return true
        case "win", "loss": return before.kind == .leftParen && line.firstWord == "outcomes"
        default: return false
        }
    }
}
