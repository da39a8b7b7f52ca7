import PlaybookKit

/// What the commands that read records say about damage: the lines skipped (a note on stderr:
/// the rest of the record is still used), and why a record without a readable start cannot be
/// shown or resumed. Every word from the record goes through `TerminalText.safe` when printed.
enum RecordNotes {
    /// "playbook: note: skipped line 5 of PATH: it is not ..." (one line per skipped line), or
    /// nil when every line was read.
    static func skipped(_ log: SessionLog, of path: String) -> String? {
        let lines = log.skippedLines
        guard let first = lines.first else { return nil }
        if lines.count == 1 { return "playbook: note: skipped line \(first.number) of \(path): \(describe(first.problem))\n" }
        return "playbook: note: skipped \(lines.count) lines of \(path):\n"
            + lines.map { "  line \($0.number): \(describe($0.problem))\n" }.joined()
    }

    /// Why the record cannot be gone by, when it has no start event; nil when it has one.
    /// `nothingTo` ends the message for an empty record: "nothing to resume".
    static func unusable(_ log: SessionLog, path: String, nothingTo: String) -> String? {
        switch log.missingStart {
        case nil: nil
        case .empty?:
            "the record '\(path)' is empty: its run was stopped before it wrote its first line, so there is \(nothingTo)"
        case .unreadable(let line)?:
            "the start line of '\(path)' (line \(line.number)) cannot be read: \(describe(line.problem))"
        case .noStartLine?:
            "'\(path)' is not a session record: it has no start line"
        }
    }

    /// Why a line was skipped, after "line 5: ".
    static func describe(_ problem: SkippedLine.Problem) -> String {
        switch problem {
        case .notJSON: "it is not a whole JSON object (cut short by a crash?)"
        case .invalidUTF8: "it is not valid UTF-8"
        case .unknownVersion(let version?):
            "it is of schema version \(version), which this playbook does not read (it reads version "
                + "\(SessionEvent.schemaVersion); a newer playbook may have written it)"
        case .unknownVersion(nil): "it has no schema version (\"v\")"
        case .unknownEvent(let name): "its event '\(name)' is not one this playbook knows (a newer playbook may have written it)"
        case .badField(let name): "its field '\(name)' is missing or of the wrong type"
        case .badSeed(let seed): "its seed '\(seed)' is not a decimal number from 0 to 2^64-1"
        }
    }
}
