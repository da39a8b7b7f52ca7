import Foundation
import Testing

@testable import PlaybookKit

/// When `run`, `practice` and `resume` wrap: at the terminal's width, at $COLUMNS when the output
/// is not a terminal, at `--width N`; a pipe without either is left as written.
struct WidthTests {
    typealias Workspace = CommandLineTests.Workspace

    /// The longest line, in cells.
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map { Wrap.cells(String($0)) }.max() ?? 0
    }

    static func thaiWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyShipped("sales-cycle-th.playbook")
        return workspace
    }

    @Test func aPipeIsNotWrappedUnlessAWidthIsGiven() throws {
        let workspace = try Self.thaiWorkspace()
        let plain = try workspace.run(["run", "sales-cycle-th.playbook", "--sessions", "s"], input: "")
        #expect(Self.widest(plain.stdout) > 60)
        let columns = try workspace.run(["run", "sales-cycle-th.playbook", "--sessions", "s"], input: "", environment: ["COLUMNS": "44"])
        #expect(Self.widest(columns.stdout) <= 44)
        #expect(columns.stdout.filter { !$0.isWhitespace } == plain.stdout.filter { !$0.isWhitespace })
        let option = try workspace.run(
            ["run", "sales-cycle-th.playbook", "--sessions", "s", "--width", "30"], input: "", environment: ["COLUMNS": "44"])
        #expect(Self.widest(option.stdout) <= 30)
        let none = try workspace.run(
            ["run", "sales-cycle-th.playbook", "--sessions", "s", "--width", "0"], input: "", environment: ["COLUMNS": "44"])
        #expect(none.stdout == plain.stdout)
    }

    @Test func aBadWidthIsAUsageError() throws {
        let workspace = try Self.thaiWorkspace()
        let run = try workspace.run(["practice", "sales-cycle-th.playbook", "--width", "wide"], input: "")
        #expect(run.status == 2)
        #expect(run.stderr.contains("--width takes a whole number of terminal cells, 0 for no wrapping (not 'wide')"))
        let resume = try workspace.run(["resume", "last", "--width", "-1", "--sessions", "s"], input: "")
        #expect(resume.status == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.script.path)))
    func aTerminalIsWrappedAtItsWidth() throws {
        let workspace = try Self.thaiWorkspace()
        let binary = try #require(CommandLineTests.binary).path
        // A pseudo-terminal 50 columns wide; the shell execs the walk once the size is set.
        let run = try LiveProcess.onTerminal(
            "sh -c \"stty cols 50 rows 40 && exec '\(binary)' run sales-cycle-th.playbook --sessions s\"", in: workspace.folder)
        try run.waitFor("> ")
        let shown = run.text
        try run.type(byte: 0x03)
        _ = try run.waitForExit()
        #expect(Self.widest(shown) <= 50, "\(shown)")
        #expect(Self.widest(shown) > 40, "\(shown)")
        // Continuation lines of a goal or tip are indented under it.
        #expect(shown.split(separator: "\n").contains { $0.hasPrefix("  ") && ThaiWords.isThai($0.dropFirst(2).first ?? " ") })
    }
}
