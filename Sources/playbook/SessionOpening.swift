import Glibc
import PlaybookKit

/// Starting and resuming a recorded session: what `run`, `practice`, `resume` and `serve` share.
enum SessionOpening {
    /// Who starts a session, with what.
    struct Request {
        var mode: String
        var rep: String?
        var deal: String?
        var seed: UInt64
        var practice: PracticeOptions?
    }

    /// Creates a new session's record (with its start line) for `program`, read from `path`.
    /// An id already taken (two sessions started in one second) is drawn again.
    static func create(
        _ request: Request, program: Program, check: CheckResult, path: String, store: SessionStore
    ) throws(StoreError) -> (RecordFile, SessionInfo) {
        let folder = try store.openForWriting()
        var attempt = 0
        while true {
            let id = RunCommand.sessionID()
            let info = SessionInfo(
                id: id, mode: request.mode, playbookTitle: program.sourceTitle, playbookPath: RunCommand.absolute(path),
                playbookVersion: program.version, playbookHash: SourceFile.contentHash(check.sources), language: program.language,
                rep: request.rep, deal: request.deal, seed: request.seed, persona: request.practice?.persona?.id,
                personaName: request.practice?.persona?.name, holdFeedback: request.practice?.holdFeedback ?? false)
            do throws(StoreError) {
                let record = try RecordFile(creating: id + ".jsonl", in: folder, path: store.path(of: id), first: SessionEvent(.start(info), time: now()))
                return (record, info)
            } catch where error.code == EEXIST && attempt < 8 {
                attempt += 1
            }
        }
    }

    /// A session opened again: its record locked and read, its answers replayed.
    struct Resumed {
        var runner: Runner
        let record: RecordFile
        let info: SessionInfo
        let log: SessionLog
        let report: ReplayReport
        /// The playbook is not the one the session started with.
        let changed: Bool
    }

    /// Locks and reads the record at `location`; refuses one that is not a session or has ended.
    static func open(_ location: RecordLocation) throws(StoreError) -> (RecordFile, SessionLog, SessionInfo) {
        let record = try RecordFile(resuming: location.name, in: location.folder, path: location.path)
        let log = SessionLog(bytes: record.contents)
        if let problem = RecordNotes.unusable(log, path: location.path, nothingTo: "nothing to resume") {
            throw StoreError(problem)
        }
        guard let info = log.info else { throw StoreError("'\(location.path)' is not a session record") }
        if case .ended(let outcome, _, _) = log.status {
            throw StoreError("the session \(info.id) already ended (\(outcome)); 'playbook show \(info.id)' prints it")
        }
        return (record, log, info)
    }

    /// Replays the record's answers against `program` and records that the session resumed.
    static func resume(
        _ record: RecordFile, log: SessionLog, info: SessionInfo, program: Program, check: CheckResult
    ) throws(StoreError) -> Resumed {
        let practice = info.mode == "practice"
            ? PracticeOptions(persona: program.personas.first { $0.id == info.persona }, holdFeedback: info.holdFeedback)
            : nil
        var runner = Runner(walk: Walk(program: program, seed: info.seed), practice: practice)
        let report = runner.replay(log.inputs)
        let changed = SourceFile.contentHash(check.sources) != info.playbookHash
        try record.append(
            SessionEvent(.resumed(replayed: report.replayed, notReplayed: report.notReplayed, playbookChanged: changed), time: now()))
        return Resumed(runner: runner, record: record, info: info, log: log, report: report, changed: changed)
    }
}

extension SessionOpening.Resumed {
    /// "Resumed ... with 3 answers", in the rep's language; the record's words are anyone's who
    /// could write the file, so the caller makes them safe for its screen.
    var notice: String {
        let strings = runner.strings
        let who = [info.deal, info.rep].compactMap { $0 }.joined(separator: " · ")
        return strings(.resumed, info.playbookTitle, who.isEmpty ? info.id : who) + " "
            + (report.answersInForce == 1 ? strings(.replayedOne) : strings(.replayed, String(report.answersInForce)))
    }

    /// Why the answers stopped fitting, when they did: the playbook changed, or (its hash the
    /// same) the record is damaged or was edited; and the runner's words for the first that did not.
    var stopped: (why: String, problem: String)? {
        guard let problem = report.stoppedBecause else { return nil }
        let strings = runner.strings
        let damaged = log.unreadableLines.map(String.init).joined(separator: ", ")
        let why = changed ? strings(.replayStopped, String(report.notReplayed))
            : damaged.isEmpty ? strings(.replayStoppedUnchanged, String(report.notReplayed))
            : strings(.replayStoppedDamaged, String(report.notReplayed), damaged)
        return (why, problem)
    }
}
