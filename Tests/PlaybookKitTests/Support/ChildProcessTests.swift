import Foundation
import Testing

/// The helper every test that starts a program goes through.
struct ChildProcessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    @Test func inputOutputErrorsAndStatus() throws {
        let run = try ChildProcess.run(
            Self.shell, ["-c", "cat; echo \"$GREETING\" >&2; exit 3"], input: "ngân sách 预算\n", environment: ["GREETING": "שלום"])
        #expect(run.stdout == "ngân sách 预算\n")
        #expect(run.stderr == "שלום\n")
        #expect(run.status == 3 && !run.crashed)
        // Without input, stdin is empty.
        #expect(try ChildProcess.run(Self.shell, ["-c", "wc -c"]).stdout.trimmingCharacters(in: .whitespaces) == "0\n")
    }

    @Test func aSignalIsACrash() throws {
        let run = try ChildProcess.run(Self.shell, ["-c", "kill -SEGV $$"])
        #expect(run.crashed)
        #expect(run.status == SIGSEGV)
    }

    @Test func runsInTheFolderWithoutTheShellsColourAndWidth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-child-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ChildProcess.run(
            Self.shell, ["-c", "pwd; echo \"${NO_COLOR-unset} ${COLUMNS-unset}\""], in: folder, environment: ["COLUMNS": "40"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.first.map(String.init) == folder.resolvingSymlinksInPath().path)
        #expect(lines.last == "unset 40")
        // The scratch files stay out of the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func aHungProcessIsKilledAtTheDeadline() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["30"]
        try process.run()
        let started = Date()
        #expect(ChildProcess.waitForExit(process, timeout: 0.2))
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
    }
}
