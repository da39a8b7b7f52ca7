import Foundation
import PlaybookKit
import Testing

/// `playbook report` checked against an independent reading of the same records: every figure of
/// docs/report.md that DuckDB's SQL computes in `Reference/report_reference.py` (its queries are in
/// `Reference/report_queries.py`), and the funnel SQL printed in docs/report.md's last section, run
/// as it is printed. Counts must agree exactly, other numbers to 1e-9 relative. Skipped, with the
/// reason, where python3 or its duckdb module is missing (`.ci/run` installs it).
struct ReportReferenceTests {
    static let script = Golden.root.appendingPathComponent("Tests/PlaybookKitTests/Reference/report_reference.py")
    /// The team-folder generator beside the repository, as `BriefSampleTests` finds ../shared/brief.
    static let generator = Golden.root.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_sessions.py")
    static let generatorPresent = FileManager.default.fileExists(atPath: generator.path)
    /// Damaged and tricky records of one playbook file that does not exist (so the report takes
    /// stages, questions and outcomes from the records): CRLF line ends, a torn last line, a line
    /// of schema version 2, an unknown event, bytes that are not UTF-8, a trailing comma, an answer
    /// without its question, an undo then a re-answer, an undo with nothing to take away, a stage
    /// re-entered with `back`, paused, interrupted, faulted and practice sessions, a session in two
    /// files, a hidden record, an empty file, a file with no start line and a file not a record.
    static let tricky = Golden.fixtures.appendingPathComponent("report-reference/tricky")
    static let duckDB: Bool = (try? python(["-c", "import duckdb"]).status) == 0

    /// The outcomes of sales-process-en.playbook that are wins and losses, as the playbook says.
    static let salesKinds = #"{"won": "win", "lost": "loss", "disqualified": "loss"}"#
    /// The tricky records' outcomes, by the flowchart's rule for names (no playbook to say).
    static let trickyKinds = #"{"won": "win", "lost": "loss"}"#

