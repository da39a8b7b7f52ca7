/// What `playbook test` found in one scenarios file: each scenario's result and, when asked for,
/// the branch sides they took together.
public struct TestReport: Sendable {
    /// The scenarios file's path, and the playbook's.
    public var scenarios: String
    public var playbook: String
    public var results: [ScenarioResult]
    public var coverage: CoverageReport?

    /// Runs every scenario of `file` against `program`; with `coverage`, counts the sides they took.
    public init(scenarios: String, playbook: String, file: ScenarioFile, program: Program, seed: UInt64, coverage: Bool) {
        self.scenarios = scenarios
        self.playbook = playbook
        results = file.scenarios.map { runScenario($0, program: program, seed: seed) }
        self.coverage = coverage ? CoverageReport(program: program, covered: results.reduce(into: []) { $0.formUnion($1.sides) }) : nil
    }

    public var passed: Int { results.count(where: \.passed) }
    public var failed: Int { results.count - passed }
}
