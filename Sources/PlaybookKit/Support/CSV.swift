/// RFC 4180 CSV, as spreadsheets open it: fields with a comma, a quote, a CR or an LF quoted, the
/// quotes inside doubled, lines ended with CRLF, and the file started with a UTF-8 byte order mark
/// so that Excel reads Vietnamese, Hebrew, Chinese and Thai as UTF-8.
public enum CSV {
    /// The byte order mark, U+FEFF, that starts a file.
    public static let byteOrderMark = "\u{FEFF}"

    /// One line: the fields, each quoted when it must be, and CRLF.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// A field as written: quoted when it holds a comma, a quote, a CR or an LF.
    public static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }) else {
            return text
        }
        // By scalars: a quote followed by a combining mark is one Character, and still a quote.
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append("\"") }
        }
        out.append("\"")
        return String(out)
    }

    /// Outside text (a name, a title, an answer) that a spreadsheet would read as a formula (it
    /// starts with `=`, `+`, `-`, `@`, a tab or a CR) with a `'` before it, which spreadsheets show
    /// as text; a plain number (`-5`) and other text as they are. Numbers the report writes itself do not go through here.
    public static func text(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        // A plain number (`-5`, `+2.5`) is no formula: a spreadsheet should read it as the number.
        let rest = text.utf8.dropFirst()
        let digits = rest.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        if first == "-" || first == "+", !rest.isEmpty, digits.allSatisfy({ !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }) {
            return text
        }
        return "'" + text
    }
}
