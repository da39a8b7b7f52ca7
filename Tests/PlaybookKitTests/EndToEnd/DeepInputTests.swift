import Foundation
import Testing

/// Nesting a file can drive as deep as it likes, through every command, out of process (a stack
/// overflow must fail a test, not end the test runner): up to each bound everything works, past
/// it the check says so (PB0116, PB0505) and the other commands print that and stop.
struct DeepInputTests {
    typealias Workspace = CommandLineTests.Workspace

    static let header = "playbook \"Deep\"\n  outcomes won, lost\n\nstage a \"A\"\n  ask seats \"Seats?\" number 0..\n"

    /// `if seats == 0`, `count - 1` times `else if`, then `else`, at `indent` spaces.
    static func elseIfChain(_ count: Int, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var text = "\(pad)if seats == 0\n\(pad)  say \"none\"\n"
        for index in 1..<count { text += "\(pad)else if seats == \(index)\n\(pad)  say \"\(index)\"\n" }
        return text + "\(pad)else\n\(pad)  say \"many\"\n"
    }

    /// Every kind of nesting at its deepest allowed: `if` blocks 38 deep (under the stage and its
    /// question's level, 40 levels), a chain of 100 `else if`s inside, 1,000 operators, `not`
    /// 998 times, and 99 parentheses.
    static let atTheBounds: String = {
        var text = header
        for depth in 0..<38 { text += String(repeating: " ", count: 2 + 2 * depth) + "if seats > \(depth)\n" }
        text += elseIfChain(101, indent: 2 + 2 * 38)
        text += "  set total = seats" + String(repeating: " + seats", count: 999) + "\n"
        text += "  if " + String(repeating: "not ", count: 998) + "total > 1 -> end won \"w\"\n"
        text += "  if " + String(repeating: "(", count: 99) + "total > 2" + String(repeating: ")", count: 99) + " -> end won \"w2\"\n"
        return text + "  end lost \"l\"\n"
    }()

    /// Past the bounds: 10,000 `else if`s, 1,000 nested `if` blocks (10,000 are checked in
    /// BadInputTests; here they would make a 50 MB file per command) and 100,000 parentheses.
    static let pastTheBounds: String = {
        var text = header + elseIfChain(10_000, indent: 2)
        for depth in 0..<1_000 { text += String(repeating: " ", count: 2 + depth) + "if seats > \(depth)\n" }
        text += String(repeating: " ", count: 1_002) + "say \"deep\"\n"
        text += "  if " + String(repeating: "(", count: 100_000) + "seats > 2" + String(repeating: ")", count: 100_000)
        return text + " -> end won \"w\"\n  end lost \"l\"\n"
    }()

    static let commands: [[String]] = [
        ["check"], ["graph"], ["graph", "--format", "dot"], ["graph", "--format", "svg"], ["paths"], ["paths", "--format", "json"],
        ["paths", "--to", "won"], ["test", "--explore"], ["test", "--random", "3"], ["run", "--sessions", "sessions"],
    ]

    static func describeCrash(_ run: CommandLineTests.Run) -> String {
        let frame = run.stderr.split(separator: "\n").first { $0.contains(" in playbook at ") } ?? "?"
        return "crashed (signal \(run.status)); top frame: \(frame)"
    }

    @Test(arguments: commands)
    func deepestAllowedNestingWorksEverywhere(_ command: [String]) throws {
        let workspace = try Workspace()
        try workspace.write("deep.playbook", Self.atTheBounds)
        let run = try workspace.run(command + ["deep.playbook"], input: "5\n")
        #expect(!run.crashed, "\(command): \(Self.describeCrash(run))")
        #expect(run.status == 0, "\(command): \(run.stderr.prefix(500))")
    }

    @Test(arguments: commands)
    func nestingPastTheBoundsIsReported(_ command: [String]) throws {
        let workspace = try Workspace()
        try workspace.write("deep.playbook", Self.pastTheBounds)
        let run = try workspace.run(command + ["deep.playbook"], input: "5\n")
        #expect(!run.crashed, "\(command): \(Self.describeCrash(run))")
        #expect(run.status == 1, "\(command): \(run.stderr.prefix(500))")
        let shown = run.stdout + run.stderr
        #expect(shown.contains("error[PB0116]: 'else if' is nested more than 100 deep"), "\(command)")
        #expect(shown.contains("error[PB0116]: blocks are nested more than 40 levels deep"), "\(command)")
        #expect(shown.contains("error[PB0116]: the expression is nested more than 100 levels deep"), "\(command)")
        #expect(shown.components(separatedBy: "error[").count - 1 == 3, "\(command): \(shown.prefix(2_000))")
    }

    /// Flows calling flows: the longest walk to each outcome goes into each flow in turn.
    @Test(arguments: ["return", "end"])
    func chainOfTenThousandCallsIsAnalysed(_ innermost: String) throws {
        var text = "playbook \"Calls\"\n  outcomes won, lost\n\nstage a \"A\"\n  call f0\n  end lost \"l\"\n\n"
        for index in 0..<10_000 { text += "flow f\(index) \"F\"\n  call f\(index + 1)\n  return\n\n" }
        text += "flow f10000 \"F\"\n  ask q \"Q?\" yes/no\n" + (innermost == "end" ? "    yes -> end won \"w\"\n" : "") + "  return\n"
        let workspace = try Workspace()
        try workspace.write("calls.playbook", text)
        for command in [["paths"], ["paths", "--format", "json"]] {
            let run = try workspace.run(command + ["calls.playbook"])
            #expect(!run.crashed, "\(command): \(Self.describeCrash(run))")
            #expect(run.status == 0, "\(command): \(run.stderr.prefix(500))")
        }
    }

    /// A chain of `use` 6,000 files long (5,000 used to pass, 6,000 to overflow the stack).
    @Test func useChainOfSixThousandFilesIsReported() throws {
        let workspace = try Workspace()
        try workspace.write("main.playbook", Self.header.replacingOccurrences(of: "\nstage", with: "use \"lib1.playbook\"\n\nstage") + "  end won\n")
        for index in 1...6_000 {
            try workspace.write("lib\(index).playbook", "use \"lib\(index + 1).playbook\"\n\nflow f\(index) \"F\"\n  return\n")
        }
        let run = try workspace.run(["check", "--format", "short", "main.playbook"])
        #expect(!run.crashed, "\(Self.describeCrash(run))")
        #expect(run.status == 1)
        #expect(run.stdout.contains("lib64.playbook:1:5: error: 'use' goes more than 64 files deep [PB0505]"), "\(run.stdout.prefix(500))")
    }
}
