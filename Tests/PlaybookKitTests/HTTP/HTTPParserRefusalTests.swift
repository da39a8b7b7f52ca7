import Testing

@testable import PlaybookKit

/// Each malformed or oversized request is refused with its status, and a body's framing is never
/// guessed at.
struct HTTPParserRefusalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: String
        let status: Int
        var testDescription: String { name }
    }

    static let host = "Host: h\r\n"

    static let cases: [Case] = [
        Case(name: "no Host in HTTP/1.1", bytes: "GET / HTTP/1.1\r\n\r\n", status: 400),
        Case(name: "two Host headers", bytes: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Case(name: "HTTP/0.9", bytes: "GET /\r\n\r\n", status: 400),
        Case(name: "HTTP/2 preface", bytes: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", status: 505),
        Case(name: "HTTP/3.0", bytes: "GET / HTTP/3.0\r\n\(host)\r\n", status: 505),
        Case(name: "two-digit minor version", bytes: "GET / HTTP/1.10\r\n\(host)\r\n", status: 400),
        Case(name: "lower-case version", bytes: "GET / http/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "no version digits", bytes: "GET / HTTP/x.y\r\n\(host)\r\n", status: 400),
        Case(name: "two spaces", bytes: "GET  / HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "space in target", bytes: "GET /a b HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "leading space", bytes: " GET / HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "method not a token", bytes: "GE(T / HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "control in target", bytes: "GET /a\u{1} HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "non-ASCII target", bytes: "GET /é HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "target not a path", bytes: "GET index.html HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "bare CR in request line", bytes: "GET /\r HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "bad percent in path", bytes: "GET /%zz HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "path not UTF-8", bytes: "GET /%FF HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "NUL in path", bytes: "GET /a%00b HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "dot-dot segment", bytes: "GET /a/%2E%2E/b HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "bad percent in query", bytes: "GET /?a=%4 HTTP/1.1\r\n\(host)\r\n", status: 400),
        Case(name: "space before colon", bytes: "GET / HTTP/1.1\r\nHost : h\r\n\r\n", status: 400),
        Case(name: "obs-fold", bytes: "GET / HTTP/1.1\r\n\(host)X-A: 1\r\n 2\r\n\r\n", status: 400),
        Case(name: "header name not a token", bytes: "GET / HTTP/1.1\r\n\(host)X<A>: 1\r\n\r\n", status: 400),
        Case(name: "empty header name", bytes: "GET / HTTP/1.1\r\n\(host): 1\r\n\r\n", status: 400),
        Case(name: "no colon", bytes: "GET / HTTP/1.1\r\n\(host)Nonsense\r\n\r\n", status: 400),
        Case(name: "NUL in value", bytes: "GET / HTTP/1.1\r\n\(host)X-A: a\u{0}b\r\n\r\n", status: 400),
        Case(name: "bare CR in value", bytes: "GET / HTTP/1.1\r\n\(host)X-A: a\rb\r\n\r\n", status: 400),
        Case(name: "Content-Length not digits", bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 1e3\r\n\r\n", status: 400),
        Case(name: "negative Content-Length", bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: -1\r\n\r\n", status: 400),
        Case(name: "empty Content-Length", bytes: "POST / HTTP/1.1\r\n\(host)Content-Length:\r\n\r\n", status: 400),
        Case(
            name: "Content-Length values differ",
            bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
        Case(name: "Content-Length list differs", bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 5, 6\r\n\r\nhello!", status: 400),
        Case(
            name: "Transfer-Encoding and Content-Length",
            bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "gzip coding", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip\r\n\r\n", status: 501),
        Case(name: "gzip then chunked", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
        Case(name: "chunked twice", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked, chunked\r\n\r\n", status: 400),
        Case(name: "empty Transfer-Encoding", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding:\r\n\r\n", status: 400),
        Case(name: "unknown expectation", bytes: "POST / HTTP/1.1\r\n\(host)Expect: 200-ok\r\n\r\n", status: 417),
        Case(name: "body over the limit", bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 129\r\n\r\n", status: 413),
        Case(
            name: "huge Content-Length",
            bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 99999999999999999999999\r\n\r\n", status: 413),
        Case(
            name: "Content-Length of Int.max",
            bytes: "POST / HTTP/1.1\r\n\(host)Content-Length: 9223372036854775807\r\n\r\n", status: 413),
        Case(name: "request line over the limit", bytes: "GET /\(String(repeating: "a", count: 64)) HTTP/1.1\r\n\(host)\r\n", status: 414),
        Case(name: "request line without end", bytes: "GET /\(String(repeating: "a", count: 80))", status: 414),
        Case(name: "header section over the limit", bytes: "GET / HTTP/1.1\r\n\(host)X: \(String(repeating: "v", count: 260))\r\n\r\n", status: 431),
        Case(name: "header section without end", bytes: "GET / HTTP/1.1\r\n\(host)X: \(String(repeating: "v", count: 260))", status: 431),
        Case(name: "too many headers", bytes: "GET / HTTP/1.1\r\n\(host)" + String(repeating: "A: 1\r\n", count: 8) + "\r\n", status: 431),
        // Chunked bodies.
        Case(name: "chunk size not hex", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400),
        Case(name: "negative chunk size", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n-1\r\n", status: 400),
        Case(name: "empty chunk size", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n\r\n", status: 400),
        Case(name: "junk after chunk size", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n5 x\r\n", status: 400),
        Case(
            name: "huge chunk size",
            bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFFFF\r\n", status: 413),
        Case(name: "chunk over the limit", bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n81\r\n", status: 413),
        Case(
            name: "chunks over the limit together",
            bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n40\r\n\(String(repeating: "x", count: 64))\r\n41\r\n",
            status: 413),
        Case(
            name: "chunk data without CRLF",
            bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n", status: 400),
        Case(
            name: "chunk size line without end",
            bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n1;\(String(repeating: "e", count: 5000))", status: 400),
        Case(
            name: "trailers over the limit",
            bytes: "POST / HTTP/1.1\r\n\(host)Transfer-Encoding: chunked\r\n\r\n0\r\nT: \(String(repeating: "t", count: 300))\r\n\r\n",
            status: 431),
    ]

    @Test(arguments: cases)
    func refused(_ refusal: Case) {
        let bytes = Array(refusal.bytes.utf8)
        #expect(HTTPParsing.failure(bytes, limits: HTTPParsing.small) == refusal.status)
        // The same, a byte at a time: the limits hold for a request still arriving.
        let events = HTTPParsing.events(bytes.map { [$0] }, limits: HTTPParsing.small)
        if case .failure(let status, let message) = events.last {
            #expect(status == refusal.status)
            #expect(!message.isEmpty)
        } else {
            Issue.record("not refused when fed a byte at a time: \(events)")
        }
    }

    /// A refusal is final: the stream cannot be read past it, so every later call repeats it.
    @Test func failureIsSticky() {
        var parser = HTTPParser()
        parser.feed(Array("BAD\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        for _ in 0..<2 {
            guard case .failure(400, _) = parser.next() else {
                Issue.record("not refused")
                return
            }
        }
    }

    /// Equal Content-Length values, repeated or listed, are one length.
    @Test func equalContentLengthsAreAccepted() {
        let body = "POST / HTTP/1.1\r\n\(Self.host)Content-Length: 005\r\nContent-Length: 5, 5\r\n\r\nhello"
        #expect(HTTPParsing.requests(body).first?.body == Array("hello".utf8))
    }

    /// Limits exactly reached are still accepted.
    @Test func limitsAreInclusive() {
        let limits = HTTPParsing.small
        let target = "/" + String(repeating: "a", count: limits.requestLineBytes - "GET  HTTP/1.1".count - 1)
        #expect(HTTPParsing.requests("GET \(target) HTTP/1.1\r\n\(Self.host)\r\n", limits: limits).count == 1)
        let body = String(repeating: "b", count: limits.bodyBytes)
        #expect(HTTPParsing.requests("POST / HTTP/1.1\r\n\(Self.host)Content-Length: \(body.count)\r\n\r\n\(body)", limits: limits).count == 1)
        let chunked = "POST / HTTP/1.1\r\n\(Self.host)Transfer-Encoding: chunked\r\n\r\n80\r\n\(body)\r\n0\r\n\r\n"
        #expect(HTTPParsing.requests(chunked, limits: limits).first?.body.count == limits.bodyBytes)
        let headers = "GET / HTTP/1.1\r\n\(Self.host)" + String(repeating: "A: 1\r\n", count: limits.headerCount - 1) + "\r\n"
        #expect(HTTPParsing.requests(headers, limits: limits).count == 1)
    }
}
