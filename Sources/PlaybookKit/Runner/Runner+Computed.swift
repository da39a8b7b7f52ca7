/// What a recorded walk computed: the values its `set` steps wrote, and its score.
public enum ComputedValues {
    /// Why a record's computed values cannot be given.
    public enum Unavailable: Error, Sendable, Hashable {
        /// The record has no start line, so neither its playbook nor its seed is known.
        case notARecord
        /// The playbook is not the one the session walked: values computed now could differ.
        case playbookChanged
        /// The record's inputs no longer replay to the end (a damaged or edited record).
        case doesNotReplay(String)
    }

    /// Replays the record's inputs against `program` (which must be the playbook it walked, as
    /// `hash` shows) and returns each variable's last value, and `score` when the playbook scores.
    /// Answers are not among them: the record has those.
    public static func of(
        _ log: SessionLog, program: Program, hash: String
    ) -> Result<[String: Value], Unavailable> {
        guard let info = log.info else { return .failure(.notARecord) }
        guard hash == info.playbookHash else { return .failure(.playbookChanged) }
        var runner = Runner(walk: Walk(program: program, seed: info.seed))
        let report = runner.replay(log.inputs)
        if let problem = report.stoppedBecause { return .failure(.doesNotReplay(problem)) }
        let questions = Set(program.questionNames)
        var values: [String: Value] = [:]
        for (symbol, value) in runner.walk.state.values {
            let name = program.name(symbol)
            if !questions.contains(name) { values[name] = value }
        }
        if program.scores { values["score"] = .number(runner.walk.state.score) }
        return .success(values)
    }
}
