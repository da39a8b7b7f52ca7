import Glibc
import PlaybookKit

/// `playbook report`: the manager's view of a team's records (docs/report.md).
enum ReportCommand: Subcommand {
    static let help = """
        usage: playbook report [options] [FOLDER|FILE]...

        Reads the session records in the folders (recursively: a team's folder of each rep's
        sessions folder) and files given, or in your sessions folder, and reports per playbook:
        the overview (status, outcomes, win rate, cycle), the funnel of stages (conversion, time
        in each, deals stalled), the questions (answers, win rate by answer, where deals die),
        each rep, each version (with a test of their win rates) and the trend per week. Every
        figure is defined in docs/report.md.

        options:
        \(RecordOptions.filtersHelp)
          --as-of TIME      measure "open for so long" to TIME (YYYY-MM-DD or
                            YYYY-MM-DDTHH:MM:SSZ; default: now)
          --format FORMAT   text (default), markdown, json, csv or html
          --table TABLE     with --format csv: funnel, questions, reps, versions or deals
          --color WHEN      auto (default), always or never
          --lang LANG       the report's words, and the playbook's texts where it has a
                            translation file (docs/translations.md), in LANG
          --output FILE     write the report to FILE instead of standard output
          --sessions DIR    your sessions folder, read when no folder or file is given
          -h, --help        show this help

        """

    enum Format: String, CaseIterable { case text, markdown, json, csv, html }

    static let name = "report"
    static let operands = "[FOLDER|FILE]..."
    static let summary = "measure a team's recorded deals, per playbook"
    static let valued: Set<String> = RecordOptions.valued.union(["--format", "--table", "--color", "--as-of", "--lang"])
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let format: Format = try arguments.choice("--format", default: .text)
        let table: TeamReport.Table? = try arguments.value("--table").map { name throws(UsageError) in
            guard format == .csv else { throw UsageError("--table goes with --format csv") }
            guard let table = TeamReport.Table(rawValue: name) else {
                throw UsageError("--table takes one of: \(TeamReport.Table.allCases.map(\.rawValue).joined(separator: ", ")) (not '\(name)')")
            }
            return table
        }
        let color: ColorChoice = try arguments.choice("--color", default: .auto)
        if format == .csv, table == nil { throw UsageError("--format csv needs --table funnel, questions, reps, versions or deals") }
        let asOf = try arguments.value("--as-of").map { text throws(UsageError) in
            guard let time = ReportCalendar.day(text) ?? Timestamp.milliseconds(Array(text.utf8)) else {
                throw UsageError("--as-of takes a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ), not '\(text)'")
            }
            return time
        } ?? Int64(now() * 1000)
        let language = try CheckedProgram.language(arguments)
        let options = try RecordOptions(arguments, command: "report")
        guard let reading = options.read(keepDeals: table == .deals) else { return 1 }
        var report = TeamReport(reading.reader, facts: { PlaybookFacts.load($0, language: language) }, asOf: asOf, language: language)
        report.files = reading.tally.sessions
        report.skippedLines = reading.tally.skippedLines
        report.filesWithSkippedLines = reading.tally.filesWithSkippedLines
        guard !report.playbooks.isEmpty else { return options.nothingKept(to: "report on") }
        let text: String
        switch format {
        case .json: text = report.json().text + "\n"
        case .text: text = report.text(color: options.output == nil && Terminal.wantsColor(STDOUT_FILENO, choice: color))
        case .markdown: text = report.markdown()
        case .csv: text = report.csv(table: table ?? .funnel)
        case .html: text = report.html()
        }
        return options.deliver(text)
    }
}

/// What `report` and `export` share: the folders and files to read, the filters, and where the
/// result goes.
struct RecordOptions {
    static let valued: Set<String> = ["--playbook", "--version", "--rep", "--since", "--until", "--mode", "--output", "--sessions"]

    /// The filters' lines of both commands' help.
    static let filtersHelp = """
          --playbook P      only sessions of this playbook (its path or its title)
          --version V       only sessions of this version of the playbook
          --rep NAME        only this rep's sessions (repeat for several)
          --since DATE      only sessions started on or after DATE (YYYY-MM-DD, UTC)
          --until DATE      only sessions started on or before DATE
          --mode MODE       run (deals, the default) or practice (rehearsals)
        """

    var filter = ReportFilter()
    var operands: [String]
    var output: String?
    var filtered: Bool
    /// No folder or file was given: the user's own sessions folder is read.
    var defaulted: Bool

    /// `report` or `export`, for messages.
    let command: String

