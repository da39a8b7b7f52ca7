import Testing

@testable import PlaybookKit

/// Practice runs read back from records, per playbook, oldest first.
struct PracticeHistoryTests {
    static func move(_ question: String, _ points: Double, best: Double, isBest: Bool) -> MoveResult {
        MoveResult(
            question: question, text: question.uppercased(), chosen: "c", points: points, isBest: isBest, bestOption: "b",
            bestPoints: best)
    }

    static func log(_ id: String, title: String, rep: String, mode: String = "practice", time: Double, grade: Double?) -> SessionLog {
        let info = SessionInfo(
            id: id, mode: mode, playbookTitle: title, playbookPath: "/p", playbookVersion: nil, playbookHash: "h",
            language: "en", rep: rep, deal: nil, seed: 0, persona: "dana")
        let result = PracticeResult(
            score: 1, bestOnPath: 5, bestPossible: 5, grade: grade,
            moves: [move("a", 3, best: 3, isBest: true), move("b", -2, best: 2, isBest: false)])
        let kinds: [SessionEvent.Kind] = [
            .start(info), .ended(outcome: "won", reason: nil, score: 1, byRep: false), .practiceResult(result),
        ]
        return SessionLog(text: kinds.map { SessionEvent($0, time: time).jsonLine }.joined(separator: "\n"))
    }

    @Test func runsAreGroupedByPlaybookAndOrderedInTime() {
        let history = PracticeHistory([
            Self.log("3", title: "Price", rep: "Lan", time: 300, grade: 80),
            Self.log("1", title: "Price", rep: "Lan", time: 100, grade: 20),
            Self.log("2", title: "Cold call", rep: "Ben", time: 200, grade: nil),
            Self.log("4", title: "Price", rep: "Lan", mode: "run", time: 400, grade: 100),
        ])
        #expect(history.tracks.map(\.playbook) == ["Price", "Cold call"])
        #expect(history.tracks[0].runs.map(\.session) == ["1", "3"])
        #expect(history.tracks[0].runs.first?.persona == "dana")
        #expect(PracticeHistory([Self.log("2", title: "Cold call", rep: "Ben", time: 200, grade: nil)], rep: "Lan").tracks.isEmpty)
    }

    @Test func bestAndWorstMoves() {
        let moves = [
            Self.move("a", 3, best: 3, isBest: true), Self.move("b", -2, best: 2, isBest: false),
            Self.move("c", 1, best: 2, isBest: false), Self.move("d", 1, best: 1, isBest: true),
        ]
        let (best, worst) = PracticeHistory.bestAndWorst(moves)
        #expect(best?.question == "a")
        #expect(worst?.question == "b")
        let allGood = PracticeHistory.bestAndWorst([Self.move("a", 3, best: 3, isBest: true)])
        #expect(allGood.worst == nil)
    }

    @Test func theTrendHasABarPerRun() {
        #expect(PracticeHistory.sparkline([0, 50, 100, nil, 14]) == "▁▅█·▂")
    }
}
