/// Percent-encoding of URLs (RFC 3986) and the `application/x-www-form-urlencoded` format of
/// query strings and form bodies (WHATWG URL, §5).
public enum URLEncoding {
    /// The bytes with each `%XX` decoded, and with `plusIsSpace` each `+` a space (form style);
    /// nil when a `%` is not followed by two hex digits.
    public static func decode(_ bytes: some Sequence<UInt8>, plusIsSpace: Bool) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.underestimatedCount)
        var pending: (count: Int, value: UInt8) = (0, 0)  // inside an escape: digits seen so far
        for byte in bytes {
            if pending.count > 0 {
                guard let digit = hexValue(byte) else { return nil }
                if pending.count == 1 {
                    pending = (2, digit << 4)
                } else {
                    out.append(pending.value | digit)
                    pending = (0, 0)
                }
            } else if byte == UInt8(ascii: "%") {
                pending = (1, 0)
            } else {
                out.append(plusIsSpace && byte == UInt8(ascii: "+") ? 0x20 : byte)
            }
        }
        return pending.count == 0 ? out : nil
    }

    /// As `decode`, as text: nil also when the decoded bytes are not UTF-8.
    public static func decodeText(_ bytes: some Sequence<UInt8>, plusIsSpace: Bool) -> String? {
        decode(bytes, plusIsSpace: plusIsSpace).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// The pairs of `a=1&b=two+words`, decoded; a name without `=` has the empty value, and the
    /// last of a name wins. Nil when a name or a value does not decode to UTF-8.
    public static func form(_ bytes: some Collection<UInt8>) -> [String: String]? {
        var fields: [String: String] = [:]
        for pair in bytes.split(separator: UInt8(ascii: "&")) {
            let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
            let valueStart = equals == pair.endIndex ? equals : pair.index(after: equals)
            guard let name = decodeText(pair[..<equals], plusIsSpace: true),
                let value = decodeText(pair[valueStart...], plusIsSpace: true)
            else { return nil }
            fields[name] = value
        }
        return fields
    }

    /// The text as one component of a URL (a path segment, a query name or value): every byte
    /// but the unreserved ones (`A-Z a-z 0-9 - . _ ~`) written `%XX`.
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + hexDigits[Int(byte >> 4)] + hexDigits[Int(byte & 0xF)]
            }
        }
        return out
    }

    private static let hexDigits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F"]

    /// The value of one hex digit, either case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
