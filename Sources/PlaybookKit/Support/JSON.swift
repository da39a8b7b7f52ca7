/// A JSON value, written with sorted keys so that output is byte-for-byte deterministic.
///
/// Whole numbers that fit in `Int` are `.int`; every other number is `.number`. Reading gives the
/// same split, so a `.number` with a whole value (written as `4800`) reads back as `.int(4800)`:
/// readers should ask for `.double` or `.int` rather than match the case.
public enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// Compact JSON on one line.
    public var text: String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .number(let value): Self.write(value, to: &output)
        case .string(let value): Self.quote(value, into: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output += "," }
                Self.quote(member.key, into: &output)
                output += ":"
                member.value.write(to: &output)
            }
            output += "}"
        }
    }

    private static func write(_ value: Double, to output: inout String) {
        // JSON has no NaN or infinity; null is what other writers (JavaScript's included) put there.
        guard value.isFinite else {
            output += "null"
            return
        }
        // Below 1e15 every whole Double is exact as an Int and shorter without ".0" or an exponent,
        // so counts and milliseconds read as people write them.
        if value.rounded(.towardZero) == value, value.magnitude < 1e15 {
            output += String(Int(value))
        } else {
            // Swift's shortest round-trip digits, the same on every machine whatever its locale.
            output += value.description
        }
    }

    /// The string as a JSON string literal. The text between the characters that need escaping
    /// is copied a run at a time, not a character at a time: a note may be megabytes long.
    private static func quote(_ value: String, into output: inout String) {
        output += "\""
        let utf8 = value.utf8
        var plain = utf8.startIndex
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            var width = 1
            var escaped: String?
            switch byte {
            case UInt8(ascii: "\""): escaped = "\\\""
            case UInt8(ascii: "\\"): escaped = "\\\\"
            case UInt8(ascii: "\n"): escaped = "\\n"
            case UInt8(ascii: "\r"): escaped = "\\r"
            case UInt8(ascii: "\t"): escaped = "\\t"
            case 0..<0x20, 0x7F: escaped = Self.unicodeEscape(UInt32(byte))
            case 0xC2, 0xE2:
                // Two- and three-byte scalars a terminal showing the JSON would act on (C1
                // controls, bidirectional controls), and U+2028 and U+2029 (line breaks to
                // JavaScript), as escapes: the same text for a reader, nothing raw.
                let rest = Array(utf8[utf8.index(after: index)...].prefix(byte == 0xC2 ? 1 : 2))
                guard rest.count == (byte == 0xC2 ? 1 : 2) else { break }
                let code = byte == 0xC2
                    ? UInt32(byte & 0x1F) << 6 | UInt32(rest[0] & 0x3F)
                    : UInt32(byte & 0x0F) << 12 | UInt32(rest[0] & 0x3F) << 6 | UInt32(rest[1] & 0x3F)
                if let scalar = Unicode.Scalar(code), TerminalText.isUnsafe(scalar) || code == 0x2028 || code == 0x2029 {
                    escaped = Self.unicodeEscape(code)
                    width = 1 + rest.count
                }
            default: break
            }
            if let escaped {
                output += value[plain..<index]
                output += escaped
                index = utf8.index(index, offsetBy: width)
                plain = index
            } else {
                index = utf8.index(after: index)
            }
        }
        output += value[plain...]
        output += "\""
    }

    /// `\u001b`: four hexadecimal digits, lowercase, as JSON writes a scalar of the BMP.
    private static func unicodeEscape(_ code: UInt32) -> String {
        let hex = String(code, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

// MARK: - Reading values

extension JSON {
    /// The member named `key` of an object; nil for a missing key or a value that is not an object.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The text of a string value.
    public var string: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// Any number, as a Double.
    public var double: Double? {
        switch self {
        case .int(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// A whole number that fits in Int, whichever case holds it.
    public var int: Int? {
        switch self {
        case .int(let value): value
        case .number(let value): Int(exactly: value)
        default: nil
        }
    }

    /// The value of true or false.
    public var bool: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    /// The elements of an array.
    public var array: [JSON]? {
        guard case .array(let values) = self else { return nil }
        return values
    }

    /// The members of an object.
    public var object: [String: JSON]? {
        guard case .object(let members) = self else { return nil }
        return members
    }
}
