@testable import PlaybookKit

/// The facts of one record that docs/report.md ("The facts of a session") builds every figure
/// from, in plain values: once as the report's `SessionScan` finds them, once derived here from
/// the exact reader's events (`SessionLog`), following the page rather than the scan's code.
struct SessionFacts: Equatable, CustomStringConvertible {
    /// The start line's facts a report uses; nil when the record has no readable start line.
    var start: Start?
    /// Lines that are not blank, and of them the ones skipped.
    var lines = 0
    var skipped = 0
    var status = "interrupted"
    var ending: Ending?
    /// The time of the last readable line.
    var lastActivity: Int64?
    var activeMilliseconds: Int64 = 0
    /// In the order of their first `stage_enter` or `stage_leave` (the records' order).
    var stages: [Stage] = []
    /// The stage of the last `stage_enter`, and whether no `stage_leave` of it came after.
    var lastEntered: String?
    var lastEnteredOpen = false
    /// In the order of their first `ask` or `answer`.
    var questions: [Question] = []
    /// Every answer line in order, with whether an `undo` took it away.
    var answers: [Answer] = []
    /// Per question, the answer in force (docs/report.md): the last one not taken away.
    var inForce: [String: Answer] = [:]
    /// The grade of the last `practice_result` line.
    var grade: Double?

    struct Start: Equatable {
        var id, mode, title, path, hash, language: String
        var version, rep, deal: String?
        var seed: UInt64
        var time: Int64

        init(_ info: SessionInfo, time: Int64) {
            id = info.id
            mode = info.mode
            title = info.playbookTitle
            path = info.playbookPath
            hash = info.playbookHash
            language = info.language
            version = info.playbookVersion
            rep = info.rep
            deal = info.deal
            seed = info.seed
            self.time = time
        }
    }

    /// For an ended session: its last `end` line, and the question of the last answer before it.
    struct Ending: Equatable {
        var outcome: String
        var reason: String?
        var score: Double
        var time: Int64
        var lastAnswer: String?
    }

    struct Stage: Equatable {
        var stage: String
        /// The title of its first `stage_enter` (its id when it was only left).
        var title: String
        /// The smallest `number` of its `stage_enter` lines; Int.max when it has none.
        var number: Int
        var firstEnter: Int64?
        /// The first `stage_leave` after the first `stage_enter`.
        var firstLeave: Int64?
        var left: Bool
        /// The time of its last `stage_enter` (nil when it was never entered).
        var lastEnter: Int64?
    }

    struct Question: Equatable {
        var question: String
        var asked: Bool
        /// Of its first `ask`; nil when it was answered and never asked.
        var first: FirstAsk?
    }

    struct FirstAsk: Equatable {
        var stage, type, text: String
        /// Its place among the questions first asked in its stage, from 0.
        var place: Int
    }

    struct Answer: Equatable {
        var question: String
        var value: Value
        var shown: String
        var milliseconds: Int64
        var cancelled: Bool
    }

    enum Value: Equatable {
        case yes, no
        case number(Double)
        case text(String)
    }

    var description: String {
        var text = "start: \(start.map { "\($0)" } ?? "none"), lines \(lines), skipped \(skipped), \(status)"
        if let ending { text += ", \(ending)" }
        text += ", last \(lastActivity.map(String.init) ?? "-"), active \(activeMilliseconds) ms, grade \(grade.map { "\($0)" } ?? "-")"
        text += "\n  stages: \(stages)\n  last entered: \(lastEntered ?? "-") open \(lastEnteredOpen)"
        text += "\n  questions: \(questions)\n  answers: \(answers)\n  in force: \(inForce.sorted { $0.key < $1.key })"
        return text
    }

    /// The names of the facts that differ from `other`'s, for a message that says where to look.
    func differences(from other: SessionFacts) -> [String] {
        var names: [String] = []
        if start != other.start { names.append("start") }
        if (lines, skipped) != (other.lines, other.skipped) { names.append("lines read and skipped") }
        if status != other.status { names.append("status") }
        if ending != other.ending { names.append("outcome") }
        if lastActivity != other.lastActivity { names.append("last activity") }
        if activeMilliseconds != other.activeMilliseconds { names.append("active seconds") }
        if stages != other.stages { names.append("stage visits") }
        if (lastEntered, lastEnteredOpen) != (other.lastEntered, other.lastEnteredOpen) { names.append("current stage") }
        if questions.map(\.question) != other.questions.map(\.question) || questions.map(\.asked) != other.questions.map(\.asked) {
            names.append("questions asked")
        }
        if questions.map({ $0.first.map { [$0.stage, $0.type, $0.text] } }) != other.questions.map({ $0.first.map { [$0.stage, $0.type, $0.text] } }) {
            names.append("first asks")
        }
        if questions.map(\.first?.place) != other.questions.map(\.first?.place) { names.append("question places") }
        if answers != other.answers { names.append("answer lines") }
        if inForce != other.inForce { names.append("answers in force") }
        if grade != other.grade { names.append("grade") }
        return names
    }
}

extension SessionFacts {
    /// What the report's scan concludes from a record's bytes (read to the end: every start admitted).
    init(scanning bytes: [UInt8], with scan: inout SessionScan) {
        self = bytes.withUnsafeBufferPointer { buffer in
            _ = scan.read(buffer) { _, _ in true }
            return SessionFacts(scan, buffer)
        }
    }

