import Foundation
import Glibc
import Testing

/// `playbook fmt` as a user runs it: rewriting in place, `--check` for CI, `--diff`, standard
/// input for editors, folders, and the files it must leave alone.
struct FormatCommandTests {
    typealias Workspace = CommandLineTests.Workspace

    static let messy = "playbook   \"Probe\"\n  outcomes won,lost\nstage a \"A\"\n    ask go \"Go?\" yes / no\n        yes->end won \"w\"\n        no -> end lost \"l\"   # lost\n"
    static let tidy = "playbook \"Probe\"\n  outcomes won, lost\n\nstage a \"A\"\n  ask go \"Go?\" yes/no\n    yes -> end won \"w\"\n    no -> end lost \"l\"  # lost\n"

    func read(_ workspace: Workspace, _ name: String) throws -> String {
        try String(contentsOf: workspace.folder.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func rewritesAFileInPlaceKeepingItsPermissions() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.messy)
        let path = workspace.folder.appendingPathComponent("probe.playbook").path
        #expect(chmod(path, 0o640) == 0)
        let run = try workspace.run(["fmt", "probe.playbook"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty && run.stderr.isEmpty)
        #expect(try read(workspace, "probe.playbook") == Self.tidy)
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o640)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.folder.path) == ["probe.playbook"])
    }

    @Test func throughALinkTheFileItPointsToIsReplacedAndTheLinkKept() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.messy)
        let link = workspace.folder.appendingPathComponent("link.playbook").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "probe.playbook")
        let run = try workspace.run(["fmt", "link.playbook"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "probe.playbook")
        #expect(try read(workspace, "probe.playbook") == Self.tidy)
    }

    @Test func aFormattedFileIsNotTouched() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.tidy)
        let path = workspace.folder.appendingPathComponent("probe.playbook").path
        var before = stat()
        #expect(stat(path, &before) == 0)
        let run = try workspace.run(["fmt", "probe.playbook"])
        #expect(run.status == 0)
        var after = stat()
        #expect(stat(path, &after) == 0)
        #expect(before.st_ino == after.st_ino && before.st_mtim.tv_nsec == after.st_mtim.tv_nsec)
    }

    @Test func checkNamesTheFilesThatWouldChangeAndChangesNothing() throws {
        let workspace = try Workspace()
        try workspace.write("messy.playbook", Self.messy)
        try workspace.write("tidy.playbook", Self.tidy)
        try workspace.write("messy.scenarios", "scenario \"Yes wins\"\n      go=yes\n      expect won\n")
        try workspace.write("notes.txt", "not a playbook")
        let run = try workspace.run(["fmt", "--check", "."])
        #expect(run.status == 1)
        #expect(run.stdout == "./messy.playbook\n./messy.scenarios\n")
        #expect(try read(workspace, "messy.playbook") == Self.messy)
        let clean = try workspace.run(["fmt", "--check", "tidy.playbook"])
        #expect(clean.status == 0 && clean.stdout.isEmpty)
    }

    @Test func diffShowsTheChangeAsAUnifiedDiff() throws {
        let workspace = try Workspace()
        try workspace.write("probe.playbook", Self.messy)
        let run = try workspace.run(["fmt", "--diff", "probe.playbook"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("--- probe.playbook\n+++ probe.playbook\n@@ -1,6 +1,7 @@\n-playbook   \"Probe\"\n"), "\(run.stdout)")
        #expect(run.stdout.contains("\n+  ask go \"Go?\" yes/no\n"))
        #expect(try read(workspace, "probe.playbook") == Self.messy)
        let both = try workspace.run(["fmt", "--check", "--diff", "probe.playbook"])
        #expect(both.status == 1 && both.stdout == run.stdout)
    }

    @Test func standardInputGoesToStandardOutput() throws {
        let workspace = try Workspace()
        let run = try workspace.run(["fmt", "-"], input: Self.messy)
        #expect(run.status == 0)
        #expect(run.stdout == Self.tidy)
        let scenarios = try workspace.run(["fmt", "--scenarios", "-"], input: "scenario \"A\"\n   go =yes\n")
        #expect(scenarios.stdout == "scenario \"A\"\n  go = yes\n")
        let check = try workspace.run(["fmt", "--check", "-"], input: Self.messy)
        #expect(check.status == 1 && check.stdout == "-\n")
    }

    @Test func aFileWithSyntaxErrorsIsLeftAsItIsAndItsErrorsShown() throws {
        let workspace = try Workspace()
        let broken = "stage a \"A\"\n  say \"never closed\n"
        try workspace.write("broken.playbook", broken)
        try workspace.write("good.playbook", Self.messy)
        let run = try workspace.run(["fmt", "broken.playbook", "good.playbook"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("error[PB0105]: unterminated string"), "\(run.stderr)")
        #expect(run.stderr.contains("--> broken.playbook:2:7"), "\(run.stderr)")
        #expect(run.stderr.contains("'broken.playbook' was not formatted"))
        #expect(try read(workspace, "broken.playbook") == broken)
        // The other files are formatted all the same.
        #expect(try read(workspace, "good.playbook") == Self.tidy)
        let piped = try workspace.run(["fmt", "-"], input: broken)
        #expect(piped.status == 2 && piped.stdout.isEmpty)
    }

    @Test func aMissingFileIsReported() throws {
        let workspace = try Workspace()
        let run = try workspace.run(["fmt", "missing.playbook"])
        #expect(run.status == 2)
        #expect(run.stderr == "playbook: cannot read 'missing.playbook': no such file\n")
        let usage = try workspace.run(["fmt"])
        #expect(usage.status == 2 && usage.stderr.contains("fmt needs at least one file"))
    }

    @Test func helpSaysWhatItDoes() throws {
        let run = try Workspace().run(["fmt", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("usage: playbook fmt [--check] [--diff] FILE..."))
        #expect(run.stdout.contains("--check") && run.stdout.contains("exit status"))
    }
}
