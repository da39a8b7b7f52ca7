/// A change that fixes what a diagnostic reports, as an editor's quick fix applies it.
public struct Fix: Sendable, Equatable {
    public var title: String
    /// Edits by file path.
    public var edits: [String: [TextEdit]]
    /// The fix to apply when the author asks for "the" fix.
    public var isPreferred: Bool
}

extension EditorPlaybook {
    /// The fixes of `diagnostic` (one of this check's): the near name it suggests, the outcome
    /// added to the header's `outcomes`, the question it names declared.
    public func fixes(for diagnostic: Diagnostic) -> [Fix] {
        guard let source = source(Int(diagnostic.primary.span.file)) else { return [] }
        let span = diagnostic.primary.span
        let written = source.text(Int(span.start)..<Int(span.end))
        var fixes: [Fix] = []
        if let (candidate, isText) = Suggestion.candidate(inHelp: diagnostic.help) {
            let replacement = isText ? StringLiteral.quoted(candidate) : candidate
            fixes.append(
                Fix(
                    title: "Change '\(written)' to '\(replacement)'",
                    edits: [path(Int(span.file)): [TextEdit(start: Int(span.start), end: Int(span.end), text: replacement)]],
                    isPreferred: true))
        }
        switch diagnostic.code {
        case .unknownOutcome:
            if let fix = addOutcome(written) { fixes.append(fix) }
        case .unknownName where diagnostic.message.hasPrefix("there is no question or variable"):
            if let fix = declareQuestion(written, at: Int(span.start), in: source, path: path(Int(span.file))) { fixes.append(fix) }
        default: break
        }
        return fixes
    }

    /// Adds `outcome` at the end of the main file's `outcomes` line.
    private func addOutcome(_ outcome: String) -> Fix? {
        guard let header = result.files.first?.header, let last = header.outcomes?.last else { return nil }
        let end = header.outcomeMarks.last.flatMap { $0?.span.end } ?? last.span.end
        return Fix(
            title: "Add '\(outcome)' to the playbook's outcomes",
            edits: [path(0): [TextEdit(start: Int(end), end: Int(end), text: ", \(outcome)")]], isPreferred: false)
    }

    /// Declares `name` as a question on a line of its own above the statement that reads it.
    private func declareQuestion(_ name: String, at offset: Int, in source: SourceFile, path: String) -> Fix? {
        let reading = EditorLine(source, line: source.lineIndex(of: offset))
        guard let line = Self.statementLine(holding: source.lineIndex(of: offset), in: source), line.indent > 0 else {
            return nil
        }
        let type = Self.likelyType(of: name, at: offset, in: reading)
        var text = name.replacing("_", with: " ")
        if let first = text.first { text = first.uppercased() + text.dropFirst() }
        let declaration = String(repeating: " ", count: line.indent) + "ask \(name) \(StringLiteral.quoted(text + "?")) \(type)\n"
        return Fix(
            title: "Declare the question '\(name)' (\(type))",
            edits: [path: [TextEdit(start: line.start, end: line.start, text: declaration)]], isPreferred: false)
    }

    /// The line above which a step may be written for line `index`: the line itself, or for a
    /// question's why, tip or branch the question's line, and for an `else` its chain's `if`.
    private static func statementLine(holding index: Int, in source: SourceFile) -> EditorLine? {
        var index = index
        var line = EditorLine(source, line: index)
        while true {
            let isElse = line.firstWord == "else"
            let underQuestion = line.pieces.first?.kind == .string || ["why", "tip", "yes", "no"].contains(line.firstWord ?? "")
            guard isElse || underQuestion else { return line }
            var above = index - 1
            while above >= 0 {
                let candidate = EditorLine(source, line: above)
                if !candidate.isInsignificant {
                    if isElse, candidate.indent == line.indent, candidate.firstWord == "if" { break }
                    if candidate.indent < line.indent { break }
                }
                above -= 1
            }
            guard above >= 0 else { return nil }
            let found = EditorLine(source, line: above)
            // A stage's own tip is a statement of the stage: the question goes right above it.
            if !isElse, found.firstWord != "ask" { return line }
            index = above
            line = found
        }
    }

    /// The answer type a name's use suggests: compared with a number or used in arithmetic, a
    /// number; compared with a string, text; else yes/no.
    private static func likelyType(of name: String, at offset: Int, in line: EditorLine) -> String {
        guard let position = line.pieces.firstIndex(where: { $0.start == offset }) else { return "yes/no" }
        let neighbours = [position - 2, position - 1, position + 1, position + 2].filter(line.pieces.indices.contains)
            .map { line.pieces[$0].kind }
        if neighbours.contains(where: { [.number, .less, .lessOrEqual, .greater, .greaterOrEqual, .plus, .star].contains($0) }) {
            return "number"
        }
        if neighbours.contains(.string) { return "text" }
        return "yes/no"
    }
}
