import Testing

@testable import PlaybookKit

/// The questions asked on every walk from the first stage to an outcome.
struct EveryWalkTests {
    static func asked(_ text: String) throws -> [String] {
        try WalkCounterTests.analysis(WalkCounterTests.header + text).report().askedOnEveryWalk.map(\.name)
    }

    @Test func theReferenceSampleAsksOnlyTheRoleOnEveryWalk() throws {
        // "Not the right person" ends the walk at once, so nothing after role is on every walk.
        let asked = try WalkCounterTests.discovery().report().askedOnEveryWalk
        #expect(asked.map(\.name) == ["role"])
        #expect(asked.first?.line == 21)
    }

    @Test func questionsBothSidesMeetAgainAtAreOnEveryWalk() throws {
        #expect(
            try Self.asked(
                """
                stage one "One"
                  ask a "A?" yes/no
                    yes
                      ask b "B?" text
                    no
                      ask c "C?" text
                  ask d "D?" yes/no
                    no -> end lost "d"
                  ask e "E?" yes/no
                  end won "done"
                """) == ["a", "d"])
    }

    @Test func aFlowsQuestionsCountWhereItIsCalled() throws {
        // Every walk through f asks p; f is called on both sides of a, never on one walk alone:
        // p is still asked on every walk. q only when f returns, and f may end the walk first.
        #expect(
            try Self.asked(
                """
                stage one "One"
                  ask a "A?" yes/no
                    yes
                      call f
                    no
                      say "Other side."
                      call f
                  end won "done"

                flow f "F"
                  ask p "P?" yes/no
                    no -> end lost "p"
                  ask q "Q?" text
                  return
                """) == ["a", "p"])
    }

    @Test func aFlowCalledOnOneSideOnlyIsNotOnEveryWalk() throws {
        #expect(
            try Self.asked(
                """
                stage one "One"
                  ask a "A?" yes/no
                    yes
                      call f
                  end won "done"

                flow f "F"
                  ask p "P?" text
                  return
                """) == ["a"])
    }
}
