@testable import PlaybookKit

/// A runner with the terminal's presenter beside it, as `playbook run` has them: for the tests
/// that read what a turn shows on a terminal.
struct TerminalRunner {
    var runner: Runner
    var presenter: TerminalPresenter

    /// A turn with the text the terminal shows for it.
    struct Shown {
        let turn: Runner.Turn
        let text: String
        var records: [SessionEvent.Kind] { turn.records }
        var state: Runner.State { turn.state }
    }

    init(walk: Walk, paint: Paint = Paint(enabled: false), practice: PracticeOptions? = nil, width: Int? = nil) {
        runner = Runner(walk: walk, practice: practice)
        presenter = TerminalPresenter(language: walk.program.language, paint: paint, width: width)
    }

    var width: Int? {
        get { presenter.width }
        set { presenter.width = newValue }
    }

    var walk: Walk { runner.walk }
    var program: Program { runner.program }
    var question: Question? { runner.question }

    mutating func proceed(now: Double) -> Shown { shown(runner.proceed(now: now)) }
    mutating func receive(_ line: String, now: Double) -> Shown { shown(runner.receive(line, now: now)) }
    mutating func give(_ value: Value, now: Double) -> Shown { shown(runner.give(value, now: now)) }
    mutating func replay(_ inputs: [ReplayInput]) -> ReplayReport { runner.replay(inputs) }

    private func shown(_ turn: Runner.Turn) -> Shown { Shown(turn: turn, text: presenter.text(turn.items)) }
}
