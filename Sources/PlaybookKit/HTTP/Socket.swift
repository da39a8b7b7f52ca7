import Glibc

/// The POSIX calls of the server, each with its errors handled once: `EINTR` retried, deadlines
/// kept with `poll`, and every send with `MSG_NOSIGNAL` so that a client gone away is an error
/// to handle, never a SIGPIPE that ends the process.
enum Socket {
    /// What a wait for a readable socket ended with.
    enum Readiness {
        case readable
        /// The server's wake pipe: it is stopping.
        case woken
        case timedOut
        case failed
    }

    /// Waits until `fd` has bytes (or its end, or an error) to read, the server is stopping, or
    /// the deadline (in `MonotonicClock` milliseconds) passes.
    static func waitReadable(_ fd: Int32, wake: Int32, until deadline: Int64) -> Readiness {
        while true {
            let remaining = deadline - MonotonicClock.milliseconds()
            if remaining <= 0 { return .timedOut }
            var fds = [toRead(fd), toRead(wake)]
            let ready = poll(&fds, 2, Int32(min(remaining, 60_000)))
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if fds[1].revents != 0 { return .woken }
            // POLLIN, POLLHUP or POLLERR: the read that follows tells which.
            if fds[0].revents != 0 { return .readable }
        }
    }

    /// A `poll` entry that waits for bytes to read.
    static func toRead(_ fd: Int32) -> pollfd { pollfd(fd: fd, events: Int16(POLLIN), revents: 0) }

    /// Reads what has arrived, up to the buffer's size: the count, 0 at the end of the stream,
    /// nil on an error; -1 when nothing was there after all.
    static func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Int? {
        let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count >= 0 { return count }
        return errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK ? -1 : nil
    }

    /// Sends every byte, however many calls it takes, waiting while the client's window is full
    /// until the deadline; false if the client is gone or too slow.
    static func sendAll(_ fd: Int32, _ bytes: [UInt8], until deadline: Int64) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset, Self.sendFlags)
            }
            if sent > 0 {
                offset += sent
                continue
            }
            guard sent < 0, errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK else { return false }
            if errno == EINTR { continue }
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { return false }
            var fds = [pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)]
            if poll(&fds, 1, Int32(min(remaining, 60_000))) < 0, errno != EINTR { return false }
        }
        return true
    }

    /// Never blocking (the deadline is kept with `poll`), never raising SIGPIPE.
    static let sendFlags = Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT)

    /// How long a connection is kept after its last response while what the client still sends is
    /// read and dropped.
    static let lingerMilliseconds: Int64 = 1000

    /// Closes after a response the client may not have read yet: our side is shut first and what
    /// the client still sends is read and dropped for a moment, since closing a socket with
    /// unread bytes resets the connection, and a reset can destroy the response before the
    /// client has read it (RFC 9112 §9.6).
    static func closeGracefully(_ fd: Int32) {
        shutdown(fd, Int32(SHUT_WR))
        let deadline = MonotonicClock.milliseconds() + lingerMilliseconds
        var scratch = [UInt8](repeating: 0, count: 4096)
        var dropped = 0
        while dropped < 1 << 20 {
            let remaining = deadline - MonotonicClock.milliseconds()
            guard remaining > 0 else { break }
            var fds = [toRead(fd)]
            let ready = poll(&fds, 1, Int32(remaining))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0, let count = receive(fd, into: &scratch), count != 0 else { break }
            dropped += max(count, 0)
        }
        close(fd)
    }

    /// Reads and drops what has arrived; false once the client has closed (or the socket failed).
    static func drain(_ fd: Int32) -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        for _ in 0..<16 {
            guard let count = receive(fd, into: &scratch), count != 0 else { return false }
            if count < 0 { return true }
        }
        return true
    }
}

/// Milliseconds of the monotonic clock, for deadlines only: the server never reads the time of
/// day (it sends no `Date`), so nothing it does depends on the wall clock.
enum MonotonicClock {
    static func milliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
