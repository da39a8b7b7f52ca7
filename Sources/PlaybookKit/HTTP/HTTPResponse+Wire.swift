/// A response as bytes on the connection.
extension HTTPResponse {
    /// The status line, the headers and (unless `headOnly`, for HEAD) the body. The framing is
    /// the server's alone: a handler's `Content-Length`, `Transfer-Encoding` and `Connection`
    /// are replaced, and CR, LF and NUL in a value become spaces, so no value a handler copies
    /// from a request can split the response. A status out of 200...599 is sent as 500.
    func wire(headOnly: Bool, closing: Bool, keepAliveHeader: Bool) -> [UInt8] {
        let status = (200...599).contains(status) ? status : 500
        var out = Array("HTTP/1.1 \(status) \(Self.reason(status))\r\n".utf8)
        let framing = ["content-length", "transfer-encoding", "connection"]
        for (name, value) in headers where HTTPParser.isToken(name.utf8) && !framing.contains(ASCII.lowercased(name)) {
            out += name.utf8
            out += ": ".utf8
            out += value.utf8.map { $0 == 0x0D || $0 == 0x0A || $0 == 0 ? 0x20 : $0 }
            out += "\r\n".utf8
        }
        // RFC 9110 §8.6: no Content-Length on 204, nor on 304 (its length would be the 200's).
        let bodyless = status == 204 || status == 304
        if !bodyless { out += "Content-Length: \(body.count)\r\n".utf8 }
        if closing {
            out += "Connection: close\r\n".utf8
        } else if keepAliveHeader {
            out += "Connection: keep-alive\r\n".utf8
        }
        out += "\r\n".utf8
        if !headOnly, !bodyless { out += body }
        return out
    }

    /// Whether the handler asked to close the connection after this response.
    var asksToClose: Bool {
        HTTPRequest.tokens(headers.filter { HTTPHeaders.sameName($0.0, "Connection") }.map(\.1)).contains("close")
    }

    /// The interim response to `Expect: 100-continue`.
    static let continueWire = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// A refusal before or instead of a handler, on the wire: the failure's sentence as plain
    /// text, and the connection closed after it.
    static func refusal(_ failure: HTTPFailure) -> [UInt8] {
        var response = text(failure.message + "\n", status: failure.status)
        response.headers.append(("X-Content-Type-Options", "nosniff"))
        return response.wire(headOnly: false, closing: true, keepAliveHeader: false)
    }
}
