import Testing

@testable import PlaybookKit

/// The parts of messages: URL and form decoding, what a request derives from its head, and a
/// response as bytes on the connection.
struct HTTPMessageTests {
    @Test func percentDecoding() {
        #expect(URLEncoding.decodeText("a%20b+c%2b%2F".utf8, plusIsSpace: false) == "a b+c+/")
        #expect(URLEncoding.decodeText("a%20b+c".utf8, plusIsSpace: true) == "a b c")
        #expect(URLEncoding.decodeText("%E5%AE%A2%E6%88%B7".utf8, plusIsSpace: false) == "客户")
        for bad in ["%", "%4", "%G0", "a%x"] { #expect(URLEncoding.decode(bad.utf8, plusIsSpace: false) == nil, "\(bad)") }
        #expect(URLEncoding.decodeText("%C3".utf8, plusIsSpace: false) == nil)
    }

    @Test func formPairs() {
        #expect(URLEncoding.form("a=1&b=&c&&a=2&d=x%3Dy".utf8) == ["a": "2", "b": "", "c": "", "d": "x=y"])
        #expect(URLEncoding.form("".utf8) == [:])
        #expect(URLEncoding.form("a=%FF".utf8) == nil)
    }

    @Test func encodingRoundTrips() {
        for text in ["plain", "a b&c=d/e?f#g%h+i", "客户今年有预算吗？", "ลูกค้า", "\u{0}\n"] {
            let encoded = URLEncoding.encode(text)
            #expect(encoded.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: " ") })
            #expect(URLEncoding.decodeText(encoded.utf8, plusIsSpace: true) == text)
        }
        #expect(URLEncoding.encode("a b~") == "a%20b~")
    }

    /// A handler's tests build requests directly, with everything derived as the parser does.
    @Test func requestBuiltDirectly() throws {
        let headers = HTTPHeaders([
            .init(name: "Cookie", value: "playbook_token=t; theme=\"dark\"; bad"),
            .init(name: "content-type", value: "Application/X-WWW-Form-URLEncoded"),
        ])
        let request = try HTTPRequest(method: "POST", target: "/a%2Fb?x", headers: headers, body: Array("n=%E2%9C%93".utf8))
        #expect(request.path == "/a/b")
        #expect(request.query == ["x": ""])
        #expect(request.cookies == ["playbook_token": "t", "theme": "dark"])
        #expect(request.form == ["n": "✓"])
        #expect(throws: HTTPFailure.self) { try HTTPRequest(method: "GET", target: "/%") }
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func responseHelpers() {
        #expect(HTTPResponse.html("<p>").header("content-type") == "text/html; charset=utf-8")
        #expect(HTTPResponse.text("x", status: 404).status == 404)
        let redirect = HTTPResponse.redirect(to: "/next")
        #expect(redirect.status == 303)
        #expect(redirect.header("Location") == "/next")
        #expect(HTTPResponse.bytes([1, 2], contentType: "image/png").body == [1, 2])
        #expect(HTTPResponse.reason(431) == "Request Header Fields Too Large")
        #expect(HTTPResponse.reason(299) == "")
        var response = HTTPResponse.text("x")
        response.setHeader("CONTENT-TYPE", "text/css")
        #expect(response.headers.count == 1)
        #expect(response.header("Content-Type") == "text/css")
    }

    @Test func responseOnTheWire() {
        let response = HTTPResponse(status: 200, headers: [("X-A", "1\r\nSet-Cookie: evil"), ("Content-Length", "99"), ("Bad Name", "v")], body: Array("hello".utf8))
        #expect(Self.text(response.wire(headOnly: false, closing: false, keepAliveHeader: false))
            == "HTTP/1.1 200 OK\r\nX-A: 1  Set-Cookie: evil\r\nContent-Length: 5\r\n\r\nhello")
        // HEAD: the length of the body that GET would send, and no body.
        #expect(Self.text(response.wire(headOnly: true, closing: true, keepAliveHeader: false)).hasSuffix("Content-Length: 5\r\nConnection: close\r\n\r\n"))
        #expect(Self.text(HTTPResponse.text("").wire(headOnly: false, closing: false, keepAliveHeader: true)).contains("Connection: keep-alive\r\n"))
        #expect(Self.text(HTTPResponse(status: 204, body: [1]).wire(headOnly: false, closing: false, keepAliveHeader: false)) == "HTTP/1.1 204 No Content\r\n\r\n")
        #expect(Self.text(HTTPResponse(status: 42).wire(headOnly: false, closing: false, keepAliveHeader: false)).hasPrefix("HTTP/1.1 500 "))
        #expect(HTTPResponse(headers: [("connection", "Close")]).asksToClose)
    }
}
