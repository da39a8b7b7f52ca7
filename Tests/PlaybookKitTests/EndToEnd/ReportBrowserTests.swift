import Foundation
import Testing

/// `playbook report --format html` opened in a real browser (headless Chromium from Debian's
/// packages, which .ci/run installs): the page loads with its SVG funnel, and a screenshot of it
/// is a picture, not a blank page. Skipped, and says so, where there is no Chromium.
struct ReportBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "Chromium is not installed (apt-get install chromium)"), arguments: ["renewal", "hebrew"])
    func theHTMLReportOpensInABrowserAndShowsTheChart(_ name: String) throws {
        let workspace = try CommandLineTests.Workspace()
        let records = workspace.folder.appendingPathComponent("records")
        try FileManager.default.copyItem(at: Golden.fixtures.appendingPathComponent("report/renewal/records"), to: records)
        if name == "hebrew" { try Self.hebrew(records) }
        let page = workspace.folder.appendingPathComponent("report.html")
        let report = try workspace.run(["report", records.path, "--as-of", "2026-03-01", "--format", "html", "--output", page.path])
        #expect(report.status == 0, "\(report.stderr)")
        let browser = URL(fileURLWithPath: try #require(Self.chromium))
        let flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(workspace.folder.path)/profile"]
        // The DOM after the browser parsed the page: the funnel is an SVG with a bar per stage.
        let dom = try ChildProcess.run(browser, flags + ["--dump-dom", page.absoluteString], timeout: 120)
        #expect(dom.status == 0, "\(dom.stderr.suffix(500))")
        #expect(dom.stdout.contains("<svg") && dom.stdout.contains("<rect"), "the browser's DOM has no SVG chart")
        if name == "hebrew" { #expect(dom.stdout.contains("dir=\"rtl\"")) }
        let shot = workspace.folder.appendingPathComponent("report.png")
        let screenshot = try ChildProcess.run(
            browser, flags + ["--window-size=1280,1600", "--screenshot=\(shot.path)", page.absoluteString], timeout: 120)
        #expect(screenshot.status == 0, "\(screenshot.stderr.suffix(500))")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG")
        // A blank 1280×1600 page compresses to a few kilobytes; text, tables and coloured bars do not.
        #expect(png.count > 40_000, "the screenshot is \(png.count) bytes: a blank page?")
    }

    /// The fixture's records, made Hebrew: their start lines say `he`, so the page is right to left.
    static func hebrew(_ records: URL) throws {
        for file in try FileManager.default.contentsOfDirectory(at: records, includingPropertiesForKeys: nil) {
            let text = try String(contentsOf: file, encoding: .utf8)
            try text.replacingOccurrences(of: #""language":"en""#, with: #""language":"he""#).write(to: file, atomically: true, encoding: .utf8)
        }
    }
}
