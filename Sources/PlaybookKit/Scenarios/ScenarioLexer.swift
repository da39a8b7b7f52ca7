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
    /// The 1-based column of the token's first scalar.
    var column: Int
    /// The 1-based column just past the token's last scalar.
    var endColumn: Int

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
    let line: [Unicode.Scalar]
    let number: Int

    /// The tokens from index `start`; on a malformed token, the tokens before it and what is wrong.
    /// A string that does not end is still returned, so a `scenario` line keeps its name.
    func tokens(from start: Int) -> (tokens: [ScenarioToken], problem: ScenarioProblem?) {
        var tokens: [ScenarioToken] = []
        var index = start
        while index < line.count {
            let scalar = line[index]
            if scalar == "#" { break }
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            switch scalar {
            case "=":
                tokens.append(ScenarioToken(kind: .equals, text: "=", column: index + 1, endColumn: index + 2))
                index += 1
            case ",":
                tokens.append(ScenarioToken(kind: .comma, text: ",", column: index + 1, endColumn: index + 2))
                index += 1
            case "\"":
                let (token, problem) = quoted(from: index)
                tokens.append(token)
                if let problem { return (tokens, problem) }
                index = token.endColumn - 1
            default:
                var end = index
                while end < line.count {
                    let next = line[end]
                    if next == "#" || next == "=" || next == "," || next == "\"" || next.properties.isWhitespace { break }
                    if Self.isControl(next) {
                        let problem = ScenarioProblem(
                            line: number, column: end + 1,
                            message: "a control character (\(Self.code(next))) in the line; delete it")
                        return (tokens, problem)
                    }
                    end += 1
                }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: line[index..<end])
                tokens.append(ScenarioToken(kind: .word, text: String(text), column: index + 1, endColumn: end + 1))
                index = end
            }
        }
        return (tokens, nil)
    }

    /// The string opening at `start`, escapes resolved, with what is wrong in it.
    private func quoted(from start: Int) -> (ScenarioToken, ScenarioProblem?) {
        var value = String.UnicodeScalarView()
        func token(to end: Int) -> ScenarioToken {
            ScenarioToken(kind: .quoted, text: String(value), column: start + 1, endColumn: end + 1)
        }
        var index = start + 1
        while index < line.count {
            let scalar = line[index]
            if scalar == "\"" { return (token(to: index + 1), nil) }
            if scalar == "\\", index + 1 < line.count {
                let escaped = line[index + 1]
                guard let meant = StringLiteral.unescaped(escaped) else {
                    let problem = ScenarioProblem(
                        line: number, column: index + 1,
                        message: "unknown escape '\\\(Self.visible(String(escaped)))' in a string; "
                            + "the escapes are \(StringLiteral.escapes), so write \\\\ for a backslash")
                    return (token(to: index + 2), problem)
                }
                value.append(meant)
                index += 2
                continue
            }
            if Self.isControl(scalar), scalar != "\t" {
                let problem = ScenarioProblem(
                    line: number, column: index + 1,
                    message: "a control character (\(Self.code(scalar))) in a string; delete it, "
                        + "or write \\t for a tab and \\n for a line break")
                return (token(to: index + 1), problem)
            }
            value.append(scalar)
            index += 1
        }
        let problem = ScenarioProblem(
            line: number, column: start + 1,
            message: "unterminated string; add a closing '\"' before the end of the line")
        return (token(to: line.count), problem)
    }

    /// C0 and C1 controls, and the bidirectional controls that reorder how a line shows.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.isUnsafe(scalar)
    }

    /// `U+00A0`: how a character that cannot be seen is named in a message.
    static func code(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
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
                if scalar == " " { shown.unicodeScalars.append(scalar) } else { shown += "<\(code(scalar))>" }
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}

extension ScenarioValue {
    /// The value as it would be written in a scenario file: `yes`, `"Economic buyer"`.
    var written: String {
        switch self {
        case .word(let word):
            return ScenarioLexer.visible(word)
        case .quoted(let text):
            return ScenarioLexer.visible(StringLiteral.quoted(text))
        }
    }
}
