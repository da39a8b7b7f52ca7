import Testing

@testable import PlaybookKit

/// The base protocol's framing: bodies come out whole and in order however the stream is split,
/// other headers are ignored, and a bad frame is reported once and skipped without losing the
/// messages after it.
struct LSPFrameDecoderTests {
    /// What a decoder made of some bytes, as tests compare it.
    enum Decoded: Equatable, CustomStringConvertible {
        case message(String)
        case malformed(String)

        var description: String {
            switch self {
            case .message(let text): "message(\(text))"
            case .malformed(let why): "malformed(\(why))"
            }
        }
    }

    /// Every event, feeding `chunks` one after another and draining after each.
    static func decoded(_ chunks: [[UInt8]], limits: LSPFrameLimits = LSPFrameLimits()) -> [Decoded] {
        var decoder = LSPFrameDecoder(limits: limits)
        var events: [Decoded] = []
        for chunk in chunks {
            decoder.feed(chunk)
            draining: while true {
                switch decoder.next() {
                case .message(let body): events.append(.message(String(decoding: body, as: UTF8.self)))
                case .malformed(let why): events.append(.malformed(why))
                case .needMore: break draining
                }
            }
        }
        return events
    }

    /// The same bytes whole, a byte at a time, and in every split in two.
    static func everySplit(_ text: String, limits: LSPFrameLimits = LSPFrameLimits(), sourceLocation: SourceLocation = #_sourceLocation) -> [Decoded] {
        let bytes = Array(text.utf8)
        let whole = decoded([bytes], limits: limits)
        #expect(decoded(bytes.map { [$0] }, limits: limits) == whole, "a byte at a time", sourceLocation: sourceLocation)
        for cut in 0...bytes.count {
            #expect(decoded([Array(bytes[..<cut]), Array(bytes[cut...])], limits: limits) == whole, "split at \(cut)", sourceLocation: sourceLocation)
        }
        return whole
    }

