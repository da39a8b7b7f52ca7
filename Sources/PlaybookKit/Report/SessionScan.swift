import Glibc

/// One record read for a report: the facts of docs/report.md ("The facts of a session"), found in
/// one pass over its bytes. Reused from record to record, on one thread; names are numbers of its
/// `interner`, so that a stage or question met a million times is made into a `String` once.
struct SessionScan {
    private(set) var interner = ByteInterner()
    private var scanner = LineScanner()

    /// The start line's facts; nil when the record has none that can be read.
    private(set) var info: SessionInfo?
    private(set) var lines = 0
    private(set) var skipped = 0
    private(set) var startTime: Int64 = 0
    private(set) var lastTime: Int64 = 0
    private(set) var status: ReportStatus = .interrupted
    /// For an ended session: the outcome's name (a number of `interner`), reason, score and time.
    private(set) var outcome: Int32 = -1
    private(set) var reason: String?
    private(set) var score: Double = 0
    private(set) var endTime: Int64 = 0
    /// The sum of every answer's seconds, in milliseconds.
    private(set) var activeMilliseconds: Int64 = 0
    private(set) var stages: [StageVisit] = []
    /// The stage of the last `stage_enter`, and whether no `stage_leave` of it came after.
    private(set) var lastEntered = -1
    private(set) var lastEnteredOpen = false
    private(set) var questions: [QuestionVisit] = []
    /// Every answer line, in order, with whether a `back` took it away.
    private(set) var answers: [GivenAnswer] = []
    /// The question of the last answer line before the last `end` line, or -1.
    private(set) var lastAnswerBeforeEnd: Int32 = -1
    /// The grade of the last `practice_result` line.
    private(set) var grade: Double?

    /// The number of the line that gave `info`.
    private(set) var startLine = 0
    /// Keep `readLines` (for an export).
    var keepsLines = false
    /// With `keepsLines`: each line read, as its bytes' range and its number in the record.
    private(set) var readLines: [(range: Range<Int>, number: Int)] = []
    /// The numbers of the question types the report tells apart.
    let textType: Int32
    let numberType: Int32

    /// The start line was just read: the filters see it before the rest is read.
    private var startRead = false
    private var lastAnswer: Int32 = -1
    /// The date of the line before, and the milliseconds of its midnight.
    private var lastDate: UInt64 = 0
    private var lastDateTail: UInt16 = 0
    private var lastDay: Int64?
    private var stageSlots = Slots()
    private var questionSlots = Slots()
    private var stamp: Int32 = 0
    private var asksInStage: [Int32: Int] = [:]

    init() {
        textType = interner.id("text")
        numberType = interner.id("number")
    }

    struct StageVisit {
        var stage: Int32
        var title: Int32
        var number: Int
        /// Nil for a stage left and never entered (a damaged record).
        var firstEnter: Int64?
        /// The first `stage_leave` after the first `stage_enter`.
        var firstLeave: Int64?
        var left = false
        var lastEnter: Int64
    }

    /// Where each name's visit is in this record, by the name's number; stamped, so that a new
    /// record starts empty without clearing.
    private struct Slots {
        var slots: [Int32] = []
        var stamps: [Int32] = []

        func get(_ id: Int32, _ stamp: Int32) -> Int? {
            let index = Int(id)
            return index < slots.count && stamps[index] == stamp ? Int(slots[index]) : nil
        }

        mutating func set(_ id: Int32, _ value: Int, _ stamp: Int32) {
            let index = Int(id)
            if index >= slots.count {
                let more = index + 1 - slots.count + 256
                slots.append(contentsOf: repeatElement(-1, count: more))
                stamps.append(contentsOf: repeatElement(-1, count: more))
            }
            slots[index] = Int32(value)
            stamps[index] = stamp
        }
    }

    struct QuestionVisit {
        var question: Int32
        var stage: Int32
        var type: Int32
        /// The text of its first ask in this record, as bytes of the record being read, or as
        /// read the exact way.
        var text: Range<Int>
        var textRead: String?
        /// Its place among the questions first asked in its stage in this record, from 0.
        var place: Int
        /// False for a question answered with no ask before it (a damaged record).
        var asked = true
    }

