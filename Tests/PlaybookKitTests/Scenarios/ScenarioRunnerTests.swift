import Testing

@testable import PlaybookKit

/// Scenarios run against playbooks: the brief's pass as written; failures say why.
struct ScenarioRunnerTests {
    static let english = ReportWords(language: "en")

    /// The failures and the walk as the English report says them.
    static func failures(_ result: ScenarioResult) -> [String] { result.failures.map { $0.text(words: english) } }
    static func walk(_ result: ScenarioResult) -> [String] { ScenarioText(words: english).walk(result).components(separatedBy: " · ") }

    static func discovery() throws -> Program {
        try WalkTests.program(shipped("discovery.playbook"), files: ["objections.playbook": shipped("objections.playbook")])
    }

    @Test func theBriefsScenariosPassAsWritten() throws {
        let program = try Self.discovery()
        let file = readScenarios(shipped("discovery.scenarios"))
        #expect(file.diagnostics.isEmpty)
        #expect(file.scenarios.count == 4)
        for scenario in file.scenarios {
            let result = runScenario(scenario, program: program)
            #expect(result.passed, "\(scenario.name): \(result.failures)")
            #expect(result.unused.isEmpty, "\(scenario.name): \(result.unused)")
        }
    }

    @Test func theWalkIsReportedStageByStage() throws {
        let file = readScenarios(shipped("discovery.scenarios"))
        let result = runScenario(file.scenarios[2], program: try Self.discovery())
        #expect(
            Self.walk(result) == [
                "situation: role = \"Champion\", tool = no, team_size = 12",
                "problem: pain = no, kind = \"Price\", resolved = yes, pain = yes, pain_note = \"Month-end close takes a week.\"",
                "implication: cost = 2000, urgency = 1",
                "→ nurture (\"Small, non-urgent problem\")",
            ])
    }

    @Test func failuresSayWhatWasExpectedAndWhatHappened() throws {
        let file = readScenarios(
            """
            scenario "wrong"
              role = "Champion"
              tool = maybe
              expect won

            scenario "short"
              role = "End user"
              tool = no
              team_size = 3
              pain = yes
              pain_note = "x"
              cost = 100
              urgency = 1
              expect lost
              expect score = 2
              expect stage need_payoff
              expect not stage implication
              expect stage nowhere
            """)
        #expect(file.diagnostics.isEmpty)
        let program = try Self.discovery()
        let wrong = runScenario(file.scenarios[0], program: program)
        #expect(
            Self.failures(wrong) == [
                "line 3: 'maybe' is not an answer to 'tool': the question takes yes or no",
                "line 4: expected the outcome won, but it did not end",
            ])
        let short = runScenario(file.scenarios[1], program: program)
        #expect(
            Self.failures(short) == [
                "line 14: expected the outcome lost, but it ended with nurture (\"Small, non-urgent problem\")",
                "line 15: expected score = 2, but it is 0",
                "line 16: expected the walk to enter stage need_payoff, but it did not",
                "line 17: expected the walk not to enter stage implication, but it did",
                "line 18: the playbook has no stage 'nowhere'",
            ])
    }

    /// A walk held by an exit criterion passes only when the scenario expects it there; any other
    /// expectation says where it was held and why.
    @Test func aBlockedWalkIsExpectedWithExpectBlocked() throws {
        let program = try WalkTests.program(
            """
            stage problem "Problem"
              exit when pain "No problem described yet."
              ask pain "Pain?" yes/no

            stage close "Close"
              end won "Signed"
            """)
        let file = readScenarios(
            """
            scenario "held"
              pain = no
              expect blocked problem

            scenario "not held"
              pain = yes
              expect blocked problem

            scenario "held, but expects an outcome"
              pain = no
              expect won

            scenario "held at a stage that is not there"
              pain = no
              expect blocked problme
            """)
        #expect(file.diagnostics.isEmpty)
        let results = file.scenarios.map { runScenario($0, program: program) }
        #expect(results[0].passed, "\(results[0].failures)")
        #expect(results[0].blocked == ScenarioResult.Blocked(stage: "problem", message: "No problem described yet."))
        #expect(Self.walk(results[0]) == ["problem: pain = no", "⊘ blocked: No problem described yet."])
        #expect(
            Self.failures(results[1]) == [
                "line 7: expected the walk to be blocked at stage problem by an exit criterion, but it ended with won (\"Signed\")"
            ])
        #expect(
            Self.failures(results[2]) == [
                "the walk cannot leave stage problem: its exit criterion fails (No problem described yet.); "
                    + "add 'expect blocked problem' if that is what the scenario tests",
                "line 11: expected the outcome won, but it was blocked at stage problem (No problem described yet.)",
            ])
        #expect(Self.failures(results[3]) == ["line 15: the playbook has no stage 'problme' (did you mean 'problem'?)"])
    }

    @Test func aMissingAnswerNamesTheQuestion() throws {
        let file = readScenarios("scenario \"x\"\n  role = 2\n")
        let result = runScenario(file.scenarios[0], program: try Self.discovery())
        #expect(
            Self.failures(result) == [
                "no answer for the question 'tool' (\"Do they already use a competing product?\") asked in stage situation; add a line: tool = ..."
            ])
        #expect(Self.walk(result) == ["situation: role = \"Champion\""])
    }
}
