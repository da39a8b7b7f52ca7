import Foundation
import Glibc
import Testing

/// Session records survive what really happens to a run: Ctrl-C on a terminal, SIGKILL right
/// after an answer, a half-written last line. Each test drives the built binary, then reads the
/// record on disk and asks `show`, `sessions` and `resume` about it as a user would.
struct SessionEndToEndTests {
    typealias Workspace = CommandLineTests.Workspace

    /// After role (Champion) and tool (no), the questions that lead to `nurture` and their answers.
    static let remainingWalk: [(question: String, answer: String)] = [
        ("How many people would use it?", "12"),
        ("Did the buyer describe a concrete problem?", "yes"),
        ("Write the problem down in the buyer's words.", "Month-end close"),
        ("Yearly cost of the problem, in USD?", "2000"),
        ("How urgent does the buyer feel it is?", "1"),
    ]
    static var remainingInput: String { remainingWalk.map { $0.answer + "\n" }.joined() }

    /// The whole walk, as `show --format json` lists it: question=shown.
    static let wholeWalk = [
        "role=Champion", "tool=no", "team_size=12", "pain=yes", "pain_note=Month-end close", "cost=2000", "urgency=1",
    ]

    /// A folder with the shipped discovery playbook and the objections playbook it uses.
    static func discoveryWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        return workspace
    }

    static func binaryPath() throws -> String {
        try #require(CommandLineTests.binary, "no 'playbook' binary next to the test bundle").path
    }

    // MARK: Ctrl-C on a terminal

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: CommandLineTests.script.path)))
    func ctrlCOnATerminalPausesAndResumeLosesNothing() throws {
        let workspace = try Self.discoveryWorkspace()
        let binary = try Self.binaryPath()

        let run = try LiveProcess.onTerminal(
            "'\(binary)' run discovery.playbook --sessions sessions --rep Lan", in: workspace.folder)
        try run.waitFor("Who are you talking to?")
        try run.waitFor("> ")
        try run.type("2\n")
        try run.waitFor("Do they already use a competing product?")
        try run.waitFor("> ")
        try run.type("n\n")
        try run.waitFor("How many people would use it?")
        try run.waitFor("> ")
        // Ctrl-C: the terminal's line discipline turns it into SIGINT for the walk.
        try run.type(byte: 0x03)
        try run.waitFor("Paused. Nothing is lost. Resume with: playbook resume ")
        let runEnding = try run.waitForExit()
        #expect(runEnding == .exited(0), "\(runEnding); output:\n\(run.text)")

        let id = try SessionRecord.onlyID(in: workspace)
        #expect(run.text.contains("Resume with: playbook resume \(id)\n"), "\(run.text)")
        let paused = try SessionRecord(workspace, id)
        #expect(paused.unreadable.isEmpty)
        #expect(paused.answers == ["role=\"Champion\"", "tool=false"])
        #expect(paused.events.last?["event"] as? String == "pause")
        #expect(paused.events.last?["reason"] as? String == "interrupt")
        #expect(!paused.eventNames.contains("end"))
        #expect(try paused.permissions() == 0o600)

        // Resume on a terminal as well, and answer the rest one question at a time.
        let resume = try LiveProcess.onTerminal("'\(binary)' resume \(id) --sessions sessions", in: workspace.folder)
        try resume.waitFor("2 answers replayed.")
        for (question, answer) in Self.remainingWalk {
            try resume.waitFor(question)
            try resume.waitFor("> ")
            try resume.type(answer + "\n")
        }
        try resume.waitFor("Outcome: nurture")
        let resumeEnding = try resume.waitForExit()
        #expect(resumeEnding == .exited(0), "\(resumeEnding); output:\n\(resume.text)")

        let ended = try SessionRecord(workspace, id)
        #expect(ended.unreadable.isEmpty)
        #expect(ended.lines.starts(with: paused.lines), "resuming rewrote what was recorded before the Ctrl-C")
        #expect(ended.events.last?["event"] as? String == "end")
        #expect(ended.events.last?["outcome"] as? String == "nurture")
        #expect(try ended.permissions() == 0o600)

        let transcript = try ShownTranscript(workspace, id)
        #expect(transcript.answers == Self.wholeWalk)
        #expect(transcript.status == "ended")
        #expect(transcript.outcome == "nurture")

        // The text transcript shows where the pause was.
        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(show.status == 0)
        let marks = [
            "Do they already use a competing product? → no", "— paused at", "— resumed at",
            "How many people would use it? → 12",
        ]
        // In the step-by-step log, after the summary of the answers in force.
        let steps = try #require(show.stdout.range(of: "Step by step").map { String(show.stdout[$0.upperBound...]) })
        let positions = marks.map { steps.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "\(show.stdout)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "out of order:\n\(show.stdout)")

        #expect(try Self.sessionsRow(workspace, id).contains("ended"))
    }

    // MARK: SIGKILL

    @Test func answerIsOnDiskBeforeTheNextQuestionEvenUnderSigkill() throws {
        let workspace = try Self.discoveryWorkspace()
        let binary = try #require(CommandLineTests.binary)

        let run = try LiveProcess(
            binary, ["run", "discovery.playbook", "--sessions", "sessions", "--rep", "Lan"], in: workspace.folder)
        try run.type("2\n")
        try run.waitFor("Do they already use a competing product?")
        kill(run.processIdentifier, SIGKILL)
        #expect(try run.waitForExit() == .killed(by: SIGKILL), "\(run.text)")

        let id = try SessionRecord.onlyID(in: workspace)
        let record = try SessionRecord(workspace, id)
        #expect(record.unreadable.isEmpty)
        #expect(record.answers == ["role=\"Champion\""])
        // The next question was recorded as asked, and nothing after it: no pause, no end.
        #expect(record.events.last?["event"] as? String == "ask")
        #expect(record.events.last?["question"] as? String == "tool")
        #expect(!record.eventNames.contains("pause"))
        #expect(!record.eventNames.contains("end"))

        #expect(try Self.sessionsRow(workspace, id).contains("interrupted"))
        let listed = try workspace.run(["sessions", "--sessions", "sessions", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let sessions = try #require(document["sessions"] as? [[String: Any]])
        #expect(sessions.map { $0["session"] as? String } == [id])
        #expect(sessions.first?["status"] as? String == "interrupted")

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: "n\n" + Self.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        let replayedOne = resume.stdout.range(of: #"\b1 answers? replayed\."#, options: .regularExpression)
        #expect(replayedOne != nil, "\(resume.stdout)")
        #expect(resume.stdout.contains("1 answer replayed."), "\(resume.stdout)")
        #expect(resume.stdout.contains("Outcome: nurture"), "\(resume.stdout)")

        let transcript = try ShownTranscript(workspace, id)
        #expect(transcript.answers.first == "role=Champion")
        #expect(transcript.answers == Self.wholeWalk)
        #expect(transcript.status == "ended")
        #expect(try Self.sessionsRow(workspace, id).contains("ended"))
    }

    // MARK: A torn last line

    @Test func tornLastLineIsSkippedAndTheRestStillWorks() throws {
        let workspace = try Self.discoveryWorkspace()
        let first = try workspace.run(
            ["run", "discovery.playbook", "--sessions", "sessions", "--rep", "Lan"], input: "2\nn\npause\n")
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("Paused. Nothing is lost."))

        let id = try SessionRecord.onlyID(in: workspace)
        let url = SessionRecord.url(workspace, id)
        let whole = try SessionRecord(workspace, id)
        #expect(whole.answers == ["role=\"Champion\"", "tool=false"])
        // A crash in the middle of writing a line leaves half of it and no newline.
        let fragment = #"{"event":"answer","quest"#
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(fragment.utf8))
        try handle.close()
        let tornLine = whole.lines.count + 1

        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("Who are you talking to? → Champion"), "\(show.stdout)")
        #expect(show.stdout.contains("Do they already use a competing product? → no"), "\(show.stdout)")
        #expect(show.stdout.contains("Status: paused"), "\(show.stdout)")
        // A note about the skipped line is welcome; if there is one, it names the right line.
        #expect(show.stderr.isEmpty || show.stderr.contains("line \(tornLine)"), "\(show.stderr)")

        #expect(try Self.sessionsRow(workspace, id).contains("paused"))

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: Self.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stdout.contains("2 answers replayed."), "\(resume.stdout)")
        #expect(resume.stdout.contains("Outcome: nurture"), "\(resume.stdout)")

        // What resume appended is whole lines: nothing was glued onto the fragment.
        let after = try SessionRecord(workspace, id)
        #expect(after.unreadable.allSatisfy { $0 == fragment }, "\(after.unreadable)")
        #expect(after.lines.starts(with: whole.lines))
        #expect(after.answers == [
            "role=\"Champion\"", "tool=false", "team_size=12", "pain=true", "pain_note=\"Month-end close\"",
            "cost=2000", "urgency=1",
        ])
        #expect(after.events.last?["outcome"] as? String == "nurture")

        let transcript = try ShownTranscript(workspace, id)
        #expect(transcript.answers == Self.wholeWalk)
        #expect(transcript.status == "ended")
        #expect(transcript.outcome == "nurture")
    }

    // MARK: Reading what the tool wrote

    /// The row of `playbook sessions` for `id`, split into its columns' words.
    static func sessionsRow(_ workspace: Workspace, _ id: String) throws -> [Substring] {
        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let row = try #require(
            listed.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") },
            "no row for \(id):\n\(listed.stdout)")
        return row.split(separator: " ")
    }
}

