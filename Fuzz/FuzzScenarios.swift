// The scenario parser and the three diagnostic renderings on a fuzzed .scenarios file, and its
// scenarios run against a shipped playbook.

func fuzzScenarios(_ bytes: [UInt8]) {
    // As given (a file that is not UTF-8 stops at its first bad byte), and as text, so that the
    // parser reads past the bytes a random input is full of.
    let raw = SourceFile(path: "fuzz.scenarios", bytes: bytes)
    render(parseScenarios(raw).diagnostics, of: raw)
    let source = SourceFile(path: "fuzz.scenarios", bytes: Array(String(decoding: bytes, as: UTF8.self).utf8))
    let file = parseScenarios(source)
    render(file.diagnostics, of: source)
    let program = fuzzPrograms[Int(bytes.last ?? 0) % fuzzPrograms.count]
    for scenario in file.scenarios.prefix(20) {
        _ = runScenario(scenario, program: program, seed: UInt64(scenario.line))
    }
}

private func render(_ diagnostics: [Diagnostic], of source: SourceFile) {
    let renderer = DiagnosticRenderer(sources: [source], color: false)
    for diagnostic in diagnostics.prefix(50) {
        _ = renderer.human(diagnostic)
        _ = renderer.short(diagnostic)
        _ = renderer.json(diagnostic).text
    }
}
