/// The request line and the header fields: their syntax (RFC 9112 §3, §5) and the framing of the
/// body they announce (§6).
extension HTTPParser {
    /// A head read and checked, before its body.
    struct Head {
        var method: String
        var target: String
        var version: HTTPVersion
        var headers: HTTPHeaders
    }

    /// The head in `buffer[start..<end]`, its request line ending with the line feed at `lineEnd`.
    func parseHead(lineEnd: Int, end: Int) throws(HTTPFailure) -> Head {
        var line = buffer[start..<lineEnd]
        if line.last == Self.carriageReturn { line = line.dropLast() }
        let (method, target, version) = try Self.requestLine(line)
        var fields: [HTTPHeaders.Field] = []
        var lineStart = lineEnd + 1
        while lineStart < end, let feed = buffer[lineStart..<end].firstIndex(of: Self.lineFeed) {
            var field = buffer[lineStart..<feed]
            lineStart = feed + 1
            if field.last == Self.carriageReturn { field = field.dropLast() }
            if field.isEmpty { break }
            fields.append(try Self.field(field))
            if fields.count > limits.headerCount { throw HTTPFailure(431, "too many request headers") }
        }
        return Head(method: method, target: target, version: version, headers: HTTPHeaders(fields))
    }

    /// `METHOD SP target SP HTTP/1.x`, each part checked.
    static func requestLine(_ line: ArraySlice<UInt8>) throws(HTTPFailure) -> (String, String, HTTPVersion) {
        if line.contains(carriageReturn) { throw HTTPFailure(400, "a bare CR in the request line") }
        let parts = line.split(separator: space, omittingEmptySubsequences: false)
        if parts.count == 2, parts[1].first == UInt8(ascii: "/") {
            throw HTTPFailure(400, "an HTTP/0.9 request (no version) is not served")
        }
        guard parts.count == 3 else { throw HTTPFailure(400, "the request line is not METHOD SP target SP HTTP/1.1") }
        let version = Array(parts[2])
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard version.count >= 6, version.starts(with: "HTTP/".utf8), digit.contains(version[5]) else {
            throw HTTPFailure(400, "the request line does not end with HTTP/1.1")
        }
        if version[5] != UInt8(ascii: "1") { throw HTTPFailure(505, "only HTTP/1.0 and HTTP/1.1 are served") }
        guard version.count == 8, version[6] == UInt8(ascii: "."), digit.contains(version[7]) else {
            throw HTTPFailure(400, "the request line does not end with HTTP/1.1")
        }
        guard isToken(parts[0]) else { throw HTTPFailure(400, "the method is not a token") }
        guard !parts[1].isEmpty, parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw HTTPFailure(400, "the target has a control character, a space or a byte that is not ASCII")
        }
        return (text(parts[0]), text(parts[1]), version[7] == UInt8(ascii: "0") ? .http10 : .http11)
    }

    /// `name: value`: the name a token right before the colon, the value without the spaces
    /// around it and without controls. A line that starts with a space continues the previous
    /// one (obs-fold), which RFC 9112 §5.2 lets a server refuse.
    static func field(_ line: ArraySlice<UInt8>) throws(HTTPFailure) -> HTTPHeaders.Field {
        if line.first == space || line.first == tab {
            throw HTTPFailure(400, "a header line folded onto the next (obs-fold)")
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw HTTPFailure(400, "a header line without a colon")
        }
        let name = line[..<colon]
        if name.last == space || name.last == tab { throw HTTPFailure(400, "a space before the colon of a header") }
        guard isToken(name) else { throw HTTPFailure(400, "a header name that is not a token") }
        var value = line[line.index(after: colon)...]
        while let first = value.first, first == space || first == tab { value = value.dropFirst() }
        while let last = value.last, last == space || last == tab { value = value.dropLast() }
        // Visible ASCII, spaces, tabs and obs-text (bytes from 0x80); a CR, a NUL or another control is refused.
        guard value.allSatisfy({ $0 == tab || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw HTTPFailure(400, "a control character in a header value")
        }
        return HTTPHeaders.Field(name: Self.text(name), value: Self.text(value))
    }

    /// Bytes of a head as text: obs-text that is not UTF-8 becomes U+FFFD.
    static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    /// The body the head announces (RFC 9112 §6.3), or a refusal: a request smuggled past a proxy
    /// by ambiguous framing is refused rather than guessed at.
    static func frame(_ head: Head, limits: HTTPLimits) throws(HTTPFailure) -> PendingBody {
        let headers = head.headers
        let hosts = headers.values("Host")
        if head.version == .http11, hosts.isEmpty {
            throw HTTPFailure(400, "an HTTP/1.1 request without a Host header")
        }
        if hosts.count > 1 { throw HTTPFailure(400, "more than one Host header") }
        let codings = HTTPRequest.tokens(headers.values("Transfer-Encoding"))
        let lengths = headers.values("Content-Length")
        let framing: Framing
        if !headers.values("Transfer-Encoding").isEmpty {
            if !lengths.isEmpty { throw HTTPFailure(400, "both Transfer-Encoding and Content-Length") }
            if let unknown = codings.first(where: { $0 != "chunked" }) {
                throw HTTPFailure(501, "the transfer coding '\(unknown.prefix(40))' is not supported")
            }
            guard codings.count == 1 else { throw HTTPFailure(400, "Transfer-Encoding must be chunked, once") }
            framing = .chunked(.size)
        } else {
            let length = try contentLength(lengths)
            if length > limits.bodyBytes { throw HTTPFailure(413, "the request body is too large") }
            framing = .length(length)
        }
        let expectations = HTTPRequest.tokens(headers.values("Expect"))
        if let other = expectations.first(where: { $0 != "100-continue" }) {
            throw HTTPFailure(417, "the expectation '\(other.prefix(40))' is not supported")
        }
        let hasBody: Bool
        switch framing {
        case .length(let length): hasBody = length > 0
        case .chunked: hasBody = true
        }
        // RFC 9110 §10.1.1: an HTTP/1.0 client's 100-continue is ignored.
        let continueDue = !expectations.isEmpty && head.version == .http11 && hasBody
        return PendingBody(
            method: head.method, target: head.target, version: head.version, headers: headers, framing: framing,
            continueDue: continueDue)
    }

    /// The length of the `Content-Length` values (0 without any): digits only, and all the
    /// same (`5, 5` is allowed, RFC 9110 §8.6). A number too big for `Int` is `Int.max`, so it
    /// is refused as too large rather than trapping.
    static func contentLength(_ values: [String]) throws(HTTPFailure) -> Int {
        var digits: Substring?
        for item in values.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: false) }) {
            let number = Substring(String(item).trimmingOWS())
            guard !number.isEmpty, number.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                throw HTTPFailure(400, "Content-Length is not a number")
            }
            let significant = number.drop { $0 == "0" }
            if let digits, digits != significant { throw HTTPFailure(400, "Content-Length values differ") }
            digits = significant
        }
        guard let digits else { return 0 }
        guard digits.utf8.count <= 18 else { return Int.max }
        return digits.utf8.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }
}