extension SessionEndToEndTests {
    /// One session record as it is on disk.
    struct SessionRecord {
        var lines: [String]
        /// The lines that are JSON objects, in order.
        var events: [[String: Any]]
        /// The lines that are not.
        var unreadable: [String]
        let url: URL

        static func url(_ workspace: CommandLineTests.Workspace, _ id: String) -> URL {
            workspace.folder.appendingPathComponent("sessions").appendingPathComponent(id + ".jsonl")
        }

        /// The id of the one record in the workspace's `sessions` folder.
        static func onlyID(in workspace: CommandLineTests.Workspace) throws -> String {
            let names = try FileManager.default.contentsOfDirectory(
                atPath: workspace.folder.appendingPathComponent("sessions").path)
            let records = names.filter { $0.hasSuffix(".jsonl") }
            try #require(records.count == 1, "expected one record, found \(names)")
            return String(records[0].dropLast(".jsonl".count))
        }

        init(_ workspace: CommandLineTests.Workspace, _ id: String) throws {
            url = Self.url(workspace, id)
            let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            lines = text.split(separator: "\n").map(String.init)
            events = []
            unreadable = []
            for line in lines {
                if let event = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
                    events.append(event)
                } else {
                    unreadable.append(line)
                }
            }
        }

        var eventNames: [String] { events.compactMap { $0["event"] as? String } }

