import Foundation
import Glibc
import Testing

/// The one way the tests start other programs (the built `playbook`, `script`, python3, dot): the
/// environment they get, and a run with its output in files and a deadline. `LiveProcess` starts
/// a process it talks to with the same environment and deadline.
enum ChildProcess {
    /// What one run of a program produced.
    struct Result {
        var status: Int32
        /// Killed by a signal (a crash) rather than exiting.
        var crashed: Bool
        var stdout: String
        var stderr: String
    }

    /// The test runner's environment, with `extra` over it. Without NO_COLOR and COLUMNS: a
    /// setting of the shell that runs the tests would change colour and wrapping, and what the
    /// tests expect is written for neither.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var inherited = ProcessInfo.processInfo.environment
        inherited["NO_COLOR"] = nil
        inherited["COLUMNS"] = nil
        return inherited.merging(extra) { $1 }
    }

    /// Runs `executable` with `arguments` in `folder` (by default the test runner's) and waits for
    /// it. stdout and stderr go to files, so that a large output cannot fill a pipe and stall the
    /// child; `input`, if given, is its stdin (a file, not a terminal), else /dev/null. A run
    /// that takes longer than `timeout` seconds is killed and fails the test.
    static func run(
        _ executable: URL, _ arguments: [String], in folder: URL? = nil, input: String? = nil,
        environment extra: [String: String] = [:], timeout: TimeInterval = 120, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        process.environment = environment(extra)
        if let input {
            let inURL = scratch.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A hang is a bug to report, not a reason to stall the whole suite.
        if waitForExit(process, timeout: timeout) {
            let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
            Issue.record("\(command) did not finish within \(Int(timeout)) s", sourceLocation: sourceLocation)
        }
        try out.close()
        try err.close()
        return Result(
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// Waits until `process` ends or `timeout` seconds have passed, then kills it if it is still
    /// running. True when it had to be killed.
    static func waitForExit(_ process: Process, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        let hung = process.isRunning
        // SIGKILL: the child inherits the test runner's blocked signals, SIGTERM among them.
        if hung { Glibc.kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return hung
    }
}
