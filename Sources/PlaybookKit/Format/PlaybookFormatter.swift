/// A playbook in its canonical layout (docs/format.md), or a refusal with the file's syntax errors.
/// The tokens of every line are kept as written, in order: only the white space between them, the
/// indentation, the blank lines and the line breaks change (and a tab inside a string is written
/// `\t`), so the file reads back as the same syntax tree. Errors that are not syntax (an unknown
/// name, a type, a flow problem) do not stop it.
public func formatPlaybook(_ source: SourceFile) -> FormatOutcome {
    switch UTF8Validation.firstProblem(source.bytes) {
    case .nul(let offset)?:
        return .refused([Diagnostic.binary(source, file: 0, at: offset)])
    case .invalid(let offset, let length)?:
        return .refused([Diagnostic.notUTF8(source, file: 0, at: offset, length: length)])
    case nil:
        break
    }
    @Sendable func syntaxErrors() -> [Diagnostic] {
        var interner = Interner()
        let (_, diagnostics) = parse(source, file: 0, interner: &interner)
        // PB01xx: the file and its lines. A file with one of them has lines whose meaning is not known.
        return diagnostics.filter { $0.severity == .error && $0.code.rawValue.hasPrefix("PB01") }.sortedBySource()
    }
    // A big file is laid out while it is parsed (and its tree freed): the layout is thrown away
    // if the parse finds a syntax error.
    if source.lineCount > parallelParseThreshold {
        let (syntax, text) = inParallel(syntaxErrors, { PlaybookLayout(source).render() })
        return syntax.isEmpty ? .formatted(text) : .refused(syntax)
    }
    let syntax = syntaxErrors()
    return syntax.isEmpty ? .formatted(PlaybookLayout(source).render()) : .refused(syntax)
}

/// The lines of a playbook that parses without syntax errors, laid out.
private struct PlaybookLayout {
    let source: SourceFile
    /// The block depth of each significant line, in the order of the file.
    let depths: [Int32]

    init(_ source: SourceFile) {
        self.source = source
        var unused: [Diagnostic] = []
        let tree = LineTree(source: source, lines: 0..<source.lineCount, file: 0, diagnostics: &unused)
        var depths = [Int32](repeating: 0, count: tree.count)
        var stack: [(line: Int, depth: Int32)] = tree.topLevel.map { ($0, 0) }
        while let (line, depth) = stack.popLast() {
            depths[line] = depth
            for child in tree.children(of: line) { stack.append((child, depth + 1)) }
        }
        self.depths = depths
    }

    func render() -> String {
        var lines = FormatLines(capacity: source.lineCount)
        var interner = InternerClient(SharedInterner(Interner()))
        var tokens: [Token] = []
        var texts: [Text] = []
        var unused: [Diagnostic] = []
        var significant = 0
        source.bytes.withUnsafeBufferPointer { bytes in
            let lexer = Lexer(bytes: bytes, file: 0)
            for number in 0..<source.lineCount {
                let range = source.lineRange(number)
                // Blank, comment and significant lines are told apart as `LineTree` does.
                var index = range.lowerBound
                var width = 0
                while index < range.upperBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    width = bytes[index] == UInt8(ascii: "\t") ? (width / 4 + 1) * 4 : width + 1
                    index += 1
                }
                if index == range.upperBound {
                    lines.addBlank()
                    continue
                }
                if bytes[index] == UInt8(ascii: "#") {
                    lines.addComment(written: width, trimmed(bytes, index..<range.upperBound))
                    continue
                }
                let depth = Int(depths[significant])
                significant += 1
                let end = lexer.tokenize(
                    index, range.upperBound, interner: &interner, tokens: &tokens, texts: &texts, diagnostics: &unused)
                let line = LineWriter(bytes: bytes, tokens: tokens, count: end, depth: depth)
                lines.addStatement(depth: depth, written: width, grouped: depth == 0 && (line.starts("use") || line.starts("term"))) {
                    line.write(into: &$0)
                    // What the lexer skipped after the last token: white space, then a comment or nothing.
                    var rest = end > 0 ? tokens[end - 1].end : index
                    while rest < range.upperBound, bytes[rest] != UInt8(ascii: "#") { rest += 1 }
                    if rest < range.upperBound {
                        if end > 0 { $0.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")]) }
                        $0.append(contentsOf: trimmed(bytes, rest..<range.upperBound))
                    }
                }
            }
        }
        return lines.render()
    }
}

