import Glibc
import PlaybookKit

/// `playbook resume SESSION`: goes on with a paused or interrupted session.
enum ResumeCommand: Subcommand {
    static let help = """
        usage: playbook resume [options] SESSION

        Goes on with a paused or interrupted session where it stopped. SESSION is a session
        id (or the start of one), 'last' for the newest, or the path of a record file.

        The recorded answers are replayed against the playbook as it is now. If it changed
        since, the answers that still fit are kept, and you are told plainly which recorded
        answer no longer fits; the walk goes on from there. Nothing in the record is lost.

        options:
          --playbook FILE   the playbook, if it moved since the session started
          --sessions DIR    where records are kept (as for 'playbook run')
          --color WHEN      auto (default), always, never
          --width N         wrap at N terminal cells; 0: do not wrap (as for 'playbook run')
          -h, --help        show this help

        """

    static let name = "resume"
    static let operands = "SESSION"
    static let summary = "go on with a paused or interrupted session"
    static let valued: Set<String> = ["--playbook", "--sessions", "--color", "--width"]
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard arguments.operands.count == 1, let word = arguments.operands.first else {
            throw UsageError("resume needs one session (an id, 'last' or a record file; see 'playbook sessions')")
        }
        let store = SessionStore(arguments)
        let color = Terminal.wantsColor(STDOUT_FILENO, choice: try arguments.choice("--color", default: ColorChoice.auto))
        let width = try Terminal.widthOption(arguments)
        do throws(StoreError) {
            let location = try store.locate(word, writing: true)
            let (record, log, info) = try SessionOpening.open(location)
            if let note = RecordNotes.skipped(log, of: location.path) { Terminal.error(TerminalText.safe(note, lines: true)) }
            let loaded: (Program, CheckResult)?
            do {
                // The session goes on in the language it was started in.
                loaded = try CheckedProgram.load(
                    at: arguments.value("--playbook") ?? info.playbookPath, keep: &keep, language: info.language)
            } catch {
                throw StoreError(error.message + " (if the playbook moved, give it with --playbook FILE)")
            }
            guard let (program, check) = loaded else { return 1 }
            var resumed = try SessionOpening.resume(record, log: log, info: info, program: program, check: check)
            let presenter = TerminalPresenter(language: program.language, paint: Paint(enabled: color), width: Terminal.width(option: width))
            var intro = presenter.text(.title(program.title)) + presenter.wrapped(TerminalText.safe(resumed.notice))
            if let (why, problem) = resumed.stopped {
                intro += presenter.wrapped(presenter.paint.problem(why))
                intro += presenter.wrapped("  " + TerminalText.safe(problem), hanging: 4)
            } else if resumed.changed {
                intro += presenter.wrapped(presenter.strings(.replayChanged))
            }
            if resumed.report.replayed > 0, let persona = resumed.runner.personaIntro() { intro += presenter.text(persona) }
            LineReader.catchInterrupts()
            let interactive = isatty(STDIN_FILENO) == 1
            var session = LiveSession(
                runner: resumed.runner, record: record, presenter: presenter, id: info.id,
                source: .lines(LineReader(), echo: !interactive), width: width)
            return try session.drive(after: intro, stageFirst: true)
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
    }
}
