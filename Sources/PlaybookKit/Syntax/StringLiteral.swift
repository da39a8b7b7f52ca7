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
