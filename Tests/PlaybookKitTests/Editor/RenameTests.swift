import Foundation
import Testing

@testable import PlaybookKit

struct RenameTests {
    let playbook = EditorFixture.playbook()
    var scenarios: SourceFile { SourceFile(path: "/w/main.scenarios", bytes: Array(EditorFixture.scenarios.utf8)) }

    private func renamed(_ entity: Entity, to name: String, in playbook: EditorPlaybook? = nil) -> Result<[String: [TextEdit]], RenameRefusal> {
        let playbook = playbook ?? self.playbook
        return Rename(entity, to: name).edits(in: [playbook], scenarios: [(scenarios, playbook)])
    }

    @Test func aQuestionIsRenamedInThePlaybookAndItsScenarios() throws {
        let edits = try renamed(Entity(.question, "team"), to: "headcount").get()
        #expect(edits.keys.sorted() == ["/w/main.playbook", "/w/main.scenarios"])
        let main = EditorFixture.apply(try #require(edits["/w/main.playbook"]), to: EditorFixture.main)
        #expect(main.contains("ask headcount \"How many people?\" number 1..500"))
        #expect(main.contains("set seats = headcount * 2"))
        #expect(main.contains("\"We have {headcount} people.\""))
        #expect(!main.contains("team"))
        let scenarios = EditorFixture.apply(try #require(edits["/w/main.scenarios"]), to: EditorFixture.scenarios)
        #expect(scenarios.contains("  headcount = 40\n"))
        // The renamed playbook checks as before, and renaming back gives the text written.
        let after = EditorFixture.playbook(main: main)
        #expect(after.result.diagnostics.isEmpty)
        let back = try Rename(Entity(.question, "headcount"), to: "team").edits(in: [after], scenarios: []).get()
        #expect(EditorFixture.apply(try #require(back["/w/main.playbook"]), to: main) == EditorFixture.main)
    }

    @Test func aFlowIsRenamedInTheLibraryAndWhereItIsCalled() throws {
        let edits = try renamed(Entity(.flow, "objections"), to: "handle_price").get()
        let library = EditorFixture.apply(try #require(edits["/w/lib.playbook"]), to: EditorFixture.library)
        #expect(library.hasPrefix("flow handle_price \"Handle objections\"\n"))
        let main = EditorFixture.apply(try #require(edits["/w/main.playbook"]), to: EditorFixture.main)
        #expect(main.contains("    call handle_price\n"))
        #expect(edits["/w/main.scenarios"] == nil)
    }

    @Test func stagesVariablesAndOutcomesAreRenamedToo() throws {
        let stage = try renamed(Entity(.stage, "problem"), to: "pain_stage").get()
        #expect(stage["/w/main.playbook"]?.count == 2)
        #expect(EditorFixture.apply(try #require(stage["/w/main.scenarios"]), to: EditorFixture.scenarios).contains("expect stage pain_stage"))
        let variable = try renamed(Entity(.variable, "seats"), to: "licences").get()
        #expect(variable["/w/main.playbook"]?.count == 3)
        #expect(EditorFixture.apply(try #require(variable["/w/main.scenarios"]), to: EditorFixture.scenarios).contains("expect licences = 80"))
        let outcome = try renamed(Entity(.outcome, "won"), to: "closed").get()
        let main = EditorFixture.apply(try #require(outcome["/w/main.playbook"]), to: EditorFixture.main)
        #expect(main.contains("outcomes closed (win), lost (loss), nurture"))
        #expect(main.contains("end closed \"Demo booked\""))
        #expect(EditorFixture.apply(try #require(outcome["/w/main.scenarios"]), to: EditorFixture.scenarios).contains("expect closed\n"))
    }

    @Test func aCollisionOrABadNameIsRefusedWithAMessage() {
        #expect(
            renamed(Entity(.question, "team"), to: "problem")
                == .failure(RenameRefusal(message: "'problem' already names a stage (/w/main.playbook:19); choose another name")))
        #expect(
            renamed(Entity(.variable, "seats"), to: "pain")
                == .failure(RenameRefusal(message: "'pain' already names a question (/w/main.playbook:20); choose another name")))
        #expect(
            renamed(Entity(.outcome, "won"), to: "lost")
                == .failure(RenameRefusal(message: "'lost' already names an outcome (/w/main.playbook:2); choose another name")))
        #expect(
            renamed(Entity(.question, "team"), to: "next")
                == .failure(RenameRefusal(message: "'next' is a word of the language and cannot name a question")))
        for bad in ["two words", "9lives", "a-b", "", "x # y", "a\nb", "\"q\""] {
            guard case .failure(let refusal) = renamed(Entity(.question, "team"), to: bad) else {
                Issue.record("'\(bad)' was accepted")
                continue
            }
            #expect(refusal.message.contains("is not a name"))
        }
    }

    @Test func namesInTheTeamsLanguagesAreRenamed() throws {
        let text = """
            playbook "Khám phá"
              language vi
              outcomes thắng, thua
            stage tình_huống "Tình huống"
              ask ngân_sách "Có ngân sách không?" yes/no
                no -> end thua "Chưa có"
              say "Ngân sách: {ngân_sách}"
              if ngân_sách -> end thắng "Xong"
              end thua "Không"
            """
        let playbook = EditorFixture.playbook(main: text)
        #expect(playbook.result.diagnostics.isEmpty)
        for name in ["预算", "งบประมาณ", "תקציב", "ngân_sách_2026"] {
            let edits = try Rename(Entity(.question, "ngân_sách"), to: name).edits(in: [playbook], scenarios: []).get()
            let after = EditorFixture.apply(try #require(edits["/w/main.playbook"]), to: text)
            #expect(after.components(separatedBy: name).count == 4)
            #expect(EditorFixture.playbook(main: after).result.diagnostics.isEmpty)
        }
    }
}
