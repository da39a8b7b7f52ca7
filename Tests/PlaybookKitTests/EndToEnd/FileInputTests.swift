import Foundation
import Glibc
import Testing

/// What the binary refuses to read, however a file reaches it: named on the command line, brought
/// in with `use`, named by a session record, or given as scenarios or answers. A named pipe would
/// keep it waiting for a writer forever, /dev/zero would fill the memory, and a huge file is not a
/// playbook: each is refused with a reason, quickly.
struct FileInputTests {
    typealias Workspace = CommandLineTests.Workspace

    static let playbook = "playbook \"Probe\"\n  outcomes won, lost\n\nstage a \"A\"\n  ask go \"Go?\" yes/no\n    yes -> end won \"w\"\n    no -> end lost \"l\"\n"
    static let scenarios = "scenario \"Yes wins\"\n  go = yes\n  expect won\n"

    /// A hang fails within this many seconds instead of stalling the suite for two minutes.
    static let patience: TimeInterval = 20

    static func makeFIFO(_ workspace: Workspace, _ name: String) throws {
        try #require(mkfifo(workspace.folder.appendingPathComponent(name).path, 0o600) == 0, "mkfifo: \(errno)")
    }

    static func link(_ workspace: Workspace, _ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(
            atPath: workspace.folder.appendingPathComponent(name).path, withDestinationPath: target)
    }

    /// A file of `size` bytes that takes no space on disk (a hole): cheap at any size.
    static func makeSparse(_ workspace: Workspace, _ name: String, size: Int) throws {
        let path = workspace.folder.appendingPathComponent(name).path
        try #require(FileManager.default.createFile(atPath: path, contents: nil))
        try #require(truncate(path, off_t(size)) == 0, "truncate: \(errno)")
    }

    /// Runs the binary with its address space capped at 2 GiB, so that a regression that reads
    /// /dev/zero fails this test instead of taking the machine's memory.
    static func runCapped(_ workspace: Workspace, _ arguments: [String], input: String? = nil) throws -> CommandLineTests.Run {
        let binary = try #require(CommandLineTests.binary)
        return try workspace.run(
            ["-c", "ulimit -v 2097152; exec \"$0\" \"$@\"", binary.path] + arguments, input: input,
            executable: URL(fileURLWithPath: "/bin/sh"), timeout: patience)
    }

    // MARK: Named on the command line

