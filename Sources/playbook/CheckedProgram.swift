import Glibc
import PlaybookKit

/// Reading and checking a playbook before it is run.
enum CheckedProgram {
    /// The program, or nil after printing why the playbook cannot be run.
    static func load(
        at path: String, keep: inout [CheckResult], purpose: String = "running it", language: String? = nil
    ) throws(UsageError) -> (Program, CheckResult)? {
        guard let check = try checked(at: path, keep: &keep, purpose: purpose), let program = Program(check) else { return nil }
        guard let language else { return (program, check) }
        guard let translated = translated(program, check, into: language, path: path) else {
            let shown = TerminalText.safe(path)
            throw UsageError(
                "\(shown) has no translation into \(language) (no \(TerminalText.safe(TranslationPaths.po(for: path, language: language))));"
                    + " 'playbook translate update \(shown) --lang \(language)' makes one")
        }
        return (translated, check)
    }

    /// `program` with its texts in `language`, after a warning for each translation file that cannot
    /// be read whole; nil when the playbook at `path` has no translation into it.
    static func translated(_ program: Program, _ check: CheckResult, into language: String, path: String) -> Program? {
        guard language != program.sourceLanguage else { return program }
        let translations = TranslationFolder.read(for: check, languages: [language])
        guard !translations.files.isEmpty else { return nil }
        for file in translations.files where !file.syntax.isEmpty {
            Terminal.error(
                "playbook: warning: \(TerminalText.safe(file.source.path)) has \(counted(file.syntax.count, "error")) ('playbook check \(TerminalText.safe(path))'"
                    + " shows them); the texts it could not give are shown as written\n")
        }
        return program.localized(translations.localization(language, check: check))
    }

    /// The checked playbook, or nil after printing its errors, for a command that needs a playbook with none but
    /// not its runnable program.
    static func checked(at path: String, keep: inout [CheckResult], purpose: String) throws(UsageError) -> CheckResult? {
        let check: CheckResult
        switch checkPlaybook(at: path, loader: FileSystemLoader()) {
        case .failure(let failure): throw UsageError("cannot read '\(path)': \(failure.reason)")
        case .success(let result): check = result
        }
        keep.append(check)
        guard check.hasErrors || check.table == nil || check.graph == nil else { return check }
        let renderer = DiagnosticRenderer(
            sources: check.sources, color: Terminal.wantsColor(STDERR_FILENO, choice: .auto), words: ReportWords(language: check.language))
        let errors = check.diagnostics.filter { $0.severity == .error }
        Terminal.error(errors.map { renderer.human($0) + "\n" }.joined())
        let shown = TerminalText.safe(path)
        Terminal.error("playbook: \(shown) has \(counted(errors.count, "error")); fix them before \(purpose) ('playbook check \(shown)')\n")
        return nil
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
