/// How large a message's header and body may be before the decoder refuses them.
public struct LSPFrameLimits: Sendable {
    /// The header lines together (`Content-Length: N`, perhaps `Content-Type: ...`); a client's
    /// are some 30 bytes.
    public var headerBytes = 8 * 1024
    /// One message body. A didOpen carries the whole file as a JSON string: the largest file the
    /// executable reads is 64 MiB, and escaping (`\n`, `\"`) can nearly double it.
    public var bodyBytes = 128 << 20

    /// The limits above; change a field to override one.
    public init() {}
}

/// Reads the base protocol's frames (`Content-Length: N\r\n\r\n` and N bytes of body) from a
/// stream of bytes as they arrive: fed any split of the stream, it gives back the same bodies in
/// order. A malformed header or an oversized body is reported once and skipped, and decoding
/// goes on with the next message; it never traps and never waits for bytes that cannot come.
public struct LSPFrameDecoder: Sendable {
    /// What the bytes fed so far make.
    public enum Event: Sendable, Equatable {
        /// The body of one message; call `next()` again for the one behind it.
        case message([UInt8])
        /// The bytes so far end inside a message, or there are none.
        case needMore
        /// A frame that cannot be read, and why (one lowercase line). It is skipped: by its
        /// length when it had a valid one, else up to the next `Content-Length`.
        case malformed(String)
    }

    enum State: Sendable, Equatable {
        /// Reading a header; `lineStart` and `scanned` are offsets from `start`, so that a
        /// header fed a byte at a time is still scanned once.
        case header(lineStart: Int, scanned: Int)
        /// The header is read: this many bytes of body follow.
        case body(Int)
        /// Dropping this many more bytes of a body that is refused.
        case skipping(Int)
        /// Looking for the next `Content-Length`, where a header starts again. (Not only at the
        /// start of a line: a body ends without a line break, and the next header follows it.)
        case seeking
    }

    /// The limits it refuses frames beyond.
    public let limits: LSPFrameLimits
    var buffer: [UInt8] = []
    /// The first byte not yet consumed; bytes before it are dropped on the next feed.
    var start = 0
    var state = State.header(lineStart: 0, scanned: 0)

    /// A decoder at the start of a stream.
    public init(limits: LSPFrameLimits = LSPFrameLimits()) { self.limits = limits }

