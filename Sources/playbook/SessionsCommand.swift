import PlaybookKit

/// `playbook sessions`: the recorded sessions, newest first.
enum SessionsCommand {
    static let help = """
        usage: playbook sessions [options]

        Lists the recorded sessions, newest first: when, rep, deal, playbook, mode (run for
        a deal, practice for a rehearsal), status (ended, paused, interrupted or faulted) and
        outcome. A record that cannot be read is listed too, as empty or unreadable, and why
        is said on stderr.

        options:
          --rep NAME        only this rep's sessions
          --mode MODE       run (deals only), practice (rehearsals only) or all (default)
          --format FORMAT   table (default) or json
          --sessions DIR    where records are kept (as for 'playbook run')
          -h, --help        show this help

        """

    enum Format: String, CaseIterable { case table, json }
    enum Mode: String, CaseIterable { case all, run, practice }

    static func run(_ words: ArraySlice<String>) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, valued: ["--format", "--sessions", "--rep", "--mode"], flags: ["--help", "-h"])
        if arguments.has("--help") || arguments.has("-h") {
            Terminal.write(help)
            return 0
        }
        guard arguments.operands.isEmpty else { throw UsageError("sessions takes no file (did you mean 'playbook show \(arguments.operands[0])'?)") }
        let format: Format = try arguments.choice("--format", default: .table)
        let store = SessionStore(directory: SessionStore.directory(option: arguments.value("--sessions")))
        let rep = arguments.value("--rep")
        let mode: Mode = try arguments.choice("--mode", default: .all)
        var rows: [[String]] = []
        var documents: [JSON] = []
        var notes = ""
        do throws(StoreError) {
            // A folder that is not there yet holds no sessions; one that cannot be read is an error.
            if let folder = try store.openForReading() {
                if let unsafety = folder.unsafety { notes += "playbook: warning: " + unsafety + "\n" }
                for id in try SessionStore.ids(in: folder) {
                    guard let (row, document) = listing(id, in: folder, store: store, rep: rep, mode: mode, notes: &notes)
                    else { continue }
                    rows.append(row)
                    documents.append(document)
                }
            }
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
        Terminal.error(TerminalText.safe(notes, lines: true))
        if format == .json {
            Terminal.write(JSON.object(["version": .int(1), "sessions": .array(documents)]).text + "\n")
            return 0
        }
        guard !rows.isEmpty else {
            Terminal.write("No sessions in \(TerminalText.safe(store.directory)) yet. Start one with: playbook run FILE\n")
            return 0
        }
        // Every cell is a record's words (or a file's name): safe for the terminal, then padded.
        let cells = rows.map { $0.map { TerminalText.safe($0) } }
        Terminal.write(table(header: ["SESSION", "STARTED", "REP", "DEAL", "PLAYBOOK", "MODE", "STATUS", "OUTCOME"], rows: cells))
        return 0
    }

    /// The row and the JSON of the record `id`, nil when `rep` or `mode` leaves it out. A record
    /// that cannot be gone by is listed too (`empty` or `unreadable`), so that none is hidden, and
    /// why is added to `notes`; it has no rep or mode, so `rep` and `mode` leave it out.
    static func listing(
        _ id: String, in folder: SessionFolder, store: SessionStore, rep: String?, mode: Mode, notes: inout String
    ) -> ([String], JSON)? {
        let path = store.path(of: id)
        var log: SessionLog?
        do throws(StoreError) {
            log = SessionLog(bytes: try folder.read(id + ".jsonl", path: path))
        } catch {
            if rep == nil { notes += "playbook: note: " + error.message + "\n" }
        }
        guard let log, let info = log.info else {
            guard rep == nil, mode == .all else { return nil }
            if let log, let problem = RecordNotes.unusable(log, path: path, nothingTo: "no session in it") {
                notes += "playbook: note: " + problem + "\n"
            }
            let status = log?.isEmpty == true ? "empty" : "unreadable"
            let fields: [String: JSON] = [
                "session": .string(id), "started": .null, "rep": .null, "deal": .null, "playbook": .null, "mode": .null,
                "status": .string(status), "outcome": .null,
            ]
            return ([id, "", "", "", "", "", status, ""], .object(fields))
        }
        if let rep, info.rep != rep { return nil }
        if mode != .all, info.mode != mode.rawValue { return nil }
        notes += RecordNotes.skipped(log, of: path) ?? ""
        var outcome = ""
        if case .ended(let name, _, _) = log.status { outcome = name }
        let status = Transcript.statusWord(log.status)
        let when = log.startTime.map(Transcript.minute) ?? ""
        let document = JSON.object([
            "session": .string(id), "started": log.startTime.map { .string(Timestamp.format($0)) } ?? .null,
            "rep": info.rep.map(JSON.string) ?? .null, "deal": info.deal.map(JSON.string) ?? .null,
            "playbook": .string(info.playbookTitle), "mode": .string(info.mode), "status": .string(status),
            "outcome": outcome.isEmpty ? .null : .string(outcome),
        ])
        return ([id, when, info.rep ?? "", info.deal ?? "", info.playbookTitle, info.mode, status, outcome], document)
    }

    /// Columns padded by terminal cells, so that Chinese and Thai names line up.
    static func table(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1
                    ? row[column] : row[column] + String(repeating: " ", count: widths[column] - DisplayWidth.of(row[column]) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
