import PlaybookKit

/// `playbook show SESSION`: a deal's transcript for a person, or for another tool.
enum ShowCommand: Subcommand {
    static let help = """
        usage: playbook show [options] SESSION

        Prints the transcript of a session: the stages, each question with its answer (and
        the answers revised with 'back'), notes, and the outcome. SESSION is a session id (or
        the start of one), 'last', or the path of a record file.

        options:
          --format FORMAT   text (default), markdown (to paste into a CRM), json (with the
                            values the walk computed, when its playbook is unchanged)
          --lang LANG       the transcript in LANG: its words, yes, no and numbers, and the
                            playbook's texts from its translation file when the playbook is
                            unchanged since the session (docs/translations.md)
          --playbook FILE   the playbook, if it moved since the session
          --sessions DIR    where records are kept (as for 'playbook run')
          -h, --help        show this help

        """

    enum Format: String, CaseIterable { case text, markdown, json }

    static let name = "show"
    static let operands = "SESSION"
    static let summary = "print a session's transcript (text, markdown or json)"
    static let valued: Set<String> = ["--format", "--sessions", "--playbook", "--lang"]
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let format: Format = try arguments.choice("--format", default: .text)
        let language = try CheckedProgram.language(arguments)
        guard arguments.operands.count == 1, let word = arguments.operands.first else {
            throw UsageError("show needs one session (an id, 'last' or a record file; see 'playbook sessions')")
        }
        let store = SessionStore(arguments)
        do throws(StoreError) {
            let record = try store.locate(word, writing: false)
            // Reading cannot harm a record: a folder others can write is read, with a warning.
            if let unsafety = record.folder.unsafety { Terminal.error("playbook: warning: " + TerminalText.safe(unsafety) + "\n") }
            let log = SessionLog(bytes: try record.read())
            if let problem = RecordNotes.unusable(log, path: record.path, nothingTo: "nothing to show") {
                throw StoreError(problem)
            }
            let transcript =
                language.map { Transcript(log, language: $0, texts: texts(log, playbook: arguments.value("--playbook"), language: $0)) }
                ?? Transcript(log)
            switch format {
            case .text: Terminal.write(transcript.text())
            case .markdown: Terminal.write(transcript.markdown())
            case .json:
                let computed = computedValues(log, playbook: arguments.value("--playbook"))
                Terminal.write(transcript.json(computed: computed.values, unavailable: computed.unavailable).text + "\n")
            }
            if let note = RecordNotes.skipped(log, of: record.path) { Terminal.error(TerminalText.safe(note, lines: true)) }
            return 0
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
    }

    /// The playbook's texts in `language` for the record, after a note on stderr when they cannot
    /// be given (the transcript then keeps the texts recorded): the playbook must be the one walked.
    private static func texts(_ log: SessionLog, playbook: String?, language: String) -> TranscriptTexts? {
        func note(_ why: String) -> TranscriptTexts? {
            Terminal.error("playbook: note: \(TerminalText.safe(why)); the playbook's texts are shown as recorded\n")
            return nil
        }
        guard let info = log.info, let path = playbook ?? log.info?.playbookPath else { return note("the record names no playbook") }
        guard case .success(let check) = checkPlaybook(at: path, loader: FileSystemLoader()) else { return note("cannot read '\(path)'") }
        guard let program = Program(check) else { return note("'\(path)' has errors now") }
        guard SourceFile.contentHash(check.sources) == info.playbookHash else { return note("'\(path)' has changed since the session") }
        guard let translated = CheckedProgram.translated(program, check, into: language, path: path) else {
            return note("'\(path)' has no translation into \(language)")
        }
        return TranscriptTexts(translated)
    }

    /// The values the recorded walk computed, found by replaying it against its playbook; or why
    /// they cannot be given.
    private static func computedValues(_ log: SessionLog, playbook: String?) -> (values: [String: Value]?, unavailable: String?) {
        guard let path = playbook ?? log.info?.playbookPath else { return (nil, "the record names no playbook") }
        let check: CheckResult
        switch checkPlaybook(at: path, loader: FileSystemLoader()) {
        case .failure(let failure): return (nil, "cannot read '\(path)': \(failure.reason)")
        case .success(let result): check = result
        }
        guard let program = Program(check) else { return (nil, "'\(path)' has errors now") }
        switch ComputedValues.of(log, program: program, hash: SourceFile.contentHash(check.sources)) {
        case .success(let values): return (values, nil)
        case .failure(.notARecord): return (nil, "the record has no start line")
        case .failure(.playbookChanged): return (nil, "'\(path)' has changed since the session")
        case .failure(.doesNotReplay(let problem)): return (nil, "the record does not replay: " + problem)
        }
    }
}
