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

    /// The value as a person reads it: numbers with no trailing zeros (`4800`, `2.5`, and in
    /// `style`, `250,000`), yes/no in the playbook's language, text as it is.
    public func display(yes: String = "yes", no: String = "no", style: NumberStyle = .plain) -> String {
        switch self {
        case .number(let number): Value.format(number, style: style)
        case .text(let text): text
        case .bool(let flag): flag ? yes : no
        }
    }

    /// The value as the playbook language writes it, exactly: `4800`, `2.675`, `"Champion"`, `yes`.
    public var literal: String {
        switch self {
        case .number(let number): Value.exact(number)
        case .text(let text): StringLiteral.quoted(text)
        case .bool(let flag): flag ? "yes" : "no"
        }
    }

    /// For people: integers in full up to 10^15, other numbers to two decimals at most
    /// (`66.67`, `0.3`, `2.5`), tiny ones to three significant digits. The C library formats in
    /// the "C" locale, since this process never calls `setlocale`.
    public static func format(_ number: Double) -> String {
        if number.isNaN { return "NaN" }
        if number.isInfinite { return number < 0 ? "-∞" : "∞" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        if abs(number) >= 1e15 { return printf("%.12g", number) }
        if abs(number) < 0.005 { return printf("%.3g", number) }
        var fixed = printf("%.2f", number)
        while fixed.hasSuffix("0") { fixed.removeLast() }
        if fixed.hasSuffix(".") { fixed.removeLast() }
        return fixed == "-0" ? "0" : fixed
    }

    /// For people, as `style` writes numbers: `250,000` and `2.5`, or in Vietnamese `250.000` and `2,5`.
    public static func format(_ number: Double, style: NumberStyle) -> String {
        let plain = format(number)
        guard style != .plain, number.isFinite, !plain.contains("e") else { return plain }
        let negative = plain.hasPrefix("-")
        let parts = plain.drop { $0 == "-" }.split(separator: ".", omittingEmptySubsequences: false)
        var integer = String(parts[0])
        if integer.count >= NumberStyle.groupingFrom, !style.grouping.isEmpty {
            var grouped = ""
            for (index, digit) in integer.enumerated() {
                if index > 0, (integer.count - index) % 3 == 0 { grouped += style.grouping }
                grouped.append(digit)
            }
            integer = grouped
        }
        return (negative ? "-" : "") + integer + (parts.count > 1 ? style.decimal + parts[1] : "")
    }

    /// Exactly, for files read back: integers in full, other numbers in their shortest form that
    /// reads back as the same Double (`0.30000000000000004`).
    public static func exact(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return number.description
    }

    private static func printf(_ format: String, _ number: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let count = withVaList([number]) { vsnprintf(&buffer, buffer.count, format, $0) }
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
