/// An unsigned integer of any size, for counting walks: a playbook of 50,000 stages has about
/// 10^10000 of them. Only what counting needs: addition, multiplication, comparison and decimal text.
///
/// Little-endian 64-bit limbs without leading zero limbs, so zero has none and equal values have
/// equal limbs.
public struct BigUInt: Sendable, Hashable, Comparable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    private(set) var limbs: [UInt64]

    public init() { limbs = [] }

    public init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    public init(integerLiteral value: UInt64) { self.init(value) }

    /// The value of a string of decimal digits; nil for anything else (an empty string included).
    public init?(decimal text: some StringProtocol) {
        guard !text.isEmpty else { return nil }
        var value = BigUInt()
        var chunk: UInt64 = 0
        var chunkDigits = 0
        for byte in text.utf8 {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            chunk = chunk * 10 + UInt64(byte - UInt8(ascii: "0"))
            chunkDigits += 1
            if chunkDigits == 19 {
                value.multiplyAdd(Self.chunkBase, chunk)
                chunk = 0
                chunkDigits = 0
            }
        }
        if chunkDigits > 0 { value.multiplyAdd(Self.powersOfTen[chunkDigits], chunk) }
        self = value
    }

    /// 10^19, the largest power of ten in a limb: decimal text is made 19 digits at a time.
    private static let chunkBase: UInt64 = 10_000_000_000_000_000_000
    private static let powersOfTen: [UInt64] = (0...19).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

    public var isZero: Bool { limbs.isEmpty }

    /// How many bits the value needs (0 for zero).
    public var bitWidth: Int {
        guard let top = limbs.last else { return 0 }
        return limbs.count * 64 - top.leadingZeroBitCount
    }

    // MARK: Arithmetic

    public static func += (lhs: inout BigUInt, rhs: BigUInt) {
        guard !rhs.limbs.isEmpty else { return }
        guard !lhs.limbs.isEmpty else {
            lhs = rhs
            return
        }
        if lhs.limbs.count < rhs.limbs.count {
            lhs.limbs.append(contentsOf: repeatElement(0, count: rhs.limbs.count - lhs.limbs.count))
        }
        var carry: UInt64 = 0
        lhs.limbs.withUnsafeMutableBufferPointer { sum in
            rhs.limbs.withUnsafeBufferPointer { other in
                for index in 0..<other.count {
                    let (partial, overflow) = sum[index].addingReportingOverflow(other[index])
                    let (total, carried) = partial.addingReportingOverflow(carry)
                    sum[index] = total
                    carry = (overflow ? 1 : 0) + (carried ? 1 : 0)
                }
                var index = other.count
                while carry != 0, index < sum.count {
                    let (total, overflow) = sum[index].addingReportingOverflow(carry)
                    sum[index] = total
                    carry = overflow ? 1 : 0
                    index += 1
                }
            }
        }
        if carry != 0 { lhs.limbs.append(carry) }
    }

    /// A new sum, made in one pass (`+=` on a value that shares its limbs would copy them first).
    public static func + (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        let (long, short) = lhs.limbs.count >= rhs.limbs.count ? (lhs.limbs, rhs.limbs) : (rhs.limbs, lhs.limbs)
        guard !short.isEmpty else { return BigUInt(limbs: long) }
        var carry: UInt64 = 0
        let sum = [UInt64](unsafeUninitializedCapacity: long.count + 1) { buffer, initialized in
            long.withUnsafeBufferPointer { long in
                short.withUnsafeBufferPointer { short in
                    for index in 0..<long.count {
                        let (partial, overflow) = long[index].addingReportingOverflow(index < short.count ? short[index] : 0)
                        let (total, carried) = partial.addingReportingOverflow(carry)
                        buffer[index] = total
                        carry = (overflow ? 1 : 0) + (carried ? 1 : 0)
                    }
                }
            }
            buffer[long.count] = carry
            initialized = carry == 0 ? long.count : long.count + 1
        }
        return BigUInt(limbs: sum)
    }

    private init(limbs: [UInt64]) { self.limbs = limbs }

    /// Schoolbook multiplication: counts are multiplied once per `call`, not per node.
    public static func * (lhs: BigUInt, rhs: BigUInt) -> BigUInt {
        guard !lhs.limbs.isEmpty, !rhs.limbs.isEmpty else { return BigUInt() }
        if rhs.limbs == [1] { return lhs }
        if lhs.limbs == [1] { return rhs }
        var product = [UInt64](repeating: 0, count: lhs.limbs.count + rhs.limbs.count)
        product.withUnsafeMutableBufferPointer { result in
            lhs.limbs.withUnsafeBufferPointer { left in
                rhs.limbs.withUnsafeBufferPointer { right in
                    for i in 0..<left.count {
                        var carry: UInt64 = 0
                        for j in 0..<right.count {
                            // left × right + result + carry < 2^128: the high half never overflows.
                            let (high, low) = left[i].multipliedFullWidth(by: right[j])
                            let (partial, overflow) = low.addingReportingOverflow(result[i + j])
                            let (total, carried) = partial.addingReportingOverflow(carry)
                            result[i + j] = total
                            carry = high &+ (overflow ? 1 : 0) &+ (carried ? 1 : 0)
                        }
                        result[i + right.count] = carry
                    }
                }
            }
        }
        var value = BigUInt()
        value.limbs = product
        value.trim()
        return value
    }

    /// self = self × factor + addend.
    private mutating func multiplyAdd(_ factor: UInt64, _ addend: UInt64) {
        var carry = addend
        for index in limbs.indices {
            let (high, low) = limbs[index].multipliedFullWidth(by: factor)
            let (total, overflow) = low.addingReportingOverflow(carry)
            limbs[index] = total
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { limbs.append(carry) }
    }

    /// Divides in place by a divisor that is not zero; returns the remainder.
    private mutating func divide(by divisor: UInt64) -> UInt64 {
        var remainder: UInt64 = 0
        limbs.withUnsafeMutableBufferPointer { digits in
            for index in stride(from: digits.count - 1, through: 0, by: -1) {
                let (quotient, rest) = divisor.dividingFullWidth((remainder, digits[index]))
                digits[index] = quotient
                remainder = rest
            }
        }
        trim()
        return remainder
    }

    private mutating func trim() {
        while limbs.last == 0 { limbs.removeLast() }
    }

    // MARK: Comparison and text

    public static func < (lhs: BigUInt, rhs: BigUInt) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in stride(from: lhs.limbs.count - 1, through: 0, by: -1) where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// The decimal digits, without separators. Quadratic in the length: call it once per number
    /// shown, not per node.
    public var description: String {
        guard limbs.count > 1 else { return String(limbs.first ?? 0) }
        var rest = self
        var chunks: [UInt64] = []
        chunks.reserveCapacity(limbs.count * 64 / 63 + 1)
        while !rest.isZero { chunks.append(rest.divide(by: Self.chunkBase)) }
        var text = String(chunks.removeLast())
        text.reserveCapacity(text.utf8.count + chunks.count * 19)
        for chunk in chunks.reversed() {
            let digits = String(chunk)
            text += String(repeating: "0", count: 19 - digits.utf8.count)
            text += digits
        }
        return text
    }
}
