/// Which sessions a report or an export keeps (docs/report.md, Filters).
public struct ReportFilter: Sendable {
    /// A playbook's absolute path, or its title (compared without regard to case).
    public var playbook: String?
    public var playbookPath: String?
    public var version: String?
    public var reps: Set<String> = []
    /// Start times kept: from `since` (inclusive) to `until` (exclusive), in milliseconds.
    public var since: Int64?
    public var until: Int64?
    /// `run` or `practice`.
    public var mode = "run"

    public init() {}

    /// The filters other than the mode.
    func keeps(_ info: SessionInfo, start: Int64) -> Bool {
        if let playbook, info.playbookPath != playbookPath, info.playbookTitle.lowercased() != playbook.lowercased() { return false }
        if let version, info.playbookVersion != version { return false }
        if !reps.isEmpty, !reps.contains(info.rep ?? "") { return false }
        if let since, start < since { return false }
        if let until, start >= until { return false }
        return true
    }
}

/// The playbook of a session, as its start line names it: reports are one per playbook.
public struct PlaybookKey: Hashable, Sendable, Comparable {
    public var path: String
    public var title: String

    public static func < (a: PlaybookKey, b: PlaybookKey) -> Bool { (a.title, a.path) < (b.title, b.path) }
}

/// Reads records one after another on one thread, and tallies the sessions the filter keeps.
/// Give each thread its own, then `merge` them.
public final class RecordReader: @unchecked Sendable {
    public enum Result: Sendable, Equatable {
        /// A session (kept or left out by the filters), with the number of its lines skipped.
        case session(skippedLines: Int)
        /// Lines, none of them a start line that can be read.
        case noStart(skippedLines: Int)
        /// No line at all.
        case empty
    }

    let filter: ReportFilter
    let keepDeals: Bool
    private var scan = SessionScan()
    private(set) var tallies: [PlaybookKey: PlaybookTally] = [:]

    public init(filter: ReportFilter, keepDeals: Bool = false) {
        self.filter = filter
        self.keepDeals = keepDeals
    }

    public func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result {
        let filter = filter
        // Practice runs are read in a report of deals too: its reps' table counts them.
        let outcome = scan.read(bytes) { info, start in
            filter.keeps(info, start: start) && (info.mode == filter.mode || info.mode == "practice")
        }
        guard outcome == .session, let info = scan.info else { return scan.result(of: outcome) }
        let key = PlaybookKey(path: info.playbookPath, title: info.playbookTitle)
        // Taken out and put back, so that the tally is changed in place, not copied.
        var tally = tallies.removeValue(forKey: key) ?? PlaybookTally(path: key.path, title: key.title)
        if info.mode == filter.mode { tally.add(scan, bytes, info: info, keepDeals: keepDeals) }
        if info.mode == "practice" { tally.addPractice(scan, info: info) }
        tallies[key] = tally
        return scan.result(of: outcome)
    }

    /// Done reading: the tallies name what they counted by number, ready to merge.
    public func finish() {
        guard !finished else { return }
        finished = true
        for key in Array(tallies.keys) { tallies[key]?.finish(scan.interner) }
    }

    private var finished = false

    /// Another thread's tallies added to these.
    public func merge(_ other: RecordReader) {
        finish()
        other.finish()
        for (key, tally) in other.tallies {
            if var mine = tallies.removeValue(forKey: key) {
                mine.merge(tally)
                tallies[key] = mine
            } else {
                tallies[key] = tally
            }
        }
    }

    /// The playbooks with sessions of the report's mode, the most used first.
    public var playbooks: [PlaybookKey] {
        tallies.filter { $0.value.sessions > 0 }.sorted { a, b in
            a.value.sessions != b.value.sessions ? a.value.sessions > b.value.sessions : a.key < b.key
        }.map(\.key)
    }
}

extension SessionScan {
    /// What reading a record came to, for the reader's caller.
    func result(of outcome: Outcome) -> RecordReader.Result {
        switch outcome {
        case .noStart: lines == 0 ? .empty : .noStart(skippedLines: skipped)
        // Read to its start line only: what is after it was not looked at.
        case .leftOut: .session(skippedLines: 0)
        case .session: .session(skippedLines: skipped)
        }
    }
}
