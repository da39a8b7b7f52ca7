import PlaybookKit

/// One of playbook's commands. `main.swift` finds it in `Subcommands.all` by its name, parses
/// its options, answers `--help` and `-h` with its help, and otherwise runs it.
protocol Subcommand {
    /// The word after `playbook`.
    static var name: String { get }
    /// What it takes, for the list of commands: `FILE...`, `SESSION`, or nothing.
    static var operands: String { get }
    /// One line for the list of commands.
    static var summary: String { get }
    static var help: String { get }
    /// The options that take a value, and the flags (`--help` and `-h` are every command's).
    static var valued: Set<String> { get }
    static var flags: Set<String> { get }
    /// Runs the command; `keep` holds the checked playbooks until the process exits, so that
    /// freeing a large one does not delay the exit.
    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32
}

/// The one list of commands, in the order `playbook --help` lists them.
enum Subcommands {
    static var all: [any Subcommand.Type] {
        [
            CheckCommand.self, FormatCommand.self, RunCommand.self, PracticeCommand.self, ResumeCommand.self, ShowCommand.self,
            SessionsCommand.self, ServeCommand.self, ReportCommand.self, ExportCommand.self, TestCommand.self, GraphCommand.self, PathsCommand.self,
            LspCommand.self, TranslateCommand.self,
        ]
    }

    static func named(_ name: String) -> (any Subcommand.Type)? { all.first { $0.name == name } }

    /// `playbook --help`: the commands with what they take and do.
    static var help: String {
        let list = all.map { command in
            let usage = command.operands.isEmpty ? command.name : command.name + " " + command.operands
            return "  " + usage + String(repeating: " ", count: max(1, 19 - usage.count)) + command.summary + "\n"
        }.joined()
        return """
            playbook: sales playbooks you can check, run and rehearse

            usage: playbook <command> [options]

            commands:

            """ + list + """

            Run 'playbook <command> --help' for a command's options. The documentation comes with
            playbook's source, in its docs folder: language.md (the language, construct by construct),
            running.md (run, practice, resume, show, sessions, test), format.md (fmt's layout),
            serve.md (the web app), sessions.md (the record format), translations.md, report.md, graph.md,
            analysis.md, and diagnostics/ (a page per diagnostic code, with examples).

            """
    }

    /// Runs the command `words` names (`words` without the command's name), or answers its help.
    static func run(_ command: any Subcommand.Type, _ words: ArraySlice<String>, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, valued: command.valued, flags: command.flags.union(["--help", "-h"]))
        if arguments.has("--help") || arguments.has("-h") {
            Terminal.write(command.help)
            return 0
        }
        return try command.run(arguments, keep: &keep)
    }
}
