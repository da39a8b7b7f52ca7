import Testing

@testable import PlaybookKit

/// The report reads common lines the fast way (`LineScanner`, in `SessionScan`) and every other
/// line the exact way (`SessionEvent.read`). Both ways must keep and skip the same lines and find
/// the same facts: here the scan's conclusions about thousands of damaged records are compared
/// with the facts of docs/report.md derived from the exact reader's events (`SessionFacts`).
struct LineScannerTests {
    static let records = SampleRecords.all.map(RecordMutator.lines)

    /// What the comparisons found: the cases whose facts differ, grouped by which facts.
    struct Comparison {
        var scan = SessionScan()
        var cases = 0
        /// Left out: a `seconds` too large for both readers (see `RecordMutator.countsTooLong`).
        var leftOut = 0
        var differing: [Difference: (count: Int, first: String)] = [:]

        struct Difference: Hashable {
            var facts: [String]
        }

        mutating func compare(_ bytes: [UInt8], _ what: @autoclosure () -> String) {
            guard !RecordMutator.countsTooLong(bytes) else {
                leftOut += 1
                return
            }
            cases += 1
            let fast = SessionFacts(scanning: bytes, with: &scan)
            let exact = SessionFacts(reading: bytes)
            guard fast != exact else { return }
            let names = fast.differences(from: exact)
            let difference = Difference(facts: names)
            if let known = differing[difference] {
                differing[difference] = (known.count + 1, known.first)
            } else {
                differing[difference] = (1, "\(what())\n\(LineScannerTests.shown(bytes))\nscan:  \(fast)\nexact: \(exact)")
            }
        }

        /// One issue per kind of difference, with its first case.
        func record(sourceLocation: SourceLocation = #_sourceLocation) {
            for (difference, found) in differing.sorted(by: { $0.value.count > $1.value.count }) {
                let message = Comment(
                    rawValue: "the scan and the exact reader differ in \(difference.facts.joined(separator: ", ")) "
                        + "in \(found.count) of \(cases) cases; the first:\n\(found.first)")
                Issue.record(message, sourceLocation: sourceLocation)
            }
        }
    }

    /// A record's bytes as a Swift string literal would write them, so that a case can be pasted back.
    static func shown(_ bytes: [UInt8]) -> String {
        var text = ""
        var at = 0
        while at < bytes.count {
            let byte = bytes[at]
            if byte >= 0x80, case .valid(let length) = UTF8Validation.sequence(in: bytes, at: at) {
                text += String(decoding: bytes[at..<(at + length)], as: UTF8.self)
                at += length
                continue
            }
            switch byte {
            case 0x0A: text += "\\n\n"
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "<\(String(byte, radix: 16, uppercase: true))>"
            }
            at += 1
        }
        return text
    }

    // MARK: the records as written

