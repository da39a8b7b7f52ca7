import Glibc
import PlaybookKit

/// `playbook run FILE`: walks a rep through a deal and records it.
enum RunCommand: Subcommand {
    static let help = """
        usage: playbook run [options] FILE

        Walks you through a deal with the playbook, one question at a time. Every answer is
        saved to a session record as you give it; Ctrl-C, Ctrl-D or 'pause' stop and save,
        and 'playbook resume' goes on later. Type ? at any question for help and commands.

        On a terminal the run is interactive. With answers piped in (one per line) or given
        with --answers, the output is plain and the same on every run with the same seed.

        options:
          --lang LANG       show the playbook in LANG (vi, he, zh, th...) from its translation
                            files (docs/translations.md); the runner's words follow it
          --rep NAME        who is selling (kept in the record)
          --deal NAME       the deal or account (kept in the record)
          --answers FILE    answers by question, in the format of a .scenarios file
          --scenario NAME   with --answers: which scenario's answers (default: the first)
          --seed N          picks the buyer's lines; the same seed gives the same run
                            (default: random on a terminal, 0 otherwise)
          --sessions DIR    where records are kept (default: $PLAYBOOK_SESSIONS, else
                            $XDG_DATA_HOME/playbook/sessions, else ~/.local/share/playbook/sessions)
          --color WHEN      auto (default: on a terminal, never with NO_COLOR), always, never
          --width N         wrap at N terminal cells; 0: do not wrap (default: the terminal's
                            width, else $COLUMNS; piped output is not wrapped)
          -h, --help        show this help

        exit status: 0 the deal ended or was paused, 1 the playbook has errors, an answer was
                     missing or the walk stopped on a fault, 2 bad usage or an unreadable file

        """

    /// The options of every recorded session, `run` and `practice`.
    static let sessionOptions: Set<String> = ["--lang", "--rep", "--deal", "--answers", "--scenario", "--seed", "--sessions", "--color", "--width"]

    static let name = "run"
    static let operands = "FILE"
    static let summary = "walk through a deal with a playbook, recording every answer"
    static let valued: Set<String> = sessionOptions
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        return try start(arguments, command: "run", practice: nil, keep: &keep)
    }

    /// Starts a recorded session: a deal, or with `practice` a rehearsal.
    static func start(
        _ arguments: Arguments, command: String, practice: PracticeRequest?, keep: inout [CheckResult]
    ) throws(UsageError) -> Int32 {
        guard arguments.operands.count == 1, let path = arguments.operands.first else {
            throw UsageError(arguments.operands.isEmpty ? "\(command) needs a playbook file" : "\(command) takes one playbook file")
        }
        let interactive = isatty(STDIN_FILENO) == 1 && arguments.value("--answers") == nil
        let seed = try parseSeed(arguments.value("--seed")) ?? (interactive ? randomBits() >> 11 : 0)
        var queue: AnswerQueue?
        if let answers = arguments.value("--answers") {
            queue = try AnswersFile.load(answers, scenario: arguments.value("--scenario"))
        } else if arguments.value("--scenario") != nil {
            throw UsageError("--scenario goes with --answers")
        }
        guard let (program, check) = try CheckedProgram.load(at: path, keep: &keep, language: try CheckedProgram.language(arguments)) else {
            return 1
        }
        let options = try practice.map { request throws(UsageError) in try request.options(for: program, seed: seed) }
        let color = Terminal.wantsColor(STDOUT_FILENO, choice: try arguments.choice("--color", default: ColorChoice.auto))
        let width = try Terminal.widthOption(arguments)
        let store = SessionStore(arguments)
        do throws(StoreError) {
            let request = SessionOpening.Request(
                mode: practice == nil ? "run" : "practice", rep: arguments.value("--rep"), deal: arguments.value("--deal"), seed: seed,
                practice: options)
            let (record, info) = try SessionOpening.create(request, program: program, check: check, path: path, store: store)
            let runner = Runner(walk: Walk(program: program, seed: seed), practice: options)
            let presenter = TerminalPresenter(language: program.language, paint: Paint(enabled: color), width: Terminal.width(option: width))
            LineReader.catchInterrupts()
            var session = LiveSession(
                runner: runner, record: record, presenter: presenter, id: info.id,
                source: queue.map { .keyed($0) } ?? .lines(LineReader(), echo: !interactive), width: width)
            return try session.drive(after: presenter.text(.title(program.title)))
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message, lines: true))\n")
            return 2
        }
    }

    static func parseSeed(_ text: String?) throws(UsageError) -> UInt64? {
        guard let text else { return nil }
        guard let seed = UInt64(text) else { throw UsageError("--seed takes a whole number from 0 to 2^64-1 (not '\(text)')") }
        return seed
    }

    /// `20261122-173512-3fa9`: the UTC time it started (so ids sort by time) and 16 random bits.
    static func sessionID() -> String {
        let stamp = Timestamp.format(now())
        let digits = stamp.filter(\.isNumber)
        let hex = String(randomBits() & 0xFFFF, radix: 16)
        return String(digits.prefix(8)) + "-" + String(digits.dropFirst(8).prefix(6)) + "-"
            + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// The path from the root, so that `resume` finds the playbook from any folder.
    static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return path }
        let directory = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return directory + "/" + (path.hasPrefix("./") ? String(path.dropFirst(2)) : path)
    }
}
