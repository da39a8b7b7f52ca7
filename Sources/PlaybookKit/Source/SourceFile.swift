#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file's text as bytes, with the table of where each line starts.
public struct SourceFile: Sendable {
    /// The path as the user gave it or as `use` resolved it, for display.
    public let path: String
    /// The file's bytes, without a leading byte order mark.
    public let bytes: [UInt8]
    /// Byte offset of the start of each line; the first is always 0.
    private let lineStarts: [Int32]
    /// 3 when the file starts with a UTF-8 byte order mark (dropped from `bytes`), else 0.
    public let byteOrderMarkLength: Int

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            self.bytes = Array(bytes[3...])
            byteOrderMarkLength = 3
        } else {
            self.bytes = bytes
            byteOrderMarkLength = 0
        }
        var starts: [Int32] = [0]
        starts.reserveCapacity(self.bytes.count / 24 + 1)
        self.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count,
                let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset)
            {
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(Int32(truncatingIfNeeded: index + 1))
                offset = index + 1
            }
        }
        self.lineStarts = starts
    }

    /// How many lines the file has (a final line break starts an empty last line).
    public var lineCount: Int { lineStarts.count }

    /// Byte offset where line `index` (0-based) starts.
    public func lineStart(_ index: Int) -> Int { Int(lineStarts[index]) }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStarts[middle]) <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    /// The same, for offsets taken in increasing order: `line` is the line of the one before,
    /// and the search walks on from it.
    public func lineIndex(of offset: Int, from line: Int) -> Int {
        guard line < lineStarts.count, Int(lineStarts[line]) <= offset else { return lineIndex(of: offset) }
        var index = line
        for _ in 0..<16 {
            guard index + 1 < lineStarts.count, Int(lineStarts[index + 1]) <= offset else { return index }
            index += 1
        }
        return lineIndex(of: offset)
    }

    /// The byte range of line `index` (0-based), without its line break (LF or CRLF).
    public func lineRange(_ index: Int) -> Range<Int> {
        let start = Int(lineStarts[index])
        var end = index + 1 < lineStarts.count ? Int(lineStarts[index + 1]) - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of line `index`, with invalid UTF-8 shown as U+FFFD.
    public func lineText(_ index: Int) -> String {
        String(decoding: bytes[lineRange(index)], as: UTF8.self)
    }

    /// Decodes a byte range as text (lossy: invalid UTF-8 becomes U+FFFD).
    public func text(_ range: Range<Int>) -> String {
        let clamped = max(0, min(range.lowerBound, bytes.count))..<max(0, min(range.upperBound, bytes.count))
        return String(decoding: bytes[clamped], as: UTF8.self)
    }
}

/// A byte range in one of the files of a check.
public struct Span: Hashable, Sendable {
    /// Index of the file in `SourceSet.files`.
    public var file: Int32
    public var start: Int32
    public var end: Int32

    public init(file: Int, start: Int, end: Int) {
        self.file = Int32(truncatingIfNeeded: file)
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    /// A span covering both.
    public func to(_ other: Span) -> Span {
        Span(file: Int(file), start: Int(min(start, other.start)), end: Int(max(end, other.end)))
    }
}
