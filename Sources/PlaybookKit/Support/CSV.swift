/// RFC 4180 CSV: fields with a comma, a quote, CR or LF are quoted, quotes inside doubled; rows
/// end with CRLF. Written as UTF-8 after a byte order mark, so that Excel and LibreOffice read
/// Vietnamese, Hebrew, Chinese and Thai as they are.
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
