import Testing

@testable import PlaybookKit

/// PB0212: outcomes are marked, but none `(win)`.
struct OutcomeMarkCheckTests {
    static func playbook(_ outcomes: String) -> String {
        """
        playbook "Discovery"
          outcomes \(outcomes)

        stage close "Close"
          ask demo "Did the buyer agree to a demo?" yes/no
            yes -> end won "Demo booked"
            no -> end lost "No demo"
        """
    }

    @Test func marksWithoutAWinAreAWarning() throws {
        let result = check(Self.playbook("won, lost (loss), nurture"))
        #expect(result.diagnostics.map(\.code) == [.noWinOutcome])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "outcomes are marked, but none as a win")
        #expect(warning.help == "mark the outcome that counts as a win: won (win)")
        // The span covers the outcomes and their marks, up to the last `)`.
        let source = result.sources[0]
        #expect(source.text(Int(warning.primary.span.start)..<Int(warning.primary.span.end)) == "won, lost (loss), nurture")
        #expect(!result.hasErrors, "a warning: the playbook still runs")

        let allLosses = check(Self.playbook("won (loss), lost (loss)")).diagnostics
        #expect(allLosses.map(\.code) == [.noWinOutcome])
        #expect(allLosses.first?.help == "mark the outcome that counts as a win with (win) instead of (loss)")
    }

    @Test func aWinOrNoMarksAtAllIsFine() {
        #expect(codes(Self.playbook("won (win), lost (loss), nurture")) == [])
        #expect(codes(Self.playbook("won (win), lost, nurture")) == [])
        #expect(codes(Self.playbook("won, lost, nurture")) == [])
    }

    @Test func aMarkThatDidNotParseSaysNothingMore() {
        // `(won)` may be meant as the win: only the mark's own error is reported.
        #expect(codes(Self.playbook("won (won), lost (loss)")) == ["PB0117"])
        #expect(codes(Self.playbook("won (win, lost (loss)")) == ["PB0118"])
    }
}
