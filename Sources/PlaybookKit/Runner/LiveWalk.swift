/// Where a live session's events go: appended whole, and on disk, before `append` returns.
public protocol SessionRecorder {
    associatedtype Failure: Error
    func append(_ events: [SessionEvent]) throws(Failure)
}

/// A walk being run for a rep, in the terminal or in the browser: every turn's events are
/// recorded (with the clock's time) before the turn is handed back to be shown, so nothing a
/// rep has seen is missing from the record after a crash or a kill.
public struct LiveWalk<Recorder: SessionRecorder> {
    public private(set) var runner: Runner
    public let recorder: Recorder
    /// Seconds since the epoch, for the record's times and the seconds an answer took.
    let clock: @Sendable () -> Double

    public init(runner: Runner, recorder: Recorder, clock: @escaping @Sendable () -> Double) {
        self.runner = runner
        self.recorder = recorder
        self.clock = clock
    }

    /// Records the events of a turn made outside (the start of a session, a resume).
    public func record(_ events: [SessionEvent.Kind]) throws(Recorder.Failure) {
        let time = clock()
        try recorder.append(events.map { SessionEvent($0, time: time) })
    }

    /// Runs the walk to the first thing the rep must answer, recorded.
    public mutating func start() throws(Recorder.Failure) -> Runner.Turn {
        let turn = runner.proceed(now: clock())
        try record(turn.records)
        return turn
    }

    /// Does what the rep did, records it, and returns what to show.
    public mutating func perform(_ input: RepInput) throws(Recorder.Failure) -> Runner.Turn {
        let turn = runner.perform(input, now: clock())
        try record(turn.records)
        return turn
    }
}

extension LiveWalk: Sendable where Recorder: Sendable {}
