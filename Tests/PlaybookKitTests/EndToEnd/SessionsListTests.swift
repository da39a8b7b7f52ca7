import Testing

/// `playbook sessions` tells deals from rehearsals; `resume` counts the answers still in force.
struct SessionsListTests {
    static let playbook = """
        playbook "Two questions"
          outcomes won, lost
        persona dana "Dana"
        stage one "One"
          ask a "A?" number 1..10
          ask b "B?" number 1..10
          ask c "C?" yes/no
            yes -> end won
            no -> end lost
        """

    @Test func practiceRunsAreMarkedAndCanBeLeftOut() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("two.playbook", Self.playbook)
        #expect(try workspace.run(["run", "two.playbook", "--sessions", "s", "--rep", "Lan"], input: "1\n2\ny\n").status == 0)
        #expect(try workspace.run(["practice", "two.playbook", "--sessions", "s", "--rep", "Lan"], input: "1\n2\nn\n").status == 0)
        let all = try workspace.run(["sessions", "--sessions", "s"])
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.first?.contains("  MODE  ") == true)
        #expect(lines.dropFirst().map { $0.contains("  run  ") ? "run" : $0.contains("  practice  ") ? "practice" : "?" }.sorted() == ["practice", "run"])
        let deals = try workspace.run(["sessions", "--sessions", "s", "--mode", "run"])
        #expect(deals.stdout.split(separator: "\n").count == 2)
        #expect(!deals.stdout.contains("practice"))
        let bad = try workspace.run(["sessions", "--sessions", "s", "--mode", "deals"])
        #expect(bad.status == 2)
    }

    @Test func resumeCountsTheAnswersInForceNotTheInputs() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("two.playbook", Self.playbook)
        // Four inputs (a, b, back, b) leave two answers in force.
        let run = try workspace.run(["run", "two.playbook", "--sessions", "s"], input: "1\n2\nback\n3\npause\n")
        #expect(run.status == 0)
        let resume = try workspace.run(["resume", "last", "--sessions", "s"], input: "y\n")
        #expect(resume.stdout.contains("2 answers replayed."), "\(resume.stdout)")
    }
}
