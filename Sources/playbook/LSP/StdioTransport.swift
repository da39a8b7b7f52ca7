import Glibc
import PlaybookKit

/// The language server on standard input and output: reads with poll(2) and feeds the frames
/// to the server, lets it go idle (check and publish) when no input is waiting, writes whole
/// messages to standard output, and logs to standard error. It ends on `exit`, at the end of
/// its input (the client went), when the client's process is gone, or when its output is.
struct StdioTransport {
    var server: LSPServer
    var decoder = LSPFrameDecoder()
    /// How often the client's process is looked for, in milliseconds.
    let processCheckInterval: Int64 = 1000
    /// The longest diagnostics wait while input keeps coming without a pause, in milliseconds.
    let longestDelay: Int64 = 100

    init(server: LSPServer) {
        self.server = server
    }

    /// Serves until the end; the exit status.
    mutating func run() -> Int32 {
        // A client that closes its end makes writes fail with EPIPE, not kill the server.
        signal(SIGPIPE, SIG_IGN)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var lastProcessCheck = Self.milliseconds()
        var pendingSince: Int64?
        while true {
            if let ended = drain() { return ended }
            if let status = server.exitStatus { return status }
            let now = Self.milliseconds()
            if now - lastProcessCheck >= processCheckInterval {
                lastProcessCheck = now
                if let client = server.clientProcessID, kill(client, 0) != 0, errno == ESRCH {
                    Self.log("the client's process \(client) is gone; ending")
                    return 1
                }
            }
            if server.hasPendingWork {
                let since = pendingSince ?? now
                pendingSince = since
                if now - since >= longestDelay {
                    pendingSince = nil
                    if let ended = send(server.idle()) { return ended }
                }
            }
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            // Waiting input first: a burst of changes is read whole before one check is made.
            let timeout = server.hasPendingWork ? 0 : Int32(processCheckInterval)
            let ready = poll(&input, 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                Self.log("cannot wait for input: \(String(cString: strerror(errno)))")
                return 1
            }
            if ready == 0 {
                pendingSince = nil
                if server.hasPendingWork, let ended = send(server.idle()) { return ended }
                continue
            }
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                Self.log("cannot read the input: \(String(cString: strerror(errno)))")
                return 1
            }
            if count == 0 {
                // The client went without `exit`: as after `exit`, 0 only if it had shut down.
                return server.phase == .shutDown ? 0 : 1
            }
            decoder.feed(buffer[0..<count])
        }
    }

    /// Hands every whole message read to the server and sends its answers; the exit status
    /// when the output is gone.
    private mutating func drain() -> Int32? {
        while true {
            let replies: [JSON]
            switch decoder.next() {
            case .needMore: return nil
            case .message(let body): replies = server.receive(body)
            case .malformed(let reason):
                Self.log(reason)
                replies = server.framingFailed(reason)
            }
            if let ended = send(replies) { return ended }
            if server.exitStatus != nil { return nil }
        }
    }

    /// Writes the messages, each whole; the exit status when standard output is gone.
    private func send(_ messages: [JSON]) -> Int32? {
        for message in messages {
            let bytes = LSPFrameDecoder.frame(message)
            if let failure = bytes.withUnsafeBufferPointer({ writeAll($0, to: STDOUT_FILENO) }) {
                Self.log("cannot write to the client: \(String(cString: strerror(failure))); ending")
                return 1
            }
        }
        return nil
    }

    static func log(_ line: String) {
        Terminal.error("playbook lsp: \(TerminalText.safe(line))\n")
    }

    static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
