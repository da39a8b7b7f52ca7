import Foundation
import Testing

@testable import PlaybookKit

struct FixTests {
    /// The fixes of the first diagnostic with `code` when `old` in the fixture is written `new`,
    /// each as its title and the main file after it.
    private func fixes(_ code: DiagnosticCode, replacing old: String, with new: String) throws -> [(String, String)] {
        let text = EditorFixture.main.replacingOccurrences(of: old, with: new)
        let playbook = EditorFixture.playbook(main: text)
        let diagnostic = try #require(playbook.result.diagnostics.first { $0.code == code })
        return playbook.fixes(for: diagnostic).map { fix in
            (fix.title, EditorFixture.apply(fix.edits["/w/main.playbook"] ?? [], to: text))
        }
    }

    @Test func aNearNameIsOffered() throws {
        let target = try fixes(.unknownTarget, replacing: "-> problem", with: "-> problme")
        #expect(target.map(\.0) == ["Change 'problme' to 'problem'"])
        #expect(target.first?.1 == EditorFixture.main)
        let flow = try fixes(.unknownFlow, replacing: "call objections", with: "call objection")
        #expect(flow.first?.1 == EditorFixture.main)
        let option = try fixes(.notAnOption, replacing: "role == \"Economic buyer\"", with: "role == \"Economic buyr\"")
        #expect(option.map(\.0) == ["Change '\"Economic buyr\"' to '\"Economic buyer\"'"])
        #expect(option.first?.1 == EditorFixture.main)
        let keyword = try fixes(.unknownKeyword, replacing: "  goal \"Learn", with: "  gaol \"Learn")
        #expect(keyword.first?.1 == EditorFixture.main)
    }

    @Test func anUnknownOutcomeCanBeAddedToTheHeader() throws {
        let found = try fixes(.unknownOutcome, replacing: "end won \"Demo booked\"", with: "end booked \"Demo booked\"")
        #expect(found.map(\.0) == ["Add 'booked' to the playbook's outcomes"])
        let fixed = try #require(found.first?.1)
        #expect(fixed.contains("  outcomes won (win), lost (loss), nurture, booked\n"))
        #expect(EditorFixture.playbook(main: fixed).result.diagnostics.filter { $0.severity == .error }.isEmpty)
    }

    @Test func aMissingQuestionCanBeDeclared() throws {
        let found = try fixes(.unknownName, replacing: "seats > 10", with: "budget > 10")
        #expect(found.map(\.0) == ["Declare the question 'budget' (number)"])
        let fixed = try #require(found.first?.1)
        #expect(fixed.contains("    no -> end lost \"No pain\"\n  ask budget \"Budget?\" number\n  if role == "))
        #expect(!EditorFixture.playbook(main: fixed).result.diagnostics.contains { $0.code == .unknownName })
        // Read in a question's `why`: declared above the question.
        let why = try fixes(.unknownName, replacing: "why \"No pain, no deal.\"", with: "why \"Ask {champion_named}\"")
        #expect(why.first?.0 == "Declare the question 'champion_named' (yes/no)")
        #expect(why.first?.1.contains("  ask champion_named \"Champion named?\" yes/no\n  ask pain ") == true)
    }
}
