import Glibc
import PlaybookKit

/// Reading and checking a playbook before it is run.
enum CheckedProgram {
    /// The program, or nil after printing why the playbook cannot be run.
    static func load(
        at path: String, keep: inout [CheckResult], purpose: String = "running it", language: String? = nil
    ) throws(UsageError) -> (Program, CheckResult)? {
        let check: CheckResult
        switch checkPlaybook(at: path, loader: FileSystemLoader()) {
        case .failure(let failure): throw UsageError("cannot read '\(path)': \(failure.reason)")
        case .success(let result): check = result
        }
        keep.append(check)
        guard let program = Program(check) else {
            let renderer = DiagnosticRenderer(
                sources: check.sources, color: Terminal.wantsColor(STDERR_FILENO, choice: .auto), words: ReportWords(language: check.language))
            let errors = check.diagnostics.filter { $0.severity == .error }
            Terminal.error(errors.map { renderer.human($0) + "\n" }.joined())
            let shown = TerminalText.safe(path)
            Terminal.error("playbook: \(shown) has \(counted(errors.count, "error")); fix them before \(purpose) ('playbook check \(shown)')\n")
            return nil
        }
        guard let language, language != program.sourceLanguage else { return (program, check) }
        let translations = TranslationFolder.read(for: check, languages: [language])
        guard !translations.files.isEmpty else {
            let shown = TerminalText.safe(path)
            throw UsageError(
                "\(shown) has no translation into \(language) (no \(TerminalText.safe(TranslationPaths.po(for: path, language: language))));"
                    + " 'playbook translate update \(shown) --lang \(language)' makes one")
        }
        for file in translations.files where !file.syntax.isEmpty {
            Terminal.error(
                "playbook: warning: \(TerminalText.safe(file.source.path)) has \(counted(file.syntax.count, "error")) ('playbook check \(TerminalText.safe(path))'"
                    + " shows them); the texts it could not give are shown as written\n")
        }
        return (program.localized(translations.localization(language, check: check)), check)
    }

    /// `--lang LANG`: the language to show a playbook in, nil when not given.
    static func language(_ arguments: Arguments) throws(UsageError) -> String? {
        guard let language = arguments.value("--lang") else { return nil }
        guard LanguageCode.isTag(language) else {
            throw UsageError("--lang takes a language tag such as vi, he, zh, th or pt-BR, not '\(TerminalText.safe(language))'")
        }
        return language
    }
}