    @Test func theSampleRecordsAreReadWholeAndAlike() throws {
        var comparison = Comparison()
        for record in Self.records {
            let bytes = RecordMutator.joined(record)
            comparison.compare(bytes, "the record as written")
            comparison.compare(RecordMutator.joined(record, end: [0x0D, 0x0A]), "the record with CRLF line ends")
            let facts = SessionFacts(reading: bytes)
            #expect(facts.skipped == 0, "a sample record has a line the exact reader skips:\n\(Self.shown(bytes))")
            #expect(facts.start != nil)
        }
        comparison.record()
        // The samples between them have every event and every status, so that damage to each is tried.
        let events = Set(Self.records.joined().compactMap { line in
            (try? JSON.parse(line).get())?["event"]?.string
        })
        #expect(
            events == [
                "start", "stage_enter", "stage_leave", "ask", "answer", "buyer", "note", "undo", "unmet", "pause", "resume", "end",
                "fault", "move", "practice_result",
            ])
        let statuses = Set(Self.records.map { SessionFacts(reading: RecordMutator.joined($0)).status })
        #expect(statuses == ["ended", "faulted", "interrupted"])
    }

    /// Lines cut at every byte, as a crash mid-write leaves the last line of a record: the start
    /// line of every sample, and the first line of each other event found in the samples.
    @Test func aLineCutAtEveryByteIsReadAlike() {
        var comparison = Comparison()
        var lines = Self.records.map { $0[0] }
        var events: Set<String> = ["start"]
        for line in Self.records.joined() {
            guard let event = (try? JSON.parse(line).get())?["event"]?.string, events.insert(event).inserted else { continue }
            lines.append(line)
        }
        #expect(lines.count == SampleRecords.all.count + 14)
        var cuts = 0
        for line in lines {
            for cut in 0...line.count {
                comparison.compare(Array(line[..<cut]), "cut after \(cut) bytes")
                cuts += 1
            }
        }
        #expect(comparison.cases == cuts)
        comparison.record()
    }

    /// Each sample with one to three things done to it, as `RecordMutator` does them: to the start
    /// line and a few lines after it, sometimes to the whole record.
    @Test(arguments: 0..<SampleRecords.all.count)
    func damagedRecordsAreReadAlike(_ sample: Int) {
        var comparison = Comparison()
        var mutator = RecordMutator(seed: 0x5EED_0000 + UInt64(sample))
        var choice = SeededRandom(seed: UInt64(sample))
        let record = Self.records[sample]
        for _ in 0..<500 {
            var window = record
            if choice.below(8) > 0 {
                let from = 1 + choice.below(record.count - 1)
                window = [record[0]] + record[from..<min(record.count, from + 2 + choice.below(4))]
            }
            let (bytes, what) = mutator.mutate(window)
            comparison.compare(bytes, what.joined(separator: "; "))
        }
        #expect(comparison.leftOut < 20, "\(comparison.leftOut) cases left out")
        comparison.record()
    }

    // MARK: cases the mutations find, kept by themselves

    static func both(_ lines: [String]) -> (scan: SessionFacts, exact: SessionFacts) {
        let bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        var scan = SessionScan()
        return (SessionFacts(scanning: bytes, with: &scan), SessionFacts(reading: bytes))
    }

    static let start = String(decoding: records[4][0], as: UTF8.self)

    /// A number too large for a Double (`1e999`) in a field the report does not parse: the exact
    /// reader refuses the whole line (`show` says it is not a whole JSON object); the fast way
    /// leaves such a line to it.
    @Test func aLineWithANumberTooLargeForADoubleIsSkippedBothWays() {
        for extra in [#""x":1e999"#, #""by_rep":1e999"#, #""title":-1e400"#, #""playbook_changed":1E+309"#] {
            let pause = #"{"event":"pause","reason":"command","time":"2026-06-01T12:05:02.000Z","v":1,"# + extra + "}"
            let (scan, exact) = Self.both([Self.start, pause])
            #expect(exact.skipped == 1 && exact.status == "interrupted", "the exact reader reads \(extra)")
                        #expect(scan.skipped == 1 && scan.status == "interrupted", "\(extra): the scan reads the line (\(scan.status))")
        }
    }

    /// `"playbook"` twice in a start line: the exact reader takes the last (the JSON parser's rule
    /// for a key given twice), which is not an object here, so the record has no start line it can
    /// read; the fast way takes the object and counts the session.
    @Test func aStartLineWithTwoPlaybooksIsReadAlike() {
        for second in [#""q""#, "null", "0", "false"] {
            let start = String(Self.start.dropLast()) + #","playbook":"# + second + "}"
            let (scan, exact) = Self.both([start])
            #expect(exact.start == nil && exact.skipped == 1)
                        #expect(scan.start == nil && scan.skipped == 1, "with a second playbook \(second) the scan reads the start line")
        }
        // A second playbook object: the fast way leaves the line to the exact reader, which takes the last.
        let start = String(Self.start.dropLast()) + #","playbook":{"path":"/elsewhere.playbook","title":"Elsewhere"}}"#
        let (scan, exact) = Self.both([start])
        #expect(exact.start?.path == "/elsewhere.playbook")
        #expect(scan == exact)
    }

    /// A question whose first ask was torn, answered, taken back and asked again: docs/report.md
    /// places a question by "the smallest place at which the question was first asked among the
    /// asks of its stage", so `second` is second in stage `a` (after `first`); the scan gives it the
    /// place it had among questions of no stage when its answer came first (0), a tie with
    /// `first` that the report breaks by id, putting `alpha` before `zulu` in a report taken from
    /// the records.
    @Test func aQuestionAnsweredBeforeItsFirstAskIsPlacedByItsAsk() {
        let lines = [
            Self.start,
            #"{"event":"stage_enter","number":1,"stage":"a","time":"2026-06-01T12:00:00.001Z","title":"A","v":1}"#,
            #"{"event":"ask","question":"zulu","stage":"a","text":"Z?","time":"2026-06-01T12:00:00.002Z","type":"yes/no","v":1}"#,
            #"{"event":"answer","question":"zulu","seconds":1,"shown":"yes","time":"2026-06-01T12:00:01.002Z","v":1,"value":true}"#,
            #"{"event":"ask","question":"alpha","stage":"a","text":"A?","time":"2026-06-01T12:0"#,
            #"{"event":"answer","question":"alpha","seconds":1,"shown":"no","time":"2026-06-01T12:00:02.003Z","v":1,"value":false}"#,
            #"{"event":"undo","question":"alpha","time":"2026-06-01T12:00:03.000Z","v":1}"#,
            #"{"event":"ask","question":"alpha","stage":"a","text":"A?","time":"2026-06-01T12:00:03.001Z","type":"yes/no","v":1}"#,
            #"{"event":"answer","question":"alpha","seconds":2,"shown":"yes","time":"2026-06-01T12:00:05.001Z","v":1,"value":true}"#,
        ]
        let (scan, exact) = Self.both(lines)
        #expect(exact.questions.map(\.first?.place) == [0, 1])
        #expect(scan.questions.map(\.question) == ["zulu", "alpha"])
                #expect(scan.questions.map(\.first?.place) == [0, 1])
    }
}
