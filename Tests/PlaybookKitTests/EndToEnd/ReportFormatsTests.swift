import Foundation
import Testing

/// `playbook report --format text|markdown|csv|html` run as a user runs it, on the fixture's
/// records (Fixtures/report/renewal/records; their playbook's path is not on this machine, so the
/// report says it is made from the records).
struct ReportFormatsTests {
    static let records = Golden.fixtures.appendingPathComponent("report/renewal/records").path

    func report(_ options: [String], in workspace: CommandLineTests.Workspace? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let workspace = try workspace ?? CommandLineTests.Workspace()
        let run = try workspace.run(["report", Self.records, "--as-of", "2026-03-01"] + options)
        return (run.status, run.stdout, run.stderr)
    }

    @Test func textHasNoColourWhenPipedAndColourWhenAsked() throws {
        let plain = try report([])
        #expect(plain.status == 0)
        #expect(plain.stdout.hasPrefix("Renewal Call\n════════════\n7 deals · as of 2026-03-01 00:00 UTC · stages and questions from the records"))
        #expect(!plain.stdout.contains("\u{1B}"))
        let coloured = try report(["--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[1;36mFunnel\u{1B}[0m"))
        #expect(TeamReportRenderTests.withoutStyles(coloured.stdout) == plain.stdout)
        let refused = try report(["--color", "sometimes"])
        #expect(refused.status == 2 && refused.stderr.contains("--color"))
    }

    /// A file gets no colour, even when asked for on a terminal.
    @Test func outputToAFileHasNoColour() throws {
        let workspace = try CommandLineTests.Workspace()
        let run = try report(["--color", "always", "--output", "report.txt"], in: workspace)
        #expect(run.status == 0 && run.stdout.isEmpty)
        let written = try String(contentsOf: workspace.folder.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(written.hasPrefix("Renewal Call\n") && !written.contains("\u{1B}"))
    }

    @Test func eachFormat() throws {
        let markdown = try report(["--format", "markdown"])
        #expect(markdown.stdout.hasPrefix("# Renewal Call\n"))
        let html = try report(["--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n") && html.stdout.hasSuffix("</html>\n"))
        let deals = try report(["--format", "csv", "--table", "deals"])
        let rows = try CSVReader.rows(deals.stdout)
        #expect(rows.count == 8 && rows[1].first == "20260105-090000-0001")
        let missing = try report(["--format", "csv"])
        #expect(missing.status == 2 && missing.stderr.contains("--table"))
    }
}
