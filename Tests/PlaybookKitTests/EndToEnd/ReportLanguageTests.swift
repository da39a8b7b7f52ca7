import Testing

/// The reports of `check`, `test` and `paths` follow each playbook's `language`; the golden
/// transcripts `report-words-vi`, `-he`, `-zh` and `-th` show every command. What spans files:
struct ReportLanguageTests {
    static let vietnamese = """
        playbook "Gọi"
          language vi
          outcomes thắng

        stage s "Sàng lọc"
          ask ổn "Ổn chứ?" yes/no
          end thắng "Xong"

        """
    static let english = vietnamese.replacingOccurrences(of: "language vi", with: "language en")

    /// `test`'s totals speak the playbooks' language when every file tested has the same one.
    @Test func testTotalsSpeakTheSharedLanguageElseEnglish() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("a.playbook", Self.vietnamese)
        try workspace.write("b.playbook", Self.vietnamese)
        try workspace.write("c.playbook", Self.english)
        for name in ["a", "b", "c"] { try workspace.write("\(name).scenarios", "scenario \"x\"\n  ổn = yes\n  expect thắng\n") }
        let same = try workspace.run(["test", "a.scenarios", "b.scenarios"])
        #expect(same.status == 0)
        #expect(same.stdout.hasSuffix("\n2 kịch bản: 2 đạt, 0 không đạt\n"), "\(same.stdout)")
        let mixed = try workspace.run(["test", "a.scenarios", "c.scenarios"])
        #expect(mixed.stdout.contains("  ✓ x\n"))
        #expect(mixed.stdout.hasSuffix("\n2 scenarios: 2 passed, 0 failed\n"), "\(mixed.stdout)")
    }

    /// `check` on files in two languages tells each in its own.
    @Test func checkTellsEachFileInItsLanguage() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("a.playbook", Self.vietnamese)
        try workspace.write("c.playbook", Self.english)
        let run = try workspace.run(["check", "a.playbook", "c.playbook"])
        #expect(run.stdout == "a.playbook: không phát hiện vấn đề nào\nc.playbook: no problems found\n")
    }
}
