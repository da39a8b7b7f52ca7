import PlaybookKit

/// `playbook sessions`: the recorded sessions, newest first.
enum SessionsCommand {
    static let help = """
        usage: playbook sessions [options]

        Lists the recorded sessions, newest first: when, rep, deal, playbook, status
        (ended, paused, interrupted or faulted) and outcome.

        options:
          --rep NAME        only this rep's sessions
          --format FORMAT   table (default) or json
          --sessions DIR    where records are kept (as for 'playbook run')
          -h, --help        show this help

        """

    enum Format: String, CaseIterable { case table, json }

    static func run(_ words: ArraySlice<String>) throws(UsageError) -> Int32 {
        let arguments = try Arguments(words, valued: ["--format", "--sessions", "--rep"], flags: ["--help", "-h"])
        if arguments.has("--help") || arguments.has("-h") {
            Terminal.write(help)
            return 0
        }
        guard arguments.operands.isEmpty else { throw UsageError("sessions takes no file (did you mean 'playbook show \(arguments.operands[0])'?)") }
        let format: Format = try arguments.choice("--format", default: .table)
        let store = SessionStore(directory: SessionStore.directory(option: arguments.value("--sessions")))
        var rows: [[String]] = []
        var documents: [JSON] = []
        for id in store.ids() {
            guard let text = try? store.read(store.path(of: id)) else { continue }
            let log = SessionLog(text: text)
            guard let info = log.info else { continue }
            if let rep = arguments.value("--rep"), info.rep != rep { continue }
            var outcome = ""
            if case .ended(let name, _, _) = log.status { outcome = name }
            let status = Transcript.statusWord(log.status)
            let when = log.startTime.map(Transcript.minute) ?? ""
            rows.append([id, when, info.rep ?? "", info.deal ?? "", info.playbookTitle, status, outcome])
            documents.append(
                .object([
                    "session": .string(id), "started": log.startTime.map { .string(Timestamp.format($0)) } ?? .null,
                    "rep": info.rep.map(JSON.string) ?? .null, "deal": info.deal.map(JSON.string) ?? .null,
                    "playbook": .string(info.playbookTitle), "mode": .string(info.mode), "status": .string(status),
                    "outcome": outcome.isEmpty ? .null : .string(outcome),
                ]))
        }
        if format == .json {
            Terminal.write(JSON.object(["version": .int(1), "sessions": .array(documents)]).text + "\n")
            return 0
        }
        guard !rows.isEmpty else {
            Terminal.write("No sessions in \(store.directory) yet. Start one with: playbook run FILE\n")
            return 0
        }
        Terminal.write(table(header: ["SESSION", "STARTED", "REP", "DEAL", "PLAYBOOK", "STATUS", "OUTCOME"], rows: rows))
        return 0
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
