import PlaybookKit

/// `playbook check FILE...`
enum CheckCommand: Subcommand {
    static let help = """
        usage: playbook check [options] FILE...

        Checks each playbook, and the files it brings in with 'use', and reports every
        problem found: syntax, names, types, and proofs about the flowchart (every walk can
        reach an outcome, nothing is read before it is asked or set, nothing is unreachable).
        The translation files beside each file (discovery.vi.po for discovery.playbook) are
        checked too: their syntax, their placeholders, options that read alike, and texts
        missing, fuzzy or no longer in the playbook.

        options:
          --format FORMAT  human (default): source lines with carets, notes and help
                           short: file:line:column: severity: message [CODE]
                           json: one JSON document with every diagnostic
          --strict         warnings fail the check too (untranslated texts among them)
          --lang LANG      check only the translation into LANG (default: every one found)
          --color WHEN     auto (default: on a terminal, never with NO_COLOR), always, never
          -h, --help       show this help

        exit status: 0 no errors, 1 errors found (or warnings with --strict),
                     2 bad usage or a file that cannot be read

        Each diagnostic has a code such as PB0202, explained with a wrong and a fixed example
        on its page in the diagnostics folder of playbook's documentation (docs/diagnostics/
        in its source).

        """

    /// Checks the files; `keep` receives the results, which the caller frees at exit, not before
    /// (freeing a large playbook's tree costs time and changes nothing).
    static let name = "check"
    static let operands = "FILE..."
    static let summary = "check playbooks and report every problem found"
    static let valued: Set<String> = ["--format", "--color", "--lang"]
    static let flags: Set<String> = ["--strict"]

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let format: DiagnosticFormat = try arguments.choice("--format", default: .human)
        let color = Terminal.wantsColor(1, choice: try arguments.choice("--color", default: ColorChoice.auto))
        guard !arguments.operands.isEmpty else { throw UsageError("check needs at least one playbook file") }
        let languages = try TranslateCommand.languages(arguments)

        var status: Int32 = 0
        var report = CheckReport()
        for path in arguments.operands {
            let result: CheckResult
            switch checkPlaybook(at: path, loader: FileSystemLoader()) {
            case .failure(let failure):
                Terminal.error("playbook: cannot read '\(TerminalText.safe(path))': \(failure.reason)\n")
                status = 2
                continue
            case .success(let checked):
                result = checked
            }
            keep.append(result)
            let translations = TranslationFolder.read(for: result, languages: languages.isEmpty ? nil : languages)
            let diagnostics = result.diagnostics + translations.diagnostics(for: result)
            let renderer = DiagnosticRenderer(
                sources: translations.sources(after: result), color: color, words: ReportWords(language: result.language))
            if diagnostics.errorCount > 0 || (arguments.has("--strict") && diagnostics.warningCount > 0) {
                status = max(status, 1)
            }
            switch format {
            case .human:
                var out = diagnostics.map { renderer.human($0) + "\n" }.joined()
                out += renderer.summary(path: path, diagnostics: diagnostics)
                Terminal.write(out)
            case .short:
                Terminal.write(diagnostics.map { renderer.short($0) + "\n" }.joined())
            case .json:
                report.add(path: path, diagnostics: diagnostics, renderer: renderer)
            }
        }
        if format == .json { Terminal.write(report.json.text + "\n") }
        return status
    }
}
