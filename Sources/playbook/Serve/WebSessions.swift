import Glibc
import PlaybookKit
import Synchronization

/// The sessions the server has open, each behind its own lock: two reps answering at once wait
/// only for their own record's flush, and one session's requests are taken one at a time.
final class WebSessions: Sendable {
    let store: SessionStore
    let playbooks: ServedPlaybooks
    private let open = Mutex<[String: Slot]>([:])

    /// One session's lock.
    final class Slot: Sendable {
        let session: Mutex<WebSession?>
        init(_ session: consuming sending WebSession) { self.session = Mutex(session) }
    }

    /// Why a request about a session cannot be done, in words for the page.
    enum Refusal: Error {
        /// The session is open in another tab of this server.
        case otherTab
        /// The record cannot be opened or resumed (open in a terminal, ended, not found, damaged).
        case cannot(String)
        /// It ended: the transcript is all there is to see.
        case ended
        /// No such session.
        case notFound
        /// Not open in this server (it was started again, or the session paused): a form for it
        /// changes nothing; its page opens it again.
        case notOpen
    }

    init(store: SessionStore, playbooks: ServedPlaybooks) {
        self.store = store
        self.playbooks = playbooks
    }

    /// Starts a deal or a practice run of a served playbook; returns the session's id and lease.
    func start(_ entry: ServedPlaybooks.Entry, _ request: SessionOpening.Request, lease asked: String?) throws(StoreError) -> (String, String) {
        let (record, info) = try SessionOpening.create(request, program: entry.program, check: entry.check, path: entry.path, store: store)
        var walk = LiveWalk(runner: Runner(walk: Walk(program: entry.program, seed: request.seed), practice: request.practice), recorder: record, clock: now)
        let turn = try walk.start()
        let lease = Self.lease(asked)
        let slot = Slot(WebSession(walk: walk, info: info, lease: lease, first: turn))
        open.withLock { $0[info.id] = slot }
        return (info.id, lease)
    }

    /// Opens the session `id` in a tab: the one open here (given to this tab when `takeOver`),
    /// else resumed from its record. Returns the tab's lease.
    func open(_ id: String, lease asked: String?, takeOver: Bool) throws(Refusal) -> String {
        if let slot = slot(id) {
            let result: Result<String, Refusal> = slot.session.withLock { session in
                guard var current = session else { return .failure(.cannot("the session is closing")) }
                guard current.isOpen, current.lease != asked else { return .success(current.lease) }
                guard takeOver else { return .failure(.otherTab) }
                current.lease = Self.lease(asked)
                session = current
                return .success(current.lease)
            }
            switch result {
            case .success(let lease): return lease
            case .failure(let refusal) where refusal.isOtherTab: throw refusal
            case .failure: break
            }
        }
        return try resume(id, lease: Self.lease(asked))
    }

    /// Does `inputs` for the tab holding `lease`, if its page is the latest (`turn`); returns the
    /// runner's words for a pause, when the session paused (and was closed).
    func perform(_ id: String, lease: String, turn: Int, _ inputs: [RepInput]) throws(Refusal) -> String? {
        guard let slot = slot(id) else { throw .notOpen }
        let result: Result<String?, Refusal> = slot.session.withLock { session in
            guard var current = session else { return .failure(.cannot("the session is closing")) }
            guard current.lease == lease else { return .failure(.otherTab) }
            // A form from an older page (sent twice, or from before a refresh): the walk has moved on.
            guard current.turn == turn, current.isOpen else { return .success(nil) }
            do throws(StoreError) {
                for input in inputs where current.isOpen { try current.perform(input) }
            } catch {
                return .failure(.cannot(error.message))
            }
            session = current
            guard current.state == .paused else { return .success(nil) }
            let strings = current.runner.strings
            return .success(strings(.paused) + " " + strings(.resumeWith, "playbook resume \(id)"))
        }
        let paused = try result.get()
        if paused != nil { _ = open.withLock { $0.removeValue(forKey: id) } }
        return paused
    }

    /// The sessions in the folder, newest first.
    func list() -> [SessionList.Row] {
        var list = SessionList()
        guard let folder = try? store.openForReading(), let ids = try? SessionStore.ids(in: folder) else { return [] }
        for id in ids {
            let log = (try? folder.read(id + ".jsonl", path: store.path(of: id))).map { SessionLog(bytes: $0) }
            _ = list.add(id, log: log, rep: nil, mode: .all)
        }
        return list.rows
    }

    /// The record of `id`, read (never locked or changed).
    func log(_ id: String) -> SessionLog? {
        guard Self.isSessionID(id), let location = try? store.locate(id, writing: false), let bytes = try? location.read() else {
            return nil
        }
        return SessionLog(bytes: bytes)
    }

    /// The team report of the folder's deals, as `playbook report --format html` gives it; nil
    /// when no deal is recorded.
    func reportPage() -> String? {
        let files = RecordFiles(operands: [store.directory])
        let reading = RecordReading(files.paths, filter: ReportFilter(), keepDeals: false)
        let report = TeamReport(reading.reader, facts: { PlaybookFacts.load($0) }, asOf: Int64(now() * 1000))
        return report.playbooks.isEmpty ? nil : report.html()
    }

