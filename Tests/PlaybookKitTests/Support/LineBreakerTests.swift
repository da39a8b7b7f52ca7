import Testing

@testable import PlaybookKit

/// Where lines may break, script by script.
struct LineBreakerTests {
    /// The text with `|` at every break opportunity.
    static func marked(_ text: String) -> String {
        let breaker = LineBreaker(text)
        var out = ""
        for (index, character) in breaker.characters.enumerated() {
            if breaker.canBreak(before: index) { out += "|" }
            out.append(character)
        }
        return out
    }

    @Test func latinAndVietnameseBreakAfterSpacesOnly() {
        #expect(Self.marked("Khách hàng có khả năng mua") == "Khách |hàng |có |khả |năng |mua")
        #expect(Self.marked("two  spaces") == "two  |spaces")
        #expect(Self.marked("a follow-up, -3 and x-2") == "a |follow-|up, |-3 |and |x-2")
        // Decomposed accents stay on their letter.
        #expect(Self.marked("kha\u{0309} na\u{0306}ng") == "kha\u{0309} |na\u{0306}ng")
    }

    @Test func punctuationKeepsToItsWord() {
        #expect(Self.marked("( x ) and y !") == "( x ) |and |y !")
        #expect(Self.marked("+3 · why") == "+3 · |why")
        #expect(Self.marked("“quoted” text") == "“quoted” |text")
        #expect(Self.marked("no\u{A0}break here") == "no\u{A0}break |here")
        #expect(Self.marked("one—two") == "one|—|two")
    }

    @Test func chineseBreaksBetweenIdeographsButNotBeforeClosingPunctuation() {
        #expect(Self.marked("你好，世界。") == "你|好，|世|界。")
        // A closing quotation mark and the bracket after it stay together (UAX #14 LB19).
        #expect(Self.marked("客户说：“太贵了！”（真的）") == "客|户|说：|“太|贵|了！”（真|的）")
        #expect(Self.marked("使用CRM系统") == "使|用|CRM|系|统")
    }

    @Test func japaneseSmallKanaAndTheLongMarkNeverStartALine() {
        #expect(Self.marked("ちょっとコーヒー") == "ちょっ|と|コー|ヒー")
        #expect(Self.marked("「はい」、です") == "「は|い」、|で|す")
    }

    @Test func koreanBreaksBetweenSyllablesAndAtSpaces() {
        #expect(Self.marked("예산 있어요") == "예|산 |있|어|요")
    }

    @Test func hebrewBreaksAtSpacesAndAfterMaqaf() {
        #expect(Self.marked("שָׁלוֹם לָכֶם") == "שָׁלוֹם |לָכֶם")
        #expect(Self.marked("בית־ספר") == "בית־|ספר")
    }

    @Test func thaiBreaksBetweenWords() {
        #expect(Self.marked("ลูกค้ามีงบประมาณหรือไม่") == "ลูกค้า|มี|งบประมาณ|หรือไม่")
        // A word the list knows (งบประมาณ) wins over the words it is made of (งบ, ประมาณ).
        #expect(Self.marked("งบประมาณ") == "งบประมาณ")
        #expect(Self.marked("ต่างๆ กัน") == "ต่างๆ |กัน")
        // Thai next to Latin letters stays together, as in UAX #14; spaces still break.
        #expect(Self.marked("เปิด CRM ดู") == "เปิด |CRM |ดู")
    }

    @Test func theWordListIsSearchedByPrefix() {
        #expect(ThaiWords.words.count > 5000)
        #expect(ThaiWords.knows("งบประมาณ") && ThaiWords.knows("งบ") && ThaiWords.knows("ลูกค้า"))
        #expect(!ThaiWords.knows("งบประ") && !ThaiWords.knows("") && !ThaiWords.knows("CRM"))
        #expect(zip(ThaiWords.words, ThaiWords.words.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
    }

    @Test func thaiTheListDoesNotKnowBreaksBetweenClustersOnly() {
        // Made-up syllables: every cut is a cluster boundary, never after a leading vowel nor
        // before a following vowel or a mark.
        let text = "เกาะแพ็กกรุ๊งโฉ่งฉ่างไคว้"
        let breaker = LineBreaker(text)
        for index in 1..<breaker.characters.count where breaker.canBreak(before: index) || breaker.canCut(before: index) {
            let before = breaker.characters[index - 1].unicodeScalars.first!.value
            let after = breaker.characters[index].unicodeScalars.first!.value
            #expect(!(0x0E40...0x0E44).contains(before), "after a leading vowel: \(Self.marked(text))")
            #expect(![0x0E30, 0x0E32, 0x0E33, 0x0E45].contains(after), "before a following vowel: \(Self.marked(text))")
        }
        #expect(Self.marked(text).contains("|"), "no break at all: \(Self.marked(text))")
    }

    @Test func neverInsideAGraphemeCluster() {
        let family = "👨‍👩‍👧"
        let flag = "🇻🇳"
        let text = "\(family)\(flag)e\u{0301}ก\u{0E34}\u{0E48}"
        let breaker = LineBreaker(text)
        #expect(breaker.characters.map(String.init) == [family, flag, "e\u{0301}", "ก\u{0E34}\u{0E48}"])
        #expect(Self.marked(text).hasPrefix("\(family)|\(flag)"))
    }
}
