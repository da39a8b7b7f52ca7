import Foundation
import Glibc
import Testing

@testable import PlaybookKit

/// `playbook lsp` running for a test, spoken to as an editor does: framed messages on its
/// stdin, its stdout decoded frame by frame on a background thread, its stderr kept apart.
final class LanguageServerProcess {
    /// What came back so far: the reader thread appends, the test polls.
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [JSON] = []
        private var errors: [UInt8] = []

        func append(_ message: JSON) { lock.withLock { messages.append(message) } }
        func appendError(_ data: Data) { lock.withLock { errors += data } }
        var snapshot: [JSON] { lock.withLock { messages } }
        var errorText: String { lock.withLock { String(decoding: errors, as: UTF8.self) } }
    }

    private let process = Process()
    private let input = Pipe()
    private let received = Received()
    private var nextID = 1
    private var seen = 0

    /// Starts `playbook lsp` in `folder`.
    init(in folder: URL) throws {
        let binary = try #require(CommandLineTests.binary)
        process.executableURL = binary
        process.arguments = ["lsp"]
        process.currentDirectoryURL = folder
        process.environment = ChildProcess.environment()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let received = received
        let reader = output.fileHandleForReading
        Thread.detachNewThread {
            var decoder = LSPFrameDecoder()
            while true {
                let data = reader.availableData
                if data.isEmpty { break }
                decoder.feed(data)
                while case .message(let body) = decoder.next() {
                    if case .success(let message) = JSON.parse(body) { received.append(message) }
                }
            }
        }
        let errorReader = errors.fileHandleForReading
        Thread.detachNewThread {
            while true {
                let data = errorReader.availableData
                if data.isEmpty { break }
                received.appendError(data)
            }
        }
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
    var messages: [JSON] { received.snapshot }
    var errorText: String { received.errorText }

    /// Writes raw bytes to the server's stdin. SIGPIPE is held back on this thread, as
    /// `LiveProcess` does, so a server that died fails the test rather than ending the runner.
    func write(_ bytes: [UInt8]) throws {
        var brokenPipe = sigset_t()
        sigemptyset(&brokenPipe)
        sigaddset(&brokenPipe, SIGPIPE)
        var saved = sigset_t()
        pthread_sigmask(SIG_BLOCK, &brokenPipe, &saved)
        defer {
            var pending = sigset_t()
            var now = timespec()
            if sigpending(&pending) == 0, sigismember(&pending, SIGPIPE) == 1 { sigtimedwait(&brokenPipe, nil, &now) }
            pthread_sigmask(SIG_SETMASK, &saved, nil)
        }
        try input.fileHandleForWriting.write(contentsOf: Data(bytes))
    }

    func send(_ message: JSON) throws { try write(LSPFrameDecoder.frame(message)) }

    /// Sends a request with the next id and waits for its response.
    @discardableResult
    func request(_ method: String, _ params: JSON = .null, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSON {
        let id = nextID
        nextID += 1
        var members: [String: JSON] = ["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method)]
        if params != .null { members["params"] = params }
        try send(.object(members))
        return try waitFor("the response to \(method)", sourceLocation: sourceLocation) { $0["id"] == .int(id) && $0["method"] == nil }
    }

    func notify(_ method: String, _ params: JSON = .null) throws { try send(LSPMessage.notification(method, params)) }

    /// Waits for the first message not yet waited past that `matches`, within `timeout` seconds.
    func waitFor(
        _ what: String, timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation, _ matches: (JSON) -> Bool
    ) throws -> JSON {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let messages = received.snapshot
            if let index = messages.indices.dropFirst(seen).first(where: { matches(messages[$0]) }) {
                seen = index + 1
                return messages[index]
            }
            try #require(
                Date() < deadline && process.isRunning,
                "\(what) did not come within \(Int(timeout)) s (running: \(process.isRunning)); messages: \(messages.map(\.text)); stderr: \(errorText)",
                sourceLocation: sourceLocation)
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// initialize (with `processId`) and initialized, with the folder as the workspace.
    func initialize(folder: URL, processID: Int32? = nil) throws -> JSON {
        let response = try request(
            "initialize",
            .object([
                "processId": processID.map { .int(Int($0)) } ?? .null, "rootUri": .string(DocumentURI.uri(of: folder.path)),
                "capabilities": .object([:]),
            ]))
        try notify("initialized", .object([:]))
        return response
    }

    func closeInput() throws { try input.fileHandleForWriting.close() }

    /// The exit status, once the server has ended (a hang fails the test, and it is killed).
    func waitForExit(timeout: TimeInterval = 20, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32 {
        let hung = ChildProcess.waitForExit(process, timeout: timeout)
        try #require(!hung, "playbook lsp did not end within \(Int(timeout)) s; stderr: \(errorText)", sourceLocation: sourceLocation)
        #expect(process.terminationReason == .exit, "playbook lsp was killed by signal \(process.terminationStatus)", sourceLocation: sourceLocation)
        return process.terminationStatus
    }
}
