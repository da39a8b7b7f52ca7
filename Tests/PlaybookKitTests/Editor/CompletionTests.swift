import Foundation
import Testing

@testable import PlaybookKit

struct CompletionTests {
    /// The labels offered at `‸` in `main` with the line `line` written into stage `problem`
    /// (after its `ask pain` block), and the text each replaces.
    private func offered(_ line: String, scenarios: Bool = false) -> [String] {
        let marked = EditorFixture.main.replacingOccurrences(of: "  say \"Seats: {seats}\"\n", with: line + "\n")
        let (text, offset) = EditorFixture.cursor(marked)
        let playbook = EditorFixture.playbook(main: text)
        return playbook.completions(file: 0, at: offset).map(\.label)
    }

    @Test func afterAnArrowTheTargets() {
        #expect(offered("  if seats > 10 -> ‸") == ["problem", "situation", "pain", "price", "role", "team", "next", "end"])
        // A name being typed is replaced whole.
        let (text, offset) = EditorFixture.cursor(
            EditorFixture.main.replacingOccurrences(of: "  say \"Seats: {seats}\"\n", with: "  -> sit‸\n"))
        let items = EditorFixture.playbook(main: text).completions(file: 0, at: offset)
        #expect(items.first.map { EditorFixture.text($0.replacing, in: EditorFixture.playbook(main: text)) } == "sit")
        #expect(items.first?.detail == "Problem")
    }

    @Test func afterEndTheOutcomesAfterCallTheFlows() {
        #expect(offered("  end ‸") == ["won", "lost", "nurture"])
        #expect(offered("  if seats > 10 -> end ‸") == ["won", "lost", "nurture"])
        #expect(offered("  call ‸") == ["objections"])
        #expect(offered("  buyer ‸") == ["cfo"])
    }

    @Test func inConditionsTheNamesAndAfterEqualsTheOptions() {
        #expect(offered("  if ‸") == ["pain", "price", "role", "team", "seats", "score", "and", "or", "not", "yes", "no"])
        #expect(offered("  if role == ‸") == ["Economic buyer", "User"])
        #expect(offered("  if role != \"Eco‸") == ["Economic buyer", "User"])
        #expect(offered("  if pain == ‸") == ["yes", "no"])
        #expect(offered("  set seats = ‸").prefix(2) == ["pain", "price"])
        // Nothing inside a string or a comment.
        #expect(offered("  say \"‸") == [])
        #expect(offered("  say \"x\" # ‸") == [])
    }

    @Test func anOptionIsWrittenAsAString() throws {
        let (text, offset) = EditorFixture.cursor(
            EditorFixture.main.replacingOccurrences(of: "  say \"Seats: {seats}\"\n", with: "  if role == ‸\n"))
        let option = try #require(EditorFixture.playbook(main: text).completions(file: 0, at: offset).first)
        #expect(option.insertText == "\"Economic buyer\"")
        #expect(option.kind == .option)
    }

    @Test func atTheStartOfALineTheWordsOfItsBlock() {
        #expect(offered("  ‸") == ["goal", "tip", "exit", "ask", "say", "buyer", "set", "if", "call", "end", "else"])
        #expect(offered("‸") == ["playbook", "use", "term", "persona", "stage", "flow"])
        #expect(offered("  ask budget \"Budget?\" ‸") == ["yes/no", "choice", "number", "text", "scale"])
        #expect(offered("  exit ‸") == ["when"])
        let underQuestion = EditorFixture.main.replacingOccurrences(of: "    why \"No pain, no deal.\"\n", with: "    ‸\n")
        let (text, offset) = EditorFixture.cursor(underQuestion)
        #expect(EditorFixture.playbook(main: text).completions(file: 0, at: offset).map(\.label) == ["why", "tip", "yes", "no"])
    }

    @Test func inScenariosTheQuestionsAndTheirAnswers() {
        let playbook = EditorFixture.playbook()
        func offered(_ marked: String) -> [String] {
            let (text, offset) = EditorFixture.cursor(marked)
            return playbook.scenarioCompletions(SourceFile(path: "s.scenarios", bytes: Array(text.utf8)), at: offset).map(\.label)
        }
        #expect(offered("scenario \"x\"\n  ‸") == ["scenario", "expect", "pain", "price", "role", "team"])
        #expect(offered("scenario \"x\"\n  role = ‸") == ["Economic buyer", "User"])
        #expect(offered("scenario \"x\"\n  pain = no, ‸") == ["yes", "no"])
        #expect(offered("scenario \"x\"\n  expect stage ‸") == ["problem", "situation"])
        #expect(offered("scenario \"x\"\n  expect not ‸") == ["stage"])
        #expect(offered("scenario \"x\"\n  expect ‸").prefix(6) == ["stage", "not", "blocked", "won", "lost", "nurture"])
    }
}
