import Testing

@testable import PlaybookKit

/// Shortening and wrapping of picture texts: by terminal cells, and never inside a character.
struct ShortLineTests {
    /// The shortened text, less its ellipsis, is a prefix of the original by whole characters.
    static func expectCutBetweenCharacters(_ original: String, _ short: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(short.hasSuffix("…"), sourceLocation: sourceLocation)
        let kept = Array(short.dropLast())
        #expect(kept == Array(original.prefix(kept.count)), "\(short) is not a prefix of \(original)", sourceLocation: sourceLocation)
    }

    @Test func shortTextIsKept() {
        #expect(ShortLine.shorten("Who are you talking to?") == "Who are you talking to?")
        let forty = String(repeating: "x", count: 40)
        #expect(ShortLine.shorten(forty) == forty)
        #expect(ShortLine.shorten(forty + "y") == String(repeating: "x", count: 39) + "…")
    }

    @Test func longTextIsCutAtASpaceNearTheEnd() {
        let short = ShortLine.shorten("Did the buyer describe a concrete problem?", to: 30)
        #expect(short == "Did the buyer describe a…")
        // No space in the last third: cut between characters.
        #expect(ShortLine.shorten("Supercalifragilisticexpialidocious is long", to: 12) == "Supercalifr…")
    }

    @Test func familyEmojiIsNeverSplit() {
        let family = "👨‍👩‍👧"
        #expect(family.count == 1)
        #expect(family.unicodeScalars.count == 5)
        #expect(ShortLine.cells(Character(family)) == 2)
        let text = String(repeating: family, count: 30)
        for limit in [5, 6, 10, 11] {
            let short = ShortLine.shorten(text, to: limit)
            Self.expectCutBetweenCharacters(text, short)
            #expect(ShortLine.cells(short) <= limit)
            #expect(short.dropLast().allSatisfy { $0 == Character(family) })
        }
    }

    @Test func thaiMarksStayWithTheirLetters() {
        let thai = "ที่นี่มีเครื่องหมายวรรณยุกต์มากมายเหลือเกิน"
        // Tone marks and vowel signs above and below take no cell.
        #expect(ShortLine.cells("ที่") == 1)
        for limit in 2...12 {
            let short = ShortLine.shorten(thai, to: limit)
            Self.expectCutBetweenCharacters(thai, short)
            #expect(ShortLine.cells(short) <= limit)
            #expect(short.unicodeScalars.first?.properties.generalCategory != .nonspacingMark)
        }
    }

    @Test func decomposedVietnameseIsOneCharacter() {
        let viet = "Vie\u{0323}\u{0302}t Nam"
        #expect(viet.count == 8)
        #expect(ShortLine.cells(viet) == 8)
        #expect(ShortLine.shorten(viet, to: 8) == viet)
        let short = ShortLine.shorten(viet, to: 4)
        #expect(short == "Vie\u{0323}\u{0302}…")
        // Both marks are kept with their letter, in their order.
        #expect(Array(short.unicodeScalars.map(\.value)) == [0x56, 0x69, 0x65, 0x323, 0x302, 0x2026])
        Self.expectCutBetweenCharacters(viet + viet, ShortLine.shorten(viet + viet, to: 10))
    }

    @Test func wideCharactersCountTwoCells() {
        let chinese = "客户今年有预算吗这是一个问题"
        let short = ShortLine.shorten(chinese, to: 9)
        #expect(short == "客户今年…")
        #expect(ShortLine.cells(short) == 9)
        #expect(ShortLine.shorten(chinese, to: 10) == "客户今年…")
    }

    @Test func hebrewIsShortenedInLogicalOrder() {
        let hebrew = "האם יש ללקוח תקציב לשנה הזאת?"
        let short = ShortLine.shorten(hebrew, to: 16)
        #expect(short == "האם יש ללקוח…")
        Self.expectCutBetweenCharacters(hebrew, short)
    }

    @Test func oneLineRemovesBreaksAndControls() {
        #expect(ShortLine.oneLine("a\nb\tc\r\nd   e\u{0}f\u{7F}g") == "a b c d e f g")
        #expect(ShortLine.oneLine("  padded \n") == "padded")
        #expect(ShortLine.oneLine("x\u{FFFE}y\u{FFFF}") == "x\u{FFFD}y\u{FFFD}")
        #expect(ShortLine.oneLine("line\u{2028}separator") == "line separator")
        #expect(ShortLine.shorten("first line\nsecond line") == "first line second line")
    }

    @Test func wrapBreaksAtSpacesThenBetweenCharacters() {
        #expect(ShortLine.wrap("Did the buyer describe a concrete problem?", width: 20)
            == ["Did the buyer", "describe a concrete", "problem?"])
        #expect(ShortLine.wrap("1 · 准备阶段客户今年有预算吗", width: 12) == ["1 · 准备阶段", "客户今年有预", "算吗"])
        #expect(ShortLine.wrap("", width: 10) == [""])
        // Thai between words (the one line-breaking rule, `Wrap`), never หรื|อไม่.
        #expect(ShortLine.wrap("ลูกค้ามีงบประมาณสำหรับปีนี้หรือไม่", width: 20) == ["ลูกค้ามีงบประมาณสำหรับปีนี้", "หรือไม่"])
        for line in ShortLine.wrap(String(repeating: "👨‍👩‍👧", count: 9), width: 5) {
            #expect(ShortLine.cells(line) <= 5)
            #expect(line.allSatisfy { $0 == "👨‍👩‍👧" })
        }
    }

    /// A shortened text is cut where a line could break: between Thai words (not ประมา…), never
    /// before closing punctuation; a quoted text keeps its closing quote.
    @Test func shortenCutsWhereALineCouldBreak() {
        #expect(ShortLine.shorten("ลูกค้าตั้งงบประมาณไว้ประมาณกี่บาท", to: 22) == "ลูกค้าตั้งงบประมาณไว้…")
        #expect(ShortLine.shorten("ลูกค้าตั้งงบประมาณไว้ประมาณกี่บาท", to: 24) == "ลูกค้าตั้งงบประมาณไว้ประมาณกี่…")
        #expect(ShortLine.shorten("你要联系的人怎么称呼？还有别的吗", to: 21) == "你要联系的人怎么称…")
        #expect(ShortLine.shorten("say “Thanks! Let me show you how it works.”", to: 30) == "say “Thanks! Let me show you…”")
        // Without a quote at the end, no quote is added.
        #expect(ShortLine.shorten("“Thanks!” Let me show you how it works.", to: 20) == "“Thanks!” Let me…")
    }

    @Test func wrapToAFewLinesShortensTheLast() {
        let text = "Did the buyer describe a concrete problem, in their own words, with a number?"
        #expect(ShortLine.wrap(text, width: 20, maxLines: 2) == ["Did the buyer", "describe a concrete…"])
        #expect(ShortLine.wrap(text, width: 20, maxLines: 9) == ShortLine.wrap(text, width: 20))
        #expect(ShortLine.wrap("short", width: 20, maxLines: 1) == ["short"])
        // Only the start of a very long text is looked at; it still ends with "…".
        let long = String(repeating: "word ", count: 200_000)
        let lines = ShortLine.wrap(long, width: 20, maxLines: 3)
        #expect(lines.count == 3)
        #expect(lines.last?.hasSuffix("…") == true)
        #expect(lines.allSatisfy { ShortLine.cells($0) <= 20 })
    }
}
