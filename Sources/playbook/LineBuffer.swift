import Glibc

/// Bytes read from standard input, handed out a line at a time. Each byte is searched for a
/// newline once, and lines are taken from the front by moving a start index (the bytes before it
/// are dropped now and then, not on every line), so a line of any length costs time in
/// proportion to its length.
struct LineBuffer {
    private var bytes: [UInt8] = []
    /// The first byte not handed out yet.
    private var start = 0
    /// Bytes from `start` on known to hold no newline.
    private var searched = 0
    /// Bytes looked at for a newline, in all (for tests that the search is linear).
    private(set) var bytesSearched = 0

    var isEmpty: Bool { start == bytes.count }

    mutating func append(_ chunk: UnsafeRawBufferPointer) {
        // Drop what was handed out once it is most of the buffer: each byte is moved at most once
        // on average.
        if start > 0, start >= bytes.count - start {
            bytes.removeSubrange(..<start)
            start = 0
        }
        bytes.append(contentsOf: chunk)
    }

    /// The next whole line, without its newline (nor a carriage return before it); nil when the
    /// bytes so far end without one.
    mutating func nextLine() -> String? {
        let from = start + searched
        let found = bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, from < buffer.count,
                let hit = memchr(base + from, Int32(UInt8(ascii: "\n")), buffer.count - from)
            else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let newline = found else {
            bytesSearched += bytes.count - from
            searched = bytes.count - start
            return nil
        }
        bytesSearched += newline + 1 - from
        var end = newline
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        let line = String(decoding: bytes[start..<end], as: UTF8.self)
        start = newline + 1
        searched = 0
        return line
    }

    /// What is left (a last line without a newline), emptying the buffer.
    mutating func rest() -> String {
        defer {
            bytes.removeAll()
            start = 0
            searched = 0
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }
}
