/// The body of a request: a length of bytes, or chunked (RFC 9112 §7.1) and decoded here.
extension HTTPParser {
    /// The longest chunk size line, extensions included: they are ignored, so need no room.
    static let chunkLineBytes = 4096
    static let noChunkEnd = HTTPFailure(400, "chunk data not followed by CRLF")

    /// Consumes what has arrived of the body; true once it is whole.
    mutating func readBody(_ pending: inout PendingBody) throws(HTTPFailure) -> Bool {
        switch pending.framing {
        case .length(let length):
            guard buffer.count - start >= length else { return false }
            pending.body = Array(buffer[start..<start + length])
            start += length
            return true
        case .chunked(var state):
            defer { pending.framing = .chunked(state) }
            while true {
                switch state {
                case .size:
                    let tooLong = HTTPFailure(400, "a chunk size line is too long")
                    guard let line = try line(&pending, limit: Self.chunkLineBytes, tooLong: tooLong) else { return false }
                    let size = try chunkSize(line, bodySoFar: pending.body.count)
                    state = size == 0 ? .trailer(bytes: 0) : .data(remaining: size)
                case .data(let remaining):
                    let taken = min(remaining, buffer.count - start)
                    guard taken > 0 else { return false }
                    pending.body += buffer[start..<start + taken]
                    start += taken
                    state = taken == remaining ? .dataEnd : .data(remaining: remaining - taken)
                case .dataEnd:
                    guard start < buffer.count else { return false }
                    if buffer[start] == Self.carriageReturn {
                        guard start + 1 < buffer.count else { return false }
                        guard buffer[start + 1] == Self.lineFeed else { throw Self.noChunkEnd }
                        start += 2
                    } else {
                        guard buffer[start] == Self.lineFeed else { throw Self.noChunkEnd }
                        start += 1
                    }
                    state = .size
                case .trailer(let bytes):
                    // Trailer fields are read past and dropped (RFC 9112 §7.1.2 allows it), counted
                    // against the header section's limit.
                    let room = limits.headerSectionBytes - bytes
                    let before = start
                    guard let line = try line(&pending, limit: room, tooLong: Self.headersTooLarge) else { return false }
                    if line.isEmpty { return true }
                    state = .trailer(bytes: bytes + (start - before))
                }
            }
        }
    }

    /// The next line of the body without its line break, consumed; nil until its line feed has
    /// arrived. A line longer than `limit` is refused with `tooLong`.
    mutating func line(_ pending: inout PendingBody, limit: Int, tooLong: HTTPFailure) throws(HTTPFailure)
        -> ArraySlice<UInt8>?
    {
        let from = start + pending.lineScan
        guard let feed = buffer[from...].firstIndex(of: Self.lineFeed) else {
            pending.lineScan = buffer.count - start
            if pending.lineScan > limit { throw tooLong }
            return nil
        }
        if feed - start > limit { throw tooLong }
        var line = buffer[start..<feed]
        if line.last == Self.carriageReturn { line = line.dropLast() }
        start = feed + 1
        pending.lineScan = 0
        return line
    }

    /// `1a3f` or `1a3f;name=value`: the hex size, refused as too large before it is summed, so
    /// no size can overflow.
    func chunkSize(_ line: ArraySlice<UInt8>, bodySoFar: Int) throws(HTTPFailure) -> Int {
        let notHex = HTTPFailure(400, "a chunk size that is not hexadecimal")
        let digits = line.prefix { URLEncoding.hexValue($0) != nil }
        guard !digits.isEmpty else { throw notHex }
        var rest = line[digits.endIndex...]
        while let first = rest.first, first == Self.space || first == Self.tab { rest = rest.dropFirst() }
        guard rest.isEmpty || rest.first == UInt8(ascii: ";") else { throw notHex }
        let significant = digits.drop { $0 == UInt8(ascii: "0") }
        let tooLarge = HTTPFailure(413, "the request body is too large")
        guard significant.count <= 15 else { throw tooLarge }
        let size = significant.reduce(0) { $0 << 4 | Int(URLEncoding.hexValue($1) ?? 0) }
        guard size <= limits.bodyBytes - bodySoFar else { throw tooLarge }
        return size
    }
}
