/// The security checks in front of the local web app's handler. A page on any site the user
/// visits can make the browser send requests to `127.0.0.1`; the gate refuses them:
///
/// 1. the `Host` must be one of this server's names with its port, which defeats DNS rebinding
///    (a hostile name pointed at 127.0.0.1 still sends its own name as the Host);
/// 2. a secret token, printed by `playbook serve` in the address it gives, must come with the
///    request: once in the query (`?token=`), which is traded for a session cookie, then in that
///    `HttpOnly`, `SameSite=Strict` cookie, which other sites' pages never send;
/// 3. a POST must come from a page of this server (`Origin`, or `Sec-Fetch-Site: same-origin`
///    from a browser that sends no Origin), which stops cross-site form posts;
/// 4. every response carries headers that keep it from being framed, sniffed or cached.
///
/// Pure logic: it looks at a request and returns a response, with no socket.
public struct HTTPGate: Sendable {
    /// The name of the cookie that carries the token.
    public static let cookieName = "playbook_token"
    /// What the 403 for a request without the token says.
    public static let missingToken = "open the address playbook serve printed (it has the token in it)"
    /// The methods served; any other is a 405.
    public static let methods = ["GET", "HEAD", "POST"]

    /// The secret a request must carry.
    public let token: String
    /// The `Host` values accepted, lowercased: each allowed name with the port.
    public let allowedHosts: Set<String>

    /// A gate for a server on `port`, reached as `127.0.0.1`, `localhost` or `[::1]`, and as
    /// `host` (the `--host` it listens on) if given.
    public init(token: String, port: UInt16, host: String? = nil) {
        self.token = token
        var names = ["127.0.0.1", "localhost", "[::1]"]
        if let host, !host.isEmpty {
            // An IPv6 address is written in brackets in a Host header (RFC 3986 §3.2.2).
            names.append(host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host)
        }
        var allowed = Set(names.map { ASCII.lowercased($0) + ":\(port)" })
        // A browser leaves out the port it would assume.
        if port == 80 { allowed.formUnion(names.map(ASCII.lowercased)) }
        allowedHosts = allowed
    }

    /// The refusal of a request, or nil to let it through to the handler.
    public func check(_ request: HTTPRequest) -> HTTPResponse? {
        guard let host = request.header("Host").map(ASCII.lowercased), allowedHosts.contains(host) else {
            return Self.refusal(403, "unexpected Host header")
        }
        guard Self.methods.contains(request.method) else {
            var refusal = Self.refusal(405, "the method \(request.method.prefix(40)) is not allowed")
            refusal.headers.append(("Allow", Self.methods.joined(separator: ", ")))
            return refusal
        }
        if let offered = request.query["token"], Self.sameSecret(offered, token) {
            var redirect = HTTPResponse.redirect(to: Self.withoutToken(request))
            // A session cookie (no Max-Age): it goes when the browser closes, like the server's token.
            redirect.headers.append(("Set-Cookie", "\(Self.cookieName)=\(token); HttpOnly; SameSite=Strict; Path=/"))
            return redirect
        }
        // Every cookie of the name is tried: another program on localhost (cookies ignore the
        // port) may have set one of its own.
        let cookies = HTTPRequest.cookiePairs(request.headerValues("Cookie")).filter { $0.0 == Self.cookieName }
        guard cookies.contains(where: { Self.sameSecret($0.1, token) }) else {
            return Self.refusal(403, Self.missingToken)
        }
        if request.method != "GET", request.method != "HEAD" {
            let sameOrigin: Bool
            if let origin = request.header("Origin") {
                sameOrigin = ASCII.lowercased(origin) == "http://" + host
            } else {
                sameOrigin = request.header("Sec-Fetch-Site").map(ASCII.lowercased) == "same-origin"
            }
            guard sameOrigin else { return Self.refusal(403, "cross-site request refused") }
        }
        return nil
    }

    /// The response with the security headers: a strict Content-Security-Policy (only this
    /// server's styles, scripts and pictures; forms post here; no framing), no sniffing, the
    /// referrer only to this server (`no-referrer` would make a browser send `Origin: null` with
    /// its own forms, which the Origin check must refuse), no framing for old browsers, no
    /// caching unless the handler chose a `Cache-Control`, and a browsing context of its own.
    public func decorate(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        for (name, value) in Self.securityHeaders { response.setHeader(name, value) }
        if response.header("Cache-Control") == nil { response.headers.append(("Cache-Control", "no-store")) }
        return response
    }

    /// The handler behind the gate: checked, then decorated.
    public func guarding(_ handler: @escaping HTTPServer.Handler) -> HTTPServer.Handler {
        { request in decorate(check(request) ?? handler(request)) }
    }

    /// A new secret: 32 bytes from the system's random source (`getrandom(2)` on Linux, which
    /// `SystemRandomNumberGenerator` calls), as 64 hex digits.
    public static func newToken() -> String {
        var random = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = String(random.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - word.count) + word
        }.joined()
    }

    /// Nothing but this server's own styles, scripts and pictures (and `data:` pictures), forms
    /// posted here only, no framing, no `<base>` to redirect relative links.
    public static let contentSecurityPolicy = [
        "default-src 'none'", "style-src 'self'", "script-src 'self'", "img-src 'self' data:", "form-action 'self'",
        "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    static let securityHeaders = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]

    static func refusal(_ status: Int, _ message: String) -> HTTPResponse {
        HTTPResponse.text(message + "\n", status: status)
    }

    /// Whether two secrets are equal, in a time that depends on their lengths only, so that the
    /// time of a refusal tells nothing of how much of a guess was right. An empty secret matches
    /// nothing.
    static func sameSecret(_ offered: String, _ secret: String) -> Bool {
        let (a, b) = (Array(offered.utf8), Array(secret.utf8))
        var difference: UInt8 = a.count == b.count && !b.isEmpty ? 0 : 1
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }

    /// The request's own address without its `token` parameter; the path is made to start with
    /// one `/` so that the redirect cannot point at another site (`//evil.example/`).
    static func withoutToken(_ request: HTTPRequest) -> String {
        let kept = (request.rawQuery ?? "").split(separator: "&").filter { pair in
            URLEncoding.decodeText(pair.prefix { $0 != "=" }.utf8, plusIsSpace: true) != "token"
        }
        let path = "/" + request.rawPath.drop { $0 == "/" || $0 == "\\" }
        return kept.isEmpty ? path : path + "?" + kept.joined(separator: "&")
    }
}
