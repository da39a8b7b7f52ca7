import Testing

@testable import PlaybookKit

/// The best score is computed from the flowchart: these playbooks are small enough to check by hand.
struct BestScoreTests {
    static func best(_ text: String, files: [String: String] = [:]) throws -> BestScore {
        BestScore(try WalkTests.program(text, files: files))
    }

    static let header = "playbook \"P\"\n  outcomes won, lost\n"

    @Test func theReferenceSampleBestIsFive() throws {
        // Need-payoff's best option (+3) and the demo (+2); the objection loop only costs points.
        let program = try ScenarioRunnerTests.discovery()
        #expect(BestScore(program) == BestScore.expected(.points(5)))
    }

    @Test func theBestOptionOfEachMoveOnTheBestWalk() throws {
        let text = Self.header + """
            stage one "One"
              ask a "A?" choice
                "good"
                  score +3
                "bad"
                  score -1
                "leave" -> end lost
              ask b "B?" choice
                "short" -> two
                "long"
                  score +1
            stage two "Two"
              ask c "C?" choice
                "x"
                  score +2
                "y"
                  score +5
                  -> end lost
              end won
            """
        // good (+3), long (+1), then y (+5) ends at once: 9; short skips b's point: 8.
        #expect(try Self.best(text) == .expected(.points(9)))
    }

    @Test func aLoopThatAddsPointsHasNoMaximum() throws {
        let text = Self.header + """
            stage one "One"
              ask again "Again?" choice
                "yes"
                  score +1
                  -> again
                "no" -> end won
            """
        #expect(try Self.best(text) == .expected(.unbounded))
    }

    @Test func aLoopThatCostsPointsIsTakenAtMostForFree() throws {
        let text = Self.header + """
            stage one "One"
              ask again "Again?" choice
                "retry"
                  score -1
                  -> again
                "done"
                  score +2
              end won
            """
        #expect(try Self.best(text) == .expected(.points(2)))
    }

    @Test func aFlowSumsUpOnceAndCountsAtEachCall() throws {
        let text = Self.header + """
            use "lib.playbook"
            stage one "One"
              call pitch
              call pitch
              end won
            """
        let lib = """
            flow pitch "Pitch"
              ask how "How?" choice
                "value"
                  score +2
                "discount"
                  score -2
                "walk out" -> end lost "Gave up"
              return
            """
        #expect(try Self.best(text, files: ["lib.playbook": lib]) == .expected(.points(4)))
    }

    @Test func anEndInsideAFlowCanBeTheBestWalk() throws {
        let text = Self.header + """
            stage one "One"
              call deal
              set score -= 5
              end lost
            flow deal "Deal"
              ask close "Close now?" choice
                "yes"
                  score +1
                  end won
                "later"
                  score +3
              return
            """
        // Closing inside the flow: 1. Returning: 3 - 5 = -2.
        #expect(try Self.best(text) == .expected(.points(1)))
    }

    @Test func settingTheScoreForgetsWhatCameBefore() throws {
        let text = Self.header + """
            stage one "One"
              ask a "A?" choice
                "big"
                  score +10
                "small"
                  score +1
              set score = 4
              ask b "B?" choice
                "x"
                  score +2
                "y"
              end won
            """
        #expect(try Self.best(text) == .expected(.points(6)))
    }

    @Test func aFlowThatCallsItselfIsSolved() throws {
        let text = Self.header + """
            stage one "One"
              call again
              end won
            flow again "Again"
              ask more "More?" choice
                "stop"
                  score +1
                  return
                "more"
                  score -1
              call again
              return
            """
        #expect(try Self.best(text) == .expected(.points(1)))
        let growing = text.replacingOccurrences(of: "score -1", with: "score +1")
        #expect(try Self.best(growing) == .expected(.unbounded))
    }

    @Test func aScoreComputedFromAnswersIsNotExact() throws {
        let text = Self.header + """
            stage one "One"
              ask n "N?" number 0..10
              set score += n
              end won
            """
        let best = try Self.best(text)
        #expect(!best.exact)
        #expect(best.anyWalk == .points(0))
    }
}

extension BestScore {
    static func expected(_ bound: Bound) -> BestScore { BestScore(anyWalk: bound, exact: true) }
}
