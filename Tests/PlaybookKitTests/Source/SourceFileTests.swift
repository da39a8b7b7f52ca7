import Testing

@testable import PlaybookKit

/// The line table, and line and column of byte offsets: columns count Unicode scalars.
struct SourceFileTests {
    static func file(_ text: String) -> SourceFile { SourceFile(path: "t.playbook", bytes: Array(text.utf8)) }

    static func lines(_ file: SourceFile) -> [String] { (0..<file.lineCount).map(file.lineText) }

    @Test func everyLineBreakStartsALine() {
        #expect(Self.lines(Self.file("")) == [""])
        #expect(Self.lines(Self.file("one")) == ["one"])
        #expect(Self.lines(Self.file("one\n")) == ["one", ""])
        #expect(Self.lines(Self.file("one\ntwo")) == ["one", "two"])
        #expect(Self.lines(Self.file("\n\n")) == ["", "", ""])
        let file = Self.file("ab\ncde\n\nf")
        #expect((0..<file.lineCount).map(file.lineStart) == [0, 3, 7, 8])
        #expect((0..<file.lineCount).map(file.lineRange) == [0..<2, 3..<6, 7..<7, 8..<9])
    }

    @Test func lineRangesLeaveOutCRLFAndLF() {
        let file = Self.file("a\r\nbc\nd\r\n\r\ne")
        #expect(Self.lines(file) == ["a", "bc", "d", "", "e"])
        #expect((0..<file.lineCount).map(file.lineRange) == [0..<1, 3..<5, 6..<7, 9..<9, 11..<12])
        // A carriage return alone is not a line break; one before the end of the file is cut.
        #expect(Self.lines(Self.file("a\rb\r")) == ["a\rb"])
    }

    @Test func lineIndexOfEveryOffset() {
        let file = Self.file("ab\ncd\n")
        // The line break belongs to the line it ends.
        #expect((0...6).map(file.lineIndex) == [0, 0, 0, 1, 1, 1, 2])
    }

    @Test func byteOrderMarkIsDroppedAndRemembered() {
        let marked = SourceFile(path: "t.playbook", bytes: [0xEF, 0xBB, 0xBF] + Array("ask\nx".utf8))
        #expect(marked.bytes == Array("ask\nx".utf8))
        #expect(marked.byteOrderMarkLength == 3)
        #expect(marked.location(of: 4) == Location(line: 2, column: 1))
        #expect(Self.file("ask").byteOrderMarkLength == 0)
        // Only a whole mark at the start is one.
        #expect(SourceFile(path: "t", bytes: [0xEF, 0xBB]).bytes == [0xEF, 0xBB])
    }

    @Test func locationsOfASCIIAndCRLFLines() {
        let file = Self.file("stage a\r\n  ask x\r\n")
        #expect(file.location(of: 0) == Location(line: 1, column: 1))
        #expect(file.location(of: 6) == Location(line: 1, column: 7))
        // The carriage return is the last column of its line; the next line starts after the LF.
        #expect(file.location(of: 7) == Location(line: 1, column: 8))
        #expect(file.location(of: 9) == Location(line: 2, column: 1))
        #expect(file.location(of: 11) == Location(line: 2, column: 3))
        #expect(file.location(of: 18) == Location(line: 3, column: 1))
    }

    @Test func columnsCountScalarsInEveryScript() {
        // Vietnamese precomposed (2 bytes a letter), Chinese (3), Thai with marks (3, the marks
        // count as scalars), Hebrew with points (2), an emoji (4), Vietnamese decomposed.
        let lines = ["say \"Người\" x", "say \"预算\" x", "say \"ที่ปรึกษา\" x", "say \"שָׁלוֹם\" x", "say \"👍\" x", "say \"Ngu\u{31B}o\u{31B}\u{300}i\" x"]
        let file = Self.file(lines.joined(separator: "\n"))
        for (number, line) in lines.enumerated() {
            let x = file.lineStart(number) + line.utf8.count - 1
            let scalars = line.unicodeScalars.count
            #expect(file.location(of: x) == Location(line: number + 1, column: scalars), "\(line)")
            #expect(file.text(x..<(x + 1)) == "x")
        }
        #expect(file.location(of: file.lineStart(1) + 5) == Location(line: 2, column: 6))
        #expect(file.location(of: file.lineStart(1) + 8) == Location(line: 2, column: 7))
    }

    @Test func lastLineWithoutALineBreakAndOffsetsPastTheEnd() {
        let file = Self.file("a\nxyz")
        #expect(file.location(of: 5) == Location(line: 2, column: 4))
        #expect(file.location(of: 500) == Location(line: 2, column: 4))
        #expect(file.location(of: -3) == Location(line: 1, column: 1))
        #expect(file.text(3..<100) == "yz")
        #expect(file.text(-5..<1) == "a")
        #expect(file.text(50..<60) == "")
    }

    @Test func invalidUTF8IsShownAsReplacementCharacters() {
        let file = SourceFile(path: "t", bytes: [0x61, 0xFF, 0x62, 0x0A, 0xC3])
        #expect(file.lineText(0) == "a\u{FFFD}b")
        #expect(file.text(4..<5) == "\u{FFFD}")
    }

    @Test func spansJoin() {
        let first = Span(file: 2, start: 10, end: 14)
        let second = Span(file: 2, start: 3, end: 12)
        #expect(first.to(second) == Span(file: 2, start: 3, end: 14))
        #expect(second.to(first) == first.to(second))
        #expect(first.to(first) == first)
    }
}