    @Test(
        .enabled(if: duckDB, "python3 with duckdb is not installed (pip install duckdb)"),
        .enabled(if: generatorPresent, "no ../shared/bench/gen_sessions.py beside the repository"))
    func aTeamFolderAgreesWithDuckDB() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = try Self.generateTeam(in: workspace)
        let report = try Self.report(team, asOf: "2026-12-01", in: workspace)
        let reference = try Self.reference([team.path, "--as-of", "2026-12-01", "--kinds", Self.salesKinds])
        let differences = Self.differences(report, reference, ordered: false)
        #expect(differences.isEmpty, "\(differences.count) figures differ:\n\(differences.prefix(40).joined(separator: "\n"))")
    }

    @Test(
        .enabled(if: duckDB, "python3 with duckdb is not installed (pip install duckdb)"),
        .enabled(if: generatorPresent, "no ../shared/bench/gen_sessions.py beside the repository"))
    func theFunnelSQLOfTheDocsAgreesOnRecordsAndOnTheExport() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = try Self.generateTeam(in: workspace)
        let report = try Self.report(team, asOf: "2026-12-01", in: workspace)
        let export = try workspace.run(["export", team.path, "--format", "jsonl", "--output", "export.jsonl"])
        try #require(export.status == 0, "playbook export failed: \(export.stderr)")
        let (records, exported) = try Self.docsFunnel(in: workspace.folder)
        for (name, rows) in [("records", records), ("export", exported)] {
            let differences = Self.funnelDifferences(report, rows)
            #expect(differences.isEmpty, "the SQL of docs/report.md over the \(name):\n\(differences.joined(separator: "\n"))")
        }
    }

    @Test(.enabled(if: duckDB, "python3 with duckdb is not installed (pip install duckdb)"))
    func damagedAndTrickyRecordsAgreeWithDuckDB() throws {
        let workspace = try CommandLineTests.Workspace()
        let sessions = workspace.folder.appendingPathComponent("sessions")
        try FileManager.default.copyItem(at: Self.tricky, to: sessions)
        let report = try Self.report(sessions, asOf: "2026-04-01", in: workspace)
        let reference = try Self.reference([sessions.path, "--as-of", "2026-04-01", "--kinds", Self.trickyKinds])
        let differences = Self.differences(report, reference, ordered: true)
        #expect(differences.isEmpty, "\(differences.count) figures differ:\n\(differences.joined(separator: "\n"))")
        let export = try workspace.run(["export", sessions.path, "--format", "jsonl", "--output", "export.jsonl"])
        try #require(export.status == 0, "playbook export failed: \(export.stderr)")
        let (records, exported) = try Self.docsFunnel(in: workspace.folder)
        for (name, rows) in [("records", records), ("export", exported)] {
            let differences = Self.funnelDifferences(report, rows)
            #expect(differences.isEmpty, "the SQL of docs/report.md over the \(name):\n\(differences.joined(separator: "\n"))")
        }
    }

    // MARK: - Running the programs

    static func python(_ arguments: [String], in folder: URL? = nil, input: String? = nil) throws -> ChildProcess.Result {
        try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, in: folder, input: input)
    }

    /// 400 sessions of sales-process-en.playbook by 40 reps, one folder per rep, in `sessions/`.
    static func generateTeam(in workspace: CommandLineTests.Workspace) throws -> URL {
        let binary = try #require(CommandLineTests.binary, "no 'playbook' binary next to the test bundle")
        let team = workspace.folder.appendingPathComponent("sessions")
        // Run from the repository root, where the generator finds playbooks/sales-process-en.playbook.
        let generated = try python(
            [generator.path, "400", team.path, "--layout", "per-rep", "--bin", binary.path], in: Golden.root)
        try #require(generated.status == 0, "gen_sessions.py failed: \(generated.stderr)")
        return team
    }

    static func report(_ folder: URL, asOf: String, in workspace: CommandLineTests.Workspace) throws -> JSON {
        let run = try workspace.run(["report", folder.path, "--format", "json", "--as-of", asOf])
        try #require(run.status == 0, "playbook report failed: \(run.stderr)")
        return try parse(run.stdout, "playbook report")
    }

    static func reference(_ arguments: [String]) throws -> JSON {
        let run = try python([script.path] + arguments)
        try #require(run.status == 0, "report_reference.py failed: \(run.stderr)")
        return try parse(run.stdout, "report_reference.py")
    }

    static func parse(_ text: String, _ program: String) throws -> JSON {
        try #require(try? JSON.parse(text).get(), "\(program) did not print JSON:\n\(text.prefix(2000))")
    }

    /// Runs the two ```sql blocks of docs/report.md's "The same figures in SQL" in `folder` (which
    /// holds `sessions/` and `export.jsonl`): the funnel rows from the records and from the export.
    static func docsFunnel(in folder: URL) throws -> (records: [JSON], export: [JSON]) {
        let page = try String(contentsOf: Golden.root.appendingPathComponent("docs/report.md"), encoding: .utf8)
        let start = try #require(page.range(of: "\n## The same figures in SQL\n"), "docs/report.md has no SQL section")
        let rest = page[start.upperBound...]
        let section = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
        let blocks = section.components(separatedBy: "```sql\n").dropFirst()
            .map { $0.components(separatedBy: "```")[0] }
        try #require(blocks.count == 2, "the SQL section should hold two sql blocks, not \(blocks.count)")
        let runner = """
            import duckdb, json, sys
            out = []
            for block in json.load(sys.stdin):
                # No progress bar: on a busy machine a slow query draws one on stdout.
                connection = duckdb.connect()
                connection.execute("SET enable_progress_bar = false")
                statements = [s for s in block.split(";\\n") if s.strip()]
                for statement in statements[:-1]:
                    connection.execute(statement)
                cursor = connection.execute(statements[-1])
                names = [column[0] for column in cursor.description]
                out.append([dict(zip(names, row)) for row in cursor.fetchall()])
            print(json.dumps(out))
            """
        let input = JSON.array(blocks.map { JSON.string($0) }).text
        let run = try python(["-c", runner], in: folder, input: input)
        try #require(run.status == 0, "the SQL of docs/report.md failed in DuckDB: \(run.stderr)")
        let results = try #require(try parse(run.stdout, "DuckDB").array)
        return (results[0].array ?? [], results[1].array ?? [])
    }

    // MARK: - Comparing

    /// The field that names each element of an array of the report, so that elements are matched
    /// by it rather than by place.
    static let identity: [String: [String]] = [
        "playbooks": ["path", "title"], "stages": ["stage"], "questions": ["question"], "reps": ["rep"],
        "versions": ["version"], "trend": ["week"], "by_answer": ["answer"], "stalls": ["session"],
    ]

    /// Where the report and the reference differ, one line each. Only what the reference holds is
    /// compared; an element or a count either one leaves out must be empty in the other (no
    /// sessions: an option nobody chose, a stage nobody entered). `ordered`: both read stage and
    /// question order from the records, so questions must come in the same order too.
    static func differences(_ report: JSON, _ reference: JSON, ordered: Bool) -> [String] {
        var found: [String] = []
        // Not figures; and the question's text is the playbook's where the report reads it.
        let skipped: Set<String> = ordered ? ["source", "as_of"] : ["source", "as_of", "text"]
        compare(report, reference, at: "", key: "", skipping: skipped, ordered: ordered, into: &found)
        return found
    }

    static func compare(
        _ report: JSON, _ reference: JSON, at path: String, key: String, skipping: Set<String>, ordered: Bool,
        into found: inout [String]
    ) {
        switch (report, reference) {
        case (.object(let mine), .object(let theirs)):
            // An element's identity matched it already (as a name: "yes" and true are one answer).
            let matched = Set(identity[key] ?? [])
            for name in Set(mine.keys).union(theirs.keys).sorted() where !skipping.contains(name) && !matched.contains(name) {
                let place = path.isEmpty ? name : "\(path).\(name)"
                switch (mine[name], theirs[name]) {
                case (let a?, let b?): compare(a, b, at: place, key: name, skipping: skipping, ordered: ordered, into: &found)
                case (let a?, nil) where !isEmpty(a) && isCountTable(key): found.append("\(place): report \(a.text), reference none")
                case (nil, let b?) where !isEmpty(b): found.append("\(place): report none, reference \(b.text)")
                default: break
                }
            }
        case (.array(let mine), .array(let theirs)) where identity[key] != nil:
            let fields = identity[key]!
            let a = Dictionary(mine.map { (name(of: $0, fields), $0) }, uniquingKeysWith: { first, _ in first })
            let b = Dictionary(theirs.map { (name(of: $0, fields), $0) }, uniquingKeysWith: { first, _ in first })
            for element in Set(a.keys).union(b.keys).sorted() {
                let place = "\(path)[\(element)]"
                switch (a[element], b[element]) {
                case (let x?, let y?): compare(x, y, at: place, key: key, skipping: skipping, ordered: ordered, into: &found)
                case (let x?, nil) where !isEmpty(x): found.append("\(place): only in the report: \(x.text)")
                case (nil, let y?) where !isEmpty(y): found.append("\(place): only in the reference: \(y.text)")
                default: break
                }
            }
            if key == "stages" || (ordered && key == "questions") {
                let common = Set(a.keys).intersection(b.keys)
                let mineOrder = mine.map { name(of: $0, fields) }.filter(common.contains)
                let theirOrder = theirs.map { name(of: $0, fields) }.filter(common.contains)
                if mineOrder != theirOrder { found.append("\(path): report order \(mineOrder), reference order \(theirOrder)") }
            }
        case (.array(let mine), .array(let theirs)):
            if mine.count != theirs.count {
                found.append("\(path): report \(report.text), reference \(reference.text)")
            } else {
                for (index, pair) in zip(mine, theirs).enumerated() {
                    compare(pair.0, pair.1, at: "\(path)[\(index)]", key: key, skipping: skipping, ordered: ordered, into: &found)
                }
            }
        default:
            if !same(report, reference) {
                found.append("\(path): report \(report.text), reference \(reference.text)")
            }
        }
    }

    /// The tables of counts by name, where a name with no session may be left out.
    static func isCountTable(_ key: String) -> Bool {
        ["outcomes", "rest", "options", "values", "status"].contains(key)
    }

    /// Numbers to 1e-9 relative, everything else exactly.
    static func same(_ a: JSON, _ b: JSON) -> Bool {
        if case .bool = a { return a == b }
        if case .bool = b { return a == b }
        if let x = a.double, let y = b.double {
            return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        }
        return a == b
    }

    /// No sessions behind it: every count 0, every rate or median null, every list empty.
    static func isEmpty(_ value: JSON) -> Bool {
        switch value {
        case .null: true
        case .int(let count): count == 0
        case .number(let number): number == 0
        case .array(let elements): elements.allSatisfy(isEmpty)
        case .object(let members): members.values.allSatisfy(isEmpty)
        case .bool, .string: true
        }
    }

    /// An element's name: its identity fields, with an answer of yes/no as true/false and a number
    /// without a needless `.0`, so that `"yes"`, `true` and `1.0` or `1` name the same answer.
    static func name(of element: JSON, _ fields: [String]) -> String {
        fields.map { field -> String in
            switch element[field] {
            case .bool(let flag)?: flag ? "true" : "false"
            case .string("yes")? where field == "answer": "true"
            case .string("no")? where field == "answer": "false"
            case .string(let text)?: text
            case .int(let number)?: String(number)
            case .number(let number)?: number == number.rounded() ? String(Int(number)) : String(number)
            case .null?, nil: "null"
            case let other?: other.text
            }
        }.joined(separator: " | ")
    }

    /// The docs' funnel rows against the report's stages: entered, left, median and p90 hours.
    static func funnelDifferences(_ report: JSON, _ rows: [JSON]) -> [String] {
        var found: [String] = []
        let playbooks = report["playbooks"]?.array ?? []
        if rows.isEmpty { found.append("the SQL found no stage") }
        for row in rows {
            let stageName = row["stage"]?.string ?? "?"
            let playbook = playbooks.first { $0["path"] == row["path"] && $0["title"] == row["title"] }
            guard let stage = playbook?["stages"]?.array?.first(where: { $0["stage"]?.string == stageName }) else {
                found.append("\(stageName): not in the report")
                continue
            }
            for figure in ["entered", "left", "median_hours", "p90_hours"] {
                let a = stage[figure] ?? .null, b = row[figure] ?? .null
                if !same(a, b) {
                    found.append("\(stageName).\(figure): report \(a.text), SQL \(b.text)")
                }
            }
        }
        return found
    }
}
