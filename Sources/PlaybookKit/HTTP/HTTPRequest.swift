/// The version of a request: 1.0 or 1.1 (a later 1.x is read as 1.1, RFC 9112 §2.3).
public enum HTTPVersion: Sendable, Equatable {
    case http10
    case http11
}

/// The header fields of a message in the order received; names compare case-insensitively.
public struct HTTPHeaders: Sendable, Equatable {
    /// One field line: its name as sent, and its value without the surrounding spaces.
    public struct Field: Sendable, Equatable {
        /// The name as sent.
        public var name: String
        /// The value, without the spaces around it.
        public var value: String

        /// A field line.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every field line, in order.
    public var fields: [Field]

    /// Headers of these field lines.
    public init(_ fields: [Field] = []) { self.fields = fields }

    /// The value of the first field of that name, if any.
    public func first(_ name: String) -> String? {
        fields.first { Self.sameName($0.name, name) }?.value
    }

    /// The values of every field of that name, in order.
    public func values(_ name: String) -> [String] {
        fields.filter { Self.sameName($0.name, name) }.map(\.value)
    }

    /// Header names are ASCII tokens: compared without regard to case.
    static func sameName(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && ASCII.lowercased(a) == ASCII.lowercased(b)
    }
}

/// One request, read and checked by `HTTPParser`: what a handler is given.
public struct HTTPRequest: Sendable {
    /// The method as sent (`GET`, `POST`): methods are case-sensitive.
    public var method: String
    /// The request target exactly as sent, percent-encoding and query included.
    public var target: String
    /// The target's path, percent-decoded, without the query (`/deals/42`).
    public var path: String
    /// The query's parameters, decoded form style (`+` is a space); the last of a name wins.
    public var query: [String: String]
    /// HTTP/1.0 or HTTP/1.1.
    public var version: HTTPVersion
    /// The header fields, in order.
    public var headers: HTTPHeaders
    /// The body as sent (chunked bodies decoded).
    public var body: [UInt8]
    /// The fields of an `application/x-www-form-urlencoded` body (empty for any other body).
    public var form: [String: String]
    /// The cookies of the `Cookie` headers; the first of a name wins, as the most specific comes first.
    public var cookies: [String: String]
    /// Whether the client will send another request on the connection after this one.
    public var keepAlive: Bool
    /// The path as sent, still percent-encoded: what a redirect to the same page must carry.
    var rawPath: Substring
    /// The query as sent, without its `?`.
    var rawQuery: Substring?

    /// A request as the parser makes it: the path, query, form, cookies and `keepAlive` derived
    /// from the target, the headers and the body. Throws (with a 400) for a target or a form that
    /// does not decode. Handlers' tests build requests with it.
    public init(
        method: String, target: String, version: HTTPVersion = .http11, headers: HTTPHeaders = HTTPHeaders(),
        body: [UInt8] = []
    ) throws(HTTPFailure) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        let parts = try Self.split(target: target, method: method)
        if let authority = parts.authority {
            // RFC 9112 §3.2.2: the host of an absolute-form target replaces the Host header.
            self.headers.fields.removeAll { HTTPHeaders.sameName($0.name, "Host") }
            self.headers.fields.append(HTTPHeaders.Field(name: "Host", value: String(authority)))
        }
        rawPath = parts.path
        rawQuery = parts.query
        guard let decodedPath = URLEncoding.decodeText(parts.path.utf8, plusIsSpace: false) else {
            throw HTTPFailure(400, "the path is not valid percent-encoded UTF-8")
        }
        // A decoded path is handed to routes that may map it to files: no NUL, no way up.
        if decodedPath.utf8.contains(0) || decodedPath.split(separator: "/").contains("..") {
            throw HTTPFailure(400, "the path has a NUL or a '..' segment")
        }
        path = decodedPath
        guard let query = URLEncoding.form((parts.query ?? "").utf8) else {
            throw HTTPFailure(400, "the query is not valid percent-encoded UTF-8")
        }
        self.query = query
        form = [:]
        if let type = headers.first("Content-Type"), Self.mediaType(type) == "application/x-www-form-urlencoded" {
            guard let form = URLEncoding.form(body) else {
                throw HTTPFailure(400, "the form is not valid percent-encoded UTF-8")
            }
            self.form = form
        }
        cookies = [:]
        for (name, value) in Self.cookiePairs(headers.values("Cookie")) where cookies[name] == nil {
            cookies[name] = value
        }
        let connection = Self.tokens(headers.values("Connection"))
        switch version {
        case .http11: keepAlive = !connection.contains("close")
        // RFC 9112 §6.1: HTTP/1.0 with Transfer-Encoding has unreliable framing; close after it.
        case .http10:
            keepAlive = connection.contains("keep-alive") && headers.first("Transfer-Encoding") == nil
        }
    }

