import Foundation
import Glibc
import Testing

/// The sessions folder: `run`, `practice` and `resume` write only into a folder private to the
/// user (refusing, with how to fix it, one that others can write, one of another user, or a
/// symlink); `sessions` and `show` read from any, with a warning; `sessions` tells an unreadable
/// folder from an empty one.
struct SessionFolderTests {
    typealias Workspace = CommandLineTests.Workspace
    typealias SessionRecord = SessionEndToEndTests.SessionRecord

    static func records(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".jsonl") }
    }

    @Test func theFolderTheToolCreatesIsPrivate() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        _ = try RecordFileSafetyTests.pausedSession(workspace)
        let folder = workspace.folder.appendingPathComponent("sessions")
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func aFolderOthersCanWriteIsRefusedForWritingAndWarnedAboutForReading() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let id = try RecordFileSafetyTests.pausedSession(workspace)
        let folder = workspace.folder.appendingPathComponent("sessions")
        try #require(chmod(folder.path, 0o777) == 0)
        let record = SessionRecord.url(workspace, id)
        let before = try Data(contentsOf: record)

        let run = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions"], input: "2\nn\npause\n")
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("other users can write"), "\(run.stderr)")
        #expect(run.stderr.contains("chmod 700"), "\(run.stderr)")
        #expect(Self.records(folder) == [id + ".jsonl"], "a record was created in a folder others can write")

        let practice = try workspace.run(["practice", "discovery.playbook", "--sessions", "sessions"], input: "2\n")
        #expect(practice.status != 0 && practice.stderr.contains("chmod 700"), "\(practice.stdout)\(practice.stderr)")

        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 1, "\(resume.stdout)\(resume.stderr)")
        #expect(resume.stderr.contains("chmod 700"), "\(resume.stderr)")
        #expect(try Data(contentsOf: record) == before)

        // Reading cannot harm a record: it goes on, and says what is wrong.
        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains(id), "\(listed.stdout)")
        #expect(listed.stderr.contains("warning") && listed.stderr.contains("chmod 700"), "\(listed.stderr)")
        let show = try workspace.run(["show", id, "--sessions", "sessions"])
        #expect(show.status == 0)
        #expect(show.stderr.contains("warning") && show.stderr.contains("chmod 700"), "\(show.stderr)")
    }

    @Test(.enabled(if: geteuid() == 0, "giving a folder to another user needs root"))
    func aFolderOfAnotherUserIsRefused() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let folder = workspace.folder.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try #require(chmod(folder.path, 0o700) == 0 && chown(folder.path, 65534, 65534) == 0)

        let run = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions"], input: "2\nn\npause\n")
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("belongs to another user"), "\(run.stderr)")
        #expect(run.stderr.contains("--sessions"), "no way out given: \(run.stderr)")
        #expect(Self.records(folder).isEmpty)
    }

    @Test func aFolderThatIsASymlinkIsRefusedForWriting() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let real = workspace.folder.appendingPathComponent("real-sessions")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createSymbolicLink(
            at: workspace.folder.appendingPathComponent("sessions"), withDestinationURL: real)

        let run = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions"], input: "2\nn\npause\n")
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
        #expect(run.stderr.contains("real-sessions"), "the real folder is not named: \(run.stderr)")
        #expect(Self.records(real).isEmpty)

        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 0)
        #expect(listed.stderr.contains("symbolic link"), "\(listed.stderr)")
    }

    // MARK: 11. A folder that cannot be listed is not an empty one

    @Test func sessionsOnARegularFileIsAnError() throws {
        let workspace = try Workspace()
        try workspace.write("sessions", "not a folder\n")
        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 1, "\(listed.stdout)\(listed.stderr)")
        #expect(!listed.stdout.contains("No sessions"), "\(listed.stdout)")
        #expect(listed.stderr.contains("not a folder"), "\(listed.stderr)")
        let json = try workspace.run(["sessions", "--sessions", "sessions", "--format", "json"])
        #expect(json.status == 1 && json.stdout.isEmpty, "\(json.stdout)\(json.stderr)")
        let history = try workspace.run(["practice", "--history", "--sessions", "sessions"])
        #expect(history.status == 1 && history.stderr.contains("not a folder"), "\(history.stdout)\(history.stderr)")
    }

    @Test func sessionsOnAMissingFolderSaysThereAreNoneYet() throws {
        let workspace = try Workspace()
        let listed = try workspace.run(["sessions", "--sessions", "never-made"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.hasPrefix("No sessions in never-made yet."), "\(listed.stdout)")
        #expect(listed.stderr.isEmpty, "\(listed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("never-made").path))
    }

    @Test(.enabled(if: geteuid() != 0, "root reads a folder whatever its mode, so the case cannot be made"))
    func sessionsOnAnUnreadableFolderIsAnError() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        _ = try RecordFileSafetyTests.pausedSession(workspace)
        let folder = workspace.folder.appendingPathComponent("sessions")
        try #require(chmod(folder.path, 0o000) == 0)
        defer { chmod(folder.path, 0o700) }
        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        #expect(listed.status == 1, "\(listed.stdout)\(listed.stderr)")
        #expect(!listed.stdout.contains("No sessions"), "\(listed.stdout)")
        #expect(listed.stderr.contains("cannot read"), "\(listed.stderr)")
    }
}
