import Testing

@testable import PlaybookKit

/// A `.scenarios` document: its own problems, then what `playbook test` finds running it
/// against the playbook beside it, on the lines that say what failed; re-run when the
/// playbook is edited.
struct LSPScenarioTests {
    static let playbook = """
        playbook "Ngân sách"
          language vi
          outcomes thắng, thua

        stage đủ_điều_kiện "Đủ điều kiện"
          ask ngân_sách "Có ngân sách không?" yes/no
            no -> end thua "Không có ngân sách"
          end thắng "Đã có ngân sách"

        """

    static func client() -> LSPTestClient {
        var client = LSPTestClient(files: ["/w/bán hàng.playbook": playbook])
        client.initialize()
        return client
    }

    @Test func aScenarioFilesOwnProblemsComeWithTheirCodes() throws {
        var client = Self.client()
        let replies = client.open("/w/bán hàng.scenarios", "scenario \"A\"\n\tngân_sách = có\n")
        let diagnostics = try #require(LSPTestClient.diagnostics(replies, "/w/bán hàng.scenarios"))
        #expect(diagnostics.compactMap { $0["code"]?.string } == ["PB0102"])
    }

    @Test func failingScenariosAreShownOnTheLinesThatFailed() throws {
        var client = Self.client()
        let text = "scenario \"Có\"\n  ngân_sách = có\n  expect thắng\n\nscenario \"Sai\"\n  ngan_sach = không\n  expect thắng\n"
        let replies = client.open("/w/bán hàng.scenarios", text)
        let diagnostics = try #require(LSPTestClient.diagnostics(replies, "/w/bán hàng.scenarios"))
        let lines = diagnostics.compactMap { $0["range"]?["start"]?["line"]?.int }
        // Line 6 names no question; line 7's outcome is not reached, as the walk stops.
        #expect(lines.first == 5, "\(diagnostics.map(\.text))")
        let first = try #require(diagnostics.first)
        #expect(first["range"]?.text == #"{"end":{"character":19,"line":5},"start":{"character":0,"line":5}}"#)
        #expect(first["message"]?.string?.contains("ngân_sách") == true, "\(first.text)")
        #expect(first["severity"] == .int(1))
        #expect(first["source"] == .string("playbook"))
    }

    @Test func editingThePlaybookRunsTheOpenScenariosAgain() throws {
        var client = Self.client()
        let text = "scenario \"Có\"\n  ngân_sách = có\n  expect thắng\n"
        #expect(LSPTestClient.diagnostics(client.open("/w/bán hàng.scenarios", text), "/w/bán hàng.scenarios") == [])
        _ = client.open("/w/bán hàng.playbook", Self.playbook)
        // The winning outcome becomes a loss: the scenario fails on its expect line.
        let replies = client.change("/w/bán hàng.playbook", version: 2, [(7, 6, 7, 11, "thua")])
        let diagnostics = try #require(LSPTestClient.diagnostics(replies, "/w/bán hàng.scenarios"))
        #expect(diagnostics.compactMap { $0["range"]?["start"]?["line"]?.int } == [2], "\(diagnostics.map(\.text))")
    }

    @Test func aScenarioFileWithoutItsPlaybookSaysSo() throws {
        var client = Self.client()
        let replies = client.open("/w/khác.scenarios", "scenario \"A\"\n  x = 1\n")
        let diagnostics = try #require(LSPTestClient.diagnostics(replies, "/w/khác.scenarios"))
        #expect(diagnostics.first?["message"]?.string?.hasPrefix("cannot read 'khác.playbook': no such file") == true, "\(diagnostics.map(\.text))")
    }
}