    struct GivenAnswer {
        var question: Int32
        var value: ReportValue
        /// As the rep read it: bytes of the record being read, or as read the exact way.
        var shown: Range<Int>
        var shownRead: String?
        var milliseconds: Int64
        var cancelled = false
    }

    enum Outcome {
        /// A session the filters keep, read to its end.
        case session
        /// A session the filters leave out, read to its start line only.
        case leftOut
        /// No start line that can be read: not a session record.
        case noStart
    }

    /// Reads one record. `admit` sees the start line and its time, and says whether to read on.
    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>, admit: (SessionInfo, Int64) -> Bool) -> Outcome {
        reset()
        var at = 0
        let count = bytes.count
        var number = 0
        while at < count {
            var end = count
            if let found = memchr(bytes.baseAddress! + at, 0x0A, count - at) {
                end = UnsafeRawPointer(bytes.baseAddress!).distance(to: UnsafeRawPointer(found))
            }
            let next = end + 1
            number += 1
            if end > at, bytes[end - 1] == 0x0D { end -= 1 }
            if end > at {
                lines += 1
                let skippedBefore = skipped
                if !fastLine(bytes, at, end) { slowLine(bytes, at, end, number: number) }
                if keepsLines, skipped == skippedBefore { readLines.append((at..<end, number)) }
                if startRead {
                    startLine = number
                    startRead = false
                    if let info, !admit(info, startTime) { return .leftOut }
                }
            }
            at = next
        }
        return info == nil ? .noStart : .session
    }

    private mutating func reset() {
        info = nil
        lines = 0
        skipped = 0
        status = .interrupted
        outcome = -1
        reason = nil
        score = 0
        activeMilliseconds = 0
        stages.removeAll(keepingCapacity: true)
        questions.removeAll(keepingCapacity: true)
        answers.removeAll(keepingCapacity: true)
        readLines.removeAll(keepingCapacity: true)
        asksInStage.removeAll(keepingCapacity: true)
        lastEntered = -1
        lastEnteredOpen = false
        lastAnswer = -1
        lastAnswerBeforeEnd = -1
        grade = nil
        startRead = false
        stamp &+= 1
    }

    /// The answer in force to each question: the last one no `back` took away.
    func answerInForce(_ visit: Int) -> GivenAnswer? {
        let question = questions[visit].question
        return answers.last { $0.question == question && !$0.cancelled }
    }

    // MARK: the fast way, for the common lines

    private mutating func fastLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        guard scanner.scan(bytes, from: start, to: end) else { return false }
        let v = scanner.range(.v)
        guard scanner.kind(.v) == .number, v.count == 1, bytes[v.lowerBound] == UInt8(ascii: "1"),
            scanner.kind(.event) == .string, scanner.kind(.time) == .string,
            let time = time(bytes, scanner.range(.time))
        else { return false }
        let event = scanner.range(.event)
        func named(_ word: StaticString) -> Bool { LineScanner.equals(bytes, event.lowerBound, event.upperBound, word) }
        func name(_ field: LineScanner.Field) -> Int32? {
            scanner.kind(field) == .string ? interner.id(bytes, scanner.range(field)) : nil
        }
        if named("ask") {
            guard let question = name(.question) else { return false }
            let empty = interner.id(bytes, 0..<0)
            let text = scanner.kind(.text) == .string ? scanner.range(.text) : 0..<0
            asked(question, stage: name(.stage) ?? empty, type: name(.type) ?? empty, text: text)
        } else if named("answer") {
            guard let question = name(.question), let value = fastValue(bytes), scanner.kind(.shown) == .string else { return false }
            var milliseconds: Int64 = 0
            if scanner.kind(.seconds) == .number {
                guard let given = Self.milliseconds(bytes, scanner.range(.seconds)) ?? number(bytes, scanner.range(.seconds)).map(Self.milliseconds)
                else { return false }
                milliseconds = given
            }
            answered(question, value: value, shown: scanner.range(.shown), read: nil, milliseconds: milliseconds)
        } else if named("stage_enter") {
            guard let stage = name(.stage) else { return false }
            var position = 0
            if scanner.kind(.number) == .number {
                for index in scanner.range(.number) {
                    let digit = bytes[index] &- 0x30
                    guard digit < 10, position < 1_000_000 else { return false }
                    position = position * 10 + Int(digit)
                }
            }
            entered(stage, title: name(.title) ?? stage, number: position, at: time)
        } else if named("stage_leave") {
            guard let stage = name(.stage) else { return false }
            left(stage, at: time)
        } else if named("undo") {
            guard let question = name(.question) else { return false }
            undone(question)
        } else if named("start") {
            guard info == nil, let start = fastStart(bytes) else { return false }
            started(start, at: time)
        } else if named("end") {
            guard let name = name(.outcome) else { return false }
            var points = 0.0
            if scanner.kind(.score) == .number {
                guard let number = number(bytes, scanner.range(.score)) else { return false }
                points = number
            }
            ended(name, reason: scanner.kind(.reason) == .string ? text(bytes, .reason) : nil, score: points, at: time)
        } else if named("pause") {
            status = .paused
        } else if named("resume") {
            status = .interrupted
        } else if !(named("buyer") || named("note") || named("unmet")) {
            return false
        }
        lastTime = time
        return true
    }

    /// The start line of a run, read the fast way; nil for anything unusual (practice, whose
    /// persona fields the exact reader reads; a seed that is not a decimal string).
    private func fastStart(_ bytes: UnsafeBufferPointer<UInt8>) -> SessionInfo? {
        guard scanner.kind(.session) == .string, scanner.hasPlaybook, scanner.kind(.seed) == .string else { return nil }
        let mode = scanner.kind(.mode) == .string ? text(bytes, .mode) : "run"
        guard mode != "practice" else { return nil }
        var seed: UInt64 = 0
        let digits = scanner.range(.seed)
        guard !digits.isEmpty else { return nil }
        for index in digits {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            let (times, overflow) = seed.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(digit))
            guard !overflow, !carry else { return nil }
            seed = sum
        }
        func optional(_ field: LineScanner.Field) -> String? { scanner.kind(field) == .string ? text(bytes, field) : nil }
        return SessionInfo(
            id: text(bytes, .session), mode: mode, playbookTitle: optional(.playbookTitle) ?? "",
            playbookPath: optional(.playbookPath) ?? "", playbookVersion: optional(.playbookVersion),
            playbookHash: optional(.playbookHash) ?? "", language: optional(.language) ?? "en", rep: optional(.rep),
            deal: optional(.deal), seed: seed)
    }

    private func text(_ bytes: UnsafeBufferPointer<UInt8>, _ field: LineScanner.Field) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[scanner.range(field)]), as: UTF8.self)
    }

    private mutating func fastValue(_ bytes: UnsafeBufferPointer<UInt8>) -> ReportValue? {
        switch scanner.kind(.value) {
        case .yes: return .yes
        case .no: return .no
        case .string: return .text(interner.id(bytes, scanner.range(.value)))
        case .number: return number(bytes, scanner.range(.value)).map(ReportValue.number)
        case .absent, .null: return nil
        }
    }

    /// `20.905` as 20,905 milliseconds, read straight from the digits: the same as rounding the
    /// number's Double times 1000, for the up to three decimals records write; nil for any other form.
    private static func milliseconds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        var whole: Int64 = 0
        var at = range.lowerBound
        while at < range.upperBound, bytes[at] &- 0x30 < 10, whole < 1_000_000_000 {
            whole = whole * 10 + Int64(bytes[at] &- 0x30)
            at += 1
        }
        guard at > range.lowerBound else { return nil }
        var fraction: Int64 = 0
        var digits = 0
        if at < range.upperBound {
            guard bytes[at] == UInt8(ascii: "."), range.upperBound - at - 1 <= 3 else { return nil }
            at += 1
            while at < range.upperBound {
                guard bytes[at] &- 0x30 < 10 else { return nil }
                fraction = fraction * 10 + Int64(bytes[at] &- 0x30)
                digits += 1
                at += 1
            }
        }
        while digits < 3 {
            fraction *= 10
            digits += 1
        }
        return whole * 1000 + fraction
    }

    /// Seconds as whole milliseconds, held within ±2^50 (35,000 years): an edited record's `1e300`
    /// must not trap, nor a sum of such overflow.
    static func milliseconds(_ seconds: Double) -> Int64 {
        let limit = Double(1 << 50)
        let rounded = (seconds * 1000).rounded()
        return rounded.isNaN ? 0 : Int64(max(-limit, min(limit, rounded)))
    }

    /// A time as `Timestamp.milliseconds` reads it, the common `YYYY-MM-DDTHH:MM:SS.mmmZ` the fast
    /// way, with the day of the line before remembered (a record's lines are mostly of one day).
    private mutating func time(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        guard range.count == 24, bytes[range.lowerBound + 19] == UInt8(ascii: "."), bytes[range.upperBound - 1] == UInt8(ascii: "Z")
        else { return Timestamp.milliseconds(UnsafeBufferPointer(rebasing: bytes[range])) }
        let at = range.lowerBound
        let date = UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: at, as: UInt64.self)
        let tail = UInt16(bytes[at + 8]) | UInt16(bytes[at + 9]) << 8
        func digits(_ offset: Int, _ count: Int) -> Int64? {
            var value: Int64 = 0
            for index in (at + offset)..<(at + offset + count) {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard bytes[at + 10] == UInt8(ascii: "T"), bytes[at + 13] == UInt8(ascii: ":"), bytes[at + 16] == UInt8(ascii: ":"),
            let hour = digits(11, 2), let minute = digits(14, 2), let second = digits(17, 2), let milli = digits(20, 3),
            hour < 24, minute < 60, second < 61
        else { return nil }
        if date != lastDate || tail != lastDateTail || lastDay == nil {
            guard let day = Timestamp.milliseconds(UnsafeBufferPointer(rebasing: bytes[range])) else { return nil }
            lastDate = date
            lastDateTail = tail
            lastDay = day - (hour * 3_600_000 + minute * 60_000 + second * 1000 + milli)
        }
        return lastDay! + hour * 3_600_000 + minute * 60_000 + second * 1000 + milli
    }

    /// A JSON number's value, as the exact reader gets it; nil when it does not fit a finite Double.
    private func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)), value.isFinite
        else { return nil }
        return value
    }

    // MARK: the exact way, for everything else

    private mutating func slowLine(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, number: Int) {
        guard case .success(let event) = SessionEvent.read(line: ArraySlice(bytes[start..<end]), number: number) else {
            skipped += 1
            return
        }
        let time = Int64((event.time * 1000).rounded())
        lastTime = time
        switch event.kind {
        case .start(let start):
            if info == nil {
                started(start, at: time)
            } else {
                status = .interrupted
            }
        case .stageEntered(let stage, let title, let position):
            entered(interner.id(stage), title: interner.id(title), number: position, at: time)
        case .stageLeft(let stage): left(interner.id(stage), at: time)
        case .asked(let question, let text, let type, let stage):
            asked(interner.id(question), stage: interner.id(stage), type: interner.id(type), text: 0..<0, read: text)
        case .answered(let question, let value, let shown, let seconds):
            let given: ReportValue =
                switch value {
                case .bool(let flag): flag ? .yes : .no
                case .number(let number): .number(number)
                case .text(let text): .text(interner.id(text))
                }
            answered(interner.id(question), value: given, shown: 0..<0, read: shown, milliseconds: Self.milliseconds(seconds))
        case .undo(let question): undone(interner.id(question))
        case .paused: status = .paused
        case .resumed: status = .interrupted
        case .ended(let name, let why, let points, _): ended(interner.id(name), reason: why, score: points, at: time)
        case .fault: status = .faulted
        case .practiceResult(let result): grade = result.grade
        case .buyer, .note, .unmet, .move: break
        }
    }

    // MARK: the facts, line by line

    private mutating func started(_ start: SessionInfo, at time: Int64) {
        info = start
        startTime = time
        startRead = true
        status = .interrupted
    }

    private mutating func ended(_ name: Int32, reason why: String?, score points: Double, at time: Int64) {
        status = .ended
        outcome = name
        reason = why
        score = points
        endTime = time
        lastAnswerBeforeEnd = lastAnswer
    }

    private mutating func entered(_ stage: Int32, title: Int32, number: Int, at time: Int64) {
        if let index = stageSlots.get(stage, stamp) {
            if stages[index].firstEnter == nil {
                stages[index].firstEnter = time
                stages[index].title = title
            }
            stages[index].lastEnter = time
            stages[index].number = min(stages[index].number, number)
            lastEntered = index
        } else {
            stageSlots.set(stage, stages.count, stamp)
            lastEntered = stages.count
            stages.append(StageVisit(stage: stage, title: title, number: number, firstEnter: time, lastEnter: time))
        }
        lastEnteredOpen = true
    }

    private mutating func left(_ stage: Int32, at time: Int64) {
        if let index = stageSlots.get(stage, stamp) {
            if stages[index].firstLeave == nil, stages[index].firstEnter != nil { stages[index].firstLeave = time }
            stages[index].left = true
            if lastEntered == index { lastEnteredOpen = false }
        } else {
            // Left and never entered (a damaged record): it counts as left, with no time in it.
            stageSlots.set(stage, stages.count, stamp)
            stages.append(StageVisit(stage: stage, title: stage, number: Int.max, firstEnter: nil, left: true, lastEnter: time))
        }
    }

    private mutating func asked(_ question: Int32, stage: Int32, type: Int32, text: Range<Int>, read: String? = nil, really: Bool = true) {
        if let index = questionSlots.get(question, stamp) {
            if really, !questions[index].asked {
                // First met by its answer (a damaged record): its place is where it is asked.
                questions[index].asked = true
                questions[index].place = asksInStage[stage, default: 0]
                asksInStage[stage] = questions[index].place + 1
                questions[index].stage = stage
                questions[index].type = type
                questions[index].text = text
                questions[index].textRead = read
            }
            return
        }
        questionSlots.set(question, questions.count, stamp)
        // Only an ask takes a place among the asks of its stage.
        let place = really ? asksInStage[stage, default: 0] : 0
        if really { asksInStage[stage] = place + 1 }
        questions.append(
            QuestionVisit(question: question, stage: stage, type: type, text: text, textRead: read, place: place, asked: really))
    }

    private mutating func answered(_ question: Int32, value: ReportValue, shown: Range<Int>, read: String?, milliseconds: Int64) {
        activeMilliseconds &+= milliseconds
        answers.append(GivenAnswer(question: question, value: value, shown: shown, shownRead: read, milliseconds: milliseconds))
        lastAnswer = question
        if questionSlots.get(question, stamp) == nil {
            // An answer with no ask before it (a damaged record): the question was still put.
            let empty = interner.id("")
            asked(question, stage: empty, type: empty, text: 0..<0, really: false)
        }
    }

    private mutating func undone(_ question: Int32) {
        if let index = answers.lastIndex(where: { $0.question == question && !$0.cancelled }) {
            answers[index].cancelled = true
        }
    }
}

/// A session's status, as docs/sessions.md defines it.
public enum ReportStatus: Int, Sendable, CaseIterable {
    case ended, paused, interrupted, faulted

    public var name: String {
        switch self {
        case .ended: "ended"
        case .paused: "paused"
        case .interrupted: "interrupted"
        case .faulted: "faulted"
        }
    }
}

/// An answer as the report counts it; texts by their number in the scan's interner.
enum ReportValue: Hashable {
    case yes, no
    case number(Double)
    case text(Int32)
}
