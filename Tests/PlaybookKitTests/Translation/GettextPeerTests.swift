import Foundation
import Testing

@testable import PlaybookKit

/// GNU gettext's `msgfmt --check` accepts every PO file shipped, and those `playbook translate`
/// writes; the commands work end to end. Skipped, and says so, where msgfmt is missing.
struct GettextPeerTests {
    static let msgfmt = ["/usr/bin/msgfmt", "/usr/local/bin/msgfmt"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static let shipped: [String] = {
        let folder = Golden.root.appendingPathComponent("playbooks")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".po") }.sorted()
    }()

    /// msgfmt's complaints about `path`, or "" when it has none; a template's header fields are
    /// left for the translator, and msgfmt says so of every template, xgettext's too.
    static func complaints(_ path: URL, in folder: URL) throws -> String {
        let run = try ChildProcess.run(URL(fileURLWithPath: try #require(msgfmt)), ["--check", "-o", "/dev/null", path.path], in: folder)
        let lines = run.stderr.split(separator: "\n").filter { !(path.pathExtension == "pot" && $0.contains("still has the initial default value")) }
        #expect(run.status == 0, "msgfmt refuses \(path.lastPathComponent):\n\(run.stderr)")
        return lines.joined(separator: "\n")
    }

    @Test(.enabled(if: msgfmt != nil, "msgfmt is not installed (apt-get install gettext)"), arguments: shipped)
    func msgfmtAcceptsTheShippedFile(_ name: String) throws {
        let folder = Golden.root.appendingPathComponent("playbooks")
        #expect(try Self.complaints(folder.appendingPathComponent(name), in: folder) == "")
    }

    @Test(.enabled(if: msgfmt != nil, "msgfmt is not installed (apt-get install gettext)"))
    func msgfmtAcceptsWhatTranslateWrites() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        let extract = try workspace.run(["translate", "extract", "discovery.playbook"])
        #expect(extract.status == 0 && extract.stdout == "wrote discovery.pot (49 texts)\nwrote objections.pot (10 texts)\n")
        let update = try workspace.run(["translate", "update", "discovery.playbook", "--lang", "vi,th"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("wrote discovery.vi.po: 0 unchanged, 49 new, 0 fuzzy, 0 obsolete\n"))
        for name in ["discovery.pot", "objections.pot", "discovery.vi.po", "discovery.th.po", "objections.vi.po"] {
            #expect(try Self.complaints(workspace.folder.appendingPathComponent(name), in: workspace.folder) == "", "\(name)")
        }
        // Reworded since: the file is updated in place, still accepted.
        let playbook = workspace.folder.appendingPathComponent("discovery.playbook")
        let text = try String(contentsOf: playbook, encoding: .utf8).replacing("Who are you talking to?", with: "Who is on the call?")
        try workspace.write("discovery.playbook", text)
        let again = try workspace.run(["translate", "update", "discovery.playbook", "--lang", "vi"])
        #expect(again.stdout.contains("updated discovery.vi.po: 48 unchanged, 1 new, 0 fuzzy, 0 obsolete\n"), "\(again.stdout)")
        #expect(try Self.complaints(workspace.folder.appendingPathComponent("discovery.vi.po"), in: workspace.folder) == "")
        let status = try workspace.run(["translate", "status", "discovery.playbook"])
        #expect(status.stdout.contains("  th         0 translated     0 fuzzy    49 missing     0%   1 stale (run translate update)\n"), "\(status.stdout)")
        let check = try workspace.run(["check", "discovery.playbook", "--lang", "vi", "--strict"])
        #expect(check.status == 1 && check.stdout.contains("warning[PB0804]: 49 texts of discovery.playbook are not translated into vi"))
    }

    @Test func badUsageIsSaid() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        let noLanguage = try workspace.run(["translate", "update", "discovery.playbook"])
        #expect(noLanguage.status == 2 && noLanguage.stderr.contains("translate update needs --lang"))
        let badTag = try workspace.run(["run", "discovery.playbook", "--lang", "../x"])
        #expect(badTag.status == 2 && badTag.stderr.contains("--lang takes a language tag"))
        let missing = try workspace.run(["run", "discovery.playbook", "--lang", "fr"], input: "")
        #expect(missing.status == 2 && missing.stderr.contains("has no translation into fr"), "\(missing.stderr)")
        let action = try workspace.run(["translate", "extrakt", "discovery.playbook"])
        #expect(action.status == 2 && action.stderr.contains("did you mean 'extract'?"), "\(action.stderr)")
    }
}
