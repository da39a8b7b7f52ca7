import Foundation
import Testing

@testable import PlaybookKit

/// Each docs page of a diagnostic shows its fixture: the "Wrong" files are the fixture's files, the
/// printed text is what the fixture's check prints, and the "Fixed" files check without that code.
struct DiagnosticDocsTests {
    static let pages = Golden.root.appendingPathComponent("docs/diagnostics")

    static var pageNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []
        return names.filter { $0.hasPrefix("PB") && $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    /// A page's examples: its files by name (`main.playbook` when the block is not named), in the
    /// "Wrong" and "Fixed" sections, and the text `check` prints.
    struct Page {
        var wrong: [String: String] = [:]
        var fixed: [String: String] = [:]
        var printed: String?

        init(_ markdown: String) {
            var section = ""
            var name: String?
            var block: [Substring]?
            var fence = ""
            for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
                if var lines = block {
                    if line == "```" {
                        let text = lines.joined(separator: "\n") + "\n"
                        if fence == "text" {
                            if section == "Wrong" { printed = text }
                        } else if section == "Wrong" {
                            wrong[name ?? "main.playbook"] = text
                        } else if section == "Fixed" {
                            fixed[name ?? "main.playbook"] = text
                        }
                        block = nil
                        name = nil
                    } else {
                        lines.append(line)
                        block = lines
                    }
                } else if line.hasPrefix("## ") {
                    section = String(line.dropFirst(3))
                } else if line.hasPrefix("```") {
                    fence = String(line.dropFirst(3))
                    block = []
                } else if line.hasPrefix("`"), line.hasSuffix("`:"), line.contains(".playbook") {
                    name = String(line.dropFirst().dropLast(2))
                }
            }
        }
    }

    /// The fixture a page shows: the one of the same name, else the only one with its code.
    static func fixture(of page: String) -> String? {
        let fixtures = DiagnosticFixtureTests.fixtureNames
        if fixtures.contains(page) { return page }
        let sameCode = fixtures.filter { $0.hasPrefix(page.prefix(6)) }
        return sameCode.count == 1 ? sameCode[0] : nil
    }

    static func check(_ files: [String: String]) throws -> CheckResult {
        try checkPlaybook(at: "main.playbook", loader: MemoryLoader(bytes: files.mapValues { Array($0.utf8) })).get()
    }

    @Test(arguments: pageNames) func thePageShowsItsFixture(_ name: String) throws {
        let markdown = try String(contentsOf: Self.pages.appendingPathComponent(name + ".md"), encoding: .utf8)
        let page = Page(markdown)
        let fixture = try #require(Self.fixture(of: name), "no fixture for the page \(name)")
        let folder = DiagnosticFixtureTests.folder.appendingPathComponent(fixture)
        #expect(!page.wrong.isEmpty, "\(name) has no wrong example")
        for (file, text) in page.wrong {
            let written = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(text == written, "\(name): the page's \(file) is not the fixture's:\n\(Golden.diff(written, text))")
        }
        let expected = try String(contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        let result = try Self.check(page.wrong)
        let errors = result.diagnostics.errorCount
        let warnings = result.diagnostics.warningCount
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        let printed = expected + "main.playbook: " + counts.joined(separator: ", ") + "\n"
        #expect(page.printed == printed, "\(name): the printed text is not what check prints:\n\(Golden.diff(printed, page.printed ?? ""))")

        #expect(!page.fixed.isEmpty, "\(name) has no fixed example")
        let fixed = page.wrong.merging(page.fixed) { $1 }
        let code = String(name.prefix(6))
        let after = try Self.check(fixed)
        #expect(!after.diagnostics.contains { $0.code.rawValue == code }, "\(name): the fixed example still gives \(code)")
        #expect(after.diagnostics.errorCount == 0, "\(name): the fixed example has errors")
    }
}
