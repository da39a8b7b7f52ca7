import Foundation
import Testing

@testable import PlaybookKit

/// Team reports made in memory: from the hand-written records of `Fixtures/report/renewal` (seven
/// sessions of `renewal.playbook`, whose figures `TeamReportFigureTests` works out by hand), or
/// from records a test builds with `RecordLines`.
enum ReportFixture {
    static let folder = Golden.fixtures.appendingPathComponent("report/renewal")

    /// The moment the fixture's open deals are measured to: 2026-03-01 00:00 UTC.
    static let asOf: Int64 = 1_772_323_200_000

    /// The report of the fixture's records, with the facts of `renewal.playbook`.
    static func renewal(keepDeals: Bool = false) throws -> TeamReport {
        let records = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("records").path).sorted()
            .filter { $0.hasSuffix(".jsonl") }
            .map { try String(contentsOf: folder.appendingPathComponent("records/\($0)"), encoding: .utf8) }
        let playbook = try String(contentsOf: folder.appendingPathComponent("renewal.playbook"), encoding: .utf8)
        return report(records, playbook: playbook, keepDeals: keepDeals)
    }

    /// The report of `records` (each a record file's text), with the facts of `playbook` (its
    /// text, which must check) or, without one, from the records alone.
    static func report(_ records: [String], playbook: String? = nil, keepDeals: Bool = false, asOf: Int64 = asOf) -> TeamReport {
        let reader = RecordReader(filter: ReportFilter(), keepDeals: keepDeals)
        var sessions = 0
        for record in records {
            let bytes = Array(record.utf8)
            if case .session = bytes.withUnsafeBufferPointer({ reader.read($0) }) { sessions += 1 }
        }
        reader.finish()
        let facts = playbook.flatMap { Program(check($0)) }.map { PlaybookFacts(program: $0) }
        var report = TeamReport(reader, facts: { _ in facts }, asOf: asOf)
        report.files = sessions
        return report
    }

    static func golden(_ name: String) -> URL { folder.appendingPathComponent(name) }
}

/// The lines of one session's record, written as `playbook run` writes them (sorted keys, one
/// JSON object a line), with the time moving on by the minutes given.
struct RecordLines {
    private(set) var lines: [String] = []
    private(set) var time: Int64

    init(session: String, playbook: String, language: String, rep: String?, deal: String?, version: String? = "1.0", start: Int64) {
        time = start
        add(
            "start",
            [
                "session": .string(session), "mode": .string("run"), "language": .string(language), "seed": .string("1"),
                "rep": rep.map(JSON.string) ?? .null, "deal": deal.map(JSON.string) ?? .null,
                "playbook": .object([
                    "title": .string(playbook), "path": .string("/team/\(playbook).playbook"), "hash": .string("fnv1a64:0000000000000002"),
                    "version": version.map(JSON.string) ?? .null,
                ]),
            ])
    }

    var text: String { lines.map { $0 + "\n" }.joined() }

    mutating func add(_ event: String, _ fields: [String: JSON], after minutes: Int64 = 0) {
        time += minutes * 60_000
        var all = fields
        all["event"] = .string(event)
        all["v"] = .int(1)
        all["time"] = .string(Timestamp.format(Double(time) / 1000))
        lines.append(JSON.object(all).text)
    }

    mutating func enter(_ stage: String, _ title: String, number: Int, after minutes: Int64 = 0) {
        add("stage_enter", ["stage": .string(stage), "title": .string(title), "number": .int(number)], after: minutes)
    }

    mutating func leave(_ stage: String, after minutes: Int64) { add("stage_leave", ["stage": .string(stage)], after: minutes) }

    /// An `ask` and its `answer`, a minute apart.
    mutating func answer(_ question: String, _ text: String, type: String, stage: String, value: JSON, shown: String) {
        add("ask", ["question": .string(question), "text": .string(text), "type": .string(type), "stage": .string(stage)])
        add("answer", ["question": .string(question), "value": value, "shown": .string(shown), "seconds": .number(60)], after: 1)
    }

    mutating func end(_ outcome: String, after minutes: Int64 = 0) {
        add("end", ["outcome": .string(outcome), "reason": .null, "score": .int(0), "by_rep": .bool(false)], after: minutes)
    }

    mutating func pause() { add("pause", ["reason": .string("command")]) }
}
