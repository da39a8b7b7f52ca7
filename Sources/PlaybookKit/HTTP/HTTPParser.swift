/// Reads HTTP/1.1 requests (RFC 9112) from the bytes of a connection as they arrive: fed any
/// split of the stream, it gives back the same requests, in order, and refuses a malformed or
/// oversized one with the status to answer. It never traps on any bytes.
public struct HTTPParser: Sendable {
    /// What the bytes fed so far make.
    public enum Event: Sendable {
        /// A whole request; call `next()` again for one pipelined behind it.
        case request(HTTPRequest)
        /// The bytes so far end inside a request, or there are none.
        case needMore
        /// The head asked `Expect: 100-continue` and the client waits: send
        /// `HTTP/1.1 100 Continue`, then feed the body.
        case sendContinue
        /// The request is refused: answer the status with the message and close the connection
        /// (the stream cannot be read further). Every later call returns the same failure.
        case failure(status: Int, message: String)
    }

    /// Where the reader is, for the server's deadlines.
    public enum Phase: Sendable, Equatable {
        /// Between requests, nothing buffered.
        case idle
        /// Inside a request's head.
        case head
        /// The head is read; the body is not yet whole.
        case body
    }

    /// The limits it refuses requests beyond.
    public let limits: HTTPLimits
    var buffer: [UInt8] = []
    /// The first byte not yet consumed; bytes before it are dropped on the next feed.
    var start = 0
    var scan = HeadScan()
    var pending: PendingBody?
    var failed: HTTPFailure?

    /// How far the search for the end of the head has gone, as offsets from `start`, so that a
    /// head fed a byte at a time is still scanned once.
    struct HeadScan {
        var next = 0
        var lastLineFeed: Int?
        var requestLineEnd: Int?
    }

    /// A request whose head is read, waiting for its body.
    struct PendingBody {
        var method: String
        var target: String
        var version: HTTPVersion
        var headers: HTTPHeaders
        var framing: Framing
        var body: [UInt8] = []
        var continueDue: Bool
        /// Within the current chunk line or trailer line: bytes from `start` searched for its end.
        var lineScan = 0
    }

    enum Framing {
        case length(Int)
        case chunked(ChunkState)
    }

    enum ChunkState {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailer(bytes: Int)
    }

    /// A parser at the start of a connection.
    public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    /// Adds bytes read from the connection.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        // Consumed bytes are dropped once they are at least half the buffer: amortized linear.
        if start > 0, start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next request, or what is missing for it.
    public mutating func next() -> Event {
        if let failed { return .failure(status: failed.status, message: failed.message) }
        do throws(HTTPFailure) {
            if pending == nil {
                guard let head = try scanHead() else { return .needMore }
                pending = try Self.frame(head, limits: limits)
            }
            guard var body = pending else { return .needMore }
            if body.continueDue {
                pending?.continueDue = false
                // Sent only while the client waits: one that sent the body anyway needs none.
                if start == buffer.count { return .sendContinue }
            }
            pending = nil
            guard try readBody(&body) else {
                pending = body
                return .needMore
            }
            let request = try HTTPRequest(
                method: body.method, target: body.target, version: body.version, headers: body.headers, body: body.body)
            return .request(request)
        } catch {
            failed = error
            return .failure(status: error.status, message: error.message)
        }
    }

    /// Where the reader is: between requests, in a head or in a body.
    public var phase: Phase {
        if pending != nil { return .body }
        return start < buffer.count || failed != nil ? .head : .idle
    }

    /// The head, once its blank line has arrived; nil until then. Enforces the line and header
    /// section limits on a head still arriving, so a client cannot grow the buffer past them.
    mutating func scanHead() throws(HTTPFailure) -> Head? {
        if scan.next == 0 {
            // RFC 9112 §2.2: empty lines before a request line (after a body's extra CRLF) are skipped.
            while start < buffer.count {
                if buffer[start] == Self.lineFeed {
                    start += 1
                } else if buffer[start] == Self.carriageReturn {
                    // A CR last may be the start of a CRLF to skip: wait for the next byte.
                    guard start + 1 < buffer.count else { return nil }
                    guard buffer[start + 1] == Self.lineFeed else { break }
                    start += 2
                } else {
                    break
                }
            }
        }
        var index = start + scan.next
        while index < buffer.count {
            defer { index += 1 }
            guard buffer[index] == Self.lineFeed else { continue }
            let offset = index - start
            guard let last = scan.lastLineFeed, let lineEnd = scan.requestLineEnd else {
                let length = offset - (offset > 0 && buffer[index - 1] == Self.carriageReturn ? 1 : 0)
                if length > limits.requestLineBytes { throw Self.uriTooLong }
                scan.requestLineEnd = offset
                scan.lastLineFeed = offset
                continue
            }
            let lineLength = offset - last - 1
            if lineLength == 0 || (lineLength == 1 && buffer[index - 1] == Self.carriageReturn) {
                if offset - lineEnd > limits.headerSectionBytes { throw Self.headersTooLarge }
                let head = try parseHead(lineEnd: start + lineEnd, end: index + 1)
                start = index + 1
                scan = HeadScan()
                return head
            }
            scan.lastLineFeed = offset
        }
        scan.next = buffer.count - start
        if let lineEnd = scan.requestLineEnd {
            if scan.next - lineEnd - 1 > limits.headerSectionBytes { throw Self.headersTooLarge }
        } else if scan.next > limits.requestLineBytes + 1 {
            throw Self.uriTooLong
        }
        return nil
    }

    static let uriTooLong = HTTPFailure(414, "the request line is too long")
    static let headersTooLarge = HTTPFailure(431, "the request headers are too large")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// A token (RFC 9110 §5.6.2): a method, a header name. Letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isToken(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }
}
