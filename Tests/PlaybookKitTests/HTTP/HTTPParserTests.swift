import Testing

@testable import PlaybookKit

/// Requests read right: the parts of a request, pipelining, and the same requests whatever the
/// split of the bytes.
struct HTTPParserTests {
    @Test func getHasItsParts() throws {
        let requests = HTTPParsing.requests(
            "GET /deals/acme%20corp?stage=2&name=a+b%2Bc&stage=3 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                + "X-Thing:  spaced value \t\r\nCookie: a=1; playbook_token=\"abc\"\r\nCookie: a=2\r\n\r\n")
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.target == "/deals/acme%20corp?stage=2&name=a+b%2Bc&stage=3")
        #expect(request.path == "/deals/acme corp")
        #expect(request.query == ["stage": "3", "name": "a b+c"])
        #expect(request.version == .http11)
        #expect(request.header("host") == "127.0.0.1:8080")
        #expect(request.header("X-THING") == "spaced value")
        #expect(request.headerValues("cookie") == ["a=1; playbook_token=\"abc\"", "a=2"])
        #expect(request.cookies == ["a": "1", "playbook_token": "abc"])
        #expect(request.body.isEmpty)
        #expect(request.form.isEmpty)
        #expect(request.keepAlive)
    }

    @Test func postFormIsDecoded() throws {
        let body = "deal=Acme+%C3%A9tude&note=50%25+off&empty=&flag"
        let request = try #require(HTTPParsing.requests(
            "POST /answer HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").first)
        #expect(request.body == Array(body.utf8))
        #expect(request.form == ["deal": "Acme étude", "note": "50% off", "empty": "", "flag": ""])
    }

    @Test func formThatIsNotUTF8IsRefused() {
        let request = "POST / HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 6\r\n\r\n"
        #expect(HTTPParsing.failure(request + "a=%FF1") == 400)
        #expect(HTTPParsing.failure(request + "a=%G12") == 400)
        // Another media type is not read as a form, whatever its bytes.
        let other = "POST / HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 6\r\n\r\na=%FF1"
        #expect(HTTPParsing.requests(other).first?.form == [:])
    }

    @Test func pipelinedRequestsComeInOrder() {
        let text = "GET /one HTTP/1.1\r\nHost: h\r\n\r\nPOST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
            + "GET /three HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n"
        let requests = HTTPParsing.requests(text)
        #expect(requests.map(\.path) == ["/one", "/two", "/three"])
        #expect(requests.map(\.body) == [[], Array("abc".utf8), []])
        #expect(requests.map(\.keepAlive) == [true, true, false])
    }

    static let messages = [
        "GET /a?b=c HTTP/1.1\r\nHost: h\r\nAccept: */*\r\n\r\n",
        "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
        "POST /chunks HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nTrailer: x\r\n\r\n",
        "\r\nGET /bare HTTP/1.0\nConnection: keep-alive\n\n",
        "POST /expect HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
    ]

    /// One byte at a time, or cut in two at any point, the bytes make the same requests.
    @Test func anySplitGivesTheSameRequests() {
        let bytes = Array(Self.messages.joined().utf8)
        let whole = HTTPParsing.parsed([bytes])
        #expect(whole.count == Self.messages.count)
        #expect(!whole.contains { if case .failure = $0 { true } else { false } })
        #expect(HTTPParsing.parsed(bytes.map { [$0] }) == whole)
        for cut in 0...bytes.count {
            #expect(HTTPParsing.parsed([Array(bytes[..<cut]), Array(bytes[cut...])]) == whole, "cut at \(cut)")
        }
    }

    @Test func chunkedBodyIsDecoded() throws {
        let request = try #require(HTTPParsing.requests(Self.messages[2]).first)
        #expect(request.body == Array("Wikipedia".utf8))
        // Bare line feeds, an extension with spaces before it, upper-case hex, no trailer.
        let bare = "POST / HTTP/1.1\nHost: h\nTransfer-Encoding: Chunked\n\nA ;x\n0123456789\n0\n\n"
        #expect(HTTPParsing.requests(bare).first?.body == Array("0123456789".utf8))
    }

    @Test func bareLineFeedsAndLeadingEmptyLinesAreAccepted() throws {
        let request = try #require(HTTPParsing.requests("\r\n\nGET /x HTTP/1.1\nHost: h\n\n").first)
        #expect(request.path == "/x")
    }

    @Test func keepAliveFollowsVersionAndConnection() {
        func keepAlive(_ head: String) -> Bool? { HTTPParsing.requests(head + "\r\n").first?.keepAlive }
        #expect(keepAlive("GET / HTTP/1.1\r\nHost: h\r\n") == true)
        #expect(keepAlive("GET / HTTP/1.1\r\nHost: h\r\nConnection: Upgrade, Close\r\n") == false)
        #expect(keepAlive("GET / HTTP/1.0\r\n") == false)
        #expect(keepAlive("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n") == true)
        // A later 1.x is served as 1.1 (RFC 9112 §2.3).
        #expect(HTTPParsing.requests("GET / HTTP/1.2\r\nHost: h\r\n\r\n").first?.version == .http11)
    }

    /// The client waiting for the interim 100 is told to go on; one that sent the body anyway is not.
    @Test func expectContinueAsksForTheInterimResponse() {
        let head = Array("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n".utf8)
        let waiting = HTTPParsing.events([head, Array("ok".utf8)])
        #expect(waiting.count == 2)
        if case .sendContinue = waiting.first {} else { Issue.record("expected .sendContinue first, got \(waiting)") }
        if case .request(let request) = waiting.last { #expect(request.body == Array("ok".utf8)) } else { Issue.record("no request") }
        let eager = HTTPParsing.events([head + Array("ok".utf8)])
        #expect(eager.count == 1)
        // Without a body there is nothing to wait for; HTTP/1.0 ignores the expectation.
        #expect(HTTPParsing.events([Array("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n".utf8)]).count == 1)
        #expect(HTTPParsing.events([Array("POST / HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\n".utf8), [0x41]]).count == 1)
    }

    @Test func absoluteFormTargetGivesItsHost() throws {
        let request = try #require(HTTPParsing.requests("GET http://127.0.0.1:9/p?q=1 HTTP/1.1\r\nHost: evil.example\r\n\r\n").first)
        #expect(request.path == "/p")
        #expect(request.query == ["q": "1"])
        #expect(request.headerValues("Host") == ["127.0.0.1:9"])
    }

    @Test func phaseFollowsTheRequest() {
        var parser = HTTPParser()
        #expect(parser.phase == .idle)
        parser.feed(Array("POST / HTTP/1.1\r\nHost: h\r\n".utf8))
        _ = parser.next()
        #expect(parser.phase == .head)
        parser.feed(Array("Content-Length: 3\r\n\r\na".utf8))
        _ = parser.next()
        #expect(parser.phase == .body)
        parser.feed(Array("bc".utf8))
        if case .request = parser.next() {} else { Issue.record("no request") }
        #expect(parser.phase == .idle)
    }
}
