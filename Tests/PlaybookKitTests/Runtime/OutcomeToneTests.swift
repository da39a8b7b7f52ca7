import Testing

@testable import PlaybookKit

/// The colour rule for outcomes.
struct OutcomeToneTests {
    @Test func keywordsInSeveralLanguages() {
        let declared = ["won", "lost", "nurture", "disqualified"]
        #expect(OutcomeTone.of("won", declared: declared) == .good)
        #expect(OutcomeTone.of("lost", declared: declared) == .bad)
        #expect(OutcomeTone.of("disqualified", declared: declared) == .bad)
        #expect(OutcomeTone.of("nurture", declared: declared) == .other)
        #expect(OutcomeTone.of("closed_won", declared: nil) == .good)
        #expect(OutcomeTone.of("closed-lost", declared: nil) == .bad)
        #expect(OutcomeTone.of("Won", declared: nil) == .good)
        #expect(OutcomeTone.of("thắng", declared: nil) == .good)
        #expect(OutcomeTone.of("tha\u{306}\u{301}ng", declared: nil) == .good, "decomposed thắng")
        #expect(OutcomeTone.of("thua", declared: nil) == .bad)
        #expect(OutcomeTone.of("nuôi_dưỡng", declared: nil) == .other)
        #expect(OutcomeTone.of("丢单", declared: nil) == .bad)
        #expect(OutcomeTone.of("客户丢单", declared: nil) == .bad)
        #expect(OutcomeTone.of("成交", declared: nil) == .good)
        #expect(OutcomeTone.of("不成功", declared: nil) == .bad)
        #expect(OutcomeTone.of("ชนะ", declared: nil) == .good)
        #expect(OutcomeTone.of("แพ้", declared: nil) == .bad)
        #expect(OutcomeTone.of("הפסד", declared: nil) == .bad)
        #expect(OutcomeTone.of("זכייה", declared: nil) == .good)
        #expect(OutcomeTone.of("gewonnen", declared: nil) == .good)
        #expect(OutcomeTone.of("perdu", declared: nil) == .bad)
    }

    @Test func theFirstDeclaredOutcomeIsAWinWithoutAKeyword() {
        #expect(OutcomeTone.of("yay", declared: ["yay", "meh"]) == .good)
        #expect(OutcomeTone.of("meh", declared: ["yay", "meh"]) == .other)
        #expect(OutcomeTone.of("yay", declared: nil) == .other)
        // A keyword wins over the position.
        #expect(OutcomeTone.of("lost", declared: ["lost", "won"]) == .bad)
    }
}
