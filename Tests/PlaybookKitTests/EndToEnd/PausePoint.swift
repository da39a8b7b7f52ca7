import Foundation
import Glibc
import Testing

/// The test side of the executable's `TestHook`: a FIFO that a `playbook` process started with
/// `environment` stops on at one point, so that the test can act in that window (with no sleep:
/// the process waits for the test, however slow the machine is).
final class PausePoint {
    let fifo: URL
    let point: String
    private var writer: Int32 = -1

    /// A pause `after` the named point (`read`, `create`), its FIFO in `folder`.
    init(after point: String, in folder: URL) throws {
        self.point = point
        fifo = folder.appendingPathComponent(".pause-\(UUID().uuidString)")
        try #require(mkfifo(fifo.path, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
    }

    deinit {
        if writer >= 0 { close(writer) }
        unlink(fifo.path)
    }

    var environment: [String: String] {
        ["PLAYBOOK_TEST_PAUSE_AFTER": point, "PLAYBOOK_TEST_PAUSE_FIFO": fifo.path]
    }

    /// Returns once `process` has stopped at the point: it has opened the FIFO, so opening the
    /// other end no longer fails. Fails the test if the process ends first, or within `timeout` s
    /// never gets there.
    func waitUntilReached(
        by process: LiveProcess, timeout: TimeInterval = 30, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            writer = open(fifo.path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if writer >= 0 { return }
            try #require(errno == ENXIO, "opening the FIFO: \(String(cString: strerror(errno)))", sourceLocation: sourceLocation)
            try #require(
                Date() < deadline && process.isRunning,
                "the process never paused after '\(point)'; output:\n\(process.text)", sourceLocation: sourceLocation)
            Thread.sleep(forTimeInterval: 0.01)
        }
    }

    /// Lets the process go on.
    func release() {
        if writer >= 0 { close(writer) }
        writer = -1
    }
}
