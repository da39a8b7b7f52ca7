/// What one scenario did: whether it passed, why not, and the walk it took.
public struct ScenarioResult: Sendable, Hashable {
    public var name: String
    public var line: Int
    /// Each a whole sentence: what was expected and what happened.
    public var failures: [String] = []
    /// Not failures, but worth a look: answers never asked for.
    public var notes: [String] = []
    /// The walk: `situation: role = "Champion", tool = no` per stage, then the outcome.
    public var path: [String] = []
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

    /// "won (\"Demo booked\")", "blocked at stage problem (The buyer has not…)", or "it did not end".
    var ending: String {
        if let outcome { return "it ended with \(outcome.name)" + (outcome.reason.map { " (\"\($0)\")" } ?? "") }
        if let blocked { return "it was blocked at stage \(blocked.stage) (\(blocked.message))" }
        return "it did not end"
    }
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
        let hint = Suggestion.nearest(to: name, among: program.questionNames).map { " (did you mean '\($0)'?)" } ?? ""
        result.failures.append("line \(queue.lines[name] ?? 0): the playbook has no question '\(name)'\(hint)")
    }
    var stageLine = ""
    func closeStage() {
        if !stageLine.isEmpty { result.path.append(stageLine) }
    }
    walking: while true {
        switch walk.next() {
        case .enteredStage(let index):
            closeStage()
            stageLine = program.name(program.stages[index].name.symbol) + ":"
        case .leftStage, .say, .buyer:
            continue
        case .question(let question):
            switch queue.answer(to: question, in: program, words: words) {
            case .none(let name):
                let stage = program.name(program.stages[walk.state.stage].name.symbol)
                result.failures.append(
                    "no answer for the question '\(name)' (\"\(walk.renderIfPossible(question.text))\") asked in stage \(stage); "
                        + "add a line: \(name) = ...")
                break walking
            case .unfit(let name, let text, let line, let problem):
                result.failures.append("line \(line): '\(text)' is not an answer to '\(name)': \(describe(problem, question))")
                break walking
            case .value(let value, _):
                stageLine += (stageLine.hasSuffix(":") ? " " : ", ") + "\(program.name(question.name.symbol)) = \(value.literal)"
                walk.answer(value)
            }
        case .unmetCriterion(let index, let message):
            let stage = program.name(program.stages[index].name.symbol)
            result.blocked = ScenarioResult.Blocked(stage: stage, message: message)
            if !scenario.expectations.contains(where: { if case .blocked = $0 { true } else { false } }) {
                result.failures.append(
                    "the walk cannot leave stage \(stage): its exit criterion fails (\(message)); "
                        + "add 'expect blocked \(stage)' if that is what the scenario tests")
            }
            break walking
        case .fault(let fault):
            result.failures.append("the walk stopped on a fault at line \(fault.line): \(fault.message)")
            break walking
        case .ended(let outcome):
            result.outcome = outcome
            break walking
        }
    }
    closeStage()
    result.sides = Set(walk.trace)
    if let outcome = result.outcome { result.path.append("→ \(outcome.name)" + (outcome.reason.map { " (\"\($0)\")" } ?? "")) }
    if let blocked = result.blocked { result.path.append("⊘ blocked: \(blocked.message)") }
    result.failures += check(scenario.expectations, walk: walk, result: result, words: words)
    result.notes = queue.unused.filter { program.question(named: $0.question) != nil }.map { "\($0.count) answer\($0.count == 1 ? "" : "s") for '\($0.question)' never asked for" }
    return result
}

private func check(_ expectations: [Expectation], walk: Walk, result: ScenarioResult, words: YesNoWords) -> [String] {
    let program = walk.program
    var failures: [String] = []
    for expectation in expectations {
        switch expectation {
        case .outcome(let expected, let line):
            if result.outcome?.name != expected {
                let known = program.outcomes ?? program.endingNames
                let unknown = known.contains(expected) ? "" : " ('\(expected)' is not an outcome of the playbook: \(known.joined(separator: ", ")))"
                failures.append("line \(line): expected the outcome \(expected), but \(result.ending)\(unknown)")
            }
        case .blocked(let id, let line):
            if program.stage(named: id) == nil {
                failures.append(noStage(id, line: line, program: program))
            } else if result.blocked?.stage != id {
                failures.append("line \(line): expected the walk to be blocked at stage \(id) by an exit criterion, but \(result.ending)")
            }
        case .value(let name, let expected, let line):
            guard let actual = walk.value(of: name) else {
                failures.append("line \(line): expected \(name) = \(expected.text), but \(name) has no value at the end of the walk")
                continue
            }
            if !matches(actual, expected, words: words) {
                failures.append("line \(line): expected \(name) = \(expected.text), but it is \(actual.literal)")
            }
        case .stage(let id, let line), .notStage(let id, let line):
            let wanted: Bool
            if case .stage = expectation { wanted = true } else { wanted = false }
            guard let index = program.stage(named: id) else {
                failures.append(noStage(id, line: line, program: program))
                continue
            }
            let entered = walk.state.stagesEntered.contains(index)
            if entered != wanted {
                failures.append("line \(line): expected the walk \(wanted ? "to enter" : "not to enter") stage \(id), but it \(entered ? "did" : "did not")")
            }
        }
    }
    return failures
}

/// The failure for a stage the playbook does not have, with the nearest name.
private func noStage(_ id: String, line: Int, program: Program) -> String {
    let names = program.stages.map { program.name($0.name.symbol) }
    let hint = Suggestion.nearest(to: id, among: names).map { " (did you mean '\($0)'?)" } ?? ""
    return "line \(line): the playbook has no stage '\(id)'\(hint)"
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

private func describe(_ problem: AnswerProblem, _ question: Question) -> String {
    switch problem {
    case .empty: "the answer is empty"
    case .notYesNo: "the question takes yes or no"
    case .notANumber: "the question takes a number"
    case .notWhole: "the question takes a whole number"
    case .outOfRange(let range): "the question takes a number from \(Value.format(range.low))" + (range.high.map { " to \(Value.format($0))" } ?? " up")
    case .notAnOption: "the options are " + question.branches.compactMap(\.optionText).map { "\"\($0)\"" }.joined(separator: ", ")
    case .ambiguous(_, let options): "without accents it reads as more than one option: " + options.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
