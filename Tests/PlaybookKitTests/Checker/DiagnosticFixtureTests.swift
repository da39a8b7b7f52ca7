import Foundation
import Testing

@testable import PlaybookKit

/// Every folder under Fixtures/diagnostics is a broken playbook (`main.playbook`, with any files it
/// uses) and `expected.txt`, the exact human rendering of what `check` reports; or a playbook that
/// checks clean, a broken scenario file for it (`main.scenarios`), and `expected.txt`, the human
/// rendering of what `test` reports of the scenario file. A fixture with translation files
/// (`main.vi.po`) shows what `check` reports of them.
struct DiagnosticFixtureTests {
    static let scenarios = "main.scenarios"

    static let folder = Golden.fixtures.appendingPathComponent("diagnostics")

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The `.playbook` and `.scenarios` files of a fixture folder, by their path inside it.
    static func files(_ name: String) throws -> [String: [UInt8]] {
        let base = folder.appendingPathComponent(name)
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: base.path)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = base.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                relative.hasSuffix(".playbook") || relative.hasSuffix(".scenarios") || relative.hasSuffix(".po")
            else { continue }
            files[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: full)))
        }
        return files
    }

    /// Checks `main.playbook` of a fixture folder, with its other files served from memory; or,
    /// when the folder has a scenario file, reads that.
    static func render(_ name: String) throws -> String {
        let files = try files(name)
        let sources: [SourceFile]
        let diagnostics: [Diagnostic]
        if let scenarios = files[Self.scenarios] {
            sources = [SourceFile(path: Self.scenarios, bytes: scenarios)]
            diagnostics = parseScenarios(sources[0]).diagnostics
        } else {
            (_, sources, diagnostics) = try checked(MemoryLoader(bytes: files))
        }
        let renderer = DiagnosticRenderer(sources: sources, color: false)
        return diagnostics.map { renderer.human($0) + "\n" }.joined()
    }

    /// `check main.playbook` of files in memory, with the translation files among them
    /// (`main.vi.po`), as `playbook check` reads those beside the playbook.
    static func checked(_ loader: MemoryLoader) throws -> (CheckResult, [SourceFile], [Diagnostic]) {
        let result = try checkPlaybook(at: "main.playbook", loader: loader).get()
        let languages = loader.files.keys.compactMap { TranslationPaths.language(ofFileNamed: $0, for: "main.playbook") }.sorted()
        let translations = Translations.read(for: result, languages: { $0 == "main.playbook" ? languages : [] }, loader: loader)
        return (result, translations.sources(after: result), result.diagnostics + translations.diagnostics(for: result))
    }

    @Test(arguments: fixtureNames)
    func fixtureRendersAsExpected(_ name: String) throws {
        let output = try Self.render(name)
        Golden.assert(output, matches: Self.folder.appendingPathComponent(name).appendingPathComponent("expected.txt"))
        let code = String(name.prefix(6))
        #expect(output.contains("[\(code)]"), "fixture \(name) does not produce \(code)")
    }

    /// What a scenario fixture shows is in its scenario file: its playbook is right.
    @Test(arguments: fixtureNames)
    func aScenarioFixturesPlaybookChecksClean(_ name: String) throws {
        let files = try Self.files(name)
        guard files[Self.scenarios] != nil else { return }
        let result = try checkPlaybook(at: "main.playbook", loader: MemoryLoader(bytes: files)).get()
        #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map(\.message))")
    }

    @Test func everyCodeHasAFixtureAndADocsPage() {
        let names = Self.fixtureNames
        for code in DiagnosticCode.allCases {
            #expect(names.contains { $0.hasPrefix(code.rawValue) }, "no fixture for \(code.rawValue)")
            let page = Golden.root.appendingPathComponent(code.docsPath).path
            #expect(FileManager.default.fileExists(atPath: page), "no docs page \(code.docsPath)")
        }
    }
}
