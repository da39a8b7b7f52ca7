/// `file:` URIs (RFC 8089) and the paths they name: the client sends percent-encoded UTF-8
/// (`file:///home/an/T%C3%A0i%20li%E1%BB%87u/a.playbook`), the checker reads paths.
public enum DocumentURI {
    /// The absolute path a `file:` URI names, percent-decoded; nil for another scheme, a host
    /// other than none or `localhost`, a relative path, a bad escape or bytes that are not UTF-8.
    public static func path(of uri: String) -> String? {
        let bytes = Array(uri.utf8)
        let scheme = Array("file://".utf8)
        guard bytes.count > scheme.count, String(decoding: bytes.prefix(scheme.count), as: UTF8.self).lowercased() == "file://" else {
            return nil
        }
        var rest = bytes[scheme.count...]
        // The authority: empty, or this machine by name.
        guard let slash = rest.firstIndex(of: UInt8(ascii: "/")) else { return nil }
        let host = String(decoding: rest[..<slash], as: UTF8.self).lowercased()
        guard host.isEmpty || host == "localhost" else { return nil }
        rest = rest[slash...]
        // A query or fragment is not part of a file's name.
        if let end = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { rest = rest[..<end] }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(rest.count)
        var index = rest.startIndex
        while index < rest.endIndex {
            let byte = rest[index]
            guard byte == UInt8(ascii: "%") else {
                decoded.append(byte)
                index += 1
                continue
            }
            guard index + 2 < rest.endIndex, let high = hexValue(rest[index + 1]), let low = hexValue(rest[index + 2]) else {
                return nil
            }
            decoded.append(high << 4 | low)
            index += 3
        }
        // UTF-8 without a NUL (which no path can hold): a name the checker can show.
        guard UTF8Validation.firstProblem(decoded) == nil else { return nil }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The `file:` URI of an absolute path: every byte but the unreserved ones (RFC 3986:
    /// letters, digits, `-._~`) and `/` percent-encoded, with uppercase hex digits.
    public static func uri(of path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let digits = Array("0123456789ABCDEF".utf8)
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(digits[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(digits[Int(byte & 0x0F)]))
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
