import Testing
@testable import PlaybookKit

@Test func asciiIsOneCellPerScalar() {
    #expect(DisplayWidth.of("") == 0)
    #expect(DisplayWidth.of("hello, world") == 12)
    #expect(DisplayWidth.of(Unicode.Scalar("a")) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(" ")) == 1)
}

@Test func controlCharactersAndSoftHyphenCountOne() {
    #expect(DisplayWidth.of(Unicode.Scalar(0x00)!) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0x7F)!) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0x85)!) == 1)
    #expect(DisplayWidth.of(Unicode.Scalar(0xAD)!) == 1)
}

@Test func cjkIsTwoCells() {
    #expect(DisplayWidth.of("预算") == 4)
    #expect(DisplayWidth.of("ask 预算") == 8)
    #expect(DisplayWidth.of("日本語のテキスト") == 16)
    #expect(DisplayWidth.of("한국어") == 6)
    #expect(DisplayWidth.of(Unicode.Scalar(0x3000)!) == 2)   // ideographic space
    #expect(DisplayWidth.of(Unicode.Scalar(0x3002)!) == 2)   // ideographic full stop
    #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)  // CJK extension B
    #expect(DisplayWidth.of(Unicode.Scalar(0x2A6DF)!) == 2)  // CJK extension B end
    #expect(DisplayWidth.of(Unicode.Scalar(0x30000)!) == 2)  // CJK extension G
}

@Test func fullwidthFormsAreTwoCells() {
    #expect(DisplayWidth.of("ＡＢ") == 4)
    #expect(DisplayWidth.of(Unicode.Scalar(0xFF01)!) == 2)
    #expect(DisplayWidth.of(Unicode.Scalar(0xFFE6)!) == 2)
    #expect(DisplayWidth.of(Unicode.Scalar(0xFF61)!) == 1)   // halfwidth ideographic full stop
    #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)                     // halfwidth katakana
}

@Test func thaiCombiningMarksAreZeroWidth() {
    // ใ ช ่ ไ ห ม: the tone mark U+0E48 is Mn.
    #expect(DisplayWidth.of("ใช่ไหม") == 5)
    // ก ำ ห น ด: U+0E33 SARA AM is Lo, so it takes a cell.
    #expect(DisplayWidth.of("กำหนด") == 5)
    // ท ี ่ น ี ่ ("here"): vowels above and tone marks take no cells.
    #expect(DisplayWidth.of("\u{0E17}\u{0E35}\u{0E48}\u{0E19}\u{0E35}\u{0E48}") == 2)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0E31)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0E34)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0E3A)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0E47)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0E4E)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0E33)!) == 1)
}

@Test func hebrewPointsAreZeroWidth() {
    #expect(DisplayWidth.of("שָׁלוֹם") == 4)
    #expect(DisplayWidth.of("שלום") == 4)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0591)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x05B8)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x05C7)!) == 0)
}

@Test func vietnamesePrecomposedAndDecomposed() {
    #expect(DisplayWidth.of("không") == 5)
    // "khoâng" with the circumflex as U+0302 COMBINING CIRCUMFLEX ACCENT.
    let decomposed = "kho\u{0302}ng"
    #expect(decomposed.unicodeScalars.count == 6)
    #expect(DisplayWidth.of(decomposed) == 5)
    #expect(DisplayWidth.of("Tiếng Việt") == 10)
    #expect(DisplayWidth.of("Tie\u{0302}\u{0301}ng Vie\u{0323}\u{0302}t") == 10)
    #expect(DisplayWidth.of(Unicode.Scalar(0x0300)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x036F)!) == 0)
}

@Test func emojiWithEmojiPresentationIsTwoCells() {
    #expect(DisplayWidth.of("👍") == 2)
    #expect(DisplayWidth.of("ok 👍") == 5)
    #expect(DisplayWidth.of(Unicode.Scalar(0x231A)!) == 2)   // watch
    #expect(DisplayWidth.of(Unicode.Scalar(0x2705)!) == 2)   // white heavy check mark
    #expect(DisplayWidth.of(Unicode.Scalar(0x2764)!) == 1)   // heavy black heart: text presentation
}

@Test func zwjSequenceScalars() {
    // 👨‍👩‍👧 = MAN, ZWJ, WOMAN, ZWJ, GIRL: each person 2, each ZWJ 0.
    let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
    #expect(DisplayWidth.of(Unicode.Scalar(0x200D)!) == 0)
    #expect(DisplayWidth.of(family) == 6)
    // Skin tone modifier has emoji presentation; variation selector is zero width.
    #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0xFE00)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0xE0100)!) == 0)
}

@Test func otherZeroWidthScalars() {
    #expect(DisplayWidth.of(Unicode.Scalar(0x200B)!) == 0)   // zero width space
    #expect(DisplayWidth.of(Unicode.Scalar(0x200E)!) == 0)   // LRM
    #expect(DisplayWidth.of(Unicode.Scalar(0x200F)!) == 0)   // RLM
    #expect(DisplayWidth.of(Unicode.Scalar(0xFEFF)!) == 0)   // BOM
    #expect(DisplayWidth.of(Unicode.Scalar(0x20DD)!) == 0)   // combining enclosing circle (Me)
    #expect(DisplayWidth.of(Unicode.Scalar(0x1160)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x11FF)!) == 0)
    #expect(DisplayWidth.of(Unicode.Scalar(0x1100)!) == 2)   // Hangul choseong is wide
    // Conjoining jamo: choseong (2) + jungseong (0) + jongseong (0).
    #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
    #expect(DisplayWidth.of("a\u{200B}b") == 2)
}

@Test func oneCellNonAsciiScalars() {
    #expect(DisplayWidth.of("héllo") == 5)
    #expect(DisplayWidth.of("Привет") == 6)
    #expect(DisplayWidth.of("λx→y") == 4)
    #expect(DisplayWidth.of(Unicode.Scalar(0x2014)!) == 1)   // em dash
}

@Test func tabsExpandToTabStops() {
    #expect(DisplayWidth.of("\tx", startColumn: 0, tabStop: 4) == 5)
    #expect(DisplayWidth.of("ab\tx", tabStop: 4) == 5)
    #expect(DisplayWidth.of("\t", startColumn: 3, tabStop: 4) == 1)
    #expect(DisplayWidth.of("\t", startColumn: 4, tabStop: 4) == 4)
    #expect(DisplayWidth.of("\t\t", startColumn: 0, tabStop: 8) == 16)
    #expect(DisplayWidth.of("预\t", tabStop: 4) == 4)
    #expect(DisplayWidth.of("abc\tx", startColumn: 2, tabStop: 4) == 7)
}

@Test func substringsWork() {
    let line = "let 预算 = 1"
    let prefix = line.prefix(6)
    #expect(DisplayWidth.of(prefix) == 8)
    #expect(DisplayWidth.of(line[line.startIndex..<line.startIndex]) == 0)
}
