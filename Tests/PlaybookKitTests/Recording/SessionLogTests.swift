import Testing

@testable import PlaybookKit

/// The record reader on bytes as they may be on disk: line ends from another system, bytes that
/// are not UTF-8, lines of another version, tampered fields; and on any bytes at all, without a
/// crash.
struct SessionLogTests {
    static let info = SessionRecordTests.info

    static func lines(_ kinds: [SessionEvent.Kind]) -> [String] {
        kinds.map { SessionEvent($0, time: 1_795_369_512).jsonLine }
    }

    static let record = lines([
        .start(info), .asked(question: "q", text: "Q?", type: "yes/no", stage: "s"),
        .answered(question: "q", value: .bool(true), shown: "có", seconds: 1), .paused(reason: .command),
    ])

    static func log(_ lines: [String], end: String = "\n") -> SessionLog {
        SessionLog(bytes: Array(lines.map { $0 + end }.joined().utf8))
    }

    @Test func crlfLineEndsReadAsLF() {
        let lf = Self.log(Self.record)
        let crlf = Self.log(Self.record, end: "\r\n")
        #expect(crlf.events == lf.events)
        #expect(crlf.events.count == 4)
        #expect(crlf.skippedLines.isEmpty)
        // As the text the reader used to split: "\r\n" is one Character, and no "\n" is found.
        #expect(SessionLog(text: Self.record.map { $0 + "\r\n" }.joined()).events.count == 4)
        // Mixed, with a last line with no end at all.
        let mixed = Self.record[0] + "\r\n" + Self.record[1] + "\n" + Self.record[2] + "\r\n" + Self.record[3]
        #expect(SessionLog(bytes: Array(mixed.utf8)).events == lf.events)
    }

    @Test func anEmptyRecordIsToldFromOneWithoutAStart() {
        for bytes in [[], [0x0A], [0x0D, 0x0A, 0x0A]] as [[UInt8]] {
            let log = SessionLog(bytes: bytes)
            #expect(log.isEmpty)
            #expect(log.missingStart == .empty)
        }
        let noStart = Self.log(Array(Self.record.dropFirst()))
        #expect(!noStart.isEmpty)
        #expect(noStart.missingStart == .noStartLine)
        #expect(Self.log(Self.record).missingStart == nil)
        let tornStart = Self.log([String(Self.record[0].prefix(20))] + Self.record.dropFirst())
        #expect(tornStart.missingStart == .unreadable(SkippedLine(number: 1, event: nil, problem: .notJSON)))
    }

    @Test func invalidUTF8SkipsTheLineAndSaysSo() {
        var bytes: [UInt8] = []
        for (index, line) in Self.record.enumerated() {
            var encoded = Array(line.utf8)
            if index == 2 { encoded.insert(0xC3, at: encoded.count - 2) }  // a lead byte with no continuation
            bytes += encoded + [0x0A]
        }
        let log = SessionLog(bytes: bytes)
        #expect(log.skippedLines == [SkippedLine(number: 3, event: nil, problem: .invalidUTF8)])
        #expect(log.inputs.isEmpty, "the answer was read with a replacement character")
        #expect(log.events.count == 3)
    }

    @Test func linesOfAnotherVersionAreSkippedWithTheirVersion() {
        var lines = Self.record
        lines[2] = lines[2].replacingOccurrences(of: #""v":1"#, with: #""v":99"#)
        lines[3] = lines[3].replacingOccurrences(of: #","v":1"#, with: "")
        let log = Self.log(lines)
        #expect(log.skippedLines == [
            SkippedLine(number: 3, event: "answer", problem: .unknownVersion("99")),
            SkippedLine(number: 4, event: "pause", problem: .unknownVersion(nil)),
        ])
        #expect(log.inputs.isEmpty)
        #expect(log.status == .interrupted)

        let allNew = Self.log(Self.record.map { $0.replacingOccurrences(of: #""v":1"#, with: #""v":"2""#) })
        #expect(allNew.info == nil)
        #expect(allNew.missingStart == .unreadable(SkippedLine(number: 1, event: "start", problem: .unknownVersion(#""2""#))))
    }

    @Test func theSeedMustBeADecimalString() {
        func seed(_ written: String) -> SessionLog {
            Self.log([Self.record[0].replacingOccurrences(of: #""seed":"18446744073709551615""#, with: #""seed":\#(written)"#)])
        }
        #expect(seed(#""18446744073709551615""#).info?.seed == UInt64.max)
        #expect(seed(#""007""#).info?.seed == 7)
        for (written, shown) in [
            (#""0x1f""#, "0x1f"), (#""+5""#, "+5"), (#"" 5""#, " 5"), (#""""#, ""), (#""-1""#, "-1"),
            (#""18446744073709551616""#, "18446744073709551616"), ("5", "5"), ("null", "null"),
        ] {
            let log = seed(written)
            #expect(log.info == nil, "\(written) was read as a seed")
            #expect(log.skippedLines == [SkippedLine(number: 1, event: "start", problem: .badSeed(shown))], "\(written)")
        }
        let missing = Self.log([Self.record[0].replacingOccurrences(of: #""seed":"18446744073709551615","#, with: "")])
        #expect(missing.skippedLines.first?.problem == .badField("seed"))
    }

    @Test func eachProblemIsNamed() {
        let time = #""time":"2026-11-22T17:45:12.000Z""#
        let cases: [(String, SkippedLine.Problem, String?)] = [
            (#"{"event":"answer","quest"#, .notJSON, nil),
            ("[1,2]", .notJSON, nil),
            (#"{"event":"teleport",\#(time),"v":1}"#, .unknownEvent("teleport"), "teleport"),
            (#"{\#(time),"v":1}"#, .badField("event"), nil),
            (#"{"event":"answer","time":"yesterday","v":1}"#, .badField("time"), "answer"),
            (#"{"event":"answer","question":"q",\#(time),"v":1}"#, .badField("value"), "answer"),
            (#"{"event":"end",\#(time),"v":1}"#, .badField("outcome"), "end"),
            (#"{"event":"start","session":"x","playbook":"p","seed":"1",\#(time),"v":1}"#, .badField("playbook"), "start"),
        ]
        for (line, problem, event) in cases {
            let log = Self.log([line])
            #expect(log.skippedLines == [SkippedLine(number: 1, event: event, problem: problem)], "\(line)")
        }
    }

    /// What a fuzzer would find first: any bytes at all are read without a crash, and every
    /// line that is not blank is either an event or a skipped line.
    @Test func anyBytesAreReadWithoutACrash() {
        var random = SeededRandom(seed: 0x5EED)
        let pieces: [[UInt8]] = Self.record.map { Array($0.utf8) } + [
            [0x0A], [0x0D], [0xFF], [0xC3], [0xE2, 0x80], [0x00], Array(#"{"v":1,"#.utf8), Array("\"".utf8),
            Array(repeating: UInt8(ascii: "["), count: 5000), Array(#"{"event":"start""#.utf8),
        ]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<random.below(12) {
                if random.below(3) == 0 {
                    bytes += (0..<random.below(40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                } else {
                    var piece = pieces[random.below(pieces.count)]
                    if !piece.isEmpty, random.below(2) == 0 { piece = Array(piece.prefix(random.below(piece.count))) }
                    bytes += piece
                }
            }
            let log = SessionLog(bytes: bytes)
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                .filter { !$0.isEmpty && $0 != [0x0D] }
            #expect(log.events.count + log.skippedLines.count == lines.count)
            _ = (log.info, log.status, log.inputs, log.missingStart, Transcript(log).text(), Transcript(log).markdown())
        }
    }
}
