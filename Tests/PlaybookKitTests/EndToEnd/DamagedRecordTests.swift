import Foundation
import Glibc
import Testing

/// What `sessions`, `show` and `resume` do with a record damaged by a crash, another tool or a
/// person: each kind of damage is named, nothing is silently read as something it is not.
struct DamagedRecordTests {
    typealias Workspace = CommandLineTests.Workspace
    typealias SessionRecord = SessionEndToEndTests.SessionRecord

    /// A discovery session paused after `input`, and its record's lines (without line ends).
    static func paused(_ input: String = "2\nn\npause\n") throws -> (Workspace, String, [String]) {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let id = try RecordFileSafetyTests.pausedSession(workspace, input: input)
        return (workspace, id, try SessionRecord(workspace, id).lines)
    }

    static func rewrite(_ workspace: Workspace, _ id: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: SessionRecord.url(workspace, id))
    }

    static func rewrite(_ workspace: Workspace, _ id: String, lines: [String], end: String = "\n") throws {
        try rewrite(workspace, id, Array(lines.map { $0 + end }.joined().utf8))
    }

    /// The 1-based number of the first line with `event` (and `containing`, if given).
    static func lineNumber(_ lines: [String], _ event: String, containing: String = "") -> Int? {
        lines.firstIndex { $0.contains(#""event":"\#(event)""#) && $0.contains(containing) }.map { $0 + 1 }
    }

    // MARK: 4. An empty record

    @Test func anEmptyRecordIsReportedAsEmpty() throws {
        let workspace = try Workspace()
        let folder = workspace.folder.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try Data().write(to: folder.appendingPathComponent("20260101-000000-0000.jsonl"))

        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let row = listed.stdout.split(separator: "\n").first { $0.hasPrefix("20260101-000000-0000 ") }
        #expect(row?.split(separator: " ").contains("empty") == true, "\(listed.stdout)")
        let json = try workspace.run(["sessions", "--sessions", "sessions", "--format", "json"])
        #expect(json.stdout.contains(#""status":"empty""#), "\(json.stdout)")
        for command in ["show", "resume"] {
            let run = try workspace.run([command, "20260101-000000-0000", "--sessions", "sessions"])
            #expect(run.status == 1, "\(command): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("is empty"), "\(command): \(run.stderr)")
        }
    }

    // MARK: 8. Lines of an unknown schema version

    @Test func linesOfAnUnknownVersionAreSkippedAndCounted() throws {
        let (workspace, id, lines) = try Self.paused()
        let tool = try #require(Self.lineNumber(lines, "answer", containing: "\"tool\""))
        var edited = lines
        edited[tool - 1] = edited[tool - 1].replacingOccurrences(of: #""v":1"#, with: #""v":99"#)
        try Self.rewrite(workspace, id, lines: edited)

        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(show.status == 0)
        #expect(!show.stdout.contains("competing product? → no"), "a line of version 99 was read: \(show.stdout)")
        #expect(show.stderr.contains("line \(tool)") && show.stderr.contains("version 99"), "\(show.stderr)")

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: "n\n" + SessionEndToEndTests.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stdout.contains("1 answer replayed."), "\(resume.stdout)")
        #expect(resume.stderr.contains("line \(tool)") && resume.stderr.contains("version 99"), "\(resume.stderr)")
    }

    @Test func aRecordOfAnUnknownVersionIsNotListedAsASession() throws {
        let (workspace, id, lines) = try Self.paused()
        try Self.rewrite(workspace, id, lines: lines.map { $0.replacingOccurrences(of: #""v":1"#, with: #""v":99"#) })

        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0)
        let row = try #require(listed.stdout.split(separator: "\n").first { $0.hasPrefix(id + " ") }, "\(listed.stdout)")
        #expect(row.split(separator: " ").contains("unreadable"), "\(row)")
        #expect(!row.contains("Lan") && !row.contains("paused"), "\(row)")
        #expect(listed.stderr.contains("version 99"), "\(listed.stderr)")

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 1, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stderr.contains("version 99"), "\(resume.stderr)")
        #expect(try SessionRecord(workspace, id).lines.count == lines.count, "resume appended to a record it cannot read")
    }

    // MARK: 9. CRLF line ends

    @Test func aRecordWithCRLFLineEndsIsRead() throws {
        let (workspace, id, lines) = try Self.paused()
        try Self.rewrite(workspace, id, lines: lines, end: "\r\n")

        #expect(try SessionEndToEndTests.sessionsRow(workspace, id).contains("paused"))
        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(show.stdout.contains("Who are you talking to? → Champion"), "\(show.stdout)")
        #expect(show.stderr.isEmpty, "\(show.stderr)")
        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stdout.contains("2 answers replayed."), "\(resume.stdout)")
        #expect(try SessionEndToEndTests.ShownTranscript(workspace, id).answers == SessionEndToEndTests.wholeWalk)
    }

    // MARK: 10. Tampered and torn records

    @Test func anEndWithAnUndeclaredOutcomeIsNotReplayed() throws {
        let (workspace, id, lines) = try Self.paused()
        let time = #""time":"2026-01-01T00:00:00.000Z""#
        let tampered = lines + [
            #"{"by_rep":true,"event":"end","outcome":"bogus","reason":null,"score":0,\#(time),"v":1}"#,
            #"{"event":"resume","not_replayed":0,"playbook_changed":false,"replayed":3,\#(time),"v":1}"#,
        ]
        try Self.rewrite(workspace, id, lines: tampered)

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stdout.contains("end bogus: not an outcome of this playbook"), "\(resume.stdout)")
        #expect(!resume.stdout.contains("Outcome: bogus"), "\(resume.stdout)")
        #expect(!resume.stdout.contains("The playbook changed"), "it did not: \(resume.stdout)")
        #expect(resume.stdout.contains("Outcome: nurture"), "\(resume.stdout)")
    }

    @Test func aSeedThatIsNotADecimalStringIsNamed() throws {
        let (workspace, id, lines) = try Self.paused()
        #expect(lines[0].contains(#""seed":"0""#))
        try Self.rewrite(workspace, id, lines: [lines[0].replacingOccurrences(of: #""seed":"0""#, with: #""seed":"0x1f""#)] + lines.dropFirst())

        for command in ["resume", "show"] {
            let run = try workspace.run([command, id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
            #expect(run.status == 1, "\(command): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("seed '0x1f' is not a decimal number"), "\(command): \(run.stderr)")
        }
    }

    @Test func invalidUTF8IsNamedNotReplaced() throws {
        let (workspace, id, lines) = try Self.paused()
        let role = try #require(Self.lineNumber(lines, "answer", containing: "Champion"))
        var bytes: [UInt8] = []
        for (index, line) in lines.enumerated() {
            var encoded = Array(line.utf8)
            if index == role - 1, let at = encoded.indices.first(where: { encoded[$0...].starts(with: Array("Champion".utf8)) }) {
                encoded.insert(0xFF, at: at + 1)
            }
            bytes += encoded + [0x0A]
        }
        try Self.rewrite(workspace, id, bytes)

        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(show.status == 0)
        #expect(!show.stdout.contains("\u{FFFD}"), "\(show.stdout)")
        #expect(show.stderr.contains("line \(role)") && show.stderr.contains("not valid UTF-8"), "\(show.stderr)")
        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: "2\nn\n" + SessionEndToEndTests.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stderr.contains("not valid UTF-8"), "\(resume.stderr)")
        #expect(!resume.stdout.contains("The playbook changed"), "\(resume.stdout)")
    }

    /// A torn line that is not the last: the answers after it no longer fit, and resume says the
    /// record is damaged (the playbook's hash did not change).
    @Test func aTornLineInTheMiddleIsNotCalledAChangedPlaybook() throws {
        let (workspace, id, lines) = try Self.paused("2\nn\n12\npause\n")
        let tool = try #require(Self.lineNumber(lines, "answer", containing: "\"tool\""))
        var edited = lines
        edited[tool - 1] = String(edited[tool - 1].prefix(30))
        try Self.rewrite(workspace, id, lines: edited)

        let rest = SessionEndToEndTests.remainingWalk.dropFirst().map { $0.answer + "\n" }.joined()
        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: "n\n12\n" + rest)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        #expect(!resume.stdout.contains("The playbook changed"), "its hash did not change: \(resume.stdout)")
        #expect(resume.stdout.contains("this record is damaged (unreadable lines: \(tool))"), "\(resume.stdout)")
        #expect(resume.stdout.contains("team_size = 12: the playbook now asks 'tool' at this point"), "\(resume.stdout)")
        #expect(resume.stderr.contains("line \(tool)"), "\(resume.stderr)")
        #expect(resume.stdout.contains("Outcome: nurture"), "\(resume.stdout)")

        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(!show.stdout.contains("the playbook had changed"), "\(show.stdout)")
    }
}
