#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a position counts the characters of a line (LSP 3.17's PositionEncodingKind): UTF-16
/// code units unless the client and the server agreed on another.
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// How many bytes the UTF-8 sequence starting with `lead` takes; 1 for a byte that starts
    /// none (the documents are UTF-8, so only a damaged one has such bytes).
    @inline(__always)
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF7: 4
        default: 1
        }
    }

    /// The code units of the scalar whose UTF-8 starts with `lead`: a scalar past U+FFFF (an
    /// emoji, a rare CJK ideograph) is a surrogate pair, two units, in UTF-16.
    @inline(__always)
    func units(lead: UInt8) -> Int {
        switch self {
        case .utf8: Self.sequenceLength(lead)
        case .utf16: lead >= 0xF0 && lead <= 0xF7 ? 2 : 1
        case .utf32: 1
        }
    }

    /// The code units of `bytes[range]`.
    func units(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        if self == .utf8 { return range.count }
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            count += units(lead: lead)
            index += Self.sequenceLength(lead)
        }
        return count
    }

    /// The byte `units` code units into `bytes[range]`: clamped to the range's end, and a count
    /// that falls inside a character (the second half of a surrogate pair, the middle of a UTF-8
    /// sequence) stops before that character.
    func offset(_ bytes: [UInt8], _ range: Range<Int>, units target: Int) -> Int {
        var count = 0
        var index = range.lowerBound
        while index < range.upperBound {
            let lead = bytes[index]
            count += units(lead: lead)
            if count > target { return index }
            index = min(range.upperBound, index + Self.sequenceLength(lead))
        }
        return range.upperBound
    }
}

/// A place in a document as the protocol gives it: a 0-based line and a 0-based count of code
/// units into it, in the encoding agreed.
public struct LSPPosition: Sendable, Hashable {
    public var line: Int
    public var character: Int

    /// The position at this line and character.
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// A position from its JSON; nil when it is not `{"line": N, "character": N}`.
    public init?(_ json: JSON?) {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int else { return nil }
        self.init(line: line, character: character)
    }

    public var json: JSON { .object(["line": .int(line), "character": .int(character)]) }
}

/// A range of a document, from `start` up to `end` (not included).
public struct LSPRange: Sendable, Hashable {
    public var start: LSPPosition
    public var end: LSPPosition

    /// The range from `start` to `end`.
    public init(start: LSPPosition, end: LSPPosition) {
        self.start = start
        self.end = end
    }

    /// A range from its JSON; nil when it is not `{"start": ..., "end": ...}`.
    public init?(_ json: JSON?) {
        guard let start = LSPPosition(json?["start"]), let end = LSPPosition(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    public var json: JSON { .object(["start": start.json, "end": end.json]) }
}

/// Where each line of a text starts, to turn byte offsets into positions and back. A line ends
/// with LF, and a CR before the LF is part of the break (so a position past a CRLF line's end
/// stops before the CR); a lone CR is an ordinary character, as it is to the checker.
public struct LineIndex: Sendable, Equatable {
    /// The byte offset of each line's first byte; the first is 0.
    public private(set) var starts: [Int]

    /// The index of `bytes`.
    public init(_ bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        Self.appendLineStarts(of: bytes, at: 0, to: &starts)
        self.starts = starts
    }

    /// Appends the offset after each LF of `bytes`, which start at offset `base` of the text.
    private static func appendLineStarts(of bytes: [UInt8], at base: Int, to starts: inout [Int]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            var offset = 0
            // memchr: a 13 MB document is indexed in a few milliseconds.
            while offset < buffer.count, let found = memchr(start + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                let index = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
                starts.append(base + index + 1)
                offset = index + 1
            }
        }
    }

    /// How many lines the text has (a final line break starts an empty last line).
    public var lineCount: Int { starts.count }

    /// Bytes `replaced` of the old text became `inserted`: the lines' starts moved with them.
    mutating func replace(_ replaced: Range<Int>, with inserted: [UInt8]) {
        // A line start at s follows the LF at s - 1: those LFs inside `replaced` are gone.
        let first = firstStart(after: replaced.lowerBound)
        let last = firstStart(after: replaced.upperBound)
        var added: [Int] = []
        Self.appendLineStarts(of: inserted, at: replaced.lowerBound, to: &added)
        starts.replaceSubrange(first..<last, with: added)
        let delta = inserted.count - replaced.count
        if delta != 0 {
            for index in (first + added.count)..<starts.count { starts[index] += delta }
        }
    }

    /// The index of the first line start above `offset` (the count of starts at or below it).
    private func firstStart(after offset: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The 0-based line holding byte `offset`.
    public func line(of offset: Int) -> Int { max(0, firstStart(after: offset) - 1) }

    /// The bytes of line `line` without its break (LF or CRLF).
    public func content(ofLine line: Int, in bytes: [UInt8]) -> Range<Int> {
        let start = starts[line]
        var end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r"), line + 1 < starts.count { end -= 1 }
        return start..<max(start, end)
    }

    /// The byte a position names, clamped as LSP 3.17 says: a line past the last is the end of
    /// the text, a character past the line's end is its end (before its break), and a negative
    /// line or character is 0.
    public func offset(of position: LSPPosition, in bytes: [UInt8], encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < starts.count else { return bytes.count }
        return encoding.offset(bytes, content(ofLine: position.line, in: bytes), units: max(0, position.character))
    }

    /// The position of byte `offset` (clamped to the text).
    public func position(of offset: Int, in bytes: [UInt8], encoding: PositionEncoding) -> LSPPosition {
        let offset = max(0, min(offset, bytes.count))
        let line = line(of: offset)
        return LSPPosition(line: line, character: encoding.units(bytes, starts[line]..<offset))
    }

    /// The range of bytes `range`.
    public func range(of range: Range<Int>, in bytes: [UInt8], encoding: PositionEncoding) -> LSPRange {
        LSPRange(start: position(of: range.lowerBound, in: bytes, encoding: encoding), end: position(of: range.upperBound, in: bytes, encoding: encoding))
    }
}
