import Testing

@testable import PlaybookKit

/// Wrapping by terminal cells, in every language a playbook is written in.
struct WrapTests {
    static let samples = [
        "Before the call, open the CRM and see how many days this deal has run, and what the buyer agreed to.",
        "Khách hàng có khả năng mua trong quý này không, và ai là người ký hợp đồng cuối cùng?",
        "客户说价格太贵了，我们应该先问清楚他们在和谁比较，再谈价值。不要马上打折！",
        "ก่อนโทร เปิด CRM ดูว่าดีลนี้คุยกันมากี่วัน และลูกค้าเคยเห็นด้วยกับอะไรบ้าง จดเป็นข้อๆ ด้วยคำของลูกค้าเอง",
        "הלקוח אמר שהמחיר גבוה מדי; שאלו קודם עם מי הוא משווה, ורק אחר כך דברו על ערך.",
        "「はい」と言ったら、次のステップを決めましょう。",
        "Kha\u{0301}ch ha\u{0300}ng co\u{0301} kha\u{0309} na\u{0306}ng mua 👨‍👩‍👧 🇻🇳 supercalifragilisticexpialidocious",
    ]

    /// The text without the spaces, to compare what a wrap kept.
    static func visible(_ text: some StringProtocol) -> String { String(text.filter { $0 != " " }) }

    @Test(arguments: samples)
    func linesFitTheWidthInCellsAndKeepEveryCharacter(_ text: String) {
        for width in 6...60 {
            for hanging in [0, 2, 5] {
                let lines = Wrap.lines(text, width: width, hanging: hanging)
                for line in lines {
                    #expect(Wrap.cells(line) <= width, "width \(width): '\(line)' is \(Wrap.cells(line)) cells")
                }
                #expect(Self.visible(lines.joined()) == Self.visible(text), "width \(width): characters lost or added")
                // Continuation lines carry the hanging indent, and nothing but it before the text.
                let indent = min(hanging, width / 2)
                for line in lines.dropFirst() {
                    #expect(line.hasPrefix(String(repeating: " ", count: indent)) && !line.dropFirst(indent).hasPrefix(" "), "'\(line)'")
                }
            }
        }
    }

    @Test(arguments: samples)
    func noLineStartsInsideAGraphemeCluster(_ text: String) {
        let characters = Array(text)
        for width in 6...40 {
            var joined: [Character] = []
            for line in Wrap.lines(text, width: width) {
                // Splitting the output into lines must not have created or merged characters.
                joined += Array(line)
                if let first = line.unicodeScalars.first {
                    #expect(first.properties.generalCategory != .nonspacingMark, "width \(width): '\(line)' starts with a mark")
                }
            }
            #expect(joined.filter { $0 != " " } == characters.filter { $0 != " " }, "width \(width)")
        }
    }

