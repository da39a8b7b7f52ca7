import Glibc

/// Listening, and the accepting thread.
extension HTTPServer {
    /// A socket bound to the address and listening, and its port.
    static func listen(host: String, port: UInt16) throws(HTTPServerError) -> (Int32, UInt16) {
        var name = host
        if name.hasPrefix("["), name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if ASCII.lowercased(name) == "localhost" { name = "127.0.0.1" }
        var v4 = sockaddr_in()
        var v6 = sockaddr_in6()
        let family: Int32
        if inet_pton(AF_INET, name, &v4.sin_addr) == 1 {
            family = AF_INET
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
        } else if inet_pton(AF_INET6, name, &v6.sin6_addr) == 1 {
            family = AF_INET6
            v6.sin6_family = sa_family_t(AF_INET6)
            v6.sin6_port = port.bigEndian
        } else {
            throw HTTPServerError.notAnAddress(host)
        }
        // Non-blocking, so that a connection reset between poll and accept cannot block the loop.
        let fd = socket(family, Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError.system("socket", errno) }
        var yes: Int32 = 1
        // A restarted server can bind while the previous one's connections are in TIME_WAIT.
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        let bound = family == AF_INET ? bind(fd, address: &v4) : bind(fd, address: &v6)
        guard bound == 0, Glibc.listen(fd, SOMAXCONN) == 0 else {
            let code = errno
            close(fd)
            switch code {
            case EADDRINUSE: throw HTTPServerError.portInUse(port)
            case EACCES: throw HTTPServerError.portNeedsPrivilege(port)
            case EADDRNOTAVAIL: throw HTTPServerError.notAnAddress(host)
            default: throw HTTPServerError.system(bound == 0 ? "listen" : "bind", code)
            }
        }
        var address = sockaddr_in6()  // large enough for either family; the port is at the same offset
        var length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            getsockname(fd, UnsafeMutableRawPointer($0).assumingMemoryBound(to: sockaddr.self), &length)
        }
        guard named == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError.system("getsockname", code)
        }
        return (fd, UInt16(bigEndian: address.sin6_port))
    }

    /// `bind` with an address of either family.
    private static func bind<Address>(_ fd: Int32, address: inout Address) -> Int32 {
        withUnsafePointer(to: &address) {
            Glibc.bind(fd, UnsafeRawPointer($0).assumingMemoryBound(to: sockaddr.self), socklen_t(MemoryLayout<Address>.size))
        }
    }

    /// A connection refused for want of room, shut and kept a moment while its request is read
    /// and dropped (see `Socket.closeGracefully`).
    private struct Refused {
        let fd: Int32
        let until: Int64
    }

    /// Accepts until the server stops: each connection gets a thread while fewer than
    /// `maxConnections` are served; one more is answered 503 and closed.
    static func acceptLoop(listener: Int32, core: ServerCore) {
        var refused: [Refused] = []
        defer {
            close(listener)
            for connection in refused { close(connection.fd) }
        }
        let busy = HTTPResponse.refusal(HTTPFailure(503, "the server is busy; try again"))
        while true {
            var fds = ([listener, core.wakeRead] + refused.map(\.fd)).map(Socket.toRead)
            let soonest = refused.map(\.until).min().map { max(0, $0 - MonotonicClock.milliseconds()) }
            let ready = poll(&fds, nfds_t(fds.count), soonest.map { Int32(min($0, 1000)) } ?? -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if fds[1].revents != 0 { return }
            let now = MonotonicClock.milliseconds()
            refused = refused.enumerated().compactMap { index, connection in
                let open = fds[index + 2].revents == 0 || Socket.drain(connection.fd)
                if open, now < connection.until { return connection }
                close(connection.fd)
                return nil
            }
            guard fds[0].revents != 0 else { continue }
            while true {
                let fd = accept(listener, nil, nil)
                if fd < 0 {
                    if errno == EINTR || errno == ECONNABORTED { continue }
                    // Out of descriptors: the pending connection stays readable; pause instead of spinning.
                    if errno == EMFILE || errno == ENFILE { usleep(10_000) }
                    break
                }
                // accept4 (which would set it at once) is not in Swift's Glibc module.
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                let room = core.active.load(ordering: .sequentiallyConsistent) < core.limits.maxConnections
                if room, serve(fd, core: core) { continue }
                _ = Socket.sendAll(fd, busy, until: now)
                // Bounded: under a flood, the refused beyond these are closed at once.
                if refused.count < 256 {
                    shutdown(fd, Int32(SHUT_WR))
                    refused.append(Refused(fd: fd, until: now + Socket.lingerMilliseconds))
                } else {
                    close(fd)
                }
            }
        }
    }

    /// Serves the connection on a new thread; false if there is none to be had.
    private static func serve(_ fd: Int32, core: ServerCore) -> Bool {
        core.active.add(1, ordering: .sequentiallyConsistent)
        let thread = ServerThread.start(stackBytes: core.limits.threadStackBytes, joinable: false) {
            var connection = HTTPConnection(socket: fd, core: core)
            connection.serve()
            core.active.subtract(1, ordering: .sequentiallyConsistent)
        }
        if thread == nil { core.active.subtract(1, ordering: .sequentiallyConsistent) }
        return thread != nil
    }
}
