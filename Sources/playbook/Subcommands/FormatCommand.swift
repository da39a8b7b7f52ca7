import Glibc
import PlaybookKit

/// `playbook fmt [--check] [--diff] FILE...`
enum FormatCommand: Subcommand {
    static let help = """
        usage: playbook fmt [--check] [--diff] FILE...

        Writes each playbook (.playbook) and scenario file (.scenarios) in the one canonical
        layout: two spaces per block, one space between words, one blank line between stages,
        LF line breaks. Comments and the blank lines that group steps are kept, and what the
        file means never changes. A folder stands for the .playbook and .scenarios files in it.
        A file is rewritten only when it changes, through a new file renamed over it (its
        permissions kept). A file with syntax errors is left as it is, and its errors are shown.

        '-' reads standard input and writes the formatted text to standard output (for an
        editor's format on save); it is read as a playbook, or as a scenario file with
        --scenarios.

        options:
          --check      change nothing; name each file that is not formatted
          --diff       change nothing; show the changes as a unified diff
          --scenarios  standard input ('-') is a scenario file
          -h, --help   show this help

        exit status: 0 every file is formatted (or was rewritten), 1 with --check: a file is not
                     formatted, 2 bad usage, a file that cannot be read or written, or syntax errors

        """

    static let name = "fmt"
    static let operands = "FILE..."
    static let summary = "write playbooks and scenario files in the canonical layout"
    static let valued: Set<String> = []
    static let flags: Set<String> = ["--check", "--diff", "--scenarios"]

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard !arguments.operands.isEmpty else { throw UsageError("fmt needs at least one file or folder, or '-'") }
        let check = arguments.has("--check")
        let diff = arguments.has("--diff")
        var status: Int32 = 0
        for operand in arguments.operands {
            if operand == "-" {
                status = max(status, formatStandardInput(scenarios: arguments.has("--scenarios"), check: check, diff: diff))
                continue
            }
            let paths: [String]
            switch FormatFiles.expand(operand) {
            case .failure(let reason):
                Terminal.error("playbook: cannot read '\(TerminalText.safe(operand))': \(reason)\n")
                status = 2
                continue
            case .success(let found):
                paths = found
            }
            for path in paths {
                status = max(status, format(path, check: check, diff: diff))
            }
        }
        return status
    }

    /// Formats one file as the flags say; its exit status.
    private static func format(_ path: String, check: Bool, diff: Bool) -> Int32 {
        let bytes: [UInt8]
        switch FileSystemLoader().load(path) {
        case .failure(let failure):
            Terminal.error("playbook: cannot read '\(TerminalText.safe(path))': \(failure.reason)\n")
            return 2
        case .success(let read):
            bytes = read
        }
        guard let text = formatted(SourceFile(path: path, bytes: bytes), scenarios: path.hasSuffix(".scenarios")) else { return 2 }
        let formattedBytes = Array(text.utf8)
        guard formattedBytes != bytes else { return 0 }
        if diff { Terminal.write(shown(unifiedDiff(old: String(decoding: bytes, as: UTF8.self), new: text, oldName: path, newName: path))) }
        if check {
            if !diff { Terminal.write(TerminalText.safe(path) + "\n") }
            return 1
        }
        if diff { return 0 }
        if let failure = FormatFiles.replace(path, with: formattedBytes) {
            Terminal.error("playbook: cannot write '\(TerminalText.safe(path))': \(failure)\n")
            return 2
        }
        return 0
    }

    private static func formatStandardInput(scenarios: Bool, check: Bool, diff: Bool) -> Int32 {
        guard let bytes = FormatFiles.readStandardInput() else {
            Terminal.error("playbook: cannot read standard input: \(String(cString: strerror(errno)))\n")
            return 2
        }
        guard let text = formatted(SourceFile(path: "-", bytes: bytes), scenarios: scenarios) else { return 2 }
        let changed = Array(text.utf8) != bytes
        if diff {
            if changed { Terminal.write(shown(unifiedDiff(old: String(decoding: bytes, as: UTF8.self), new: text, oldName: "-", newName: "-"))) }
        } else if check {
            if changed { Terminal.write("-\n") }
        } else {
            Terminal.write(text)
        }
        return check && changed ? 1 : 0
    }

    /// The canonical text, or nil after printing why the file was refused, as `check` prints its diagnostics.
    private static func formatted(_ source: SourceFile, scenarios: Bool) -> String? {
        switch scenarios ? formatScenarios(source) : formatPlaybook(source) {
        case .formatted(let text):
            return text
        case .refused(let diagnostics):
            let renderer = DiagnosticRenderer(sources: [source], color: Terminal.wantsColor(STDERR_FILENO, choice: .auto))
            var out = diagnostics.map { renderer.human($0) + "\n" }.joined()
            out += renderer.summary(path: source.path, diagnostics: diagnostics)
            out += "playbook: '\(TerminalText.safe(source.path))' was not formatted: fix its syntax errors first\n"
            Terminal.error(out)
            return nil
        }
    }

    /// A diff as it may be printed: on a terminal, a comment's control characters shown as marks.
    private static func shown(_ diff: String) -> String {
        isatty(STDOUT_FILENO) == 1 ? TerminalText.safe(diff, lines: true) : diff
    }
}
