/// What one scenario did: whether it passed, why not, and the walk it took.
public struct ScenarioResult: Sendable, Hashable {
    public var name: String
    public var line: Int
    /// Each says what was expected and what happened.
    public var failures: [ScenarioFailure] = []
    /// Not failures, but worth a look: answers never asked for, by question.
    public var unused: [UnusedAnswers] = []
    /// The walk, stage by stage: each stage entered, with the answers given in it.
    public var walk: [WalkedStage] = []
    public var outcome: Outcome?
    /// Where an exit criterion held the walk, when one did: the stage's id and the criterion's message.
    public var blocked: Blocked?
    /// The branch sides the walk took, for coverage.
    public var sides: Set<BranchSide> = []
    public var passed: Bool { failures.isEmpty }

    public struct Blocked: Sendable, Hashable {
        public var stage: String
        public var message: String
    }

    public struct WalkedStage: Sendable, Hashable {
        /// The stage's id.
        public var stage: String
        public var answers: [NamedAnswer]
    }

    public struct UnusedAnswers: Sendable, Hashable {
        public var question: String
        public var count: Int
    }

    /// How a walk ended: with an outcome, held by an exit criterion, or not at all.
    public enum Ending: Sendable, Hashable {
        case outcome(Outcome)
        case blocked(Blocked)
        case notEnded
    }

    public var ending: Ending {
        if let outcome { return .outcome(outcome) }
        if let blocked { return .blocked(blocked) }
        return .notEnded
    }
}

/// Why a scenario failed. `line` is the scenario file's line that says what failed.
public enum ScenarioFailure: Sendable, Hashable {
    /// Answers for a question the playbook does not have, with the nearest name it has.
    case noQuestion(line: Int, question: String, nearest: String?)
    /// An expectation names a stage the playbook does not have.
    case noStage(line: Int, stage: String, nearest: String?)
    /// The walk asked a question the scenario has no answer left for: its id, its text, the stage.
    case noAnswer(question: String, text: String, stage: String)
    /// The scenario's answer does not answer the question; `options` are the question's, for a choice.
    case notAnAnswer(line: Int, given: String, question: String, problem: AnswerProblem, options: [String])
    /// An exit criterion held the walk, and the scenario does not expect it.
    case blockedUnexpectedly(stage: String, message: String)
    /// The walk stopped on a fault (a division by zero, say) at this line of the playbook.
    case fault(playbookLine: Int, message: String)
    /// `expect OUTCOME`; `known` lists the playbook's outcomes when it has no such outcome.
    case outcome(line: Int, expected: String, ending: ScenarioResult.Ending, known: [String]?)
    /// `expect blocked STAGE`.
    case blocked(line: Int, stage: String, ending: ScenarioResult.Ending)
    /// `expect NAME = VALUE`, and the name has no value at the end.
    case noValue(line: Int, name: String, expected: String)
    /// `expect NAME = VALUE`, and the value is another.
    case value(line: Int, name: String, expected: String, actual: Value)
    /// `expect stage STAGE` (`entered` false) or `expect not stage STAGE` (`entered` true).
    case stage(line: Int, stage: String, entered: Bool)
}

