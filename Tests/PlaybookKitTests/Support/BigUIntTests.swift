import Testing

@testable import PlaybookKit

struct BigUIntTests {
    static let english = ReportWords(language: "en")

    static func big(_ text: String) throws -> BigUInt { try #require(BigUInt(decimal: text)) }

    @Test func smallValuesPrintAsTheirDigits() {
        #expect(BigUInt().description == "0")
        #expect(BigUInt(7).description == "7")
        #expect(BigUInt(UInt64.max).description == "18446744073709551615")
        #expect(BigUInt().isZero)
        #expect(!BigUInt(1).isZero)
    }

    @Test func additionCarriesAcrossLimbs() throws {
        // 2^64 - 1 + 1 = 2^64: the carry makes a second limb.
        var value = BigUInt(UInt64.max)
        value += 1
        #expect(value.description == "18446744073709551616")
        #expect(value.bitWidth == 65)
        // A carry that runs through several full limbs: (2^192 - 1) + 1 = 2^192.
        let allOnes = try Self.big("6277101735386680763835789423207666416102355444464034512895")
        #expect((allOnes + 1).description == "6277101735386680763835789423207666416102355444464034512896")
        // Adding a short number to a long one, and a long one to a short one.
        #expect((BigUInt(5) + allOnes).description == "6277101735386680763835789423207666416102355444464034512900")
        #expect((allOnes + BigUInt()).description == allOnes.description)
    }

    @Test func thirtyDigitValuesAddAndMultiplyExactly() throws {
        let a = try Self.big("999999999999999999999999999999")  // 10^30 - 1
        let b = try Self.big("1")
        #expect((a + b).description == "1000000000000000000000000000000")
        // (10^30 - 1)^2 = 10^60 - 2·10^30 + 1.
        #expect((a * a).description == "999999999999999999999999999998000000000000000000000000000001")
        // 10^15 · 10^15 = 10^30; 2^64 · 2^64 = 2^128.
        #expect((try Self.big("1000000000000000") * Self.big("1000000000000000")).description == "1" + String(repeating: "0", count: 30))
        let twoTo64 = try Self.big("18446744073709551616")
        #expect((twoTo64 * twoTo64).description == "340282366920938463463374607431768211456")
        #expect((twoTo64 * BigUInt()).isZero)
        #expect((twoTo64 * 1) == twoTo64)
    }

    @Test func decimalTextRoundTrips() throws {
        for text in ["0", "9", "10000000000000000000", "9999999999999999999", "12345678901234567890123456789012345678901234567890"] {
            #expect(try Self.big(text).description == text)
        }
        #expect(try Self.big("000123").description == "123")
        #expect(BigUInt(decimal: "") == nil)
        #expect(BigUInt(decimal: "12a") == nil)
        #expect(BigUInt(decimal: "-1") == nil)
    }

    @Test func comparisonFollowsTheValue() throws {
        let small = try Self.big("18446744073709551615")
        let large = try Self.big("18446744073709551616")
        #expect(small < large)
        #expect(!(large < small))
        #expect(BigUInt() < BigUInt(1))
        #expect(try Self.big("340282366920938463463374607431768211455") < Self.big("340282366920938463463374607431768211456"))
        #expect(try Self.big("42") == BigUInt(42))
    }

    @Test func aTenThousandDigitPowerOfTwoIsExact() {
        // 2^33220 has 10,001 digits; made by squaring (large products) and checked against its ends.
        var value = BigUInt(1)
        var square = BigUInt(2)
        var exponent = 33220
        while exponent > 0 {
            if exponent % 2 == 1 { value = value * square }
            square = square * square
            exponent /= 2
        }
        let digits = value.description
        #expect(digits.count == 10001)
        // Python: pow(2, 33220, 10**5) == 20576, and str(2**33220) starts with 16460.
        #expect(digits.hasSuffix("20576"))
        #expect(digits.hasPrefix("16460"))
        #expect(value.readable(Self.english) == "≈ 1.65 × 10^10000 (10,001 digits)")
    }

    @Test func peopleReadGroupedDigitsOrAPowerOfTen() throws {
        #expect(BigUInt(0).readable(Self.english) == "0")
        #expect(BigUInt(999).readable(Self.english) == "999")
        #expect(BigUInt(1000).readable(Self.english) == "1,000")
        #expect(try Self.big("18446744073709551616").readable(Self.english) == "18,446,744,073,709,551,616")
        // 30 digits still in full; 31 as a power of ten, rounded to three digits.
        #expect(try Self.big("123456789012345678901234567890").readable(Self.english) == "123,456,789,012,345,678,901,234,567,890")
        #expect(try Self.big("1234567890123456789012345678901").readable(Self.english) == "≈ 1.23 × 10^30 (31 digits)")
        #expect(try Self.big("1235567890123456789012345678901").readable(Self.english) == "≈ 1.24 × 10^30 (31 digits)")
        // 9.995... rounds up to the next power of ten.
        #expect(try Self.big("9995000000000000000000000000000").readable(Self.english) == "≈ 1.00 × 10^31 (31 digits)")
    }
}
