import Foundation

@testable import PlaybookKit

/// Checks `main` (and the other files, by name) held in memory.
func check(_ main: String, files: [String: String] = [:]) -> CheckResult {
    var all = files
    all["main.playbook"] = main
    let loader = MemoryLoader(all)
    return checkPlaybook(SourceFile(path: "main.playbook", bytes: Array(main.utf8)), loader: loader)
}

/// The codes a check reports, in source order.
func codes(_ main: String, files: [String: String] = [:]) -> [String] {
    check(main, files: files).diagnostics.map(\.code.rawValue)
}

/// The shipped copy of a playbook, by file name.
func shipped(_ name: String) -> String {
    (try? String(contentsOf: Golden.root.appendingPathComponent("playbooks/\(name)"), encoding: .utf8)) ?? ""
}

/// Parses a scenario file held in memory, as `main.scenarios`.
func readScenarios(_ text: String) -> ScenarioFile {
    parseScenarios(SourceFile(path: "main.scenarios", bytes: Array(text.utf8)))
}

/// Where each diagnostic of a scenario file held in memory starts.
func scenarioProblemLocations(_ text: String) -> [Location] {
    let source = SourceFile(path: "main.scenarios", bytes: Array(text.utf8))
    return parseScenarios(source).diagnostics.map { source.location(of: Int($0.primary.span.start)) }
}
