/// How much a client may send and how long it may take: what keeps one client from holding the
/// server's memory or its connections. Tests shorten the times.
public struct HTTPLimits: Sendable {
    /// The request line (`GET /path HTTP/1.1`), without its line break; longer is a 414.
    public var requestLineBytes = 8 * 1024
    /// The header lines after the request line, together; more is a 431.
    public var headerSectionBytes = 32 * 1024
    /// Header lines; more is a 431.
    public var headerCount = 100
    /// A request body, after chunked decoding; more is a 413.
    public var bodyBytes = 1024 * 1024
    /// From the first byte of a request to the end of its head; later is a 408.
    public var headTimeout: Duration = .seconds(10)
    /// From the end of the head to the end of the body; later is a 408.
    public var bodyTimeout: Duration = .seconds(10)
    /// How long a kept-alive connection may wait for its next request before it is closed.
    public var idleTimeout: Duration = .seconds(30)
    /// How long a response may take to be taken by a client that does not read; then the
    /// connection is dropped.
    public var writeTimeout: Duration = .seconds(10)
    /// Connections served at once; one more is answered 503 and closed.
    public var maxConnections = 256
    /// The stack of each connection's thread: small, so that hundreds of connections take little
    /// memory, yet ample for a handler that renders a page.
    public var threadStackBytes = 256 * 1024
    /// How long `stop()` waits for requests being handled to finish.
    public var stopGrace: Duration = .seconds(2)

    /// The limits above; change a field to override one.
    public init() {}
}

extension Duration {
    /// Whole milliseconds, rounded up and kept in range, for `poll`'s timeout.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        guard seconds < Int64.max / 1000 - 1 else { return Int64.max / 2 }
        return max(0, seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }
}
