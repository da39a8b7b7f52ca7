import Testing

@testable import PlaybookKit

/// Coverage, exploration and random walks find what hand-written scenarios miss.
struct ExplorationTests {
    static let english = ReportWords(language: "en")

    /// A division by an answer that can be 0, and an exit criterion no walk can meet.
    static let seeded = """
        playbook "Seeded faults"
          outcomes won, lost

        stage cost "Cost"
          exit when months > 100 "Payback must be over 100 months."
          ask yearly "Yearly cost of the problem?" number 0..
          ask months "Months to pay back?" number 0..60
          set monthly = yearly / months
          if monthly > 1000 -> end won "Big problem"

        stage close "Close"
          end lost "Small problem"
        """

    @Test func exploreFindsTheDivisionByZeroAndTheCriterionNoWalkMeets() throws {
        let report = Explorer(program: try WalkTests.program(Self.seeded)).explore()
        #expect(report.faults.map(\.what) == [.fault("division by zero: months is 0 in yearly / months")])
        #expect(report.faults.first?.line == 8)
        #expect(report.faults.first?.walk.last == NamedAnswer(question: "months", value: .number(0)))
        #expect(report.neverMet.map(\.what) == [.neverHolds(condition: "months > 100", stage: "cost")])
        #expect(report.neverMet.map { $0.text(words: Self.english) } == ["exit when months > 100 (stage cost) never holds on any explored walk"])
        #expect(report.neverMet.first?.line == 5)
        #expect(report.unmet.count == 1)
        #expect(report.outcomes["won"] != nil)
    }

    @Test func exploreCoversWhatTheComparisonsNeed() throws {
        let program = try ScenarioRunnerTests.discovery()
        var explorer = Explorer(program: program)
        explorer.finishesNewWalks = true
        let report = explorer.explore()
        let coverage = CoverageReport(program: program, covered: report.covered)
        // Only `exit when pain` failing cannot happen: a 'no' loops back to the question.
        #expect(coverage.uncovered.map { $0.text(words: Self.english) } == ["exit when pain (stage problem): fails"])
        #expect(report.faults.isEmpty && report.deadEnds.isEmpty && report.neverMet.isEmpty)
        // The emitted scenarios pass and take every side the exploration took.
        let file = readScenarios(scenarioFile(for: report.walks, playbook: "discovery.playbook"))
        #expect(file.diagnostics.isEmpty)
        var taken = Set<BranchSide>()
        for scenario in file.scenarios {
            let result = runScenario(scenario, program: program)
            #expect(result.passed, "\(scenario.name): \(result.failures)")
            taken.formUnion(result.sides)
        }
        #expect(taken == report.covered)
    }

    /// A kept walk holds every answer of its walk, and 300 questions that can each end the walk
    /// make 301 walks worth keeping, with 45,450 answers: only `--emit-scenarios` keeps them.
    @Test func walksAreKeptOnlyForScenarios() throws {
        let questions = (0..<300).map { "  ask q\($0) \"Q\($0)?\" yes/no\n    no -> end lost \"no\"\n" }.joined()
        let program = try WalkTests.program("stage s \"S\"\n" + questions + "  end won \"yes\"\n")
        let report = Explorer(program: program).explore()
        #expect(report.walks.isEmpty)
        #expect(report.outcomes == ["lost": 300, "won": 1])
        var keeping = Explorer(program: program)
        keeping.finishesNewWalks = true
        let kept = keeping.explore()
        #expect(kept.walks.count == 301)
        let answers = kept.walks.map(\.answers.count).reduce(0, +)
        #expect(answers == 45_450)
        #expect(kept.covered == report.covered)
    }

    @Test func coverageOfTheBriefsScenarios() throws {
        let program = try ScenarioRunnerTests.discovery()
        var taken = Set<BranchSide>()
        for scenario in readScenarios(shipped("discovery.scenarios")).scenarios {
            taken.formUnion(runScenario(scenario, program: program).sides)
        }
        let coverage = CoverageReport(program: program, covered: taken)
        #expect(coverage.total == 26)
        #expect(coverage.covered == 18)
        #expect(
            coverage.uncovered.map { "\($0.line) \($0.text(words: Self.english))" } == [
                "42 exit when pain (stage problem): fails", "65 payoff = \"Recite the feature list\"",
                "65 payoff = \"Offer a discount\"", "76 demo = no", "83 later = yes", "5 kind = \"Timing\"",
                "5 kind = \"No need\"", "11 resolved = no",
            ])
    }

    @Test func randomWalksAreReproducibleAndCountEverySide() throws {
        let program = try WalkTests.program(Self.seeded)
        let first = randomWalks(program, count: 200, seed: 7)
        let again = randomWalks(program, count: 200, seed: 7)
        #expect(first.hits == again.hits)
        #expect(first.walks == 200)
        #expect(first.faults.map(\.what) == [.fault("division by zero: months is 0 in yearly / months")])
        #expect(first.outcomes.values.reduce(0, +) + first.unmet.count <= 200)
        let conditionSides = first.hits.filter { if case .condition = $0.key { true } else { false } }
        #expect(conditionSides.values.reduce(0, +) > 0)
    }

    @Test func candidatesSitOnBothSidesOfEachComparison() throws {
        let program = try WalkTests.program(Self.seeded)
        let candidates = AnswerCandidates(program)
        let months = try #require(program.question(named: "months"))
        // Compared with 100 (out of range), divided by (0, 1), and the range's ends.
        #expect(candidates.values(for: months) == [0, 1, 60].map(Value.number))
        let yearly = try #require(program.question(named: "yearly"))
        #expect(candidates.values(for: yearly) == [0, 1, 1_000_000].map(Value.number))
    }
}