    /// Adds bytes read from the stream.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        // Consumed bytes are dropped once they are at least half the buffer: amortized linear.
        if start > 0, start * 2 >= buffer.count {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Bytes fed and not yet given back or skipped.
    public var pendingBytes: Int { buffer.count - start }

    /// The next message, or what stands in its way.
    public mutating func next() -> Event {
        while true {
            switch state {
            case .header(let lineStart, let scanned):
                if let event = readHeader(lineStart: lineStart, scanned: scanned) { return event }
            case .body(let length):
                guard buffer.count - start >= length else { return .needMore }
                let body = Array(buffer[start..<start + length])
                start += length
                state = .header(lineStart: 0, scanned: 0)
                return .message(body)
            case .skipping(let remaining):
                let dropped = min(remaining, buffer.count - start)
                start += dropped
                guard dropped == remaining else {
                    state = .skipping(remaining - dropped)
                    return .needMore
                }
                state = .header(lineStart: 0, scanned: 0)
            case .seeking:
                guard seek() else { return .needMore }
            }
        }
    }

    /// Reads the header from `start`: nil when it is read (the state has moved on), else the
    /// event to give.
    private mutating func readHeader(lineStart: Int, scanned: Int) -> Event? {
        if scanned == 0 {
            // Line breaks between messages (a client's extra CRLF) are not a header.
            while start < buffer.count, buffer[start] == Self.lineFeed || buffer[start] == Self.carriageReturn { start += 1 }
        }
        var lineStart = lineStart
        var index = start + scanned
        // The limit is counted from the header's first byte, the same however the bytes came.
        // At least one byte, so that each refusal consumes some: never a loop without progress.
        let headerBytes = max(1, limits.headerBytes)
        let limit = min(buffer.count, start + headerBytes)
        while index < limit {
            defer { index += 1 }
            guard buffer[index] == Self.lineFeed else { continue }
            let lineEnd = index > start + lineStart && buffer[index - 1] == Self.carriageReturn ? index - 1 : index
            if lineEnd == start + lineStart {
                let header = buffer[start..<start + lineStart]
                start = index + 1
                return frame(header)
            }
            lineStart = index + 1 - start
        }
        if index == start + headerBytes {
            start = index
            state = .seeking
            return .malformed("a header longer than \(headerBytes) bytes")
        }
        state = .header(lineStart: lineStart, scanned: index - start)
        return .needMore
    }

    /// What follows a whole header: its body, or how it is skipped.
    private mutating func frame(_ header: ArraySlice<UInt8>) -> Event? {
        var length: Int?
        var problem: String?
        /// Set when the header gives no one length: the body's end is then unknown.
        var lengthUnknown = false
        for line in header.split(separator: Self.lineFeed) {
            let line = line.last == Self.carriageReturn ? line.dropLast() : line
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), Self.isToken(line[..<colon]) else {
                problem = problem ?? "a header line that is not 'Name: value': \(Self.shown(line))"
                continue
            }
            guard Self.lowercased(line[..<colon]) == "content-length" else { continue }
            let value = Self.trimmed(line[line.index(after: colon)...])
            guard let parsed = Self.decimal(value) else {
                problem = problem ?? "a Content-Length that is not a number of bytes: \(Self.shown(value))"
                lengthUnknown = true
                continue
            }
            if let length, length != parsed {
                problem = problem ?? "two different Content-Length headers (\(length) and \(parsed))"
                lengthUnknown = true
            }
            length = parsed
        }
        guard let length, !lengthUnknown else {
            state = .seeking
            return .malformed(problem ?? "a header without Content-Length")
        }
        if let problem {
            state = .skipping(length)
            return .malformed(problem)
        }
        guard length <= limits.bodyBytes else {
            state = .skipping(length)
            return .malformed("a message of \(length) bytes, more than the \(limits.bodyBytes) read at once")
        }
        state = .body(length)
        return nil
    }

    /// Drops bytes up to the next `Content-Length`; true when one is found.
    private mutating func seek() -> Bool {
        let word = Self.contentLength
        var index = start
        while index + word.count <= buffer.count {
            if buffer[index] | 0x20 == word[0], Self.lowercased(buffer[index..<index + word.count]) == "content-length" {
                start = index
                state = .header(lineStart: 0, scanned: 0)
                return true
            }
            index += 1
        }
        // Keep what could be the start of the word.
        start = max(start, buffer.count - word.count + 1)
        return false
    }

    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let contentLength = Array("content-length".utf8)

    /// A header name (RFC 9110's token): letters, digits and ``!#$%&'*+-.^_`|~``.
    static func isToken(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
            }
        }
    }

    static func lowercased(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }), let last = bytes.lastIndex(where: { !isBlank($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }

    /// Digits only, at most 15 of them (far past any limit, and far from overflowing).
    static func decimal(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// Header bytes quoted for a message: short, and with nothing a terminal would act on.
    static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes.prefix(40), as: UTF8.self)
        return "'" + TerminalText.safe(text) + (bytes.count > 40 ? "…" : "") + "'"
    }
}

extension LSPFrameDecoder {
    /// One message framed for the wire: its header, then its JSON as UTF-8.
    public static func frame(_ message: JSON) -> [UInt8] {
        let body = message.text.utf8
        var bytes = Array("Content-Length: \(body.count)\r\n\r\n".utf8)
        bytes.reserveCapacity(bytes.count + body.count)
        bytes.append(contentsOf: body)
        return bytes
    }
}
