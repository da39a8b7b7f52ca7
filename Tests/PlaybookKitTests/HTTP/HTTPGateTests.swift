import Testing

@testable import PlaybookKit

/// Each check of the gate refuses with its status, lets the right request through, and the
/// security headers are on every response.
struct HTTPGateTests {
    static let token = String(repeating: "ab", count: 32)
    static let gate = HTTPGate(token: token, port: 8080)
    static let cookie = "playbook_token=\(token)"

    static func request(
        _ method: String = "GET", _ target: String = "/", host: String? = "127.0.0.1:8080", cookie: String? = cookie,
        _ extra: [(String, String)] = []
    ) throws -> HTTPRequest {
        var fields = extra.map { HTTPHeaders.Field(name: $0.0, value: $0.1) }
        if let host { fields.append(.init(name: "Host", value: host)) }
        if let cookie { fields.append(.init(name: "Cookie", value: cookie)) }
        return try HTTPRequest(method: method, target: target, headers: HTTPHeaders(fields))
    }

    static func body(_ response: HTTPResponse?) -> String { String(decoding: response?.body ?? [], as: UTF8.self) }

    @Test func rightRequestPasses() throws {
        #expect(Self.gate.check(try Self.request()) == nil)
        #expect(Self.gate.check(try Self.request("HEAD", "/deals")) == nil)
    }

    @Test(arguments: ["127.0.0.1:8080", "localhost:8080", "LOCALHOST:8080", "[::1]:8080"])
    func allowedHostsPass(_ host: String) throws {
        #expect(Self.gate.check(try Self.request(host: host)) == nil)
    }

    /// DNS rebinding: a hostile name pointed at 127.0.0.1 sends its own name.
    @Test(arguments: [nil, "evil.example:8080", "127.0.0.1", "127.0.0.1:8081", "localhost.evil.example:8080", "127.0.0.1:8080.evil"])
    func otherHostIsRefused(_ host: String?) throws {
        let refusal = Self.gate.check(try Self.request(host: host))
        #expect(refusal?.status == 403)
        #expect(Self.body(refusal) == "unexpected Host header\n")
    }

    @Test func hostGivenToServeIsAllowed() throws {
        let lan = HTTPGate(token: Self.token, port: 8080, host: "192.168.1.5")
        #expect(lan.check(try Self.request(host: "192.168.1.5:8080")) == nil)
        let v6 = HTTPGate(token: Self.token, port: 8080, host: "::1")
        #expect(v6.allowedHosts.contains("[::1]:8080"))
        #expect(Self.gate.check(try Self.request(host: "192.168.1.5:8080"))?.status == 403)
    }

    @Test(arguments: ["PUT", "DELETE", "OPTIONS", "PATCH", "get"])
    func otherMethodsAre405(_ method: String) throws {
        let refusal = Self.gate.check(try Self.request(method))
        #expect(refusal?.status == 405)
        #expect(refusal?.header("Allow") == "GET, HEAD, POST")
    }

    @Test(arguments: [nil, "playbook_token=wrong", "playbook_token=\(token)0", "playbook_token=", "other=\(token)"])
    func missingOrWrongTokenIsRefused(_ cookie: String?) throws {
        let refusal = Self.gate.check(try Self.request(cookie: cookie))
        #expect(refusal?.status == 403)
        #expect(Self.body(refusal).contains("open the address playbook serve printed (it has the token in it)"))
    }

    /// The token in the address is traded for a session cookie and taken out of the address.
    @Test func tokenInQueryIsTradedForACookie() throws {
        let redirect = try #require(Self.gate.check(try Self.request("GET", "/deals/acme%20co?a=1&token=\(Self.token)&b=2", cookie: nil)))
        #expect(redirect.status == 303)
        #expect(redirect.header("Location") == "/deals/acme%20co?a=1&b=2")
        let cookie = try #require(redirect.header("Set-Cookie"))
        #expect(cookie == "playbook_token=\(Self.token); HttpOnly; SameSite=Strict; Path=/")
        #expect(!cookie.contains("Max-Age") && !cookie.contains("Expires"))
        let bare = Self.gate.check(try Self.request("GET", "/?token=\(Self.token)", cookie: nil))
        #expect(bare?.header("Location") == "/")
        #expect(Self.gate.check(try Self.request("GET", "/?token=nope", cookie: nil))?.status == 403)
    }

    /// `//evil.example/?token=…` must not redirect to another site.
    @Test func redirectStaysOnThisServer() throws {
        for target in ["//evil.example/x?token=\(Self.token)", "/\\evil.example?token=\(Self.token)"] {
            let location = Self.gate.check(try Self.request("GET", target, cookie: nil))?.header("Location")
            #expect(location?.hasPrefix("/") == true)
            #expect(location?.dropFirst().first != "/" && location?.dropFirst().first != "\\", "\(location ?? "")")
        }
    }

