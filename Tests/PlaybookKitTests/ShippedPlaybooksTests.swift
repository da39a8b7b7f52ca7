import Foundation
import Testing

@testable import PlaybookKit

/// Every shipped playbook checks clean with --strict, its scenarios pass and reach every outcome
/// it declares, and exploring it finds no fault, dead end or exit criterion no walk meets.
struct ShippedPlaybooksTests {
    static let folder = Golden.root.appendingPathComponent("playbooks")

    static let files: [String: String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var files: [String: String] = [:]
        for name in names where name.hasSuffix(".playbook") || name.hasSuffix(".scenarios") {
            files[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }()

    static let playbooks = files.keys.filter { $0.hasSuffix(".playbook") }.sorted()

    static func checked(_ name: String) -> CheckResult {
        let text = files[name] ?? ""
        return checkPlaybook(SourceFile(path: name, bytes: Array(text.utf8)), loader: MemoryLoader(files))
    }

    @Test(arguments: playbooks)
    func checksCleanWithStrict(_ name: String) {
        let result = Self.checked(name)
        #expect(result.diagnostics.isEmpty, "\(name): \(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
    }

    @Test(arguments: playbooks)
    func scenariosPassAndReachEveryOutcome(_ name: String) throws {
        let result = Self.checked(name)
        guard result.files.first?.stages.isEmpty == false else { return }  // a flow library
        let program = try #require(Program(result))
        let scenariosName = String(name.dropLast(".playbook".count)) + ".scenarios"
        let text = try #require(Self.files[scenariosName], "\(name) has no \(scenariosName)")
        let file = readScenarios(text)
        #expect(file.diagnostics.isEmpty, "\(scenariosName): \(file.diagnostics)")
        var reached = Set<String>()
        for scenario in file.scenarios {
            let run = runScenario(scenario, program: program)
            #expect(run.passed, "\(scenariosName) \"\(scenario.name)\": \(run.failures)")
            if let outcome = run.outcome { reached.insert(outcome.name) }
        }
        let declared = Set(program.outcomes ?? program.endingNames)
        #expect(declared.subtracting(reached).isEmpty, "\(name): no scenario reaches \(declared.subtracting(reached).sorted())")
    }

    @Test(arguments: playbooks)
    func exploresWithoutFaultsOrDeadEnds(_ name: String) throws {
        let result = Self.checked(name)
        guard result.files.first?.stages.isEmpty == false else { return }
        let report = Explorer(program: try #require(Program(result))).explore()
        #expect(report.faults.isEmpty, "\(name): \(report.faults.map(\.what))")
        #expect(report.deadEnds.isEmpty, "\(name): \(report.deadEnds.map(\.what))")
        #expect(report.neverMet.isEmpty, "\(name): \(report.neverMet.map(\.what))")
        #expect(!report.stoppedEarly)
    }

    /// `playbook test x.scenarios` tests `x.playbook`: no scenarios file is left without one.
    @Test func everyScenariosFileHasItsPlaybook() {
        let scenarios = Self.files.keys.filter { $0.hasSuffix(".scenarios") }.sorted()
        #expect(scenarios.count > 10)
        let orphans = scenarios.filter { Self.files[String($0.dropLast(".scenarios".count)) + ".playbook"] == nil }
        #expect(orphans.isEmpty, "scenarios without their playbook: \(orphans)")
    }

    /// `.ci/run` checks it too, with `playbook fmt --check playbooks`.
    @Test func everyShippedFileIsFormatted() throws {
        for name in Self.files.keys.sorted() {
            let source = SourceFile(path: name, bytes: Array(try #require(Self.files[name]).utf8))
            let outcome = name.hasSuffix(".scenarios") ? formatScenarios(source) : formatPlaybook(source)
            let text = try #require(outcome.text, "\(name) does not format")
            #expect(Array(text.utf8) == source.bytes, "\(name) is not formatted: run playbook fmt playbooks\n\(Golden.diff(Self.files[name] ?? "", text, context: 1))")
        }
    }

    @Test func theLibraryCoversFiveLanguages() {
        let languages = Set(Self.playbooks.compactMap { Self.checked($0).table?.header?.language?.code })
        #expect(languages.isSuperset(of: ["en", "vi", "he", "zh", "th"]), "\(languages.sorted())")
    }
}
