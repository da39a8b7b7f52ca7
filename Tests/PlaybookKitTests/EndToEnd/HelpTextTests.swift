import Testing

/// `--help` of an installed binary: every command listed in `playbook --help` answers `--help`
/// with its own usage, and no help points to files that only the source folder has.
struct HelpTextTests {
    /// The commands as `playbook --help` lists them: the registry's list, read as a user reads it.
    static func listedCommands() throws -> [String] {
        let help = try CommandLineTests.Workspace().run(["--help"]).stdout
        let list = help.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0 != "commands:" }.dropFirst().prefix { !$0.isEmpty }
        return list.compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test func everyCommandIsListedAndAnswersItsHelp() throws {
        let commands = try Self.listedCommands()
        #expect(commands == ["check", "fmt", "run", "practice", "resume", "show", "sessions", "serve", "report", "export", "test", "graph", "paths", "lsp", "translate"])
        for command in commands {
            for flag in ["--help", "-h"] {
                let run = try CommandLineTests.Workspace().run([command, flag])
                #expect(run.status == 0, "\(command) \(flag)")
                #expect(run.stdout.hasPrefix("usage: playbook \(command)"), "\(command) \(flag): \(run.stdout.prefix(80))")
            }
        }
    }

    @Test func helpNamesTheDocsByWhatTheyAreNotByAPath() throws {
        for arguments in try Self.listedCommands().map({ [$0, "--help"] }) + [["--help"]] {
            let run = try CommandLineTests.Workspace().run(arguments)
            #expect(run.status == 0)
            #expect(!run.stdout.contains("README.md"), "\(arguments)")
            #expect(!run.stdout.lowercased().contains("see docs/"), "\(arguments)")
            #expect(!run.stdout.contains("in docs/diagnostics/."), "\(arguments)")
        }
    }
}
