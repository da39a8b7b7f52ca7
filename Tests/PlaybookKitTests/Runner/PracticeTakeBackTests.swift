import Testing

@testable import PlaybookKit

/// `back` in practice: a move taken back still counts in the grade and is shown as such; the
/// grade says what it measures.
struct PracticeTakeBackTests {
    /// A practice run of the shipped price role-play against Dana, with `lines` typed.
    static func practise(_ lines: [String]) throws -> (text: String, result: PracticeResult?) {
        let program = try WalkTests.program(shipped("price-objection.playbook"))
        let dana = try #require(program.personas.first { $0.id == "dana" })
        var runner = TerminalRunner(
            walk: Walk(program: program, seed: 0), paint: Paint(enabled: false),
            practice: PracticeOptions(persona: dana, holdFeedback: false))
        var turn = runner.proceed(now: 0)
        var text = turn.text
        var result: PracticeResult?
        for line in lines {
            guard case .waiting = turn.state else { break }
            turn = runner.receive(line, now: 1)
            text += turn.text
            for record in turn.records { if case .practiceResult(let found) = record { result = found } }
        }
        return (text, result)
    }

    /// The issue's walk: a bad first move (2), its feedback, `back`, then the best move each time.
    static let takeBack = ["2", "4", "back", "1", "1", "1", "1", "1", "y", "1", "n", "1"]

    @Test func aMoveTakenBackStillCounts() throws {
        let (text, result) = try Self.practise(Self.takeBack)
        let outcome = try #require(result)
        #expect(!text.contains("Every move was the best one"))
        #expect(outcome.takenBack.count == 1)
        #expect(outcome.takenBack.first?.isBest == false)
        #expect((outcome.grade ?? 100) < 100)
        #expect(text.contains("(taken back)"))
        #expect(text.contains("1 of them taken back"))
    }

    @Test func everyBestMoveIsAFullGrade() throws {
        let (text, result) = try Self.practise(["1", "1", "1", "1", "1", "y", "1", "n", "1"])
        let outcome = try #require(result)
        #expect(text.contains("Every move was the best one"))
        #expect(outcome.grade == 100)
        #expect(outcome.takenBack.isEmpty)
    }

    @Test func takenBackMovesAreRecordedAndReadBack() throws {
        let (_, result) = try Self.practise(Self.takeBack)
        let outcome = try #require(result)
        let line = SessionEvent(.practiceResult(outcome), time: 0).jsonLine
        #expect(SessionEvent(jsonLine: line)?.kind == .practiceResult(outcome))
        #expect(line.contains(#""taken_back":[{"#))
    }

    @Test func historyFiltersByPersona() {
        let logs = [
            PracticeHistoryTests.log("1", title: "Price", rep: "Lan", time: 100, grade: 20),
            PracticeHistoryTests.log("2", title: "Price", rep: "Lan", time: 200, grade: 80),
        ]
        #expect(PracticeHistory(logs, persona: "dana").tracks.first?.runs.count == 2)
        #expect(PracticeHistory(logs, persona: "marek").tracks.isEmpty)
    }
}
