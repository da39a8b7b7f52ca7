import Glibc
import PlaybookKit

/// Reading and checking a playbook before it is run.
enum CheckedProgram {
    /// The program, or nil after printing why the playbook cannot be run.
    static func load(
        at path: String, keep: inout [CheckResult], purpose: String = "running it"
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
        return (program, check)
    }
}
