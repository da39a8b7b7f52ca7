/// A session record read back: its events, and what they add up to.
public struct SessionLog: Sendable {
    public var events: [SessionEvent] = []
    /// 1-based numbers of lines that could not be read: a line torn by a power cut, or an event
    /// of a newer version. Reading goes on past them.
    public var unreadableLines: [Int] = []

    public init(text: String) {
        var number = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line[...]
            if trimmed.isEmpty { continue }
            if let event = SessionEvent(jsonLine: trimmed) {
                events.append(event)
            } else {
                unreadableLines.append(number)
            }
        }
    }

    /// The start event's facts; nil when the record has none (not a session file).
    public var info: SessionInfo? {
        for event in events { if case .start(let info) = event.kind { return info } }
        return nil
    }

    public var startTime: Double? { events.first?.time }

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
