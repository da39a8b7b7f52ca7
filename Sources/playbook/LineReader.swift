import Glibc

/// Set by the signal handler: Ctrl-C (or the terminal closing) asks the session to pause.
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0

/// Lines typed or piped on standard input. A signal that asks to stop ends the wait for a line
/// instead of killing the process. A class: there is one standard input, and the session that
/// reads it holds it in place rather than copying its buffer about.
final class LineReader {
    enum Line: Equatable {
        case text(String)
        case endOfInput
        case interrupted
    }

    private var buffer = LineBuffer()
    private var atEnd = false
    /// Reused for every read.
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    private static let stopSignals = [SIGINT, SIGTERM, SIGHUP]

    /// Ctrl-C, SIGTERM and a hang-up pause the session instead of ending the process. They are
    /// held back except while waiting for input (see `waitForInput`), so that one arriving
    /// just before a wait cannot be missed, and a record line is never cut by one.
    static func catchInterrupts() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptReceived = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var held = sigset_t()
        sigemptyset(&held)
        for signal in stopSignals {
            sigaction(signal, &action, nil)
            sigaddset(&held, signal)
        }
        sigprocmask(SIG_BLOCK, &held, nil)
    }

    /// Waits until standard input can be read, with the stop signals let through only during the
    /// wait (pselect swaps the mask atomically). False when a signal ended the wait (errno EINTR) or
    /// input cannot be waited on.
    private func waitForInput() -> Bool {
        var readable = fd_set()
        withUnsafeMutableBytes(of: &readable) { $0[0] = 1 << STDIN_FILENO }
        var open = sigset_t()
        sigemptyset(&open)
        return pselect(STDIN_FILENO + 1, &readable, nil, nil, nil, &open) > 0
    }

    func next() -> Line {
        while true {
            if interruptReceived != 0 { return .interrupted }
            if let line = buffer.nextLine() { return .text(line) }
            if atEnd { return buffer.isEmpty ? .endOfInput : .text(buffer.rest()) }
            if !waitForInput() {
                if errno != EINTR { atEnd = true }
                continue
            }
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                atEnd = true
            } else if count == 0 {
                atEnd = true
            } else {
                chunk.withUnsafeBytes { buffer.append(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            }
        }
    }
}
