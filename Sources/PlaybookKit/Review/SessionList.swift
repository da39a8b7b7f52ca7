/// `playbook sessions`: one row per record, newest first, as a table or as JSON. A record that
/// cannot be gone by is listed too (`empty` or `unreadable`), so that none is hidden.
public struct SessionList: Sendable {
    /// Which sessions are listed: all of them, deals only, or rehearsals only.
    public enum Mode: String, CaseIterable, Sendable { case all, run, practice }

    public struct Row: Sendable, Hashable {
        public var session: String
        public var started: Double?
        public var rep: String?
        public var deal: String?
        public var playbook: String?
        public var mode: String?
        /// `ended`, `paused`, `interrupted`, `faulted`, or `empty` / `unreadable` for a record
        /// without a readable start.
        public var status: String
        public var outcome: String?
    }

    public private(set) var rows: [Row] = []

    public init() {}

    /// Adds the record `id` (its log, nil when the file could not be read), unless `rep` or
    /// `mode` leaves it out; a record with no readable start has no rep or mode, so either
    /// filter leaves it out. Says whether it was added.
    @discardableResult
    public mutating func add(_ id: String, log: SessionLog?, rep: String?, mode: Mode) -> Bool {
        guard let log, let info = log.info else {
            guard rep == nil, mode == .all else { return false }
            rows.append(Row(session: id, status: log?.isEmpty == true ? "empty" : "unreadable"))
            return true
        }
        if let rep, info.rep != rep { return false }
        if mode != .all, info.mode != mode.rawValue { return false }
        var outcome: String?
        if case .ended(let name, _, _) = log.status { outcome = name }
        rows.append(
            Row(
                session: id, started: log.startTime, rep: info.rep, deal: info.deal, playbook: info.playbookTitle,
                mode: info.mode, status: Transcript.statusWord(log.status), outcome: outcome))
        return true
    }

    /// The table, every cell made safe for the terminal (they are a record's words).
    public func table() -> String {
        let cells = rows.map { row in
            [
                row.session, row.started.map(Transcript.minute) ?? "", row.rep ?? "", row.deal ?? "", row.playbook ?? "",
                row.mode ?? "", row.status, row.outcome ?? "",
            ].map { TerminalText.safe($0) }
        }
        return TextTable.render(header: ["SESSION", "STARTED", "REP", "DEAL", "PLAYBOOK", "MODE", "STATUS", "OUTCOME"], rows: cells)
    }

    /// `{"version": 1, "sessions": [...]}`, the fields exactly as recorded.
    public func json() -> JSON {
        let sessions = rows.map { row in
            JSON.object([
                "session": .string(row.session), "started": row.started.map { .string(Timestamp.format($0)) } ?? .null,
                "rep": row.rep.map(JSON.string) ?? .null, "deal": row.deal.map(JSON.string) ?? .null,
                "playbook": row.playbook.map(JSON.string) ?? .null, "mode": row.mode.map(JSON.string) ?? .null,
                "status": .string(row.status), "outcome": row.outcome.map(JSON.string) ?? .null,
            ])
        }
        return .object(["version": .int(1), "sessions": .array(sessions)])
    }
}