    /// Another program on localhost may have set a cookie of the same name (cookies ignore the port).
    @Test func anyCookieOfTheNameMayCarryTheToken() throws {
        #expect(Self.gate.check(try Self.request(cookie: "playbook_token=stale; playbook_token=\(Self.token)")) == nil)
    }

    @Test func postNeedsItsOwnOrigin() throws {
        let refusals: [[(String, String)]] = [
            [],
            [("Origin", "http://evil.example")],
            [("Origin", "null")],
            [("Origin", "http://localhost:8080")],  // another of the names: not the page's own origin
            [("Origin", "https://127.0.0.1:8080")],
            [("Sec-Fetch-Site", "cross-site")],
            [("Sec-Fetch-Site", "same-site")],
            [("Origin", "http://evil.example"), ("Sec-Fetch-Site", "same-origin")],
        ]
        for headers in refusals {
            let refusal = Self.gate.check(try Self.request("POST", "/answer", headers))
            #expect(refusal?.status == 403, "\(headers)")
            #expect(Self.body(refusal) == "cross-site request refused\n")
        }
        #expect(Self.gate.check(try Self.request("POST", "/answer", [("Origin", "http://127.0.0.1:8080")])) == nil)
        #expect(Self.gate.check(try Self.request("POST", "/answer", host: "LocalHost:8080", [("Origin", "http://localhost:8080")])) == nil)
        #expect(Self.gate.check(try Self.request("POST", "/answer", [("Sec-Fetch-Site", "same-origin")])) == nil)
    }

    @Test func decorateAddsTheSecurityHeaders() {
        let page = Self.gate.decorate(HTTPResponse(headers: [("Content-Security-Policy", "default-src *"), ("X-Frame-Options", "ALLOW")]))
        #expect(page.header("Content-Security-Policy")
            == "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        #expect(page.header("X-Content-Type-Options") == "nosniff")
        #expect(page.header("Referrer-Policy") == "same-origin")
        #expect(page.header("X-Frame-Options") == "DENY")
        #expect(page.header("Cross-Origin-Opener-Policy") == "same-origin")
        #expect(page.header("Cache-Control") == "no-store")
        #expect(page.headers.count { $0.0 == "X-Frame-Options" || $0.0 == "Content-Security-Policy" } == 2)
        let cached = Self.gate.decorate(HTTPResponse(headers: [("cache-control", "max-age=3600")]))
        #expect(cached.header("Cache-Control") == "max-age=3600")
    }

    @Test func guardingChecksThenDecorates() throws {
        let handler = Self.gate.guarding { _ in .text("inside") }
        let inside = handler(try Self.request())
        #expect(Self.body(inside) == "inside")
        #expect(inside.header("X-Frame-Options") == "DENY")
        let refused = handler(try Self.request(cookie: nil))
        #expect(refused.status == 403)
        #expect(refused.header("Content-Security-Policy") != nil)
    }

    @Test func newTokensAreLongAndDiffer() {
        let tokens = (0..<8).map { _ in HTTPGate.newToken() }
        #expect(Set(tokens).count == tokens.count)
        for token in tokens {
            #expect(token.count == 64)
            #expect(token.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test func secretsCompare() {
        #expect(HTTPGate.sameSecret("abc", "abc"))
        #expect(!HTTPGate.sameSecret("abd", "abc"))
        #expect(!HTTPGate.sameSecret("ab", "abc"))
        #expect(!HTTPGate.sameSecret("abcd", "abc"))
        #expect(!HTTPGate.sameSecret("", ""))
    }

    /// Over a socket, as a browser goes: the printed address, the redirect with its cookie, then
    /// the page with the cookie and the headers.
    @Test func gateInFrontOfAServer() throws {
        let token = HTTPGate.newToken()
        let server = try HTTPServer(host: "127.0.0.1", port: 0) { port in
            HTTPGate(token: token, port: port).guarding { request in .html("<p>\(request.path)</p>") }
        }
        try server.start()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        try client.send("GET /deals?token=\(token) HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\n\r\n")
        let redirect = try #require(client.response())
        #expect(redirect.status == 303)
        #expect(redirect.headers["location"] == "/deals")
        let cookie = try #require(redirect.headers["set-cookie"]?.split(separator: ";").first)
        try client.send("GET /deals HTTP/1.1\r\nHost: 127.0.0.1:\(server.port)\r\nCookie: \(cookie)\r\n\r\n")
        let page = try #require(client.response())
        #expect(page.status == 200)
        #expect(page.body == "<p>/deals</p>")
        #expect(page.headers["x-frame-options"] == "DENY")
        try client.send("GET /deals HTTP/1.1\r\nHost: evil.example:\(server.port)\r\nCookie: \(cookie)\r\n\r\n")
        #expect(client.response()?.status == 403)
    }
}
