import Glibc
import PlaybookKit

/// A walk being run for a rep in the terminal: the library's `LiveWalk` records every turn
/// (flushed to disk) before this prints it, and this reads answers from the terminal, a pipe
/// or a file of keyed answers.
struct LiveSession {
    var walk: LiveWalk<RecordFile>
    var presenter: TerminalPresenter
    let id: String
    var source: AnswerSource
    /// `--width`, if given: else the terminal's width is asked again before each turn, so that a
    /// window made wider or narrower wraps the next text to fit.
    let width: Int?

    enum AnswerSource {
        /// Lines typed or piped; piped lines are echoed so that the output reads as a transcript.
        case lines(LineReader, echo: Bool)
        /// Answers by question, from a scenario file.
        case keyed(AnswerQueue)
    }

    init(runner: Runner, record: RecordFile, presenter: TerminalPresenter, id: String, source: AnswerSource, width: Int?) {
        walk = LiveWalk(runner: runner, recorder: record, clock: now)
        self.presenter = presenter
        self.id = id
        self.source = source
        self.width = width
    }

    var runner: Runner { walk.runner }
    var record: RecordFile { walk.recorder }

    /// Shows `intro` (already recorded, if it records anything), then runs the walk until it
    /// ends or pauses; returns the exit status. With `stageFirst` (a resumed walk), the stage
    /// the walk waits in is named before its question.
    mutating func drive(after intro: String, stageFirst: Bool = false) throws(StoreError) -> Int32 {
        var turn = try walk.start()
        var text = intro
        if stageFirst, turn.state == .waiting { text += presenter.text(runner.stageItem(runner.walk.state.stage)) }
        let strings = presenter.strings
        while true {
            Terminal.write(text + presenter.text(turn.items))
            text = ""
            switch turn.state {
            case .ended:
                Terminal.write("\n" + presenter.paint.dim(strings(.recordedIn, TerminalText.safe(record.path))) + "\n")
                return 0
            case .faulted:
                Terminal.write(presenter.paint.dim(strings(.recordedIn, TerminalText.safe(record.path))) + "\n")
                return 1
            case .paused:
                Terminal.write("\n" + strings(.paused) + " " + strings(.resumeWith, "playbook resume \(id)") + "\n")
                return 0
            case .waiting:
                break
            }
            switch source {
            case .lines(let reader, let echo):
                Terminal.write(presenter.paint.bold("> "))
                let line = reader.next()
                switch line {
                case .text(let typed):
                    // Echoed as the terminal should show it; recorded (and answered) as typed.
                    if echo { Terminal.write(TerminalText.safe(typed) + "\n") }
                    presenter.width = Terminal.width(option: width)
                    turn = try walk.perform(.line(typed))
                case .endOfInput where echo:
                    // Piped answers ran out: an error that names the question left waiting.
                    return try stop(.endOfInput, writing: "\n")
                case .endOfInput, .interrupted:
                    Terminal.write("\n")
                    turn = try walk.perform(.pause(line == .interrupted ? .interrupt : .endOfInput))
                }
            case .keyed(var queue):
                guard let question = runner.question else { return try stop(.noAnswer) }
                let answer = queue.answer(to: question, in: runner.program, words: runner.words)
                source = .keyed(queue)
                switch answer {
                case .none:
                    return try stop(.noAnswer)
                case .unfit(let name, let typed, _, let problem):
                    Terminal.write("> " + TerminalText.safe(typed) + "\n")
                    try walk.record([.paused(reason: .noAnswer)])
                    Terminal.error("playbook: the answer '\(TerminalText.safe(typed))' to '\(name)' does not fit: \(runner.explain(problem))\n")
                    return 1
                case .value(let value, let typed):
                    Terminal.write("> " + TerminalText.safe(typed) + "\n")
                    presenter.width = Terminal.width(option: width)
                    turn = try walk.perform(.value(value))
                }
            }
        }
    }

    /// The answers ran out: the session is paused (so it can be resumed), and the error names
    /// the question left waiting.
    private func stop(_ reason: PauseReason, writing before: String = "") throws(StoreError) -> Int32 {
        try walk.record([.paused(reason: reason)])
        Terminal.write(before)
        Terminal.error("playbook: " + waitingMessage() + "\n" + presenter.strings(.resumeWith, "playbook resume \(id)") + "\n")
        return 1
    }

    /// "no answer left for the question 'pain' ("Did the buyer...?") in stage problem".
    private func waitingMessage() -> String {
        let program = runner.program
        let stage = program.name(program.stages[runner.walk.state.stage].name.symbol)
        guard let question = runner.question else {
            return "the walk cannot leave stage \(stage) while its exit criterion fails; resume to go back or end the deal"
        }
        return runner.strings(
            .noAnswersLeft, program.name(question.name.symbol), runner.walk.renderIfPossible(question.text), stage)
    }
}
