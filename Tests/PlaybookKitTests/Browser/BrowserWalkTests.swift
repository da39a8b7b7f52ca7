import Foundation
import Testing

/// A whole deal walked in a real browser: headless Chromium driven by Selenium through
/// chromium-driver (Debian's packages and PyPI, which .ci/run installs) against `playbook serve`
/// (walk_in_browser.py beside this file: options clicked, a number out of range refused, back, a
/// refresh, the server killed with SIGKILL and started again, the deal resumed and finished).
/// The record it leaves must be the one `playbook run` (or `practice`) writes for the same
/// answers. Skipped, and says so, where the browser or Selenium is missing.
@Suite(.serialized)
struct BrowserWalkTests {
    static let ready: Bool = FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
        && (try? ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import selenium"]).status) == 0

    static let driver = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("walk_in_browser.py")

    @Test(
        .enabled(if: ready, "Chromium, chromium-driver or Selenium is not installed (apt-get install chromium chromium-driver; pip install selenium)"),
        arguments: [("discovery.playbook", "ltr"), ("sales-process-he.playbook", "rtl"), ("sales-cycle-th.playbook", "ltr")])
    func aDealWalkedInTheBrowserIsRecordedAsTheTerminalRecordsIt(_ playbook: String, _ direction: String) throws {
        let seen = try Self.walkBoth(playbook, practice: false)
        #expect(seen["dir"] as? String == direction)
    }

    /// A practice run: the first persona, feedback held to the end; the page ends with the
    /// grade, and the record is the one `playbook practice` writes.
    @Test(.enabled(if: ready, "Chromium, chromium-driver or Selenium is not installed (apt-get install chromium chromium-driver; pip install selenium)"))
    func aPracticeRunInTheBrowserIsRecordedAsTheTerminalRecordsIt() throws {
        let seen = try Self.walkBoth("cold-call.playbook", practice: true)
        let summary = try #require(seen["summary"] as? String, "the page shows no practice result")
        #expect(summary.contains("Grade"))
    }

    /// Walks `playbook` in the browser, then types the same lines into `playbook run` (or
    /// `practice`) with the seed the browser's session drew, and compares the two records;
    /// returns what the driver saw.
    static func walkBoth(_ playbook: String, practice: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let workspace = try CommandLineTests.Workspace()
        let binary = try #require(CommandLineTests.binary)
        let path = Golden.root.appendingPathComponent("playbooks").appendingPathComponent(playbook).path
        let web = workspace.folder.appendingPathComponent("web").path
        let walked = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", driver.path, "--binary", binary.path, "--playbook", path, "--sessions", web] + (practice ? ["--practice"] : []),
            timeout: 600)
        #expect(walked.status == 0, "\(walked.stderr.suffix(3000))", sourceLocation: sourceLocation)
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(walked.stdout.utf8)) as? [String: Any], "no JSON from the driver: \(walked.stdout)")
        let seen = try #require(report["seen"] as? [String: Any])
        #expect(seen["killed"] as? Bool == true && seen["refreshed"] as? Bool == true && seen["back"] as? Bool == true, sourceLocation: sourceLocation)
        if let problem = seen["problem"] as? String { #expect(!problem.isEmpty, "a number out of range was not refused", sourceLocation: sourceLocation) }
        #expect(report["serverExit"] as? Int == 0, "Ctrl-C did not stop the server cleanly", sourceLocation: sourceLocation)
        let session = try #require(report["session"] as? String)
        let lines = try #require(report["lines"] as? [String])
        let webRecord = try events(URL(fileURLWithPath: web).appendingPathComponent(session + ".jsonl"))
        let start = try #require(webRecord.first)
        let seed = try #require((start["seed"] as? String).flatMap { UInt64($0) })

        // The same answers typed at the terminal, with the seed the browser's session drew.
        let terminal = workspace.folder.appendingPathComponent("terminal")
        var arguments = [practice ? "practice" : "run", path, "--seed", String(seed), "--rep", "Dana", "--sessions", terminal.path]
        if practice {
            arguments += ["--persona", try #require(start["persona"] as? String), "--feedback", "end"]
        } else {
            arguments += ["--deal", "Acme"]
        }
        let run = try workspace.run(arguments, input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        let files = try FileManager.default.contentsOfDirectory(at: terminal, includingPropertiesForKeys: nil).filter { $0.pathExtension == "jsonl" }
        let runRecord = try events(try #require(files.first))
        // The walk went back once and was resumed once, after the kill.
        #expect(webRecord.contains { $0["event"] as? String == "undo" }, sourceLocation: sourceLocation)
        #expect(webRecord.contains { $0["event"] as? String == "resume" }, sourceLocation: sourceLocation)
        let story = comparable(webRecord)
        #expect(story.count > 12 && story.contains { $0.contains(#""event":"end""#) }, "\(story)", sourceLocation: sourceLocation)
        #expect(story == comparable(runRecord), sourceLocation: sourceLocation)
        return seen
    }

    static func events(_ file: URL) throws -> [[String: Any]] {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// The events as a deal's story: without times, seconds and the session's id, and without
    /// what stopping and resuming add (a pause, a resume, and the question asked again after it).
    static func comparable(_ events: [[String: Any]]) -> [String] {
        var kept: [String] = []
        var afterResume = false
        for var event in events {
            let kind = event["event"] as? String
            if kind == "pause" { continue }
            if kind == "resume" {
                afterResume = true
                continue
            }
            for field in ["time", "seconds", "session"] { event[field] = nil }
            let line = String(decoding: (try? JSONSerialization.data(withJSONObject: event, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
            if afterResume, kind == "ask", kept.last == line { continue }
            afterResume = false
            kept.append(line)
        }
        return kept
    }
}
