/// One line of a scenario file, without its line break: its scalars, and where each is in the file's bytes.
struct ScenarioLine {
    /// The file's index among the sources spans point into.
    let file: Int
    private(set) var scalars: [Unicode.Scalar] = []
    /// The byte offset of each scalar in the file, then of the end of the line.
    private var offsets: [Int] = []
    /// The 1-based line number.
    private(set) var number = 0

    init(file: Int) {
        self.file = file
    }

    var count: Int { scalars.count }

    subscript(index: Int) -> Unicode.Scalar { scalars[index] }

    /// The bytes of the scalars at `range` (indices of `scalars`; an empty range at the end is the line's end).
    func span(_ range: Range<Int>) -> Span {
        Span(file: file, start: offsets[range.lowerBound], end: offsets[range.upperBound])
    }

    /// The bytes of the scalar at `index`.
    func span(at index: Int) -> Span { span(index..<(index + 1)) }

    /// Decodes line `number` from its bytes, reusing the arrays; the first bytes that are not
    /// UTF-8, if there are any (the line is then left half read).
    mutating func read(_ bytes: ArraySlice<UInt8>, number: Int) -> (offset: Int, length: Int)? {
        scalars.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        self.number = number
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            offsets.append(index)
            if lead < 0x80 {
                scalars.append(Unicode.Scalar(lead))
                index += 1
                continue
            }
            switch UTF8Validation.sequence(in: bytes, at: index) {
            case .invalid(let length):
                return (index, length)
            case .valid(let length):
                var value = UInt32(lead) & (0x7F >> UInt32(length))
                for next in bytes[(index + 1)..<(index + length)] { value = value << 6 | UInt32(next & 0x3F) }
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                index += length
            }
        }
        offsets.append(bytes.endIndex)
        return nil
    }
}

/// One token of a scenario line: a bare word, a quoted string, `=` or `,`.
struct ScenarioToken {
    enum Kind {
        case word
        case quoted
        case equals
        case comma
    }

    var kind: Kind
    /// The word as written, or the string's value with its escapes resolved.
    var text: String
    /// The index in the line of the token's first scalar.
    var start: Int
    /// The index in the line just past the token's last scalar.
    var end: Int
    /// Where the token is in the file.
    var span: Span

    /// How the token is named in a message: `'yes'`, `"Economic buyer"`, `'='`.
    var shown: String {
        switch kind {
        case .word: "'\(ScenarioLexer.visible(text))'"
        case .quoted: ScenarioValue.quoted(text).written
        case .equals: "'='"
        case .comma: "','"
        }
    }

    /// The token as a value, when it is one.
    var value: ScenarioValue? {
        switch kind {
        case .word: .word(text)
        case .quoted: .quoted(text)
        case .equals, .comma: nil
        }
    }
}

/// Splits one line of a scenario file into tokens; a `#` outside quotes ends the line.
struct ScenarioLexer {
    let line: ScenarioLine

    /// The tokens from index `start`; on a malformed token, the tokens before it and what is wrong.
    /// A string that does not end is still returned, so a `scenario` line keeps its name.
    func tokens(from start: Int) -> (tokens: [ScenarioToken], problem: Diagnostic?) {
        var tokens: [ScenarioToken] = []
        var index = start
        func token(_ kind: ScenarioToken.Kind, _ text: String, to end: Int) -> ScenarioToken {
            ScenarioToken(kind: kind, text: text, start: index, end: end, span: line.span(index..<end))
        }
        while index < line.count {
            let scalar = line[index]
            if scalar == "#" { break }
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            switch scalar {
            case "=":
                tokens.append(token(.equals, "=", to: index + 1))
                index += 1
            case ",":
                tokens.append(token(.comma, ",", to: index + 1))
                index += 1
            case "\"":
                let (string, problem) = quoted(from: index)
                tokens.append(string)
                if let problem { return (tokens, problem) }
                index = string.end
            default:
                var end = index
                while end < line.count {
                    let next = line[end]
                    if next == "#" || next == "=" || next == "," || next == "\"" || next.properties.isWhitespace { break }
                    if TerminalText.isUnsafe(next) {
                        let problem = Diagnostic(
                            .invalidCharacter, "a control character (\(TerminalText.code(next))) in the line",
                            at: line.span(at: end), label: "invisible character", help: "delete it")
                        return (tokens, problem)
                    }
                    end += 1
                }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: line.scalars[index..<end])
                tokens.append(token(.word, String(text), to: end))
                index = end
            }
        }
        return (tokens, nil)
    }

    /// The string opening at `start`, escapes resolved, with what is wrong in it: what the playbook's
    /// lexer says of the same string (`StringLiteral`).
    private func quoted(from start: Int) -> (ScenarioToken, Diagnostic?) {
        var value = String.UnicodeScalarView()
        func token(to end: Int) -> ScenarioToken {
            ScenarioToken(kind: .quoted, text: String(value), start: start, end: end, span: line.span(start..<end))
        }
        var index = start + 1
        while index < line.count {
            let scalar = line[index]
            if scalar == "\"" { return (token(to: index + 1), nil) }
            if scalar == "\\", index + 1 < line.count {
                let escaped = line[index + 1]
                guard let meant = StringLiteral.unescaped(escaped) else {
                    return (token(to: index + 2), StringLiteral.unknownEscape(escaped, at: line.span(index..<(index + 2))))
                }
                value.append(meant)
                index += 2
                continue
            }
            if TerminalText.isUnsafe(scalar), scalar != "\t" {
                return (token(to: index + 1), StringLiteral.unsafeCharacter(scalar, at: line.span(at: index)))
            }
            value.append(scalar)
            index += 1
        }
        return (token(to: line.count), StringLiteral.unterminated(at: line.span(at: start)))
    }

    /// The text as shown in a message: invisible characters spelled out, long text cut short.
    static func visible(_ text: String) -> String {
        var shown = ""
        var count = 0
        for scalar in text.unicodeScalars {
            // A message is one line; a word of 100,000 characters would drown it.
            if count == 40 {
                shown += "…"
                break
            }
            count += 1
            switch scalar.properties.generalCategory {
            case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate,
                .privateUse:
                if scalar == " " { shown.unicodeScalars.append(scalar) } else { shown += "<\(TerminalText.code(scalar))>" }
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

extension ScenarioValue {
    /// The value as it would be written in a scenario file, for a message: `yes`, `"Economic buyer"`.
    var written: String {
        switch self {
        case .word(let word):
            return ScenarioLexer.visible(word)
        case .quoted(let text):
            // Cut short inside the quotes, so that a long name still reads as a string.
            return "\"" + ScenarioLexer.visible(String(StringLiteral.quoted(text).dropFirst().dropLast())) + "\""
        }
    }
}
