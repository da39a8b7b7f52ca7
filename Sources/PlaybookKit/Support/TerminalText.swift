/// Outside text (a playbook's strings, a record's fields, a file name, a typed answer) made safe
/// to print on a terminal. Every path that prints such text goes through here.
public enum TerminalText {
    /// Whether printing the scalar could make a terminal do something: C0 and C1 control
    /// characters (which start escape sequences), DEL, and the bidirectional overrides and
    /// isolates that reorder what a line shows.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// How a message names a character that cannot be seen: `U+1B`, `U+202E`.
    static func code(_ scalar: Unicode.Scalar) -> String { "U+" + String(scalar.value, radix: 16, uppercase: true) }

    /// The text with every unsafe scalar written as `<U+1B>`. With `lines`, line breaks and tabs
    /// are kept (text shown as paragraphs); without, they are marked too (a name, a field).
    public static func safe(_ text: String, lines: Bool = false) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool {
            isUnsafe(scalar) && !(lines && (scalar == "\n" || scalar == "\t"))
        }
        guard text.unicodeScalars.contains(where: unsafe) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if unsafe(scalar) {
                out += "<\(code(scalar))>"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
