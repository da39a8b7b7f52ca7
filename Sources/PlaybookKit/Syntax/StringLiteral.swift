/// The one definition of a string literal, shared by every reader and writer of the playbook and
/// scenario languages: `"` to `"` on one line, with the escapes `\" \\ \{ \} \n \t`.
///
/// A string cannot hold the other control characters (C0, DEL, C1) or the bidirectional
/// controls: no escape writes them, and both readers refuse them as written.
public enum StringLiteral {
    /// The escapes, as a message lists them.
    public static let escapes = #"\" \\ \{ \} \n \t"#

    /// What the escape `\letter` stands for (`n`: a line feed), or nil when it is not an escape.
    public static func unescaped(_ letter: Unicode.Scalar) -> Unicode.Scalar? {
        switch letter {
        case "\"", "\\", "{", "}": letter
        case "n": "\n"
        case "t": "\t"
        default: nil
        }
    }

    /// The byte that `\` and `letter` stand for in a literal read again from its source (an
    /// unknown escape, already reported, stands for its letter).
    static func unescaped(byte letter: UInt8) -> UInt8 {
        unescaped(Unicode.Scalar(letter)).map { UInt8($0.value) } ?? letter
    }

    /// `text` as a literal that reads back as `text`: quotes, backslashes, braces (which would
    /// otherwise show an answer), line feeds and tabs escaped.
    public static func quoted(_ text: String) -> String {
        var literal = "\""
        literal.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "{", "}":
                literal.unicodeScalars.append("\\")
                literal.unicodeScalars.append(scalar)
            case "\n": literal += "\\n"
            case "\t": literal += "\\t"
            default: literal.unicodeScalars.append(scalar)
            }
        }
        return literal + "\""
    }
}

/// What is wrong in a string literal, said the same way for a playbook and a scenario file.
extension StringLiteral {
    /// `\q`: a backslash before a letter that is not an escape; `span` covers both.
    static func unknownEscape(_ letter: Unicode.Scalar, at span: Span) -> Diagnostic {
        Diagnostic(
            .badStringContent, "unknown escape '\\\(Character(letter))' in a string", at: span, label: "not an escape",
            help: "the escapes are \(escapes); write \\\\ for a backslash")
    }

    /// A control character (C0 but the tab, DEL, C1) or a bidirectional control written in a string.
    /// A C1 control may be taken by a terminal for the start of an escape sequence, as ESC is; a
    /// bidirectional control reorders how the line shows.
    static func unsafeCharacter(_ scalar: Unicode.Scalar, at span: Span) -> Diagnostic {
        let code = TerminalText.code(scalar)
        if scalar.value < 0xA0 {
            return Diagnostic(
                .badStringContent, "a control character (\(code)) in a string", at: span, label: "invisible character",
                help: "delete it; for a tab write \\t, for a new line \\n")
        }
        return Diagnostic(
            .badStringContent, "a bidirectional control (\(code)) in a string", at: span,
            label: "invisible: it changes the order in which text is shown",
            help: "delete it; to keep a word's direction in mixed Hebrew and English text, a mark (U+200E or U+200F) is enough")
    }

    /// A string that does not end on its line; `span` is its opening quote.
    static func unterminated(at span: Span) -> Diagnostic {
        Diagnostic(
            .unterminatedString, "unterminated string", at: span, label: "this string never ends",
            help: "add a closing '\"' before the end of the line")
    }
}
