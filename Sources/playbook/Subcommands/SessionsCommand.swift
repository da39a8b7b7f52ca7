import PlaybookKit

/// `playbook sessions`: the recorded sessions, newest first.
enum SessionsCommand: Subcommand {
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

    static let name = "sessions"
    static let operands = ""
    static let summary = "list the recorded sessions"
    static let valued: Set<String> = ["--format", "--sessions", "--rep", "--mode"]
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard arguments.operands.isEmpty else { throw UsageError("sessions takes no file (did you mean 'playbook show \(arguments.operands[0])'?)") }
        let format: Format = try arguments.choice("--format", default: .table)
        let store = SessionStore(arguments)
        let rep = arguments.value("--rep")
        let mode: SessionList.Mode = try arguments.choice("--mode", default: .all)
        var list = SessionList()
        var notes = ""
        do throws(StoreError) {
            // A folder that is not there yet holds no sessions; one that cannot be read is an error.
            if let folder = try store.openForReading() {
                if let unsafety = folder.unsafety { notes += "playbook: warning: " + unsafety + "\n" }
                for id in try SessionStore.ids(in: folder) {
                    let path = store.path(of: id)
                    var log: SessionLog?
                    do throws(StoreError) {
                        log = SessionLog(bytes: try folder.read(id + ".jsonl", path: path))
                    } catch {
                        if rep == nil { notes += "playbook: note: " + error.message + "\n" }
                    }
                    guard list.add(id, log: log, rep: rep, mode: mode), let log else { continue }
                    // Why a listed record is empty or unreadable, or which of its lines were skipped.
                    if let problem = RecordNotes.unusable(log, path: path, nothingTo: "no session in it") {
                        notes += "playbook: note: " + problem + "\n"
                    } else {
                        notes += RecordNotes.skipped(log, of: path) ?? ""
                    }
                }
            }
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
        Terminal.error(TerminalText.safe(notes, lines: true))
        if format == .json {
            Terminal.write(list.json().text + "\n")
            return 0
        }
        guard !list.rows.isEmpty else {
            Terminal.write("No sessions in \(TerminalText.safe(store.directory)) yet. Start one with: playbook run FILE\n")
            return 0
        }
        Terminal.write(list.table())
        return 0
    }
}
