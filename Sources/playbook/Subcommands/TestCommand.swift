import Glibc
import PlaybookKit

/// `playbook test FILE.scenarios`: runs each scenario against its playbook.
enum TestCommand: Subcommand {
    static let help = """
        usage: playbook test [options] FILE...

        Runs the scenarios of each .scenarios file against the playbook of the same name
        beside it (discovery.scenarios tests discovery.playbook); given a .playbook, runs
        the .scenarios file beside it. Each scenario answers questions by name and says what
        must come out:

          scenario "Wrong contact is disqualified"
            role = "Not the right person"
            pain = no, yes          # a question asked twice takes its answers in order
            expect disqualified     # the outcome
            expect score = 5        # a value at the end
            expect stage problem    # a stage the walk entered (or: expect not stage ...)

        A scenario may instead expect the walk to be held by a stage's exit criterion:
        expect blocked problem.

        A failure says what was expected, what happened, and the walk taken.

        Beyond hand-written scenarios:
          --coverage        which branch sides (yes/no sides, options, if sides, exit criteria
                            holding and failing) the scenarios took; the others by line
          --explore         try every branch side with generated answers (for numbers, values
                            on each side of every comparison made with them) and report runtime
                            faults, dead ends and exit criteria no walk meets, with the walk
          --emit-scenarios FILE
                            with --explore: write scenarios that together take every side reached
          --random N        N random walks (with --seed): faults and how often each side is taken

        options:
          --playbook FILE   the playbook to test, when it is not beside the scenarios
          --seed N          the seed for buyer lines and random walks (default 0)
          -h, --help        show this help

        exit status: 0 every scenario passed (and exploration or random walks found no fault,
                     dead end or exit criterion never met), 1 otherwise or a file has errors,
                     2 bad usage or an unreadable file

        """

    static let name = "test"
    static let operands = "FILE..."
    static let summary = "run the scenarios of .scenarios files against their playbooks"
    static let valued: Set<String> = ["--playbook", "--seed", "--random", "--emit-scenarios"]
    static let flags: Set<String> = ["--coverage", "--explore"]

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard !arguments.operands.isEmpty else { throw UsageError("test needs a .scenarios file") }
        if arguments.has("--explore") || arguments.value("--random") != nil {
            return try Exploring.run(arguments, keep: &keep)
        }
        if arguments.value("--emit-scenarios") != nil { throw UsageError("--emit-scenarios goes with --explore") }
        if arguments.value("--playbook") != nil, arguments.operands.count > 1 {
            throw UsageError("--playbook goes with one scenarios file")
        }
        let seed = try RunCommand.parseSeed(arguments.value("--seed")) ?? 0
        var status: Int32 = 0
        var totals = (passed: 0, failed: 0)
        // The totals speak the playbooks' language when they all have the same one.
        var languages = Set<String>()
        for operand in arguments.operands {
            let (scenariosPath, playbookPath) = ScenarioPairing.files(for: operand, playbook: arguments.value("--playbook"))
            let (source, file) = try AnswersFile.parse(scenariosPath)
            guard file.diagnostics.isEmpty else {
                Terminal.error(AnswersFile.rendered(file.diagnostics, of: source))
                status = 1
                continue
            }
            guard let (program, _) = try CheckedProgram.load(at: playbookPath, keep: &keep) else {
                status = 1
                continue
            }
            let words = ReportWords(language: program.language)
            languages.insert(words.language)
            let report = TestReport(
                scenarios: scenariosPath, playbook: playbookPath, file: file, program: program, seed: seed,
                coverage: arguments.has("--coverage"))
            Terminal.write(report.text(words: words))
            totals.passed += report.passed
            totals.failed += report.failed
            if report.failed > 0 { status = 1 }
        }
        let words = ReportWords(language: languages.count == 1 ? languages.first ?? "en" : "en")
        Terminal.write(TestReport.summary(passed: totals.passed, failed: totals.failed, words: words))
        return status
    }
}

/// Scenario files read for `test` and for `run --answers`.
enum AnswersFile {
    static func parse(_ path: String) throws(UsageError) -> (source: SourceFile, file: ScenarioFile) {
        switch FileSystemLoader().load(path) {
        case .failure(let failure): throw UsageError("cannot read '\(path)': \(failure.reason)")
        case .success(let bytes):
            let source = SourceFile(path: path, bytes: bytes)
            return (source, parseScenarios(source))
        }
    }

    /// A scenario file's problems as `check` shows a playbook's, then the count, for standard error.
    static func rendered(_ diagnostics: [Diagnostic], of source: SourceFile) -> String {
        let renderer = DiagnosticRenderer(sources: [source], color: Terminal.wantsColor(STDERR_FILENO, choice: .auto))
        return diagnostics.map { renderer.human($0) + "\n" }.joined() + renderer.summary(path: source.path, diagnostics: diagnostics)
    }

    /// The answers of one scenario (the first, unless named).
    static func load(_ path: String, scenario name: String?) throws(UsageError) -> AnswerQueue {
        let (source, file) = try parse(path)
        if !file.diagnostics.isEmpty {
            Terminal.error(rendered(file.diagnostics, of: source))
            throw UsageError("fix the errors in '\(path)' before using its answers")
        }
        let chosen = name.map { name in file.scenarios.first { $0.name == name } } ?? file.scenarios.first
        guard let scenario = chosen else {
            let names = file.scenarios.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw UsageError(name.map { "no scenario \"\($0)\" in \(path) (it has: \(names))" } ?? "\(path) has no answers")
        }
        return AnswerQueue(scenario)
    }
}
