import Foundation
import PlaybookKit
import Testing

/// Session records written by hand for the report's end-to-end tests, as `playbook run` writes
/// them: one stage `a` with one yes/no question, then the outcome (or a pause, or nothing).
struct ReportRecords {
    var id: String
    var rep: String? = "Lan"
    var deal: String? = nil
    var start = "2026-03-02T09:00:00.000Z"
    var title = "Khám phá nhu cầu"
    var path = "/nonexistent/kham-pha.playbook"
    var version: String? = "1.0"
    var mode = "run"
    /// An outcome ends the session; nil leaves it interrupted, `pause` pauses it.
    var outcome: String? = "won"
    var pause = false
    var seed = "\"42\""

    /// The record's lines, each ended with LF.
    var text: String { lines.map { $0 + "\n" }.joined() }

    var lines: [String] {
        let begin = Int64(((Timestamp.parse(start) ?? 0) * 1000).rounded())
        // A tenth of a millisecond over: `format` rounds down, and a sum of seconds may fall just short.
        func at(_ seconds: Double) -> String {
            "\"" + Timestamp.format(Double(begin + Int64((seconds * 1000).rounded())) / 1000 + 0.0001) + "\""
        }
        func quoted(_ text: String?) -> String { text.map { JSON.string($0).text } ?? "null" }
        var lines = [
            #"{"deal":\#(quoted(deal)),"event":"start","language":"vi","mode":"\#(mode)","playbook":{"hash":"fnv1a64:0000000000000001","path":\#(quoted(path)),"title":\#(quoted(title)),"version":\#(quoted(version))},"rep":\#(quoted(rep)),"seed":\#(seed),"session":"\#(id)","time":\#(at(0)),"v":1}"#,
            #"{"event":"stage_enter","number":1,"stage":"a","time":\#(at(0.001)),"title":"Tình hình","v":1}"#,
            #"{"event":"ask","question":"budget","stage":"a","text":"Đã có ngân sách chưa?","time":\#(at(0.002)),"type":"yes/no","v":1}"#,
            #"{"event":"answer","question":"budget","seconds":4,"shown":"có","time":\#(at(4.002)),"v":1,"value":true}"#,
        ]
        if let outcome {
            lines.append(#"{"event":"stage_leave","stage":"a","time":\#(at(3600)),"v":1}"#)
            lines.append(#"{"by_rep":true,"event":"end","outcome":"\#(outcome)","reason":null,"score":0,"time":\#(at(86_400)),"v":1}"#)
        } else if pause {
            lines.append(#"{"event":"pause","reason":"command","time":\#(at(60)),"v":1}"#)
        }
        return lines
    }

    /// Writes the record as `<id>.jsonl` in `folder` (made if need be); its path.
    @discardableResult
    func write(in folder: URL, text: String? = nil) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(id + ".jsonl")
        try Data((text ?? self.text).utf8).write(to: file)
        return file
    }

    // MARK: running the report

    /// `playbook report --format json --as-of 2026-12-01` of `arguments`, in `workspace`.
    static func report(
        _ arguments: [String], in workspace: CommandLineTests.Workspace, timeout: TimeInterval = 60,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> (run: ChildProcess.Result, json: JSON?) {
        let run = try workspace.run(
            ["report", "--format", "json", "--as-of", "2026-12-01"] + arguments, timeout: timeout, sourceLocation: sourceLocation)
        #expect(!run.crashed, "playbook report crashed: \(run.stderr.prefix(2000))", sourceLocation: sourceLocation)
        return (run, try? JSON.parse(run.stdout).get())
    }

    /// Sessions per playbook title in a JSON report.
    static func sessions(_ json: JSON?) -> [String: Int] {
        var counts: [String: Int] = [:]
        for playbook in json?["playbooks"]?.array ?? [] {
            counts[playbook["title"]?.string ?? "?"] = playbook["sessions"]?.int
        }
        return counts
    }

    /// The report without `key` at its top (to compare two reports that differ only there).
    static func without(_ keys: Set<String>, _ json: JSON?) -> JSON? {
        guard case .object(var members) = json else { return json }
        for key in keys { members[key] = nil }
        return .object(members)
    }

    /// The lines of stderr, each without the `playbook: note: ` before it.
    static func notes(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map { line in
            line.hasPrefix("playbook: note: ") ? String(line.dropFirst("playbook: note: ".count)) : String(line)
        }
    }
}
