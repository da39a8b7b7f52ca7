/// A session record read back: its events, and what they add up to.
public struct SessionLog: Sendable {
    public var events: [SessionEvent] = []
    /// The lines that were not read, in order, each with why: a line torn by a power cut, an
    /// event of a newer version, bytes that are not UTF-8. Reading goes on past them.
    public var skippedLines: [SkippedLine] = []
    /// The record has no line at all: an empty file, or only line ends.
    public var isEmpty = true

    /// The number of the first line that is not blank: where the start line should be.
    var firstLine = 0

    /// 1-based numbers of the lines that could not be read.
    public var unreadableLines: [Int] { skippedLines.map(\.number) }

    /// Reads a record's bytes as they are on disk, whatever they are (this never fails: what
    /// cannot be read is skipped and said why). Lines end with LF; a CR before it is dropped, for
    /// a record that passed through a Windows editor. Read as bytes, not as a String, where
    /// "\r\n" is one Character and splitting on "\n" would find no line at all.
    public init(bytes: [UInt8]) {
        var number = 0
        for var line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            if line.last == 0x0D { line = line.dropLast() }
            if line.isEmpty { continue }
            if isEmpty { firstLine = number }
            isEmpty = false
            switch SessionEvent.read(line: line, number: number) {
            case .success(let event): events.append(event)
            case .failure(let skipped): skippedLines.append(skipped)
            }
        }
    }

    /// Reads a record's text (in tests, and for records built in memory).
    public init(text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// The start event's facts; nil when the record has none (not a session file).
    public var info: SessionInfo? {
        for event in events { if case .start(let info) = event.kind { return info } }
        return nil
    }

    public var startTime: Double? { events.first?.time }

    /// Why the record has no start event to go by, when it has none: nil when it has one.
    public var missingStart: MissingStart? {
        if info != nil { return nil }
        if isEmpty { return .empty }
        // A start line that was skipped, or else a first line that was (a start always is first).
        if let line = skippedLines.first(where: { $0.event == "start" }) ?? skippedLines.first(where: { $0.number == firstLine }) {
            return .unreadable(line)
        }
        return .noStartLine
    }

    public enum MissingStart: Sendable, Hashable {
        /// No line at all: the run was stopped before it wrote one.
        case empty
        /// The start line is there but was not read.
        case unreadable(SkippedLine)
        /// Lines, but none of them a start: not a session record.
        case noStartLine
    }

    public enum Status: Sendable, Hashable {
        case ended(outcome: String, reason: String?, score: Double)
        case faulted(String)
        case paused
        /// Stopped with no pause recorded: a crash, a kill or a power cut.
        case interrupted
    }

    public var status: Status {
        for event in events.reversed() {
            switch event.kind {
            case .ended(let outcome, let reason, let score, _): return .ended(outcome: outcome, reason: reason, score: score)
            case .fault(let message, _, _): return .faulted(message)
            case .paused: return .paused
            case .resumed, .start: return .interrupted
            default: continue
            }
        }
        return .interrupted
    }

    /// What the rep did, in order, to replay on resume: answers, undos, an end by the rep.
    public var inputs: [ReplayInput] {
        events.compactMap { event in
            switch event.kind {
            case .answered(let question, let value, _, _): .answer(question: question, value: value)
            case .undo: .undo
            case .ended(let outcome, let reason, _, true): .end(outcome: outcome, reason: reason)
            default: nil
            }
        }
    }
}

/// One thing the rep did that changes the walk.
public enum ReplayInput: Sendable, Hashable {
    case answer(question: String, value: Value)
    case undo
    case end(outcome: String, reason: String?)
}
