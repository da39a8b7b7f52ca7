import Glibc
import PlaybookKit

/// A walk being run for a rep: prints what the runner shows, records every event (flushed to
/// disk before the next question is shown) and reads answers from the terminal, a pipe or a
/// file of keyed answers.
struct LiveSession {
    var runner: Runner
    let record: RecordFile
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

    /// Runs from `turn` (the first output) until the walk ends or pauses; returns the exit status.
    mutating func drive(from first: Runner.Turn) throws(StoreError) -> Int32 {
        var turn = first
        let strings = runner.strings
        while true {
            let time = now()
            try record.append(turn.records.map { SessionEvent($0, time: time) })
            Terminal.write(turn.text)
            switch turn.state {
            case .ended:
                Terminal.write("\n" + runner.paint.dim(strings(.recordedIn, TerminalText.safe(record.path))) + "\n")
                return 0
            case .faulted:
                Terminal.write(runner.paint.dim(strings(.recordedIn, TerminalText.safe(record.path))) + "\n")
                return 1
            case .paused:
                Terminal.write("\n" + strings(.paused) + " " + strings(.resumeWith, "playbook resume \(id)") + "\n")
                return 0
            case .waiting:
                break
            }
            switch source {
            case .lines(let reader, let echo):
                Terminal.write(runner.paint.bold(runner.prompt))
                let line = reader.next()
                switch line {
                case .text(let text):
                    // Echoed as the terminal should show it; recorded (and answered) as typed.
                    if echo { Terminal.write(TerminalText.safe(text) + "\n") }
                    runner.width = Terminal.width(option: width)
                    turn = runner.receive(text, now: now())
                case .endOfInput where echo:
                    // Piped answers ran out: an error that names the question left waiting.
                    try record.append(SessionEvent(.paused(reason: .endOfInput), time: now()))
                    Terminal.write("\n")
                    Terminal.error("playbook: " + waitingMessage() + "\n" + strings(.resumeWith, "playbook resume \(id)") + "\n")
                    return 1
                case .endOfInput, .interrupted:
                    Terminal.write("\n")
                    turn = .pause(line == .interrupted ? .interrupt : .endOfInput)
                }
            case .keyed(var queue):
                guard let question = runner.question else {
                    try record.append(SessionEvent(.paused(reason: .noAnswer), time: now()))
                    Terminal.error("playbook: " + waitingMessage() + "\n" + strings(.resumeWith, "playbook resume \(id)") + "\n")
                    return 1
                }
                let answer = queue.answer(to: question, in: runner.program, words: runner.words)
                source = .keyed(queue)
                switch answer {
                case .none:
                    try record.append(SessionEvent(.paused(reason: .noAnswer), time: now()))
                    Terminal.error("playbook: " + waitingMessage() + "\n" + strings(.resumeWith, "playbook resume \(id)") + "\n")
                    return 1
                case .unfit(let name, let text, _, let problem):
                    Terminal.write(runner.prompt + TerminalText.safe(text) + "\n")
                    try record.append(SessionEvent(.paused(reason: .noAnswer), time: now()))
                    Terminal.error("playbook: the answer '\(TerminalText.safe(text))' to '\(name)' does not fit: \(runner.explain(problem))\n")
                    return 1
                case .value(let value, let text):
                    Terminal.write(runner.prompt + TerminalText.safe(text) + "\n")
                    runner.width = Terminal.width(option: width)
                    turn = runner.give(value, now: now())
                }
            }
        }
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