/// Runs a scenario against a playbook without a rep: each question takes the scenario's next
/// answer for it; the expectations are checked when the walk ends.
public func runScenario(_ scenario: Scenario, program: Program, seed: UInt64 = 0) -> ScenarioResult {
    var result = ScenarioResult(name: scenario.name, line: scenario.line)
    var walk = Walk(program: program, seed: seed)
    walk.tracing = true
    var queue = AnswerQueue(scenario)
    let words = YesNoWords(language: program.language)
    for name in queue.questions where program.question(named: name) == nil {
        let nearest = Suggestion.nearest(to: name, among: program.questionNames)
        result.failures.append(.noQuestion(line: queue.lines[name] ?? 0, question: name, nearest: nearest))
    }
    walking: while true {
        switch walk.next() {
        case .enteredStage(let index):
            result.walk.append(ScenarioResult.WalkedStage(stage: program.name(program.stages[index].name.symbol), answers: []))
        case .leftStage, .say, .buyer:
            continue
        case .question(let question):
            switch queue.answer(to: question, in: program, words: words) {
            case .none(let name):
                let stage = program.name(program.stages[walk.state.stage].name.symbol)
                result.failures.append(.noAnswer(question: name, text: walk.renderIfPossible(question.text), stage: stage))
                break walking
            case .unfit(let name, let text, let line, let problem):
                result.failures.append(
                    .notAnAnswer(
                        line: line, given: text, question: name, problem: problem,
                        options: question.branches.compactMap(\.optionKey)))
                break walking
            case .value(let value, _):
                // A question is asked in a stage, entered before it.
                let name = program.name(question.name.symbol)
                if let stage = result.walk.indices.last { result.walk[stage].answers.append(NamedAnswer(question: name, value: value)) }
                walk.answer(value)
            }
        case .unmetCriterion(let index, let message):
            let stage = program.name(program.stages[index].name.symbol)
            result.blocked = ScenarioResult.Blocked(stage: stage, message: message)
            if !scenario.expectations.contains(where: { if case .blocked = $0 { true } else { false } }) {
                result.failures.append(.blockedUnexpectedly(stage: stage, message: message))
            }
            break walking
        case .fault(let fault):
            result.failures.append(.fault(playbookLine: fault.line, message: fault.message))
            break walking
        case .ended(let outcome):
            result.outcome = outcome
            break walking
        }
    }
    result.sides = Set(walk.trace)
    result.failures += check(scenario.expectations, walk: walk, result: result, words: words)
    result.unused = queue.unused.filter { program.question(named: $0.question) != nil }
        .map { ScenarioResult.UnusedAnswers(question: $0.question, count: $0.count) }
    return result
}

private func check(_ expectations: [Expectation], walk: Walk, result: ScenarioResult, words: YesNoWords) -> [ScenarioFailure] {
    let program = walk.program
    var failures: [ScenarioFailure] = []
    for expectation in expectations {
        switch expectation {
        case .outcome(let expected, let line):
            if result.outcome?.name != expected {
                let known = program.outcomes ?? program.endingNames
                failures.append(.outcome(line: line, expected: expected, ending: result.ending, known: known.contains(expected) ? nil : known))
            }
        case .blocked(let id, let line):
            if program.stage(named: id) == nil {
                failures.append(noStage(id, line: line, program: program))
            } else if result.blocked?.stage != id {
                failures.append(.blocked(line: line, stage: id, ending: result.ending))
            }
        case .value(let name, let expected, let line):
            guard let actual = walk.value(of: name) else {
                failures.append(.noValue(line: line, name: name, expected: expected.text))
                continue
            }
            if !matches(actual, expected, words: words) {
                failures.append(.value(line: line, name: name, expected: expected.text, actual: actual))
            }
        case .stage(let id, let line), .notStage(let id, let line):
            let wanted: Bool
            if case .stage = expectation { wanted = true } else { wanted = false }
            guard let index = program.stage(named: id) else {
                failures.append(noStage(id, line: line, program: program))
                continue
            }
            let entered = walk.state.stagesEntered.contains(index)
            if entered != wanted { failures.append(.stage(line: line, stage: id, entered: entered)) }
        }
    }
    return failures
}

/// The failure for a stage the playbook does not have, with the nearest name.
private func noStage(_ id: String, line: Int, program: Program) -> ScenarioFailure {
    let names = program.stages.map { program.name($0.name.symbol) }
    return .noStage(line: line, stage: id, nearest: Suggestion.nearest(to: id, among: names))
}

/// An expected value compares with the actual one in the actual one's type.
private func matches(_ actual: Value, _ expected: ScenarioValue, words: YesNoWords) -> Bool {
    switch actual {
    case .number(let number): return Double(expected.text).map { $0 == number } ?? false
    case .bool(let flag):
        let folded = expected.text.lowercased()
        return flag ? words.yes.contains(folded) : words.no.contains(folded)
    case .text(let text): return text == expected.text
    }
}
