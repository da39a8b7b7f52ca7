import Testing

@testable import PlaybookKit

/// The longest loop-free walk: the most questions on a walk that takes no loop-closing edge.
struct LongestWalkTests {
    @Test func theReferenceSamplesLongestLoopFreeWalk() throws {
        // pain = yes, past both `if`s, payoff, demo = no, then followup's later: 10 questions
        // (lost and nurture tie; the first outcome listed wins). The objection loop is not taken.
        let report = try WalkCounterTests.discovery().report()
        let walk = try #require(report.longestLoopFree)
        #expect(walk.questions == 10)
        #expect(walk.outcome == "lost")
        #expect(
            ShortestWalksTests.texts(walk) == [
                "role = \"Economic buyer\"", "tool = yes", "team_size (number)", "pain = yes", "pain_note (text)",
                "cost (number)", "urgency (scale)", "if cost < 5000 and urgency <= 2 (not taken)",
                "if authority < 2 and not displacement (not taken)", "payoff = \"Recite the feature list\"",
                "demo = no", "later = no",
            ])
        #expect(report.outcomes.map(\.longestLoopFreeQuestions) == [9, 10, 10, 1])
    }

    @Test func aLoopIsNotTakenAndAFlowCountsInFull() throws {
        // Loop-free, pick asks p and again = no (2 questions) and is called twice: 2 + 2 + b = 5.
        let report = try WalkCounterTests.analysis(
            WalkCounterTests.header + """
                stage one "One"
                  call pick
                  call pick
                  ask b "B?" yes/no
                  end won "done"

                flow pick "Pick"
                  ask p "P?" choice
                    "1"
                    "2"
                  ask again "Again?" yes/no
                    yes -> p
                  return
                """
        ).report()
        let walk = try #require(report.longestLoopFree)
        #expect(walk.questions == 5)
        #expect(ShortestWalksTests.texts(walk) == ["p = \"1\"", "again = no", "p = \"1\"", "again = no", "b = yes"])
    }
}
