import Foundation
import Testing

@testable import PlaybookKit

/// Options written `key "Text"`: the key is what answers, conditions, scenarios and records
/// hold; the text is what the rep reads and may type.
struct OptionKeyTests {
    static let playbook = """
        playbook "Keys"
          outcomes won, lost
        stage one "One"
          ask role "Who are you talking to?" choice
            econ "Economic buyer"
            champion "Champion"
            "End user"
          if role == "econ" -> end won "Signer"
          end lost "Not the signer"
        """

    static func check(_ text: String) -> CheckResult {
        checkPlaybook(SourceFile(path: "main.playbook", bytes: Array(text.utf8)), loader: MemoryLoader([:]))
    }

    @Test func aKeyIsTheLabelAndTheTextIsKept() throws {
        let result = Self.check(Self.playbook)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let question = try #require(result.files.first?.stageQuestions.first?.question)
        #expect(question.branches.map(\.optionKey) == ["econ", "champion", "End user"])
        #expect(question.branches.map { $0.optionTitle?.value } == ["Economic buyer", "Champion", "End user"])
        #expect(question.branches.map { $0.keyName.map { result.interner.name($0.symbol) } } == ["econ", "champion", nil])
    }

    @Test func comparingWithTheTextOfAKeyedOptionSaysToUseTheKey() {
        let result = Self.check(Self.playbook.replacingOccurrences(of: "role == \"econ\"", with: "role == \"Economic buyer\""))
        let messages = result.diagnostics.map { "\($0.code.rawValue) \($0.message) | \($0.help ?? "")" }
        #expect(messages == [
            "PB0305 \"Economic buyer\" is the text of an option of 'role', not its key | did you mean \"econ\"?"
        ])
    }

    @Test func aDuplicateKeyAndAReservedKeyAreErrors() {
        let duplicate = Self.check(Self.playbook.replacingOccurrences(of: "champion \"Champion\"", with: "econ \"Champion\""))
        #expect(duplicate.diagnostics.map(\.code) == [.duplicateBranch])
        #expect(duplicate.diagnostics.first?.help == "give each option its own key")
        let reserved = Self.check(Self.playbook.replacingOccurrences(of: "champion \"Champion\"", with: "not \"Champion\""))
        #expect(reserved.diagnostics.map(\.message).contains("'not' is a word of the language and cannot be an option's key"))
        // A line word before a string under a question is that line misplaced, not a key.
        let misplaced = Self.check(Self.playbook.replacingOccurrences(of: "champion \"Champion\"", with: "say \"Champion\""))
        #expect(misplaced.diagnostics.map(\.code) == [.unknownKeyword])
    }

    @Test func theRecordHoldsTheKeyAndWhatTheRepSaw() throws {
        let program = try #require(Program(Self.check(Self.playbook)))
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0))
        _ = runner.proceed(now: 0)
        let shown = runner.receive("economic buyer", now: 2)
        let answer = shown.records.first { if case .answered = $0 { true } else { false } }
        #expect(answer == .answered(question: "role", value: .text("econ"), shown: "Economic buyer", seconds: 2))
        #expect(shown.text.contains("Signer"))
        // The key typed is the option too, and its number.
        for typed in ["econ", "1"] {
            var again = TerminalRunner(walk: Walk(program: program, seed: 0))
            _ = again.proceed(now: 0)
            #expect(again.receive(typed, now: 1).records.contains(.answered(question: "role", value: .text("econ"), shown: "Economic buyer", seconds: 1)))
        }
    }

    @Test func aRewordedKeyedOptionStillReplays() throws {
        let reworded = Self.playbook.replacingOccurrences(of: "econ \"Economic buyer\"", with: "econ \"The person who signs\"")
        let program = try #require(Program(Self.check(reworded)))
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0))
        let report = runner.replay([.answer(question: "role", value: .text("econ"))])
        #expect(report == ReplayReport(replayed: 1, answersInForce: 1, notReplayed: 0, stoppedBecause: nil))
        #expect(runner.walk.value(of: "role") == .text("econ"))
    }

    @Test func aRecordFromBeforeTheKeyReplaysByTheText() throws {
        let program = try #require(Program(Self.check(Self.playbook)))
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0))
        let report = runner.replay([.answer(question: "role", value: .text("Economic buyer"))])
        #expect(report.notReplayed == 0)
        #expect(runner.walk.value(of: "role") == .text("econ"))
    }

    @Test func scenariosAnswerWithTheKey() throws {
        let program = try #require(Program(Self.check(Self.playbook)))
        let byKey = try #require(readScenarios("scenario \"signer\"\n  role = \"econ\"\n  expect won\n").scenarios.first)
        let byText = try #require(readScenarios("scenario \"signer\"\n  role = \"Economic buyer\"\n  expect won\n").scenarios.first)
        #expect(runScenario(byKey, program: program).failures.isEmpty)
        #expect(!runScenario(byText, program: program).failures.isEmpty)
    }
}

extension OptionKeyTests {
    @Test func twoKeysCannotShowTheSameText() {
        let result = Self.check(Self.playbook.replacingOccurrences(of: "champion \"Champion\"", with: "champion \"Economic buyer\""))
        #expect(result.diagnostics.map(\.message) == ["two options of question 'role' read \"Economic buyer\""])
    }
}