        /// Each answer event as question=value, the value as JSON text (so `false` is not `0`).
        var answers: [String] {
            events.filter { $0["event"] as? String == "answer" }.map { event in
                let question = event["question"] as? String ?? "?"
                let value = event["value"].flatMap {
                    try? JSONSerialization.data(withJSONObject: $0, options: .fragmentsAllowed)
                }
                return "\(question)=\(value.map { String(decoding: $0, as: UTF8.self) } ?? "?")"
            }
        }

        func permissions() throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        }
    }

    /// What `playbook show ID --format json` says about a session.
    struct ShownTranscript {
        /// question=shown, in order.
        var answers: [String]
        var status: String?
        var outcome: String?

        init(_ workspace: CommandLineTests.Workspace, _ id: String) throws {
            let show = try workspace.run(["show", id, "--sessions", "sessions", "--format", "json"])
            #expect(show.status == 0, "\(show.stderr)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any], "\(show.stdout)")
            let answers = try #require(document["answers"] as? [[String: Any]], "\(show.stdout)")
            self.answers = answers.map { "\($0["question"] as? String ?? "?")=\($0["shown"] as? String ?? "?")" }
            status = document["status"] as? String
            outcome = (document["outcome"] as? [String: Any])?["name"] as? String
        }
    }
}
