// The scenario parser on a fuzzed .scenarios file, and its scenarios run against a shipped playbook.

func fuzzScenarios(_ bytes: [UInt8]) {
    let file = parseScenarios(String(decoding: bytes, as: UTF8.self))
    let program = fuzzPrograms[Int(bytes.last ?? 0) % fuzzPrograms.count]
    for scenario in file.scenarios.prefix(20) {
        _ = runScenario(scenario, program: program, seed: UInt64(scenario.line))
    }
}