    @Test func vietnameseWordsAreNeverSplit() {
        let text = "Khách hàng có khả năng mua không, hay chỉ đang tìm hiểu giá?"
        let words = Set(text.split(separator: " "))
        for width in 8...40 {
            for line in Wrap.lines(text, width: width) {
                for word in line.split(separator: " ") { #expect(words.contains(word), "width \(width): '\(word)' in '\(line)'") }
            }
        }
        #expect(Wrap.lines("Chào bạn, khả năng mua", width: 16) == ["Chào bạn, khả", "năng mua"])
    }

    @Test func chinesePunctuationNeverStartsALineNorOpeningEndsOne() {
        let text = "客户说：“价格太贵了！”我们先问清楚（和谁比较），再谈价值、条款；不要马上打折。"
        // From 8 cells: narrower than "较），" (6 cells, no break inside) a cut is unavoidable.
        for width in 8...30 {
            let lines = Wrap.lines(text, width: width)
            #expect(lines.count > 1 || width >= Wrap.cells(text))
            for line in lines {
                #expect(!"，。！？、：；）」』”".contains(line.first!), "width \(width): '\(line)' starts with closing punctuation")
                #expect(!"（「『“".contains(line.last!), "width \(width): '\(line)' ends with opening punctuation")
            }
        }
        // Two cells each: 10 cells hold five ideographs.
        #expect(Wrap.lines("一二三四五六七八九十", width: 10) == ["一二三四五", "六七八九十"])
    }

    @Test func thaiMarksTakeNoCells() {
        // ที่ปรึกษา: 9 scalars, 6 cells (two marks and a vowel above take none).
        #expect(Wrap.cells("ที่ปรึกษา") == 6)
        #expect(Wrap.lines("ลูกค้ามีงบประมาณหรือไม่", width: 12) == ["ลูกค้ามี", "งบประมาณ", "หรือไม่"])
    }

    @Test func escapeSequencesTakeNoCellsAndAreNeverSplit() {
        let paint = Paint(enabled: true)
        let plain = "Tip: Before the call, open the CRM and see how many days this deal has run."
        let painted = paint.bold("Tip") + ": " + paint.dim("Before the call, open the ") + paint.spoken("CRM") + paint.dim(" and see how many days this deal has run.")
        for width in 10...50 {
            let lines = Wrap.lines(painted, width: width, hanging: 2)
            let stripped = lines.map(Self.withoutEscapes)
            #expect(stripped == Wrap.lines(plain, width: width, hanging: 2), "width \(width)")
            for line in lines {
                // Every escape in a line is whole: ESC [ digits and semicolons, then m.
                let pieces = line.split(separator: "\u{1B}", omittingEmptySubsequences: false).dropFirst()
                for piece in pieces { #expect(piece.range(of: #"^\[[0-9;]*m"#, options: .regularExpression) != nil, "'\(line)'") }
            }
        }
        // All the escapes are still there, in order.
        let escapes = { (text: String) in text.matches(of: /\x1B\[[0-9;]*m/).map { String($0.output) } }
        #expect(escapes(Wrap.wrap(painted, width: 12, hanging: 2)) == escapes(painted))
    }

    static func withoutEscapes(_ text: String) -> String { text.replacing(/\x1B\[[0-9;]*m/, with: "") }

    @Test func hangingIndentForOptionsAndFeedback() {
        let option = "  2. Ask what the others include for that price before you answer"
        #expect(
            Wrap.lines(option, width: 30, hanging: 5) == ["  2. Ask what the others", "     include for that price", "     before you answer"])
        let feedback = "  +3 · Comparing like with like comes first."
        #expect(Wrap.lines(feedback, width: 24, hanging: 7) == ["  +3 · Comparing like", "       with like comes", "       first."])
    }

    @Test func aWordLongerThanTheLineIsCutBetweenCharacters() {
        #expect(Wrap.lines("see https://example.com/a/very/long/path", width: 12) == ["see", "https://exam", "ple.com/a/ve", "ry/long/path"])
        // Wide characters are not cut in half: the line takes one cell less.
        #expect(Wrap.lines("ＣＲＭＣＲＭ", width: 5) == ["ＣＲ", "ＭＣ", "ＲＭ"])
    }

    @Test func textThatFitsOrNoWidthIsUnchanged() {
        let text = "\u{1B}[1mGoal\u{1B}[0m: Qualify the lead.  "
        #expect(Wrap.wrap(text, width: 80) == text)
        #expect(Wrap.wrap("a b c\nd e", width: 0, hanging: 2) == "a b c\nd e")
        // Lines the text breaks itself are continuation lines too.
        #expect(Wrap.wrap("Tip: one\ntwo\n\nthree", width: 40, hanging: 2) == "Tip: one\n  two\n\n  three")
    }

    @Test func tabsGoToTheNextTabStop() {
        #expect(Wrap.cells("a\tb") == 9)
        #expect(Wrap.lines("one\ttwo three", width: 12) == ["one\ttwo", "three"])
    }
}
