import Glibc
import Synchronization

/// An HTTP/1.1 server on a local address: one thread accepts, and each connection is served on
/// its own thread (with a small stack), so a slow client holds only its own. Requests are read
/// by `HTTPParser` under `HTTPLimits` and answered by the handler, in order.
///
/// The handler is called on the connection's thread, once per request, HEAD included (the server
/// drops the body). Put `HTTPGate` in front of it (`gate.guarding(handler)`).
public final class HTTPServer: Sendable {
    /// What answers each request; called on many threads at once.
    public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

    /// The port listened on: the one asked for, or the one the system chose for 0.
    public let port: UInt16
    private let listener: Int32
    private let core: ServerCore
    private let state = Mutex(RunState.ready)

    private enum RunState {
        case ready
        case running(accepting: pthread_t)
        case stopped
    }

    /// Binds and listens on `host` (an IPv4 address, `localhost`, or an IPv6 one such as `::1`
    /// or `[::1]`) and `port` (0: any free port); `start()` then serves.
    public convenience init(host: String, port: UInt16, limits: HTTPLimits = HTTPLimits(), handler: @escaping Handler)
        throws(HTTPServerError)
    {
        try self.init(host: host, port: port, limits: limits, handlerForPort: { _ in handler })
    }

    /// As `init(host:port:limits:handler:)`, the handler made once the port is known: a gate
    /// checks the Host against it, and port 0 leaves it to the system
    /// (`{ port in HTTPGate(token: token, port: port).guarding(routes) }`).
    public init(
        host: String, port: UInt16, limits: HTTPLimits = HTTPLimits(), handlerForPort: (UInt16) -> Handler
    ) throws(HTTPServerError) {
        (listener, self.port) = try Self.listen(host: host, port: port)
        do {
            core = try ServerCore(limits: limits, handler: handlerForPort(self.port))
        } catch {
            close(listener)
            throw error
        }
    }

    deinit { stop() }

    /// Starts accepting connections, on a thread of its own; returns at once. A server that was
    /// stopped does not start again.
    public func start() throws(HTTPServerError) {
        let (listener, core) = (self.listener, self.core)
        let started: Bool = state.withLock { state in
            guard case .ready = state else { return true }
            guard let thread = ServerThread.start(stackBytes: core.limits.threadStackBytes, joinable: true, {
                Self.acceptLoop(listener: listener, core: core)
            }) else { return false }
            state = .running(accepting: thread)
            return true
        }
        // pthread_create fails only for want of resources.
        if !started { throw HTTPServerError.system("pthread_create", EAGAIN) }
    }

    /// Stops accepting, closes idle connections, and waits briefly (`HTTPLimits.stopGrace`) for
    /// requests being handled to be answered; each of them is answered with `Connection: close`.
    /// Called from a handler, it waits the whole grace, since that request is one of them.
    public func stop() {
        let previous = state.withLock { state in
            defer { state = .stopped }
            return state
        }
        switch previous {
        case .stopped: return
        case .ready: close(listener)
        case .running(let accepting):
            core.stopping.store(true, ordering: .sequentiallyConsistent)
            core.wake()
            pthread_join(accepting, nil)
        }
        let deadline = MonotonicClock.milliseconds() + core.limits.stopGrace.milliseconds
        while core.active.load(ordering: .sequentiallyConsistent) > 0, MonotonicClock.milliseconds() < deadline {
            usleep(5_000)
        }
    }
}

/// What the accepting thread and the connections' threads share. It outlives the server while a
/// connection still runs: the wake pipe it closes on `deinit` is one every connection polls.
final class ServerCore: Sendable {
    let limits: HTTPLimits
    let handler: HTTPServer.Handler
    /// Connections being served (each on a thread).
    let active = Atomic(0)
    let stopping = Atomic(false)
    /// A pipe nobody reads: once `wake()` writes to it, it stays readable, so every `poll` on it
    /// returns, now and later.
    let wakeRead: Int32
    let wakeWrite: Int32

    init(limits: HTTPLimits, handler: @escaping HTTPServer.Handler) throws(HTTPServerError) {
        self.limits = limits
        self.handler = handler
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw HTTPServerError.system("pipe", errno) }
        (wakeRead, wakeWrite) = (ends[0], ends[1])
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    }

    deinit {
        close(wakeRead)
        close(wakeWrite)
    }

    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWrite, &byte, 1)
    }

    var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }
}