    @Test(arguments: [["check"], ["run", "--sessions", "sessions"], ["graph"], ["paths"], ["practice", "--sessions", "sessions"]])
    func namedPipeOnTheCommandLineIsRefused(_ command: [String]) throws {
        let workspace = try Workspace()
        try Self.makeFIFO(workspace, "pipe.playbook")
        let run = try workspace.run(command + ["pipe.playbook"], input: "", timeout: Self.patience)
        #expect(run.status == 2, "\(command): \(run.stderr)")
        #expect(
            run.stderr.contains("cannot read 'pipe.playbook': it is a named pipe (FIFO), not a regular file"), "\(run.stderr)")
    }

    @Test(arguments: ["check", "graph", "paths"])
    func deviceOnTheCommandLineIsRefused(_ command: String) throws {
        let workspace = try Workspace()
        try Self.link(workspace, "zero.playbook", to: "/dev/zero")
        let run = try Self.runCapped(workspace, [command, "zero.playbook"])
        #expect(!run.crashed)
        #expect(run.status == 2, "\(run.stderr.prefix(300))")
        #expect(run.stderr.contains("cannot read 'zero.playbook': it is a device, not a regular file"), "\(run.stderr.prefix(300))")
        let direct = try Self.runCapped(workspace, [command, "/dev/zero"])
        #expect(direct.status == 2)
        #expect(direct.stderr.contains("it is a device"))
    }

    @Test func fileOverTheSizeLimitIsRefused() throws {
        let workspace = try Workspace()
        try Self.makeSparse(workspace, "huge.playbook", size: (64 << 20) + 1)
        let run = try workspace.run(["check", "huge.playbook"], timeout: Self.patience)
        #expect(run.status == 2)
        #expect(
            run.stderr == "playbook: cannot read 'huge.playbook': it is 64.1 MiB, larger than the 64 MiB read from one file"
                + " (a playbook, scenarios or answers file is far smaller; is it the right file?)\n")
        // Just under the limit is read (and, all NUL bytes, reported as a binary file).
        try Self.makeSparse(workspace, "large.playbook", size: 64 << 20)
        let large = try workspace.run(["check", "--format", "short", "large.playbook"], timeout: 60)
        #expect(large.status == 1)
        #expect(large.stdout.contains("[PB0101]"))
    }

    // MARK: Brought in with use

    @Test func namedPipeBroughtInWithUseIsReported() throws {
        let workspace = try Workspace()
        try workspace.write("main.playbook", Self.playbook.replacingOccurrences(of: "\nstage", with: "use \"lib.playbook\"\n\nstage"))
        try Self.makeFIFO(workspace, "lib.playbook")
        let run = try workspace.run(["check", "--format", "short", "main.playbook"], timeout: Self.patience)
        #expect(run.status == 1)
        #expect(
            run.stdout.hasPrefix(
                "main.playbook:3:5: error: cannot use 'lib.playbook': it is a named pipe (FIFO), not a regular file"),
            "\(run.stdout)")
        #expect(run.stdout.hasSuffix("[PB0501]\n"))
        for command in ["graph", "paths"] {
            let refused = try workspace.run([command, "main.playbook"], timeout: Self.patience)
            #expect(refused.status == 1, "\(command)")
            #expect(refused.stderr.contains("error[PB0501]"), "\(command): \(refused.stderr)")
        }
    }

    @Test func hugeFileBroughtInWithUseIsReported() throws {
        let workspace = try Workspace()
        try workspace.write("main.playbook", Self.playbook.replacingOccurrences(of: "\nstage", with: "use \"lib.playbook\"\n\nstage"))
        try Self.makeSparse(workspace, "lib.playbook", size: 100 << 20)
        let run = try workspace.run(["check", "main.playbook"], timeout: Self.patience)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error[PB0501]: cannot use 'lib.playbook': it is 100 MiB, larger than the 64 MiB"), "\(run.stdout)")
        #expect(run.stdout.contains("help: check that the path names the file you mean"))
    }

    // MARK: Named by a session record

    @Test func namedPipeWhereARecordsPlaybookWasIsRefusedOnResume() throws {
        let workspace = try Workspace()
        try workspace.write("deal.playbook", Self.playbook)
        // Piped answers that run out pause the session, with the playbook's path in the record.
        let started = try workspace.run(["run", "deal.playbook", "--sessions", "sessions"], input: "", timeout: Self.patience)
        #expect(started.status == 1, "\(started.stderr)")
        try FileManager.default.removeItem(at: workspace.folder.appendingPathComponent("deal.playbook"))
        try Self.makeFIFO(workspace, "deal.playbook")
        let resume = try workspace.run(["resume", "last", "--sessions", "sessions"], input: "y\n", timeout: Self.patience)
        #expect(resume.status == 1)
        #expect(resume.stderr.contains("deal.playbook': it is a named pipe (FIFO), not a regular file"), "\(resume.stderr)")
    }

    // MARK: Scenarios and answers

    @Test func namedPipeAsScenariosOrAnswersIsRefused() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.playbook)
        try Self.makeFIFO(workspace, "probe.scenarios")
        let test = try workspace.run(["test", "probe.scenarios"], timeout: Self.patience)
        #expect(test.status == 2)
        #expect(test.stderr.contains("cannot read 'probe.scenarios': it is a named pipe (FIFO)"), "\(test.stderr)")
        let answers = try workspace.run(
            ["run", "probe.playbook", "--answers", "probe.scenarios", "--sessions", "sessions"], timeout: Self.patience)
        #expect(answers.status == 2)
        #expect(answers.stderr.contains("cannot read 'probe.scenarios': it is a named pipe (FIFO)"), "\(answers.stderr)")
    }

    @Test func deviceOrHugeFileAsAnswersIsRefused() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.playbook)
        try Self.link(workspace, "zero.scenarios", to: "/dev/zero")
        let zero = try Self.runCapped(workspace, ["run", "probe.playbook", "--answers", "zero.scenarios", "--sessions", "sessions"])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("cannot read 'zero.scenarios': it is a device"), "\(zero.stderr.prefix(300))")
        try Self.makeSparse(workspace, "huge.scenarios", size: 65 << 20)
        let huge = try workspace.run(["test", "huge.scenarios", "--playbook", "probe.playbook"], timeout: Self.patience)
        #expect(huge.status == 2)
        #expect(huge.stderr.contains("cannot read 'huge.scenarios': it is 65 MiB, larger than the 64 MiB"), "\(huge.stderr)")
    }

    // MARK: Links out of the folder

    /// `use` of a link to a file outside the folder, or through a linked folder: refused, and the
    /// outside file's lines are not shown (a stage in it would be, in a PB0504 snippet).
    @Test(arguments: ["file", "folder"])
    func useThroughALinkOutOfTheFolderIsRefused(_ kind: String) throws {
        let workspace = try Workspace()
        let outside = try Workspace()
        try outside.write("shared.playbook", "stage secret \"Secret plans for the third quarter\"\n  end won\n")
        let used = kind == "file" ? "shared.playbook" : "lib/shared.playbook"
        try workspace.write("main.playbook", Self.playbook.replacingOccurrences(of: "\nstage", with: "use \"\(used)\"\n\nstage"))
        if kind == "file" {
            try Self.link(workspace, "shared.playbook", to: outside.folder.appendingPathComponent("shared.playbook").path)
        } else {
            try Self.link(workspace, "lib", to: outside.folder.path)
        }
        let run = try workspace.run(["check", "main.playbook"], timeout: Self.patience)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("error[PB0503]: '\(used)' is outside the playbook's folder, through a link\n"), "\(run.stdout)")
        #expect(!run.stdout.contains("Secret plans"), "\(run.stdout)")
        #expect(!run.stdout.contains("PB0504"))
    }

    /// A link that stays inside the folder is followed, and the playbook named through a linked
    /// folder is checked against that folder's real place.
    @Test func linksInsideTheFolderAreFollowed() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("deals"), withIntermediateDirectories: false)
        try workspace.write(
            "deals/main.playbook", "playbook \"Probe\"\n  outcomes won\n\nuse \"lib/greet.playbook\"\n\nstage a \"A\"\n  call greet\n  end won\n")
        try FileManager.default.createDirectory(at: workspace.folder.appendingPathComponent("deals/shared"), withIntermediateDirectories: false)
        try workspace.write("deals/shared/greet.playbook", "flow greet \"Greet\"\n  say \"Hello.\"\n  return\n")
        try Self.link(workspace, "deals/lib", to: "shared")
        try Self.link(workspace, "current", to: "deals")
        let run = try workspace.run(["check", "current/main.playbook"], timeout: Self.patience)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "current/main.playbook: no problems found\n")
    }

    /// A regular playbook with its scenarios still works, through each way in.
    @Test func regularFilesAreReadAsBefore() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.playbook)
        try workspace.write("probe.scenarios", Self.scenarios)
        #expect(try workspace.run(["check", "probe.playbook"]).status == 0)
        let test = try workspace.run(["test", "probe.scenarios"])
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        let run = try workspace.run(["run", "probe.playbook", "--answers", "probe.scenarios", "--sessions", "sessions"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("won"))
    }
}