    private init(_ scan: SessionScan, _ bytes: UnsafeBufferPointer<UInt8>) {
        let names = scan.interner
        start = scan.info.map { Start($0, time: scan.startTime) }
        lines = scan.lines
        skipped = scan.skipped
        status = scan.status.name
        if scan.status == .ended {
            ending = Ending(
                outcome: names.string(scan.outcome), reason: scan.reason, score: scan.score, time: scan.endTime,
                lastAnswer: scan.lastAnswerBeforeEnd >= 0 ? names.string(scan.lastAnswerBeforeEnd) : nil)
        }
        // A record with no readable line leaves the scan's time as it was: there is none to compare.
        lastActivity = scan.lines > scan.skipped ? scan.lastTime : nil
        activeMilliseconds = scan.activeMilliseconds
        stages = scan.stages.map { visit in
            Stage(
                stage: names.string(visit.stage), title: names.string(visit.title), number: visit.number,
                firstEnter: visit.firstEnter, firstLeave: visit.firstLeave, left: visit.left,
                lastEnter: visit.firstEnter == nil ? nil : visit.lastEnter)
        }
        if scan.lastEntered >= 0 {
            lastEntered = names.string(scan.stages[scan.lastEntered].stage)
            lastEnteredOpen = scan.lastEnteredOpen
        }
        func value(_ given: ReportValue) -> Value {
            switch given {
            case .yes: .yes
            case .no: .no
            case .number(let number): .number(number)
            case .text(let id): .text(names.string(id))
            }
        }
        func answer(_ given: SessionScan.GivenAnswer) -> Answer {
            Answer(
                question: names.string(given.question), value: value(given.value),
                shown: given.shownRead ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[given.shown]), as: UTF8.self),
                milliseconds: given.milliseconds, cancelled: given.cancelled)
        }
        for (index, visit) in scan.questions.enumerated() {
            let name = names.string(visit.question)
            let text = visit.textRead ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[visit.text]), as: UTF8.self)
            let first = visit.asked
                ? FirstAsk(stage: names.string(visit.stage), type: names.string(visit.type), text: text, place: visit.place) : nil
            questions.append(Question(question: name, asked: visit.asked, first: first))
            if let given = scan.answerInForce(index) { inForce[name] = answer(given) }
        }
        answers = scan.answers.map(answer)
        grade = scan.grade
    }

    /// The facts of docs/report.md, derived from the events of the exact reader.
    init(reading bytes: [UInt8]) {
        let log = SessionLog(bytes: bytes)
        lines = log.events.count + log.skippedLines.count
        skipped = log.skippedLines.count
        func milliseconds(_ seconds: Double) -> Int64 { Int64((seconds * 1000).rounded()) }
        var lastAnswer: String?
        var asksInStage: [String: Int] = [:]
        var lastEnter: (stage: String, line: Int)?
        var stageLines: [(stage: String, entered: Bool)] = []
        for event in log.events {
            let time = milliseconds(event.time)
            lastActivity = time
            switch event.kind {
            case .start(let info):
                if start == nil { start = Start(info, time: time) }
                status = "interrupted"
            case .resumed: status = "interrupted"
            case .paused: status = "paused"
            case .fault: status = "faulted"
            case .ended(let outcome, let reason, let score, _):
                status = "ended"
                ending = Ending(outcome: outcome, reason: reason, score: score, time: time, lastAnswer: lastAnswer)
            case .stageEntered(let stage, let title, let number):
                stageLines.append((stage, true))
                lastEnter = (stage, stageLines.count - 1)
                if let index = stages.firstIndex(where: { $0.stage == stage }) {
                    if stages[index].firstEnter == nil {
                        stages[index].firstEnter = time
                        stages[index].title = title
                    }
                    stages[index].number = min(stages[index].number, number)
                    stages[index].lastEnter = time
                } else {
                    stages.append(
                        Stage(stage: stage, title: title, number: number, firstEnter: time, firstLeave: nil, left: false, lastEnter: time))
                }
            case .stageLeft(let stage):
                stageLines.append((stage, false))
                if let index = stages.firstIndex(where: { $0.stage == stage }) {
                    if stages[index].firstEnter != nil, stages[index].firstLeave == nil { stages[index].firstLeave = time }
                    stages[index].left = true
                } else {
                    stages.append(
                        Stage(stage: stage, title: stage, number: Int.max, firstEnter: nil, firstLeave: nil, left: true, lastEnter: nil))
                }
            case .asked(let question, let text, let type, let stage):
                let index: Int
                if let known = questions.firstIndex(where: { $0.question == question }) {
                    guard !questions[known].asked else { break }
                    index = known
                } else {
                    index = questions.count
                    questions.append(Question(question: question, asked: false, first: nil))
                }
                let place = asksInStage[stage, default: 0]
                asksInStage[stage] = place + 1
                questions[index].asked = true
                questions[index].first = FirstAsk(stage: stage, type: type, text: text, place: place)
            case .answered(let question, let given, let shown, let seconds):
                let value: Value =
                    switch given {
                    case .bool(let flag): flag ? .yes : .no
                    case .number(let number): .number(number)
                    case .text(let text): .text(text)
                    }
                answers.append(Answer(question: question, value: value, shown: shown, milliseconds: milliseconds(seconds), cancelled: false))
                activeMilliseconds += milliseconds(seconds)
                lastAnswer = question
                if !questions.contains(where: { $0.question == question }) {
                    questions.append(Question(question: question, asked: false, first: nil))
                }
            case .undo(let question):
                if let index = answers.lastIndex(where: { $0.question == question && !$0.cancelled }) { answers[index].cancelled = true }
            case .practiceResult(let result): grade = result.grade
            case .buyer, .note, .unmet, .move: break
            }
        }
        if let lastEnter {
            lastEntered = lastEnter.stage
            lastEnteredOpen = !stageLines[(lastEnter.line + 1)...].contains { $0.stage == lastEnter.stage && !$0.entered }
        }
        for answer in answers where !answer.cancelled { inForce[answer.question] = answer }
        if status != "ended" { ending = nil }
    }
}
