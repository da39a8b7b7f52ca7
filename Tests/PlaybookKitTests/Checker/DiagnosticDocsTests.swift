import Foundation
import Testing

@testable import PlaybookKit

/// Each docs page of a diagnostic shows its fixture: the "Wrong" files are the fixture's files, the
/// printed text is what the fixture's check (or test, for a scenario file) prints, and the "Fixed"
/// files check without that code (a fixed scenario file reads clean, and its scenarios pass).
/// How a page may show less than the fixture is in `DiagnosticDocsPage`.
struct DiagnosticDocsTests {
    static let pages = Golden.root.appendingPathComponent("docs/diagnostics")

    static var pageNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []
        return names.filter { $0.hasPrefix("PB") && $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    static func page(_ name: String) throws -> DiagnosticDocsPage {
        DiagnosticDocsPage(try String(contentsOf: pages.appendingPathComponent(name + ".md"), encoding: .utf8))
    }

    /// The fixture a page shows: the one of the same name, else the only one with its code.
    static func fixture(of page: String) -> String? {
        let fixtures = DiagnosticFixtureTests.fixtureNames
        if fixtures.contains(page) { return page }
        let sameCode = fixtures.filter { $0.hasPrefix(page.prefix(6)) }
        return sameCode.count == 1 ? sameCode[0] : nil
    }

    /// What `playbook check main.playbook` prints for these files: the diagnostics and the summary.
    static func printed(_ loader: MemoryLoader) throws -> (text: String, result: CheckResult) {
        let (result, sources, diagnostics) = try DiagnosticFixtureTests.checked(loader)
        let renderer = DiagnosticRenderer(sources: sources, color: false)
        let errors = diagnostics.errorCount
        let warnings = diagnostics.warningCount
        var counts: [String] = []
        if errors > 0 { counts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { counts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        let summary = "main.playbook: " + (counts.isEmpty ? "no problems found" : counts.joined(separator: ", ")) + "\n"
        var checked = result
        checked.diagnostics = diagnostics
        return (diagnostics.map { renderer.human($0) + "\n" }.joined() + summary, checked)
    }

    /// What `playbook test main.scenarios` prints on standard error when the scenario file has
    /// problems: the diagnostics, then their count.
    static func printed(scenarios bytes: [UInt8]) -> (text: String, file: ScenarioFile) {
        let source = SourceFile(path: DiagnosticFixtureTests.scenarios, bytes: bytes)
        let file = parseScenarios(source)
        let renderer = DiagnosticRenderer(sources: [source], color: false)
        let text = file.diagnostics.map { renderer.human($0) + "\n" }.joined()
        return (text + renderer.summary(path: source.path, diagnostics: file.diagnostics), file)
    }

    /// The variation of a fixture that a page's `<!-- variation -->` text shows, as its prose
    /// describes it.
    static func variation(of page: String, _ files: [String: [UInt8]]) -> MemoryLoader? {
        var files = files
        switch page {
        case "PB0503-use-outside-root":
            // "If `shared` were a link to `/home/dana/glossaries`, `use "shared/company-glossary.playbook"`
            // would be reported the same way": the glossary is there, and is not read.
            let main = String(decoding: files["main.playbook"] ?? [], as: UTF8.self)
            let used = main.replacingOccurrences(of: "\"../company-glossary.playbook\"", with: "\"shared/company-glossary.playbook\"")
            files["main.playbook"] = Array(used.utf8)
            files["/home/dana/glossaries/company-glossary.playbook"] = Array("term \"MRR\" \"Monthly recurring revenue.\"\n".utf8)
            return MemoryLoader(bytes: files, links: ["shared": "/home/dana/glossaries"])
        default:
            return nil
        }
    }

    @Test(arguments: pageNames) func thePageShowsItsFixture(_ name: String) throws {
        let page = try Self.page(name)
        #expect(page.problems.isEmpty, "\(name): \(page.problems.joined(separator: "; "))")
        let fixture = try #require(Self.fixture(of: name), "no fixture for the page \(name)")
        let files = try DiagnosticFixtureTests.files(fixture)
        #expect(!page.wrong.files.isEmpty, "\(name) has no wrong example")
        for example in page.examples {
            try Self.expect(name, shows: example, of: example.fixture ?? fixture)
        }

        let loader = Self.variation(of: name, files)
        if let variation = page.variation {
            let loader = try #require(loader, "\(name) marks a variation that DiagnosticDocsTests.variation does not build")
            let (printed, _) = try Self.printed(loader)
            #expect(variation == printed, "\(name): the variation is not what check prints:\n\(Golden.diff(printed, variation))")
        } else {
            #expect(loader == nil, "\(name) has no variation for DiagnosticDocsTests.variation to build")
        }

        #expect(!page.fixed.isEmpty, "\(name) has no fixed example")
        let fixed = files.merging(page.fixed.mapValues { Array($0.utf8) }) { $1 }
        let code = String(name.prefix(6))
        let (after, result) = try Self.printed(MemoryLoader(bytes: fixed))
        #expect(!result.diagnostics.contains { $0.code.rawValue == code }, "\(name): the fixed example still gives \(code):\n\(after)")
        #expect(result.diagnostics.errorCount == 0, "\(name): the fixed example has errors:\n\(after)")
        try Self.expectFixedScenarios(name, page, fixture: fixture)
    }

    /// A page whose "Wrong" shows a scenario file shows it fixed: it reads without a problem, and
    /// its scenarios pass against the playbook of that example's fixture (as fixed on the page, when
    /// the fixture is the page's own).
    static func expectFixedScenarios(_ name: String, _ page: DiagnosticDocsPage, fixture: String) throws {
        let scenarios = DiagnosticFixtureTests.scenarios
        let shown = try page.examples.map { $0.fixture ?? fixture }
            .filter { try DiagnosticFixtureTests.files($0)[scenarios] != nil }
        guard let scenarioFixture = shown.first else {
            #expect(page.fixed[scenarios] == nil, "\(name) fixes a scenario file that \"Wrong\" does not show")
            return
        }
        #expect(shown.count == 1, "\(name) shows scenario files of \(shown); \"Fixed\" can fix one")
        let fixed = try #require(page.fixed[scenarios], "\(name) shows a scenario file in \"Wrong\" and not in \"Fixed\"")
        var files = try DiagnosticFixtureTests.files(scenarioFixture)
        if scenarioFixture == fixture { files.merge(page.fixed.mapValues { Array($0.utf8) }) { $1 } }
        let (printed, file) = Self.printed(scenarios: Array(fixed.utf8))
        #expect(file.diagnostics.isEmpty, "\(name): the fixed scenario file has problems:\n\(printed)")
        #expect(!file.scenarios.isEmpty, "\(name): the fixed scenario file has no scenarios")
        let check = try checkPlaybook(at: "main.playbook", loader: MemoryLoader(bytes: files)).get()
        let program = try #require(Program(check), "\(name): the playbook of \(scenarioFixture) has errors")
        for scenario in file.scenarios {
            let run = runScenario(scenario, program: program)
            #expect(run.passed, "\(name): the fixed scenario \"\(scenario.name)\" fails: \(run.failures)")
        }
    }

    /// An example shows the fixture's files (all, unless it says some are not shown) and what its
    /// check, or test of its scenario file, prints: the fixture's expected.txt (DiagnosticFixtureTests
    /// holds it), then the summary.
    static func expect(_ name: String, shows example: DiagnosticDocsPage.Example, of fixture: String) throws {
        let files = try DiagnosticFixtureTests.files(fixture)
        #expect(!files.isEmpty, "\(name) shows the fixture \(fixture), which has no files")
        for (file, block) in example.files.sorted(by: { $0.key < $1.key }) {
            guard let bytes = files[file] else {
                Issue.record("\(name) shows \(file), which the fixture \(fixture) does not have")
                continue
            }
            if let ambiguity = DiagnosticDocsPage.ambiguity(bytes) {
                Issue.record("\(fixture)/\(file) cannot be shown on a page: \(ambiguity)")
            }
            let shown = DiagnosticDocsPage.shown(bytes)
            #expect(
                DiagnosticDocsPage.shows(block, shown), "\(name): its \(file) is not the one of \(fixture):\n\(Golden.diff(shown, block))")
        }
        let unshown = Set(files.keys).subtracting(example.files.keys).sorted()
        if example.showsSomeFiles {
            #expect(!unshown.isEmpty, "\(name) says \(DiagnosticDocsPage.someFilesNotShown) but shows all of \(fixture)")
        } else {
            #expect(unshown.isEmpty, "\(name) does not show \(unshown) of \(fixture) (or say \(DiagnosticDocsPage.someFilesNotShown))")
        }
        let printed = try files[DiagnosticFixtureTests.scenarios].map { Self.printed(scenarios: $0).text }
            ?? Self.printed(MemoryLoader(bytes: files)).text
        #expect(
            example.printed == printed,
            "\(name): the text printed for \(fixture) is not what it prints:\n\(Golden.diff(printed, example.printed ?? ""))")
    }

    /// The index lists every code once, with its page's title and its severity.
    @Test func theIndexListsEveryPage() throws {
        let index = try String(contentsOf: Self.pages.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = index.split(separator: "\n").filter { $0.hasPrefix("| [PB") }
        #expect(rows.count == DiagnosticCode.allCases.count, "the index has \(rows.count) rows for \(DiagnosticCode.allCases.count) codes")
        for code in DiagnosticCode.allCases {
            let name = "\(code.rawValue)-\(code.slug)"
            let page = try Self.page(name)
            #expect(page.title.hasPrefix("\(code.rawValue): "), "\(name)'s title is \(page.title)")
            #expect(page.severity == code.severity.rawValue, "\(name) says its severity is \(page.severity)")
            let row = "| [\(page.title)](\(name).md) | \(code.severity.rawValue) | "
            #expect(rows.contains { $0.hasPrefix(row) }, "the index has no row \(row)")
        }
    }
}
