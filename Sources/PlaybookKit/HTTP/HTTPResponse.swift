/// What a handler answers: a status, header fields and the body. The server adds
/// `Content-Length` and `Connection` itself, and sends no body for HEAD.
public struct HTTPResponse: Sendable {
    /// The status code (200, 303, 404, ...).
    public var status: Int
    /// Header fields as name and value, in order.
    public var headers: [(String, String)]
    /// The body (sent for every method but HEAD).
    public var body: [UInt8]

    /// A response of these parts.
    public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page in UTF-8.
    public static func html(_ page: String, status: Int = 200) -> HTTPResponse {
        bytes(Array(page.utf8), contentType: "text/html; charset=utf-8", status: status)
    }

    /// Plain text in UTF-8.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        bytes(Array(text.utf8), contentType: "text/plain; charset=utf-8", status: status)
    }

    /// A 303 See Other to `location` (a path such as `/deals/42`): after a form is posted, the
    /// browser fetches the page with GET, so reloading it posts nothing again.
    public static func redirect(to location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: [("Location", location)], body: [])
    }

    /// Any bytes with their media type (`image/svg+xml`, `text/css; charset=utf-8`).
    public static func bytes(_ bytes: [UInt8], contentType: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", contentType)], body: bytes)
    }

    /// The value of the first header of that name, whatever its case.
    public func header(_ name: String) -> String? {
        headers.first { HTTPHeaders.sameName($0.0, name) }?.1
    }

    /// Sets the header, replacing every header of that name.
    public mutating func setHeader(_ name: String, _ value: String) {
        headers.removeAll { HTTPHeaders.sameName($0.0, name) }
        headers.append((name, value))
    }

    /// The reason phrase of a status (`404` → `Not Found`); empty for one not listed, which
    /// HTTP/1.1 allows (RFC 9112 §4).
    public static func reason(_ status: Int) -> String { reasons[status] ?? "" }

    static let reasons: [Int: String] = [
        100: "Continue", 200: "OK", 201: "Created", 202: "Accepted", 204: "No Content",
        301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
        307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
        405: "Method Not Allowed", 406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict",
        410: "Gone", 411: "Length Required", 413: "Content Too Large", 414: "URI Too Long",
        415: "Unsupported Media Type", 417: "Expectation Failed", 421: "Misdirected Request",
        422: "Unprocessable Content", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
        500: "Internal Server Error", 501: "Not Implemented", 503: "Service Unavailable",
        505: "HTTP Version Not Supported",
    ]
}