    init(_ arguments: Arguments, command: String) throws(UsageError) {
        self.command = command
        defaulted = arguments.operands.isEmpty
        operands = defaulted ? [SessionStore(arguments).directory] : arguments.operands
        output = arguments.value("--output")
        if let playbook = arguments.value("--playbook") {
            filter.playbook = playbook
            filter.playbookPath = Self.absolute(playbook)
        }
        filter.version = arguments.value("--version")
        filter.reps = Set(arguments.all("--rep"))
        func day(_ name: String) throws(UsageError) -> Int64? {
            guard let text = arguments.value(name) else { return nil }
            guard let day = ReportCalendar.day(text) else { throw UsageError("\(name) takes a date as YYYY-MM-DD, not '\(text)'") }
            return day
        }
        filter.since = try day("--since")
        filter.until = try day("--until").map { $0 + 86_400_000 }
        if let mode = arguments.value("--mode") {
            guard mode == "run" || mode == "practice" else { throw UsageError("--mode takes one of: run, practice (not '\(mode)')") }
            filter.mode = mode
        }
        filtered = [filter.playbook, filter.version, filter.since.map(String.init), filter.until.map(String.init)].contains { $0 != nil }
            || !filter.reps.isEmpty
    }

    /// `path` made absolute as `run` writes a playbook's path, also when the playbook is gone
    /// since (the records still name it): through its folder when that is there, else by name.
    static func absolute(_ path: String) -> String {
        let loader = FileSystemLoader()
        if let real = loader.realPath(path) { return real }
        var parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let name = parts.popLast().map(String.init) ?? ""
        let folder = path.hasPrefix("/") ? "/" + parts.joined(separator: "/") : parts.isEmpty ? "." : parts.joined(separator: "/")
        if let real = loader.realPath(folder), name != "..", name != "." { return (real == "/" ? "" : real) + "/" + name }
        var resolved: [Substring] = []
        let whole = path.hasPrefix("/") ? path : (loader.realPath(".") ?? "") + "/" + path
        for part in whole.split(separator: "/") where part != "." {
            if part == ".." { _ = resolved.popLast() } else { resolved.append(part) }
        }
        return "/" + resolved.joined(separator: "/")
    }

    var described: String {
        operands.count == 1 ? "'\(TerminalText.safe(operands[0]))'" : "the \(operands.count) folders and files given"
    }

    /// The records read, with what could not be read said on stderr; nil when nothing could be.
    func read(keepDeals: Bool) -> RecordReading? {
        let files = RecordFiles(operands: operands)
        var reading = RecordReading(files.paths, filter: filter, keepDeals: keepDeals)
        reading.tally.problems = files.problems + reading.tally.problems
        if nothingReadable(files) { return nil }
        note(reading.tally)
        return reading
    }

    /// True, after saying why as an error, when nothing given can be read: a new user has
    /// recorded nothing yet, or no operand is a folder or record that can be read.
    func nothingReadable(_ files: RecordFiles) -> Bool {
        guard files.paths.isEmpty else { return false }
        if defaulted, access(operands[0], F_OK) != 0 {
            let folder = TerminalText.safe(operands[0])
            Terminal.error(
                "playbook: no sessions in \(folder) yet: record deals with 'playbook run FILE', or give a team's folder: 'playbook \(command) FOLDER'\n")
            return true
        }
        guard files.problems.count >= operands.count else { return false }
        Terminal.error(TerminalText.safe(files.problems.map { "playbook: " + $0 + "\n" }.joined(), lines: true))
        return true
    }

    /// Says that the filters kept no session (or there was none) to `verb`; the exit status.
    func nothingKept(to verb: String) -> Int32 {
        let what = filter.mode == "run" ? "deal" : "practice run"
        Terminal.error("playbook: no \(what) in \(described) \(filtered ? "matches the filters" : "to " + verb)\n")
        return 1
    }

    /// Says on stderr what could not be read: the files (the first 20), and the lines skipped.
    func note(_ tally: RecordReading.Tally) {
        let problems = tally.problems
        var notes = problems.prefix(20).map { "playbook: note: " + $0 + "\n" }.joined()
        if problems.count > 20 { notes += "playbook: note: and \(problems.count - 20) more files that could not be read\n" }
        if tally.skippedLines > 0 {
            notes += "playbook: note: \(counted(tally.skippedLines, "line")) skipped in \(counted(tally.filesWithSkippedLines, "file")) (torn, of another schema version, or not a known event)\n"
        }
        Terminal.error(TerminalText.safe(notes, lines: true))
    }

    /// Writes the result to standard output or `--output`.
    func deliver(_ text: String) -> Int32 {
        guard let output else {
            Terminal.write(text)
            return 0
        }
        if let problem = FileWriter.write(text, to: output) {
            Terminal.error("playbook: cannot write '\(TerminalText.safe(output))': \(problem)\n")
            return 1
        }
        return 0
    }
}

extension PlaybookFacts {
    /// What the playbook a report's records name says, when it is where they say and checks; its
    /// texts in `language` when given and it has a translation into it (else with a note, as written).
    static func load(_ key: PlaybookKey, language: String? = nil) -> PlaybookFacts? {
        guard case .success(let check) = checkPlaybook(at: key.path, loader: FileSystemLoader()), let program = Program(check) else {
            return nil
        }
        guard let language else { return PlaybookFacts(program: program) }
        guard let translated = CheckedProgram.translated(program, check, into: language, path: key.path) else {
            Terminal.error("playbook: note: \(TerminalText.safe(key.path)) has no translation into \(language); its texts are shown as written\n")
            return PlaybookFacts(program: program)
        }
        return PlaybookFacts(program: translated)
    }
}