/// `range` of `bytes` without the white space the lexer skips at its end.
private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Slice<UnsafeBufferPointer<UInt8>> {
    var end = range.upperBound
    while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") || bytes[end - 1] == UInt8(ascii: "\r") {
        end -= 1
    }
    return bytes[range.lowerBound..<end]
}

/// The tokens of one significant line, and how they are written back: one space between two
/// tokens, none inside `(...)`, before `,`, around `..`, after a sign (`-5`, `score +2`) or in
/// `yes/no`.
private struct LineWriter {
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// How many tokens the line has (the `.endOfLine` token left out).
    let count: Int
    let depth: Int

    /// Whether the token is the word `word`.
    func isWord(_ index: Int, _ word: StaticString) -> Bool {
        guard index >= 0, index < count, tokens[index].kind == .identifier else { return false }
        let token = tokens[index]
        guard token.end - token.start == word.utf8CodeUnitCount else { return false }
        for offset in 0..<word.utf8CodeUnitCount where bytes[token.start + offset] != word.utf8Start[offset] { return false }
        return true
    }

    func starts(_ word: StaticString) -> Bool { isWord(0, word) }

    /// Where the answer type of an `ask` line starts (after the question's string); `count` on other lines.
    var answerType: Int {
        guard starts("ask") else { return count }
        return (0..<count).first { tokens[$0].kind == .string }.map { $0 + 1 } ?? count
    }

    func write(into out: inout [UInt8]) {
        guard count > 0 else { return }
        if depth == 1, starts("language"), count > 1, tokens[1].kind == .identifier {
            // `zh-Hans`: the parser takes the code as written, white space included.
            out.append(contentsOf: bytes[tokens[0].start..<tokens[0].end])
            out.append(UInt8(ascii: " "))
            out.append(contentsOf: bytes[tokens[1].start..<tokens[count - 1].end])
            return
        }
        let type = answerType
        for index in 0..<count {
            if index > 0, !glued(index, answerType: type) { out.append(UInt8(ascii: " ")) }
            let token = tokens[index]
            guard token.kind == .string else {
                out.append(contentsOf: bytes[token.start..<token.end])
                continue
            }
            // A tab written inside a string means what `\t` means, and can be seen.
            for byte in bytes[token.start..<token.end] {
                if byte == UInt8(ascii: "\t") {
                    out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                } else {
                    out.append(byte)
                }
            }
        }
    }

    /// Whether token `index` is written right after the one before it, with no space.
    private func glued(_ index: Int, answerType: Int) -> Bool {
        let previous = tokens[index - 1]
        let token = tokens[index]
        let glued: Bool
        switch (previous.kind, token.kind) {
        case (_, .comma), (_, .rightParen), (.leftParen, _), (.dotDot, _), (_, .dotDot): glued = true
        case (.minus, _), (.plus, _): glued = isSign(index - 1, answerType: answerType)
        case (.identifier, .slash), (.slash, .identifier):
            // `yes/no`, the answer type.
            glued = index - 1 >= answerType && (isWord(index - 1, "yes") || isWord(index, "no"))
        default: glued = false
        }
        // Never two tokens that would read back as one (`-` `>` is not `->`).
        return glued && !merges(previous, token)
    }

    /// Whether the `-` or `+` at `index` is a sign (`-5`, `score +2`) rather than an operator (`a - 5`).
    private func isSign(_ index: Int, answerType: Int) -> Bool {
        if index == 0 || index >= answerType { return true }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .number, .string, .rightParen: return false
        case .identifier:
            if isWord(index - 1, "and") || isWord(index - 1, "or") || isWord(index - 1, "not") { return true }
            if index - 1 == 0 { return isWord(0, "score") || isWord(0, "if") }
            return index - 1 == 1 && ((isWord(0, "else") && isWord(1, "if")) || (isWord(0, "exit") && isWord(1, "when")))
        default: return true
        }
    }

    private func merges(_ first: Token, _ second: Token) -> Bool {
        let last = bytes[first.end - 1]
        let next = bytes[second.start]
        let joins = [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!")]
        if joins.contains(last), next == UInt8(ascii: ">") || next == UInt8(ascii: "=") { return true }
        return [first.kind, second.kind].allSatisfy { $0 == .identifier || $0 == .number }
    }
}