    /// The first value of the header of that name, whatever its case.
    public func header(_ name: String) -> String? { headers.first(name) }

    /// Every value of the header of that name, in order.
    public func headerValues(_ name: String) -> [String] { headers.values(name) }

    /// The path, the query and, for the absolute form, the authority of a target: origin form
    /// (`/a?b`), absolute form (`http://host/a?b`, RFC 9112 §3.2.2) or `*` for OPTIONS.
    static func split(target: String, method: String) throws(HTTPFailure)
        -> (path: Substring, query: Substring?, authority: Substring?)
    {
        if target == "*", method == "OPTIONS" { return ("*", nil, nil) }
        var rest = Substring(target)
        var authority: Substring?
        let lowercased = ASCII.lowercased(String(target.prefix(8)))
        if let scheme = ["http://", "https://"].first(where: lowercased.hasPrefix) {
            rest = rest.dropFirst(scheme.count)
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
            authority = rest[..<authorityEnd]
            rest = rest[authorityEnd...]
            if rest.first != "/" { rest = "/" + rest }
        }
        guard rest.first == "/" else { throw HTTPFailure(400, "the target must be a path starting with /") }
        guard let mark = rest.firstIndex(of: "?") else { return (rest, nil, authority) }
        return (rest[..<mark], rest[rest.index(after: mark)...], authority)
    }

    /// `text/html; charset=utf-8` → `text/html`.
    static func mediaType(_ value: String) -> String {
        ASCII.lowercased(String(value.prefix { $0 != ";" }).trimmingOWS())
    }

    /// The comma-separated tokens of list headers (`Connection: keep-alive, Upgrade`), lowercased.
    static func tokens(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { ASCII.lowercased(String($0).trimmingOWS()) }
            .filter { !$0.isEmpty }
    }

    /// `a=1; b="2"` from every `Cookie` header, in order; quotes around a value dropped (RFC 6265 §4.2.1).
    static func cookiePairs(_ values: [String]) -> [(String, String)] {
        values.flatMap { $0.split(separator: ";") }.compactMap { pair in
            guard let equals = pair.firstIndex(of: "=") else { return nil }
            let name = String(pair[..<equals]).trimmingOWS()
            var value = String(pair[pair.index(after: equals)...]).trimmingOWS()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast())
            }
            return name.isEmpty ? nil : (name, value)
        }
    }
}

/// Why a request is refused before any handler sees it: the status and a short sentence for the
/// client, sent as the plain-text body.
public struct HTTPFailure: Error, Sendable, Equatable {
    /// The status to answer (400, 413, ...).
    public var status: Int
    /// What was wrong, in one lowercase sentence.
    public var message: String

    /// A refusal with its status and sentence.
    public init(_ status: Int, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// ASCII-only case folding: header names, tokens and host names are ASCII, and Unicode folding
/// would let a non-ASCII letter match an ASCII one (the Kelvin sign folds to `k`).
enum ASCII {
    static func lowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}

extension String {
    /// Without the spaces and tabs around it (HTTP's optional whitespace).
    func trimmingOWS() -> String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