    /// The walk page of `id` for the tab holding `lease`; what a turn that did not move the walk
    /// showed is shown once.
    func page(_ id: String, lease: String?) throws(Refusal) -> WalkScreen {
        guard let slot = slot(id) else { throw .notOpen }
        let result: Result<WalkScreen, Refusal> = slot.session.withLock { session in
            guard var current = session else { return .failure(.cannot("the session is closing")) }
            if current.isOpen, current.lease != lease { return .failure(.otherTab) }
            let page = current.page(flash: current.flash)
            current.flash = []
            session = current
            return .success(page)
        }
        return try result.get()
    }

    /// Whether `id` is open in this server (and not yet ended or paused).
    func isOpen(_ id: String) -> Bool {
        slot(id)?.session.withLock { $0?.isOpen ?? false } ?? false
    }

    /// Ids of the sessions open here.
    var openIDs: Set<String> {
        let slots = open.withLock { Array($0) }
        return Set(slots.filter { $0.value.session.withLock { $0?.isOpen ?? false } }.map(\.key))
    }

    /// Pauses every session still open, so that each can be resumed here or in a terminal.
    func closeAll() {
        let slots = open.withLock { table in
            defer { table.removeAll() }
            return Array(table.values)
        }
        for slot in slots {
            slot.session.withLock { session in
                guard var current = session else { return }
                try? current.perform(.pause(.interrupt))
                session = nil
            }
        }
    }

    private func slot(_ id: String) -> Slot? { open.withLock { $0[id] } }

    /// Resumes `id` from its record: locked (a terminal holding it refuses), replayed, recorded.
    private func resume(_ id: String, lease: String) throws(Refusal) -> String {
        guard Self.isSessionID(id) else { throw .notFound }
        let location: RecordLocation
        do throws(StoreError) {
            location = try store.locate(id, writing: true)
        } catch {
            throw .notFound
        }
        if case .ended = SessionLog(bytes: (try? location.read()) ?? []).status { throw .ended }
        do throws(StoreError) {
            let (record, log, info) = try SessionOpening.open(location)
            let (program, check) = try playbook(for: info)
            var resumed = try SessionOpening.resume(record, log: log, info: info, program: program, check: check)
            var intro: [DisplayItem] = [.message(resumed.notice, .plain)]
            if let (why, problem) = resumed.stopped {
                intro += [.problem(why), .message(problem, .plain)]
            } else if resumed.changed {
                intro.append(.message(resumed.runner.strings(.replayChanged), .plain))
            }
            if resumed.report.replayed > 0, let persona = resumed.runner.personaIntro() { intro.append(persona) }
            var walk = LiveWalk(runner: resumed.runner, recorder: record, clock: now)
            let turn = try walk.start()
            if turn.state == .waiting { intro.append(walk.runner.stageItem(walk.runner.walk.state.stage)) }
            let slot = Slot(WebSession(walk: walk, info: info, lease: lease, first: turn, before: intro))
            // Two tabs resuming at once: the record's lock lets one through; the other is refused above.
            open.withLock { $0[id] = slot }
            return lease
        } catch {
            throw .cannot(error.message)
        }
    }

    /// The playbook a record walked: the served one at its path, else read and checked again.
    private func playbook(for info: SessionInfo) throws(StoreError) -> (Program, CheckResult) {
        if let entry = playbooks.entry(path: info.playbookPath) { return (entry.program, entry.check) }
        switch checkPlaybook(at: info.playbookPath, loader: FileSystemLoader()) {
        case .failure(let failure):
            throw StoreError("cannot read the session's playbook '\(info.playbookPath)': \(failure.reason)")
        case .success(let check):
            guard let program = Program(check) else {
                throw StoreError("the session's playbook '\(info.playbookPath)' has errors; 'playbook check' shows them")
            }
            return (program, check)
        }
    }

    /// Ids as `run` makes them (`20261122-173512-3fa9`): nothing else names a record here.
    static func isSessionID(_ text: String) -> Bool {
        text.utf8.count == 20 && text.utf8.enumerated().allSatisfy { index, byte in
            index == 8 || index == 15 ? byte == UInt8(ascii: "-") : (index > 15 ? Self.isHex(byte) : (0x30...0x39).contains(byte))
        }
    }

    private static func isHex(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) }

    /// 128 random bits, in hex: a tab's hold on a session.
    static func newLease() -> String {
        String(randomBits(), radix: 16) + String(randomBits(), radix: 16)
    }

    /// The lease a page's form sent, when it looks like one the server made; else a new one.
    static func lease(_ asked: String?) -> String {
        guard let asked, (16...32).contains(asked.utf8.count), asked.utf8.allSatisfy(isHex) else { return newLease() }
        return asked
    }
}

extension WebSessions.Refusal {
    var isOtherTab: Bool {
        if case .otherTab = self { return true }
        return false
    }
}
