import Testing

@testable import PlaybookKit

/// The report counts wins and losses by the playbook's outcome marks, as the flowchart colours.
struct PlaybookFactsToneTests {
    @Test func theMarksOfTheShippedThaiCycleDecide() throws {
        let program = try #require(Program(ShippedPlaybooksTests.checked("sales-cycle-th.playbook")))
        let facts = PlaybookFacts(program: program)
        #expect(facts.tone("ซื้อ") == .good)
        #expect(facts.tone("ไม่ซื้อ") == .bad, "marked (loss); the rule by name reads it as neither")
        #expect(facts.tone("ติดตามต่อ") == .other)
        #expect(facts.tone("ไม่ผ่านเกณฑ์") == .bad)
    }

    @Test func withoutMarksTheRuleByNameDecides() throws {
        let text = "playbook \"P\"\n  outcomes ซื้อ, ไม่ซื้อ\n\nstage s \"S\"\n  ask go \"Go?\" yes/no\n    yes -> end ซื้อ\n    no -> end ไม่ซื้อ\n"
        let facts = PlaybookFacts(program: try #require(Program(check(text))))
        #expect(facts.tone("ซื้อ") == .good)
        #expect(facts.tone("ไม่ซื้อ") == .other)
    }
}
