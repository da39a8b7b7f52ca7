import Glibc

/// One client's connection, served on its own thread: read under the limits' deadlines, each
/// request answered in turn, closed when either side is done.
struct HTTPConnection {
    let socket: Int32
    let core: ServerCore
    var parser: HTTPParser

    init(socket: Int32, core: ServerCore) {
        self.socket = socket
        self.core = core
        parser = HTTPParser(limits: core.limits)
    }

    /// How the connection ends: at once (the client is gone, or waits for nothing), or after the
    /// last response has had time to be read.
    enum Ending {
        case drop
        case afterResponse
    }

    /// Serves until the connection ends, and closes it.
    mutating func serve() {
        switch run() {
        case .drop: close(socket)
        case .afterResponse: Socket.closeGracefully(socket)
        }
    }

    private mutating func run() -> Ending {
        let limits = core.limits
        var readBuffer = [UInt8](repeating: 0, count: 16 * 1024)
        var idleSince = MonotonicClock.milliseconds()
        var phase = HTTPParser.Phase.idle
        var phaseSince = idleSince
        while true {
            // Every request already whole is answered, in order, before reading on (pipelining).
            answering: while true {
                switch parser.next() {
                case .needMore:
                    break answering
                case .sendContinue:
                    guard send(HTTPResponse.continueWire) else { return .drop }
                case .request(let request):
                    let response = core.handler(request)
                    let closing = !request.keepAlive || response.asksToClose || core.isStopping
                    let http10 = request.version == .http10
                    guard send(response.wire(headOnly: request.method == "HEAD", closing: closing, keepAliveHeader: http10))
                    else { return .drop }
                    if closing { return .afterResponse }
                    idleSince = MonotonicClock.milliseconds()
                    phase = .idle
                case .failure(let status, let message):
                    _ = send(HTTPResponse.refusal(HTTPFailure(status, message)))
                    return .afterResponse
                }
            }
            if core.isStopping { return .drop }
            if parser.phase != phase {
                phase = parser.phase
                phaseSince = MonotonicClock.milliseconds()
            }
            let deadline: Int64
            let late: HTTPFailure?
            switch phase {
            case .idle: (deadline, late) = (idleSince + limits.idleTimeout.milliseconds, nil)
            case .head: (deadline, late) = (phaseSince + limits.headTimeout.milliseconds, Self.lateHead)
            case .body: (deadline, late) = (phaseSince + limits.bodyTimeout.milliseconds, Self.lateBody)
            }
            switch Socket.waitReadable(socket, wake: core.wakeRead, until: deadline) {
            case .readable: break
            case .woken, .failed: return .drop
            case .timedOut:
                // An idle connection is just closed; one inside a request is told why.
                guard let late else { return .drop }
                _ = send(HTTPResponse.refusal(late))
                return .afterResponse
            }
            guard let count = Socket.receive(socket, into: &readBuffer), count != 0 else { return .drop }
            if count > 0 { parser.feed(readBuffer[..<count]) }
        }
    }

    static let lateHead = HTTPFailure(408, "the request head did not arrive in time")
    static let lateBody = HTTPFailure(408, "the request body did not arrive in time")

    private func send(_ bytes: [UInt8]) -> Bool {
        Socket.sendAll(socket, bytes, until: MonotonicClock.milliseconds() + core.limits.writeTimeout.milliseconds)
    }
}
