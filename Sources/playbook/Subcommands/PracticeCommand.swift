import Glibc
import PlaybookKit

/// `playbook practice FILE`: role-play with scoring; `--history`: a rep's progress.
enum PracticeCommand: Subcommand {
    static let help = """
        usage: playbook practice [options] FILE
               playbook practice --history [--rep NAME] [--persona ID] [--sessions DIR]

        Rehearse a playbook before you face a buyer. The buyer speaks (one of the playbook's
        personas, and one of its lines at random, the same with the same --seed); the choice
        questions whose options carry points are your moves. After each move you see its
        points and feedback, and the best move when you did not pick it. At the end: your
        score, the best you could have reached on your walk and on any walk, a grade, and
        the moves to review. Each run is recorded like a deal ('playbook show' prints it).

        options:
          --persona ID      the buyer to face (default: one of the playbook's, at random)
          --feedback WHEN   now (default): after each move; end: all at the end, like a test
          --lang LANG       rehearse in LANG (vi, he, zh, th...), from the translation files
          --rep NAME        who is practising (kept in the record, used by --history)
          --seed N          picks the persona and the buyer's lines (default: random on a
                            terminal, 0 otherwise)
          --answers FILE    moves from a .scenarios file instead of the keyboard
          --scenario NAME   with --answers: which scenario (default: the first)
          --sessions DIR    where records are kept (as for 'playbook run')
          --color WHEN      auto (default), always, never
          --width N         wrap at N terminal cells; 0: do not wrap (as for 'playbook run')
          --history         list practice runs over time, per playbook, instead of practising
                            (with --rep and --persona: only that rep's runs, that buyer's)
          -h, --help        show this help

        At any question: ?, back, note, where, define, pause, end (as in 'playbook run').

        """

    enum FeedbackTiming: String, CaseIterable { case now, end }

    static let name = "practice"
    static let operands = "FILE"
    static let summary = "rehearse against a scripted buyer; moves are scored and coached"
    static let valued: Set<String> = RunCommand.sessionOptions.union(["--persona", "--feedback"])
    static let flags: Set<String> = ["--history"]

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        if arguments.has("--history") {
            guard arguments.operands.isEmpty else { throw UsageError("--history takes no playbook file") }
            return history(arguments)
        }
        let timing: FeedbackTiming = try arguments.choice("--feedback", default: .now)
        let request = PracticeRequest(persona: arguments.value("--persona"), holdFeedback: timing == .end)
        return try RunCommand.start(arguments, command: "practice", practice: request, keep: &keep)
    }

    /// The table of practice runs per playbook, with a bar per run showing the grade.
    static func history(_ arguments: Arguments) -> Int32 {
        let store = SessionStore(arguments)
        var logs: [SessionLog] = []
        do throws(StoreError) {
            if let folder = try store.openForReading() {
                if let unsafety = folder.unsafety { Terminal.error("playbook: warning: " + TerminalText.safe(unsafety) + "\n") }
                // A record that cannot be read has no practice result to count; 'sessions' lists it.
                logs = try SessionStore.ids(in: folder).compactMap { id in
                    (try? folder.read(id + ".jsonl", path: store.path(of: id))).map(SessionLog.init(bytes:))
                }
            }
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
        let history = PracticeHistory(logs, rep: arguments.value("--rep"), persona: arguments.value("--persona"))
        guard !history.tracks.isEmpty else {
            let who = (arguments.value("--rep").map { " for \(TerminalText.safe($0))" } ?? "")
                + (arguments.value("--persona").map { " against \(TerminalText.safe($0))" } ?? "")
            Terminal.write("No practice runs\(who) in \(TerminalText.safe(store.directory)) yet. Start one with: playbook practice FILE\n")
            return 0
        }
        Terminal.write(history.text())
        return 0
    }
}

/// What `practice` asks of a run before the playbook is read.
struct PracticeRequest {
    var persona: String?
    var holdFeedback: Bool

    /// The persona asked for, or one at random (from the seed) among the playbook's.
    func options(for program: Program, seed: UInt64) throws(UsageError) -> PracticeOptions {
        let personas = program.personas
        var chosen: PersonaCard?
        if let persona {
            guard let match = personas.first(where: { $0.id == persona }) else {
                let known = personas.map(\.id)
                let hint = Suggestion.nearest(to: persona, among: known).map { " (did you mean '\($0)'?)" } ?? ""
                throw UsageError(
                    known.isEmpty
                        ? "the playbook has no personas; declare one with: persona id \"Name\""
                        : "no persona '\(persona)'\(hint); the playbook has: \(known.joined(separator: ", "))")
            }
            chosen = match
        } else if !personas.isEmpty {
            var random = SeededRandom(seed: seed ^ 0x5045_5253_4F4E_4153)
            chosen = personas[random.below(personas.count)]
        }
        return PracticeOptions(persona: chosen, holdFeedback: holdFeedback)
    }
}
