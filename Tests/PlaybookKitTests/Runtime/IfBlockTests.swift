import Testing

@testable import PlaybookKit

/// `if CONDITION` with a block and an optional `else` block: parsed, checked, walked, undone,
/// counted and drawn like the branches of a question.
struct IfBlockTests {
    static let tiers = """
        playbook "Tiers"
          outcomes won, lost

        stage qualify "Qualify"
          ask users "How many users?" number 1..10000
          if users >= 100
            say "Bring in the enterprise team for {users} users."
            set tier = "enterprise"
            ask sponsor "Is there an executive sponsor?" yes/no
              no -> end lost "No sponsor"
          else
            set tier = "team"
            if users < 10
              say "A small team: offer the starter plan."
          say "Tier: {tier}."
          ask signed "Signed?" yes/no
            yes -> end won "Signed ({tier})"
            no -> end lost "Not signed"
        """

    static func says(_ events: [WalkEvent]) -> [String] {
        events.compactMap { if case .say(let line) = $0 { line } else { nil } }
    }

    @Test func theBlockOfTheSideTakenRunsThenTheWalkGoesOnAfterIt() throws {
        let program = try WalkTests.program(Self.tiers)
        var large = Walk(program: program, seed: 0)
        let first = WalkTests.walk(&large, [("users", .number(150)), ("sponsor", .bool(true)), ("signed", .bool(true))])
        #expect(Self.says(first) == ["Bring in the enterprise team for 150 users.", "Tier: enterprise."])
        #expect(first.last == .ended(Outcome(name: "won", reason: "Signed (enterprise)", score: 0, byRep: false)))

        var small = Walk(program: program, seed: 0)
        let second = WalkTests.walk(&small, [("users", .number(5)), ("signed", .bool(false))])
        #expect(Self.says(second) == ["A small team: offer the starter plan.", "Tier: team."])
        #expect(second.last == .ended(Outcome(name: "lost", reason: "Not signed", score: 0, byRep: false)))

        var middle = Walk(program: program, seed: 0)
        // The sponsor question is in the other block: the next question asked is `signed`.
        let third = WalkTests.walk(&middle, [("users", .number(50)), ("signed", .bool(true))])
        #expect(Self.says(third) == ["Tier: team."])
        #expect(third.last == .ended(Outcome(name: "won", reason: "Signed (team)", score: 0, byRep: false)))
    }

    @Test func backLeavesTheBlockAndUndoesWhatItSet() throws {
        var walk = Walk(program: try WalkTests.program(Self.tiers), seed: 0)
        _ = WalkTests.walk(&walk, [("users", .number(150)), ("sponsor", .bool(true))])
        #expect(walk.value(of: "tier") == .text("enterprise"))
        _ = walk.back()
        _ = walk.back()
        #expect(walk.value(of: "tier") == nil)
        let events = WalkTests.walk(&walk, [("users", .number(20)), ("signed", .bool(true))])
        #expect(Self.says(events) == ["Tier: team."])
        #expect(walk.value(of: "sponsor") == nil)
    }

    @Test func theCheckerFollowsBothSides() {
        // Set on both sides: clean. Set on one side only: possibly unset, with the walk that skips it.
        #expect(codes(Self.tiers).isEmpty)
        let oneSided = Self.tiers.replacingOccurrences(of: "  else\n    set tier = \"team\"\n", with: "  else\n")
        let result = check(oneSided)
        #expect(result.diagnostics.map(\.code) == [.possiblyUnset, .possiblyUnset])
        #expect(result.diagnostics.first?.notes == ["a walk on which it is not set: 'if' on line 6 is false → 'if' on line 12 is false"])
        // The condition must be yes/no, and a question in a block is asked only on that side.
        #expect(codes("stage a \"A\"\n  ask n \"N?\" number\n  if n\n    say \"x\"\n  end won \"w\"\n") == ["PB0303"])
        #expect(
            codes("stage a \"A\"\n  ask n \"N?\" number\n  if n > 1\n    ask m \"M?\" yes/no\n  if m -> a\n  end won \"w\"\n") == ["PB0401"])
    }

    @Test func pathsCountEachSideAndExplorationTakesEverySide() throws {
        let program = try WalkTests.program(Self.tiers)
        let report = PathAnalysis(program).report()
        // won: enterprise (sponsor yes, signed yes), team, starter; lost: no sponsor, and not
        // signed on each of the three ways through.
        #expect(report.outcomes.map { "\($0.name)=\($0.walks.loopFree)" } == ["won=3", "lost=4"])
        let explored = Explorer(program: program).explore()
        #expect(explored.covered.count == program.branchSides.count)
    }

    /// `else if` chains: each condition in turn, the last `else` when none holds; an `else`
    /// after an `else` block whose only step is an `if` is not part of a chain.
    @Test func elseIfTakesTheFirstConditionThatHolds() throws {
        let program = try WalkTests.program(
            """
            stage a "A"
              ask n "N?" number 0..100
              if n < 10
                say "small"
              else if n < 50
                say "medium"
              else
                say "large"
              end won "w"
            """)
        for (n, expected) in [(3.0, "small"), (10, "medium"), (49, "medium"), (50, "large")] {
            var walk = Walk(program: program, seed: 0)
            #expect(Self.says(WalkTests.walk(&walk, [("n", .number(n))])) == [expected], "n = \(n)")
        }
        #expect(program.branchSides.count == 4)
        let nested = "stage a \"A\"\n  ask x \"X?\" yes/no\n  if x\n    say \"a\"\n  else\n    if x\n      say \"b\"\n  else\n    say \"c\"\n  end won \"w\"\n"
        #expect(check(nested).diagnostics.map(\.message) == ["'else' without an 'if' block just before it"])
    }

    @Test func misplacedElseIsReported() {
        let cases: [(String, String)] = [
            ("  ask x \"X?\" yes/no\n  else\n    say \"a\"\n", "'else' without an 'if' block just before it"),
            ("  ask x \"X?\" yes/no\n  if x -> a\n  else\n    say \"a\"\n", "'else' without an 'if' block just before it"),
            ("  ask x \"X?\" yes/no\n  if x\n    say \"a\"\n  else\n    say \"b\"\n  else\n    say \"c\"\n", "'else' without an 'if' block just before it"),
            ("  ask x \"X?\" yes/no\n  if x\n    say \"a\"\n  else\n", "'else' without a block"),
            ("  ask x \"X?\" yes/no\n  if x\n    say \"a\"\n  else x\n    say \"b\"\n", "expected the end of the line after 'else', found 'x'"),
            ("  ask x \"X?\" yes/no\n  if x\n", "expected '->' or an indented block after the condition, found the end of the line"),
        ]
        for (body, message) in cases {
            let result = check("stage a \"A\"\n" + body + "  end won \"w\"\n")
            #expect(result.diagnostics.map(\.message).contains(message), "\(body): \(result.diagnostics.map(\.message))")
        }
    }
}
