#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value during a walk: an answer, a variable or the score.
public enum Value: Sendable, Hashable {
    case number(Double)
    case text(String)
    case bool(Bool)

    /// The value as a person reads it: numbers in POSIX form with no trailing zeros (`4800`,
    /// `2.5`), yes/no in the playbook's language, text as it is.
    public func display(yes: String = "yes", no: String = "no") -> String {
        switch self {
        case .number(let number): Value.format(number)
        case .text(let text): text
        case .bool(let flag): flag ? yes : no
        }
    }

    /// The value as the playbook language writes it: `4800`, `"Champion"`, `yes`.
    public var literal: String {
        switch self {
        case .number(let number): Value.format(number)
        case .text(let text): "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
        case .bool(let flag): flag ? "yes" : "no"
        }
    }

    /// Twelve significant digits: `0.1 + 0.2` shows as `0.3`, integers in full up to 10^15. The
    /// C library formats in the "C" locale, since this process never calls `setlocale`.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-∞" : "∞" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var buffer = [CChar](repeating: 0, count: 40)
        let count = withVaList([number]) { vsnprintf(&buffer, buffer.count, "%.12g", $0) }
        return String(decoding: buffer.prefix(max(0, min(Int(count), buffer.count - 1))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension String {
    /// Every occurrence of `target` replaced (the standard library has no such method without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
