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
            let record = try RecordFile(resuming: location.name, in: location.folder, path: location.path)
            let log = SessionLog(bytes: record.contents)
            if let problem = RecordNotes.unusable(log, path: location.path, nothingTo: "nothing to resume") {
                throw StoreError(problem)
            }
            guard let info = log.info else { throw StoreError("'\(location.path)' is not a session record") }
            if case .ended(let outcome, _, _) = log.status {
                throw StoreError("the session \(info.id) already ended (\(outcome)); 'playbook show \(info.id)' prints it")
            }
            if let note = RecordNotes.skipped(log, of: location.path) { Terminal.error(TerminalText.safe(note, lines: true)) }
            let loaded: (Program, CheckResult)?
            do {
                loaded = try CheckedProgram.load(at: arguments.value("--playbook") ?? info.playbookPath, keep: &keep)
            } catch {
                throw StoreError(error.message + " (if the playbook moved, give it with --playbook FILE)")
            }
            guard let (program, check) = loaded else { return 1 }
            let practice = info.mode == "practice"
                ? PracticeOptions(persona: program.personas.first { $0.id == info.persona }, holdFeedback: info.holdFeedback)
                : nil
            var runner = Runner(walk: Walk(program: program, seed: info.seed), practice: practice)
            let presenter = TerminalPresenter(language: program.language, paint: Paint(enabled: color), width: Terminal.width(option: width))
            let report = runner.replay(log.inputs)
            let changed = SourceFile.contentHash(check.sources) != info.playbookHash
            try record.append(
                SessionEvent(
                    .resumed(replayed: report.replayed, notReplayed: report.notReplayed, playbookChanged: changed),
                    time: now()))
            let strings = presenter.strings
            // The record's words are anyone's who could write the file: safe for the terminal.
            let who = [info.deal, info.rep].compactMap { $0 }.joined(separator: " · ")
            var intro = presenter.text(.title(program.title))
            intro += presenter.wrapped(
                strings(.resumed, TerminalText.safe(info.playbookTitle), TerminalText.safe(who.isEmpty ? info.id : who)) + " "
                    + (report.answersInForce == 1 ? strings(.replayedOne) : strings(.replayed, String(report.answersInForce))))
            if let problem = report.stoppedBecause {
                // Say why the answers stopped fitting: the playbook changed, or (its hash the same)
                // the record is damaged or was edited.
                let damaged = log.unreadableLines.map(String.init).joined(separator: ", ")
                let why = changed ? strings(.replayStopped, String(report.notReplayed))
                    : damaged.isEmpty ? strings(.replayStoppedUnchanged, String(report.notReplayed))
                    : strings(.replayStoppedDamaged, String(report.notReplayed), damaged)
                intro += presenter.wrapped(presenter.paint.problem(why))
                intro += presenter.wrapped("  " + TerminalText.safe(problem), hanging: 4)
            } else if changed {
                intro += presenter.wrapped(strings(.replayChanged))
            }
            if report.replayed > 0, let persona = runner.personaIntro() { intro += presenter.text(persona) }
            LineReader.catchInterrupts()
            let interactive = isatty(STDIN_FILENO) == 1
            var session = LiveSession(
                runner: runner, record: record, presenter: presenter, id: info.id,
                source: .lines(LineReader(), echo: !interactive), width: width)
            return try session.drive(after: intro, stageFirst: true)
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
    }
}
