import Testing

/// `--help` of an installed binary: it cannot point to files that only the source folder has.
struct HelpTextTests {
    static let commands = ["check", "run", "practice", "resume", "show", "sessions", "test", "graph", "paths"]

    @Test(arguments: [[String]](commands.map { [$0, "--help"] }) + [["--help"]])
    func helpNamesTheDocsByWhatTheyAreNotByAPath(_ arguments: [String]) throws {
        let run = try CommandLineTests.Workspace().run(arguments)
        #expect(run.status == 0)
        #expect(!run.stdout.contains("README.md"), "\(arguments)")
        #expect(!run.stdout.lowercased().contains("see docs/"), "\(arguments)")
        #expect(!run.stdout.contains("in docs/diagnostics/."), "\(arguments)")
    }
}
