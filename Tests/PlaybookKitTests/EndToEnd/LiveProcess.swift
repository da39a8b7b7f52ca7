import Foundation
import Glibc
import Testing

/// A process that is still running: the test types into its stdin and watches its output arrive,
/// so it can act at a chosen moment (after a prompt, before the next answer). stdout and stderr
/// share one pipe, read on a background thread as they arrive. The environment and the deadline
/// are `ChildProcess`'s, as for a run that is only waited for.
final class LiveProcess {
    /// How a process ended.
    enum Ending: Equatable, CustomStringConvertible {
        case exited(Int32)
        case killed(by: Int32)

        var description: String {
            switch self {
            case .exited(let status): "exit status \(status)"
            case .killed(let signal): "killed by signal \(signal)"
            }
        }
    }

    /// Bytes read so far: the reader thread appends, the test polls.
    private final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        private var ended = false

        func append(_ data: Data) { lock.withLock { bytes += data } }
        func end() { lock.withLock { ended = true } }
        var snapshot: (text: String, ended: Bool) {
            lock.withLock { (String(decoding: bytes, as: UTF8.self), ended) }
        }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Output()
    /// How much of the cleaned output (in UTF-8 bytes) earlier waits consumed.
    private var consumed = 0
    private let name: String

    /// Starts `executable` with `arguments` in `folder`, its stdin, stdout and stderr on pipes.
    init(_ executable: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws {
        name = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ChildProcess.environment(environment)
        let pipe = Pipe()
        process.standardInput = input
        process.standardOutput = pipe
        process.standardError = pipe
        // The test runner's threads block most signals, and the child inherits that mask: the
        // walk must still hear Ctrl-C (it lets the stop signals through while it waits for a line).
        try process.run()
        let reader = pipe.fileHandleForReading
        let output = output
        Thread.detachNewThread {
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                output.append(data)
            }
            output.end()
        }
    }

    /// Runs `command` (a shell command line) on a pseudo-terminal of its own, through util-linux
    /// `script`: the child's stdin is a tty, and a 0x03 typed here reaches it as SIGINT.
    ///
    /// The shell `script` starts (`$SHELL`, or /bin/sh) `exec`s the command, so the command is
    /// alone in the terminal's foreground group. Otherwise a shell that does not exec its last
    /// command (dash, when CI's `$SHELL` is unset) is killed by the same SIGINT, and `script`
    /// reports that instead of the command's own exit status.
    static func onTerminal(_ command: String, in folder: URL) throws -> LiveProcess {
        try LiveProcess(
            CommandLineTests.script, ["-q", "-e", "-c", "exec " + command, "/dev/null"], in: folder,
            environment: ["TERM": "xterm", "SHELL": "/bin/sh"])
    }

    deinit {
        if process.isRunning {
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? input.fileHandleForWriting.close()
    }

    var processIdentifier: Int32 { process.processIdentifier }

    var isRunning: Bool { process.isRunning }

    /// The output so far, without colour escapes or the carriage returns a terminal adds.
    var text: String { Self.clean(output.snapshot.text) }

    static func clean(_ raw: String) -> String {
        CommandLineTests.stripANSI(raw).replacingOccurrences(of: "\r", with: "")
    }

    func type(_ text: String) throws {
        try write(Data(text.utf8))
    }

    /// Ends the input: the process reads end-of-file once it has read what was typed.
    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    func type(byte: UInt8) throws {
        try write(Data([byte]))
    }

    /// Typing to a child that already died must fail the test (the write throws), not end the
    /// test runner with SIGPIPE. The signal is held back on this thread only, and dropped if it
    /// came: ignoring it process-wide would also make every child started meanwhile ignore it.
    private func write(_ data: Data) throws {
        var brokenPipe = sigset_t()
        sigemptyset(&brokenPipe)
        sigaddset(&brokenPipe, SIGPIPE)
        var saved = sigset_t()
        pthread_sigmask(SIG_BLOCK, &brokenPipe, &saved)
        defer {
            var pending = sigset_t()
            var now = timespec()
            if sigpending(&pending) == 0, sigismember(&pending, SIGPIPE) == 1 {
                sigtimedwait(&brokenPipe, nil, &now)
            }
            pthread_sigmask(SIG_SETMASK, &saved, nil)
        }
        try input.fileHandleForWriting.write(contentsOf: data)
    }

    /// Waits until `expected` appears in output that no earlier wait consumed, and consumes the
    /// output up to its end, so that waiting for a question and then for "> " finds that
    /// question's prompt. Fails with all output so far if it does not appear within `timeout`
    /// seconds, or if the process ended without printing it.
    func waitFor(
        _ expected: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let (raw, ended) = output.snapshot
            let unread = String(decoding: Self.clean(raw).utf8.dropFirst(consumed), as: UTF8.self)
            if let found = unread.range(of: expected) {
                consumed += unread[..<found.upperBound].utf8.count
                return
            }
            let gaveUp = Date() >= deadline
            let why = gaveUp ? "did not appear within \(Int(timeout)) s" : "never appeared before the output ended"
            try #require(
                !gaveUp && !ended,
                """
                "\(expected)" \(why) (\(name)); output so far:
                \(Self.clean(raw))
                """,
                sourceLocation: sourceLocation)
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Waits for the process to end. A hang fails the test, and the process is killed.
    func waitForExit(timeout: TimeInterval = 30, sourceLocation: SourceLocation = #_sourceLocation) throws -> Ending {
        let hung = ChildProcess.waitForExit(process, timeout: timeout)
        try #require(
            !hung, "\(name) did not end within \(Int(timeout)) s; output so far:\n\(text)", sourceLocation: sourceLocation)
        return process.terminationReason == .uncaughtSignal
            ? .killed(by: process.terminationStatus) : .exited(process.terminationStatus)
    }
}
