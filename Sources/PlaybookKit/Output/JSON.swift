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

    private static func quote(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                // Controls, and what a terminal showing the JSON would act on (C1 controls,
                // bidirectional controls), as escapes: the same text for a reader, nothing raw.
                if scalar.value < 0x20 || TerminalText.isUnsafe(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
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