    static func framed(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n" + body }

    static let small: LSPFrameLimits = {
        var limits = LSPFrameLimits()
        limits.headerBytes = 64
        limits.bodyBytes = 32
        return limits
    }()

    @Test func messagesJoinedInOneStreamComeOutInOrder() {
        let bodies = [#"{"a":1}"#, #"{"text":"Tiếng Việt 预算 ลูกค้า שָׁלוֹם 🎉"}"#, "{}"]
        let stream = bodies.map(Self.framed).joined()
        #expect(Self.everySplit(stream) == bodies.map { .message($0) })
    }

    @Test func otherHeadersAndCaseAreAcceptedAndIgnored() {
        let stream = "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
            + "Content-Type: x\r\nCONTENT-LENGTH:   3 \r\n\r\n[1]"
        #expect(Self.everySplit(stream) == [.message("{}"), .message("[1]")])
    }

    @Test func bareLineFeedsAndBlankLinesBetweenMessagesAreTolerated() {
        let stream = "Content-Length: 2\n\n{}\r\n\r\nContent-Length: 2\r\n\r\n[]"
        #expect(Self.everySplit(stream) == [.message("{}"), .message("[]")])
    }

    @Test func aHeaderWithoutLengthIsSkippedToTheNextHeader() {
        let stream = "Content-Type: x\r\n\r\n{\"lost\":1}\r\n" + Self.framed("{}")
        #expect(Self.everySplit(stream) == [.malformed("a header without Content-Length"), .message("{}")])
    }

    @Test func aLengthThatIsNotANumberIsSkippedToTheNextHeader() {
        let stream = "Content-Length: -4\r\n\r\nabcd" + Self.framed("{}")
        #expect(Self.everySplit(stream) == [.malformed("a Content-Length that is not a number of bytes: '-4'"), .message("{}")])
        let twice = "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}x" + Self.framed("[]")
        #expect(Self.everySplit(twice) == [.malformed("two different Content-Length headers (2 and 3)"), .message("[]")])
    }

    @Test func aBadLineBesideAGoodLengthSkipsTheBodyByItsLength() {
        let stream = "Content-Length: 13\r\nnonsense\r\n\r\nContent-Lengt" + Self.framed("{}")
        #expect(Self.everySplit(stream) == [.malformed("a header line that is not 'Name: value': 'nonsense'"), .message("{}")])
    }

    @Test func aBodyOverTheLimitIsSkippedByItsLengthWithoutBeingKept() {
        let big = String(repeating: "x", count: 40)
        let stream = Self.framed(big) + Self.framed("{}")
        #expect(Self.everySplit(stream, limits: Self.small) == [.malformed("a message of 40 bytes, more than the 32 read at once"), .message("{}")])
        var decoder = LSPFrameDecoder(limits: Self.small)
        decoder.feed(Array(("Content-Length: 1000000\r\n\r\n" + big).utf8))
        #expect(decoder.next() == .malformed("a message of 1000000 bytes, more than the 32 read at once"))
        #expect(decoder.next() == .needMore)
        #expect(decoder.pendingBytes == 0)
    }

    @Test func aHeaderOverTheLimitIsDroppedAndTheNextHeaderFound() {
        let long = "X-Padding: " + String(repeating: "p", count: 80) + "\r\n"
        let stream = long + "\r\n" + Self.framed("{}")
        #expect(Self.everySplit(stream, limits: Self.small) == [.malformed("a header longer than 64 bytes"), .message("{}")])
        // Garbage without a line break keeps no more than the limit.
        var decoder = LSPFrameDecoder(limits: Self.small)
        decoder.feed(Array(repeating: UInt8(ascii: "g"), count: 10_000))
        #expect(decoder.next() == .malformed("a header longer than 64 bytes"))
        #expect(decoder.next() == .needMore)
        #expect(decoder.pendingBytes < 14)
    }

    @Test func aHalfMessageWaitsAndAnEmptyStreamHasNothing() {
        #expect(Self.decoded([Array("Content-Length: 10\r\n\r\n{\"a\":".utf8)]) == [])
        #expect(Self.decoded([[]]) == [])
    }

    @Test func framingWritesTheLengthInBytes() {
        let bytes = LSPFrameDecoder.frame(.object(["t": .string("Việt 🎉")]))
        #expect(String(decoding: bytes, as: UTF8.self) == "Content-Length: 19\r\n\r\n{\"t\":\"Việt 🎉\"}")
        #expect(Self.decoded([bytes]) == [.message("{\"t\":\"Việt 🎉\"}")])
    }

    @Test func randomBytesNeverTrapAndDoNotDependOnTheSplit() {
        var random = SeededGenerator(state: 15_017)
        var (messages, refusals) = (0, 0)
        let pieces = [Self.framed("{}"), Self.framed("[1]"), "Content-Length: ", "content-length:", "2", "13", "\r\n", "\n", "\r\n\r\n", "{}", "Content-Type: a", ":", "x", "\u{0}", "é"]
        for round in 0..<1500 {
            var text = ""
            for _ in 0..<Int.random(in: 1...14, using: &random) { text += pieces.randomElement(using: &random) ?? "" }
            let bytes = Array(text.utf8)
            let whole = Self.decoded([bytes], limits: Self.small)
            var chunks: [[UInt8]] = []
            var rest = bytes[...]
            while !rest.isEmpty {
                let size = Int.random(in: 1...max(1, rest.count), using: &random)
                chunks.append(Array(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            #expect(Self.decoded(chunks, limits: Self.small) == whole, "round \(round): \(text.debugDescription)")
            messages += whole.count { if case .message = $0 { true } else { false } }
            refusals += whole.count { if case .malformed = $0 { true } else { false } }
        }
        // The pieces must make both messages and refusals, or the loop tests little.
        #expect(messages > 100)
        #expect(refusals > 100)
    }
}
