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

/// `Program.tone(of:)`: the header's marks decide when it gives any, else the rule by name.
struct ProgramToneTests {
    static func program(_ outcomes: String, language: String = "en", ends: [String]) throws -> Program {
        var text = "playbook \"P\"\n  language \(language)\n  outcomes \(outcomes)\n\nstage s \"S\"\n"
        text += "  ask pick \"Which?\" choice\n"
        for (index, outcome) in ends.enumerated() { text += "    \"o\(index)\" -> end \(outcome)\n" }
        return try #require(Program(check(text)), "does not check")
    }

    @Test func theMarksDecideWhenAnyIsGiven() throws {
        let thai = try Self.program(
            "ซื้อ (win), ไม่ซื้อ (loss), ติดตามต่อ, ไม่ผ่านเกณฑ์ (loss)", language: "th",
            ends: ["ซื้อ", "ไม่ซื้อ", "ติดตามต่อ", "ไม่ผ่านเกณฑ์"])
        #expect(thai.isToneDeclared)
        #expect(thai.outcomeMarks == ["ซื้อ": .win, "ไม่ซื้อ": .loss, "ไม่ผ่านเกณฑ์": .loss])
        #expect(thai.tone(of: "ซื้อ") == .good)
        #expect(thai.tone(of: "ไม่ซื้อ") == .bad, "the name rule reads ไม่ซื้อ as neither; the mark says loss")
        #expect(thai.tone(of: "ติดตามต่อ") == .other)
        #expect(thai.tone(of: "ไม่ผ่านเกณฑ์") == .bad)

        let hebrew = try Self.program("זכייה (win), הפסד (loss), טיפוח, לא_מתאים (loss)", language: "he",
            ends: ["זכייה", "הפסד", "טיפוח", "לא_מתאים"])
        #expect(hebrew.tone(of: "לא_מתאים") == .bad)
        #expect(OutcomeTone.of("לא_מתאים", declared: hebrew.outcomes) == .other, "the name rule is unchanged")

        // Once one outcome is marked, an unmarked one is neither, whatever its name says.
        let partly = try Self.program("won (win), lost, nurture", ends: ["won", "lost", "nurture"])
        #expect(partly.tone(of: "won") == .good)
        #expect(partly.tone(of: "lost") == .other)
        // A mark may go against the name.
        let against = try Self.program("lost (win), won (loss)", ends: ["lost", "won"])
        #expect(against.tone(of: "lost") == .good)
        #expect(against.tone(of: "won") == .bad)
    }

    @Test func withoutMarksTheRuleByNameDecides() throws {
        let thai = try Self.program(
            "ซื้อ, ไม่ซื้อ, ติดตามต่อ, ไม่ผ่านเกณฑ์", language: "th", ends: ["ซื้อ", "ไม่ซื้อ", "ติดตามต่อ", "ไม่ผ่านเกณฑ์"])
        #expect(!thai.isToneDeclared)
        #expect(thai.outcomeMarks.isEmpty)
        for outcome in ["ซื้อ", "ไม่ซื้อ", "ติดตามต่อ", "ไม่ผ่านเกณฑ์"] {
            #expect(thai.tone(of: outcome) == OutcomeTone.of(outcome, declared: thai.outcomes), "\(outcome)")
        }
        #expect(thai.tone(of: "ซื้อ") == .good, "the first declared outcome")
        #expect(thai.tone(of: "ไม่ซื้อ") == .other)
        #expect(thai.tone(of: "ไม่ผ่านเกณฑ์") == .bad)

        // Without an outcomes line either, every outcome is read by its name.
        let text = "stage s \"S\"\n  ask go \"Go?\" yes/no\n    yes -> end won\n    no -> end thua\n"
        let undeclared = try #require(Program(check(text)))
        #expect(!undeclared.isToneDeclared)
        #expect(undeclared.tone(of: "won") == .good)
        #expect(undeclared.tone(of: "thua") == .bad)
    }

    /// The flowchart colours by the marks: the Hebrew `לא_מתאים (loss)` is drawn as a loss.
    @Test func theFlowchartUsesTheMarks() throws {
        let program = try Self.program("זכייה (win), הפסד (loss), לא_מתאים (loss)", language: "he",
            ends: ["זכייה", "הפסד", "לא_מתאים"])
        let chart = Flowchart(program, detail: true)
        let kinds = chart.nodes.filter { $0.detail == "לא_מתאים" }.map(\.kind)
        #expect(kinds == [.outcome(.bad)])
    }
}
