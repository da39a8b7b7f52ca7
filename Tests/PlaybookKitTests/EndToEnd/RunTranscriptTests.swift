import Foundation
import Testing

/// Golden transcripts: each folder of Fixtures/runs holds a playbook (`main.playbook`, and any
/// files it uses), what the rep types (`input.txt`, piped one answer per line), optionally the
/// command lines (`args.txt`, words after `playbook`, one command per line, each later one with
/// its own `input-N.txt` and, if present, `main-N.playbook` replacing the playbook before it;
/// default `run main.playbook`), and the exact
/// output expected (`expected.txt`: stdout, stderr and exit status) and record
/// (`expected-record.jsonl`, with times and session ids blanked). PLAYBOOK_RECORD=1 rewrites them.
struct RunTranscriptTests {
    static let folder = Golden.fixtures.appendingPathComponent("runs")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }()

    /// Each construct of the grammar is used by the playbook of a transcript that walks it, and
    /// the list of constructs names every keyword of the grammar.
    @Test func everyConstructHasATranscript() throws {
        let named = Set(Self.constructs.flatMap { $0.split { !$0.isLetter }.map(String.init) })
        let keywords = try Self.grammarKeywords()
        #expect(keywords.count > 30, "\(keywords.sorted())")
        #expect(keywords.subtracting(named).isEmpty, "grammar keywords no construct names: \(keywords.subtracting(named).sorted())")
        var transcripts: [String: [String]] = [:]
        for name in Self.cases {
            for construct in try Self.constructsUsed(in: Self.folder.appendingPathComponent(name)) {
                transcripts[construct, default: []].append(name)
            }
        }
        let missing = Self.constructs.filter { transcripts[$0] == nil }
        #expect(missing.isEmpty, "constructs no transcript uses: \(missing)")
        let unlisted = Set(transcripts.keys).subtracting(Self.constructs)
        #expect(unlisted.isEmpty, "constructs found but not listed: \(unlisted.sorted())")
    }

    @Test(arguments: cases)
    func transcript(_ name: String) throws {
        let source = Self.folder.appendingPathComponent(name)
        let workspace = try CommandLineTests.Workspace()
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where !file.hasPrefix("expected") && file != "input.txt" && file != "args.txt" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: workspace.folder.appendingPathComponent(file))
        }
        let input = try? String(contentsOf: source.appendingPathComponent("input.txt"), encoding: .utf8)
        let argsText = (try? String(contentsOf: source.appendingPathComponent("args.txt"), encoding: .utf8)) ?? "run main.playbook"
        let sessions = workspace.folder.appendingPathComponent("sessions")
        var output = ""
        var firstRecords: [String] = []
        // args.txt may hold several commands, one per line, run in order (run, then resume...).
        for (index, line) in argsText.split(separator: "\n").enumerated() {
            // `main-2.playbook` replaces the playbook before the second command: an edit between runs.
            let edited = source.appendingPathComponent("main-\(index + 1).playbook")
            if index > 0, FileManager.default.fileExists(atPath: edited.path) {
                let target = workspace.folder.appendingPathComponent("main.playbook")
                try FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: edited, to: target)
            }
            var words = line.split(separator: " ").map(String.init)
            if ["run", "practice", "resume", "show", "sessions"].contains(words.first) { words += ["--sessions", sessions.path] }
            let run = try workspace.run(words, input: index == 0 ? input : Self.later(source, index))
            #expect(!run.crashed, "\(name): playbook crashed")
            output += "$ playbook \(line)\n" + run.stdout
            if !run.stderr.isEmpty { output += "--- stderr\n" + run.stderr }
            output += "--- exit \(run.status)\n"
            if index == 0 { firstRecords = (try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? [] }
        }
        Golden.assert(Self.normalize(output, sessions: sessions.path), matches: source.appendingPathComponent("expected.txt"))
        // The record of the first command (later commands may resume it or start others).
        if let record = firstRecords.first {
            let text = try String(contentsOf: sessions.appendingPathComponent(record), encoding: .utf8)
            Golden.assert(
                Self.normalize(text, sessions: sessions.path), matches: source.appendingPathComponent("expected-record.jsonl"))
        }
    }

    /// Input for the n-th command after the first: `input-2.txt`, `input-3.txt`...
    static func later(_ source: URL, _ index: Int) -> String? {
        try? String(contentsOf: source.appendingPathComponent("input-\(index + 1).txt"), encoding: .utf8)
    }

    /// Times, durations, session ids and the temporary folder vary from run to run.
    static func normalize(_ text: String, sessions: String) -> String {
        text.replacingOccurrences(of: sessions, with: "$SESSIONS")
            .replacingOccurrences(of: #"\d{8}-\d{6}-[0-9a-f]{4}"#, with: "<session>", options: .regularExpression)
            .replacingOccurrences(of: #""time":"[^"]*""#, with: #""time":"<time>""#, options: .regularExpression)
            .replacingOccurrences(of: #""seconds":[0-9.e+-]+"#, with: #""seconds":0"#, options: .regularExpression)
            .replacingOccurrences(of: #""path":"[^"]*/"#, with: #""path":"<dir>/"#, options: .regularExpression)
            .replacingOccurrences(of: #"\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC"#, with: "<when>", options: .regularExpression)
    }
}
