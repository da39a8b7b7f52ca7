import Foundation
import Testing

@testable import PlaybookKit

/// `playbook lsp` with a client nobody here wrote: Neovim's built-in LSP client (Debian's
/// neovim 0.7, which .ci/run installs), run headless on neovim_client.lua beside this file. It
/// opens a broken playbook in a temporary folder and reads the diagnostics back as Neovim holds
/// them (columns in bytes, converted by Neovim from the server's UTF-16); then it jumps to a
/// definition and renames a question. Skipped, and says so, where nvim is missing.
struct NeovimTests {
    static let nvim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("neovim_client.lua")

    /// Runs the script on `file` in `workspace` with `settings`; what it saw.
    static func run(_ workspace: CommandLineTests.Workspace, _ file: String, _ settings: [String: String]) throws -> [String: Any] {
        let nvim = try #require(Self.nvim)
        let binary = try #require(CommandLineTests.binary)
        let out = workspace.folder.appendingPathComponent("seen.json")
        let environment = [
            "PLAYBOOK_BIN": binary.path, "PLAYBOOK_FILE": workspace.folder.appendingPathComponent(file).path, "PLAYBOOK_OUT": out.path,
            "HOME": workspace.folder.path, "XDG_STATE_HOME": workspace.folder.path, "XDG_CACHE_HOME": workspace.folder.path,
        ].merging(settings) { $1 }
        let run = try ChildProcess.run(
            URL(fileURLWithPath: nvim), ["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile \(script.path)"], in: workspace.folder,
            environment: environment, timeout: 90)
        #expect(!run.crashed, "nvim crashed: \(run.stderr)")
        let data = try Data(contentsOf: out)
        let seen = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "not JSON: \(String(decoding: data, as: UTF8.self))")
        #expect(seen["error"] == nil, "the script failed: \(seen["error"] ?? "")")
        #expect(seen["initialized"] as? Bool == true)
        // Stopping the client sends shutdown and exit: the server ends with 0.
        #expect(seen["stopped"] as? Bool == true)
        #expect(seen["exit_code"] as? Int == 0, "\(seen)")
        return seen
    }

    static let broken = """
        playbook "Ngân sách"
          language vi
          outcomes thắng, thua

        stage đủ_điều_kiện "Đủ điều kiện"
          say "Chào anh 🎉, ngân sách là {số_tiền}"
          ask ngân_sách "Có ngân sách không?" yes/no
            yes -> theo_dõii
            no -> end thua "Không có ngân sách"

        stage theo_dõi "Theo dõi"
          ask sau "Hẹn lại quý sau?" yes/no
            yes -> end thắng "Đã hẹn"
            no -> end thua "Không quan tâm"

        """

    @Test(.enabled(if: nvim != nil, "nvim is not installed (apt-get install neovim)"))
    func neovimReceivesTheDiagnosticsOfABrokenPlaybook() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("ngân sách.playbook", Self.broken)
        let seen = try Self.run(workspace, "ngân sách.playbook", ["PLAYBOOK_MODE": "diagnostics"])
        let diagnostics = try #require(seen["diagnostics"] as? [[String: Any]], "\(seen)")
        let lines = Self.broken.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        /// Where Neovim must put a name: its line, and its byte column in that line.
        func place(_ name: String, line: Int) -> (Int, Int, Int) {
            let column = lines[line].utf8.count - (lines[line].components(separatedBy: name).last ?? "").utf8.count - name.utf8.count
            return (line, column, column + name.utf8.count)
        }
        let found = diagnostics.map { ($0["code"] as? String ?? "", $0["lnum"] as? Int ?? -1, $0["col"] as? Int ?? -1, $0["end_col"] as? Int ?? -1) }
        let name = place("số_tiền", line: 5)
        let target = place("theo_dõii", line: 7)
        #expect(found.contains { $0 == ("PB0205", name.0, name.1, name.2) }, "\(diagnostics)")
        #expect(found.contains { $0 == ("PB0202", target.0, target.1, target.2) }, "\(diagnostics)")
        let unknownTarget = try #require(diagnostics.first { $0["code"] as? String == "PB0202" })
        #expect(unknownTarget["source"] as? String == "playbook")
        #expect(unknownTarget["severity"] as? Int == 1)
        #expect((unknownTarget["message"] as? String)?.contains("did you mean 'theo_dõi'?") == true, "\(unknownTarget)")
    }

    static let valid = """
        playbook "Follow-up"
          outcomes won, lost

        stage qualify "Qualify"
          ask budget "Is there a budget?" yes/no
            yes -> followup
            no -> end lost "No budget"

        stage followup "Follow-up"
          say "The budget was {budget}."
          ask later "Talk again next quarter?" yes/no
            yes -> end won "Booked"
            no -> end lost "No interest"

        """

    @Test(.enabled(if: nvim != nil, "nvim is not installed (apt-get install neovim)"))
    func neovimJumpsToADefinitionAndRenamesAQuestion() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("follow-up.playbook", Self.valid)
        let seen = try Self.run(
            workspace, "follow-up.playbook",
            [
                "PLAYBOOK_MODE": "navigate", "PLAYBOOK_LINE": "6", "PLAYBOOK_COLUMN": "14",  // on 'followup' in `yes -> followup`
                "PLAYBOOK_RENAME_LINE": "5", "PLAYBOOK_RENAME_COLUMN": "7", "PLAYBOOK_NEW_NAME": "funds",  // on 'budget' in `ask budget`
            ])
        #expect(seen["jumped"] as? Bool == true, "\(seen)")
        // The stage's line, 1-based as Neovim's cursor is.
        #expect((seen["definition"] as? [Int])?.first == 9, "\(seen)")
        #expect(seen["renamed"] as? Bool == true, "\(seen)")
        let lines = try #require(seen["lines"] as? [String])
        #expect(lines.contains("  ask funds \"Is there a budget?\" yes/no"), "\(lines)")
        #expect(lines.contains("  say \"The budget was {funds}.\""), "\(lines)")
    }
}
