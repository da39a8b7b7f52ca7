import Foundation
import Glibc
import Testing

/// A record is opened once, locked, then read and appended to through that one descriptor, so
/// that nothing done to its name meanwhile (a symlink swapped in, a second `resume`) can send the
/// buyer's answers elsewhere or continue a deal from a stale state; and it is visible only once
/// its first line is on disk. The windows are opened with the executable's test hook
/// (`PausePoint`), so each test is deterministic.
struct RecordFileSafetyTests {
    typealias Workspace = CommandLineTests.Workspace
    typealias SessionRecord = SessionEndToEndTests.SessionRecord

    /// A discovery session paused after role and tool; its id.
    static func pausedSession(_ workspace: Workspace, input: String = "2\nn\npause\n") throws -> String {
        let run = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions", "--rep", "Lan"], input: input)
        try #require(run.status == 0, "\(run.stdout)\(run.stderr)")
        return try SessionRecord.onlyID(in: workspace)
    }

    static func events(_ url: URL) throws -> [String] {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["event"] as? String
        }
    }

    // MARK: 1. A symlink swapped in after the record was read

    @Test func aSymlinkSwappedInWhileResumingDoesNotRedirectTheAnswers() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let id = try Self.pausedSession(workspace)
        let record = SessionRecord.url(workspace, id)
        let victim = workspace.folder.appendingPathComponent("victim.txt")
        try Data("precious\n".utf8).write(to: victim)
        let moved = workspace.folder.appendingPathComponent("moved-record")

        let pause = try PausePoint(after: "read", in: workspace.folder)
        let resume = try LiveProcess(
            try #require(CommandLineTests.binary), ["resume", id, "--sessions", "sessions"], in: workspace.folder,
            environment: pause.environment)
        try pause.waitUntilReached(by: resume)
        // The record is read; now its name points elsewhere.
        try FileManager.default.moveItem(at: record, to: moved)
        try FileManager.default.createSymbolicLink(at: record, withDestinationURL: victim)
        pause.release()
        try resume.type(SessionEndToEndTests.remainingInput)
        try resume.closeInput()
        #expect(try resume.waitForExit() == .exited(0), "\(resume.text)")

        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n", "resume wrote into the symlink's target")
        let written = try Self.events(moved)
        #expect(written.filter { $0 == "resume" }.count == 1, "\(written)")
        #expect(written.last == "end", "the real record did not get the rest of the deal: \(written)")
    }

    @Test func aRecordThatIsASymlinkIsRefused() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let id = try Self.pausedSession(workspace)
        let record = SessionRecord.url(workspace, id)
        let real = workspace.folder.appendingPathComponent("elsewhere.jsonl")
        try FileManager.default.moveItem(at: record, to: real)
        try FileManager.default.createSymbolicLink(at: record, withDestinationURL: real)
        let before = try Data(contentsOf: real)

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 1, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stderr.contains("symbolic link"), "\(resume.stderr)")
        #expect(try Data(contentsOf: real) == before)
    }

    @Test(.enabled(if: geteuid() == 0, "giving a file to another user needs root"))
    func aRecordOfAnotherUserIsNotAppendedTo() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let id = try Self.pausedSession(workspace)
        let record = SessionRecord.url(workspace, id)
        try #require(chown(record.path, 65534, 65534) == 0)
        let before = try Data(contentsOf: record)

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 1, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stderr.contains("belongs to another user"), "\(resume.stderr)")
        #expect(try Data(contentsOf: record) == before)
    }

    /// A FIFO would block a plain open() forever; a record is a regular file or nothing.
    @Test func aRecordThatIsNotARegularFileIsRefusedWithoutHanging() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        try FileManager.default.createDirectory(
            at: workspace.folder.appendingPathComponent("sessions"), withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        let fifo = workspace.folder.appendingPathComponent("sessions/20260101-000000-0000.jsonl")
        try #require(mkfifo(fifo.path, 0o600) == 0)
        for command in ["resume", "show"] {
            let run = try workspace.run([command, "20260101-000000-0000", "--sessions", "sessions"])
            #expect(run.status == 1, "\(command): \(run.stdout)\(run.stderr)")
            #expect(run.stderr.contains("not a regular file"), "\(command): \(run.stderr)")
        }
        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("20260101-000000-0000"), "\(listed.stdout)")
        #expect(listed.stderr.contains("not a regular file"), "\(listed.stderr)")
    }

    // MARK: 2. Two resumes of one session

    @Test func aSecondResumeWhileTheFirstHoldsTheRecordIsRefused() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let id = try Self.pausedSession(workspace)

        let pause = try PausePoint(after: "read", in: workspace.folder)
        let first = try LiveProcess(
            try #require(CommandLineTests.binary), ["resume", id, "--sessions", "sessions"], in: workspace.folder,
            environment: pause.environment)
        try pause.waitUntilReached(by: first)
        // The first has read the record; a second window goes through the whole deal meanwhile.
        let second = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        pause.release()
        try first.type(SessionEndToEndTests.remainingInput)
        try first.closeInput()
        #expect(try first.waitForExit() == .exited(0), "\(first.text)")

        #expect(second.status == 1, "the second resume went ahead:\n\(second.stdout)\(second.stderr)")
        #expect(second.stderr.contains("open in another window"), "\(second.stderr)")
        let events = try Self.events(SessionRecord.url(workspace, id))
        #expect(events.filter { $0 == "end" }.count == 1, "\(events)")
        #expect(events.filter { $0 == "resume" }.count == 1, "\(events)")
        #expect(try SessionEndToEndTests.sessionsRow(workspace, id).contains("ended"))
    }

    // MARK: 4. A kill between creating a record and writing its first line

    @Test func aKillRightAfterTheRecordIsCreatedLeavesNoEmptyRecord() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let pause = try PausePoint(after: "create", in: workspace.folder)
        let run = try LiveProcess(
            try #require(CommandLineTests.binary), ["run", "discovery.playbook", "--sessions", "sessions"],
            in: workspace.folder, environment: pause.environment)
        try pause.waitUntilReached(by: run)
        kill(run.processIdentifier, SIGKILL)
        #expect(try run.waitForExit() == .killed(by: SIGKILL))

        let folder = workspace.folder.appendingPathComponent("sessions")
        let records = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        for name in records {
            let events = try Self.events(folder.appendingPathComponent(name))
            #expect(events.first == "start", "\(name) is visible without its start line: \(events)")
        }
        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(records.isEmpty == listed.stdout.hasPrefix("No sessions"), "\(listed.stdout)")
    }
}
