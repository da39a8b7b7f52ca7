import Testing

@testable import PlaybookKit

/// Positions as the protocol counts them: UTF-16 code units by default (an emoji is two), UTF-8
/// and UTF-32 when agreed, clamped the way LSP 3.17 says, in the scripts playbooks are written in.
struct LineIndexTests {
    /// Lines in English, Vietnamese (precomposed, and with combining marks), Chinese, Thai,
    /// Hebrew and emoji, with LF and CRLF breaks.
    static let text = [
        "stage qualify \"Qualify\"",
        "  ask ngân_sách \"Ngân sách đã được duyệt chưa?\" yes/no",
        "  say \"nga\u{0302}n ha\u{0300}ng\"",
        "  ask 预算 \"客户今年有预算吗？\" yes/no\r",
        "  say \"ลูกค้าที่สนใจ\"",
        "  say \"שָׁלוֹם עולם\"\r",
        "  say \"🎉 👩🏽‍💻 𠀋\"",
        "",
    ].joined(separator: "\n")

    static var bytes: [UInt8] { Array(text.utf8) }

    /// What a client computes, with the standard library's views of the same line.
    static func reference(line: Int, character: Int, encoding: PositionEncoding) -> Int {
        // By bytes: to String, CRLF is one Character, and splitting at "\n" would miss it.
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard line < lines.count else { return bytes.count }
        let lineStart = lines[..<line].reduce(0) { $0 + $1.count + 1 }
        var raw = lines[line]
        if raw.last == UInt8(ascii: "\r") { raw = raw.dropLast() }
        let content = String(decoding: raw, as: UTF8.self)
        var units = 0
        var offset = 0
        for scalar in content.unicodeScalars {
            let width = switch encoding {
            case .utf8: scalar.utf8.count
            case .utf16: scalar.utf16.count
            case .utf32: 1
            }
            if units + width > character { break }
            units += width
            offset += scalar.utf8.count
        }
        return lineStart + offset
    }

    @Test(arguments: PositionEncoding.allCases)
    func everyPositionNamesTheByteAClientMeans(_ encoding: PositionEncoding) {
        let index = LineIndex(Self.bytes)
        #expect(index.lineCount == 8)
        for line in 0..<9 {
            for character in 0..<70 {
                let position = LSPPosition(line: line, character: character)
                let offset = index.offset(of: position, in: Self.bytes, encoding: encoding)
                #expect(offset == Self.reference(line: line, character: character, encoding: encoding), "\(encoding) \(position)")
                // And back: a position at a character's start reads back as itself.
                let back = index.position(of: offset, in: Self.bytes, encoding: encoding)
                #expect(index.offset(of: back, in: Self.bytes, encoding: encoding) == offset, "\(encoding) \(position)")
            }
        }
    }

    @Test func surrogatePairsCountTwoAndAPositionInsideOneStopsBeforeIt() {
        let bytes = Array("a🎉b".utf8)
        let index = LineIndex(bytes)
        let offsets = (0...5).map { index.offset(of: LSPPosition(line: 0, character: $0), in: bytes, encoding: .utf16) }
        #expect(offsets == [0, 1, 1, 5, 6, 6])
        #expect(index.position(of: 5, in: bytes, encoding: .utf16) == LSPPosition(line: 0, character: 3))
        #expect(index.position(of: 5, in: bytes, encoding: .utf32) == LSPPosition(line: 0, character: 2))
        #expect(index.position(of: 5, in: bytes, encoding: .utf8) == LSPPosition(line: 0, character: 5))
    }

    @Test func vietnameseCombiningMarksAreCharactersOfTheirOwn() {
        // "ngân" precomposed is 4 units; with a combining circumflex, 5.
        let precomposed = Array("ngân|".utf8)
        let combining = Array("nga\u{0302}n|".utf8)
        #expect(LineIndex(precomposed).position(of: precomposed.count - 1, in: precomposed, encoding: .utf16).character == 4)
        #expect(LineIndex(combining).position(of: combining.count - 1, in: combining, encoding: .utf16).character == 5)
    }

    @Test func positionsPastTheEndClampAsTheProtocolSays() {
        let bytes = Array("ab\r\ncd".utf8)
        let index = LineIndex(bytes)
        // Past a CRLF line's end: before the CR; past the last line: the end of the text.
        #expect(index.offset(of: LSPPosition(line: 0, character: 99), in: bytes, encoding: .utf16) == 2)
        #expect(index.offset(of: LSPPosition(line: 7, character: 0), in: bytes, encoding: .utf16) == 6)
        #expect(index.offset(of: LSPPosition(line: -1, character: 4), in: bytes, encoding: .utf16) == 0)
        #expect(index.offset(of: LSPPosition(line: 1, character: -3), in: bytes, encoding: .utf16) == 4)
        #expect(index.position(of: 99, in: bytes, encoding: .utf16) == LSPPosition(line: 1, character: 2))
        // A lone CR is a character, as the checker reads it.
        let lone = Array("a\rb".utf8)
        #expect(LineIndex(lone).lineCount == 1)
        #expect(LineIndex(lone).position(of: 2, in: lone, encoding: .utf16) == LSPPosition(line: 0, character: 2))
    }

    @Test func positionsReadFromJSON() {
        #expect(LSPPosition(.object(["line": .int(3), "character": .int(4)])) == LSPPosition(line: 3, character: 4))
        #expect(LSPPosition(.object(["line": .int(3)])) == nil)
        #expect(LSPPosition(.object(["line": .string("3"), "character": .int(4)])) == nil)
        let range = LSPRange(start: LSPPosition(line: 0, character: 1), end: LSPPosition(line: 2, character: 0))
        #expect(LSPRange(range.json) == range)
    }
}
