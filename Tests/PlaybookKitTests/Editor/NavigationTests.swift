import Testing

@testable import PlaybookKit

struct NavigationTests {
    let playbook = EditorFixture.playbook()
    let main = EditorFixture.main

    private func entity(at needle: String, occurrence: Int = 0, plus: Int = 1) -> Occurrence? {
        playbook.index.occurrence(file: 0, at: EditorFixture.offset(of: needle, in: main, occurrence: occurrence, plus: plus))
    }

    @Test func aQuestionIsFoundWhereverItsNameIsWritten() throws {
        // Declared, read in `set`, shown in braces.
        let declared = try #require(entity(at: "ask team", plus: 5))
        #expect(declared.entity == Entity(.question, "team"))
        #expect(declared.isDefinition)
        #expect(entity(at: "team * 2")?.entity == Entity(.question, "team"))
        #expect(entity(at: "{team}", plus: 2)?.entity == Entity(.question, "team"))
        let all = playbook.index.occurrences(of: Entity(.question, "team")).map { EditorFixture.text($0.span, in: playbook) }
        #expect(all == ["team", "team", "team"])
        #expect(playbook.index.definitions(of: Entity(.question, "team")).count == 1)
    }

    @Test func namesResolveToTheirKinds() {
        #expect(entity(at: "-> problem", plus: 4)?.entity == Entity(.stage, "problem"))
        #expect(entity(at: "call objections", plus: 6)?.entity == Entity(.flow, "objections"))
        #expect(entity(at: "buyer cfo", plus: 7)?.entity == Entity(.persona, "cfo"))
        #expect(entity(at: "seats > 10")?.entity == Entity(.variable, "seats"))
        #expect(entity(at: "end lost", plus: 5)?.entity == Entity(.outcome, "lost"))
        #expect(entity(at: "lost (loss)")?.isDefinition == true)
        // A keyword, a string and white space are no name.
        #expect(entity(at: "stage problem", plus: 2) == nil)
        #expect(entity(at: "\"Problem\"", plus: 3) == nil)
    }

    @Test func aFlowInAUsedFileIsDefinedThere() throws {
        let definition = try #require(playbook.index.definitions(of: Entity(.flow, "objections")).first)
        #expect(definition.span.file == 1)
        #expect(playbook.result.sources[1].path == "/w/lib.playbook")
        let calls = playbook.index.occurrences(of: Entity(.flow, "objections")).filter { !$0.isDefinition }
        #expect(calls.map(\.span.file) == [0])
        // The use path leads to the file.
        let use = try #require(playbook.index.use(file: 0, at: EditorFixture.offset(of: "lib.playbook", in: main)))
        #expect(use.file == 1)
    }

    @Test func variablesAreDefinedByEverySet() {
        let text = """
            playbook "P"
              outcomes won
            stage a "A"
              set total = 1
              set total += 2
              say "{total} and {score}"
              end won
            """
        let playbook = EditorFixture.playbook(main: text)
        let total = playbook.index.occurrences(of: Entity(.variable, "total"))
        #expect(total.map(\.isDefinition) == [true, true, false])
        #expect(playbook.index.occurrences(of: Entity(.variable, "score")).count == 1)
    }

    @Test func hoverOnAQuestionShowsItsTextTypeAndOptions() throws {
        let hover = try #require(playbook.hover(file: 0, at: EditorFixture.offset(of: "role ==", in: main, plus: 1)))
        #expect(
            hover.markdown == """
                **question** `role`: choice

                > Who are you talking to?

                options:
                - Economic buyer
                - User
                """)
        #expect(EditorFixture.text(hover.span, in: playbook) == "role")
        let pain = try #require(playbook.hover(file: 0, at: EditorFixture.offset(of: "ask pain", in: main, plus: 5)))
        #expect(pain.markdown == "**question** `pain`: yes/no\n\n> Did the Economic buyer describe a problem?\n\n**why:** No pain, no deal.")
        let team = try #require(playbook.hover(file: 0, at: EditorFixture.offset(of: "{team}", in: main, plus: 1)))
        #expect(team.markdown.hasPrefix("**question** `team`: number from 1 to 500"))
    }

    @Test func hoverOnTargetsFlowsOutcomesTermsAndUses() throws {
        func hover(_ needle: String, plus: Int = 1, occurrence: Int = 0) -> String? {
            playbook.hover(file: 0, at: EditorFixture.offset(of: needle, in: main, occurrence: occurrence, plus: plus))?.markdown
        }
        #expect(hover("-> problem", plus: 4) == "**stage** `problem`: Problem\n\nasks `pain`")
        #expect(hover("call objections", plus: 6) == "**flow** `objections`: Handle objections (in `/w/lib.playbook`)")
        #expect(hover("end lost", plus: 5) == "**outcome** `lost`: counts as a loss in reports")
        #expect(hover("end won", plus: 5) == "**outcome** `won`: counts as a win in reports")
        #expect(hover("end nurture", plus: 5) == "**outcome** `nurture`: counts as neither a win nor a loss")
        #expect(hover("buyer cfo", plus: 7) == "**persona** `cfo`: Dana, CFO\n\n**role:** CFO at a logistics company")
        #expect(hover("Economic buyer describe", plus: 3) == "**Economic buyer**: The person who signs the budget.")
        #expect(hover("lib.playbook", plus: 2) == "**library** `/w/lib.playbook`\n\nflows: `objections`")
        #expect(hover("Learn how", plus: 2) == nil)
    }
}
