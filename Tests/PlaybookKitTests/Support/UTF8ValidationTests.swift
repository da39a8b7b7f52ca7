import Testing

@testable import PlaybookKit

/// The first byte that is not UTF-8, or the NUL of a binary file.
struct UTF8ValidationTests {
    static func problem(_ bytes: [UInt8]) -> UTF8Validation.Problem? { UTF8Validation.firstProblem(bytes) }

    /// Long enough for the eight-bytes-at-a-time path before and after the bytes looked at.
    static let padding = Array("stage discovery \"Discovery\"\n".utf8)

    @Test func validTextHasNoProblem() {
        for text in ["", "a", "say \"Người mua\"", "预算 งบประมาณ תקציב", "👍🏽 \u{10FFFF} \u{FFFF} \u{E000} \u{D7FF}"] {
            #expect(Self.problem(Array(text.utf8)) == nil, "\(text)")
            #expect(Self.problem(Self.padding + Array(text.utf8) + Self.padding) == nil, "\(text)")
        }
    }

    @Test(arguments: [
        ([0x80], 1), ([0xBF], 1),  // a continuation byte first
        ([0xC0, 0xAF], 1), ([0xC1, 0xBF], 1),  // overlong two-byte forms
        ([0xE0, 0x80, 0xAF], 1),  // overlong three-byte form
        ([0xED, 0xA0, 0x80], 1),  // a UTF-16 surrogate
        ([0xF0, 0x80, 0x80, 0xAF], 1),  // overlong four-byte form
        ([0xF4, 0x90, 0x80, 0x80], 1),  // above U+10FFFF
        ([0xF5, 0x80, 0x80, 0x80], 1), ([0xFF], 1),  // never in UTF-8
        ([0xC3, 0x41], 1),  // the second byte is not a continuation
        ([0xE4, 0xB8, 0x41], 2), ([0xF0, 0x9F, 0x91, 0x41], 3),  // a later byte is not one
    ] as [([UInt8], Int)])
    func invalidSequenceIsFoundWhereItStarts(_ bytes: [UInt8], length: Int) {
        #expect(Self.problem(bytes) == .invalid(offset: 0, length: length))
        let offset = Self.padding.count + 2
        #expect(Self.problem(Self.padding + Array("ok".utf8) + bytes + Self.padding) == .invalid(offset: offset, length: length))
    }

    @Test func sequenceCutByTheEndOfTheFile() {
        #expect(Self.problem([0x61, 0xE4, 0xB8]) == .invalid(offset: 1, length: 2))
        #expect(Self.problem([0xF0]) == .invalid(offset: 0, length: 1))
        #expect(Self.problem(Self.padding + [0xF0, 0x9F, 0x91]) == .invalid(offset: Self.padding.count, length: 3))
    }

    @Test func nulMakesAFileBinary() {
        #expect(Self.problem([0x61, 0x00, 0x62]) == .nul(offset: 1))
        // In the first 8 KiB a NUL wins over an earlier byte that is not UTF-8 (the file is binary).
        #expect(Self.problem([0xFF, 0x61, 0x00]) == .nul(offset: 2))
        // Further on, the first problem is reported, whichever it is.
        let far = [UInt8](repeating: 0x61, count: 9000)
        #expect(Self.problem(far + [0x00, 0xFF]) == .nul(offset: 9000))
        #expect(Self.problem(far + [0xFF, 0x00]) == .invalid(offset: 9000, length: 1))
        // Inside the eight-byte path: every position of a word.
        for position in 0..<16 {
            var bytes = [UInt8](repeating: 0x61, count: 24)
            bytes[position] = 0
            #expect(Self.problem(bytes) == .nul(offset: position))
            #expect(Self.problem(far + bytes) == .nul(offset: 9000 + position))
        }
    }
}
