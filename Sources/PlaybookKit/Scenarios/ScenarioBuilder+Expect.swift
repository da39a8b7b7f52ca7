/// `expect` lines: `expect won`, `expect score = 5`, `expect stage implication`, `expect not stage need_payoff`,
/// `expect blocked problem`.
extension ScenarioBuilder {
    private static let forms =
        "an outcome (expect won), a value (expect score = 5), a stage (expect stage implication) "
        + "or a stage that holds the walk (expect blocked problem)"

    /// Reads an `expect` line (`tokens[0]` is `expect`); returns what is wrong with it, if anything.
    mutating func readExpectation(_ tokens: [ScenarioToken], line: Int) -> ScenarioProblem? {
        guard tokens.count > 1 else {
            return ScenarioProblem(
                line: line, column: tokens[0].column, message: "'expect' needs what to check: \(Self.forms)")
        }
        let subject = tokens[1]
        if subject.kind == .quoted, Self.isName(subject.text) {
            let name = ScenarioLexer.visible(subject.text)
            return ScenarioProblem(
                line: line, column: subject.column,
                message: "names are written without quotes after 'expect': expect \(name), or expect \(name) = ...")
        }
        if let problem = Self.nameProblem(subject, line: line, hint: "; after 'expect' comes \(Self.forms)") {
            return problem
        }
        let isAssignment = tokens.count > 2 && tokens[2].kind == .equals
        if subject.text == "stage", !isAssignment {
            return readStage(tokens, from: 2, negated: false, line: line)
        }
        if subject.text == "blocked", tokens.count > 2, !isAssignment {
            return readBlocked(tokens, line: line)
        }
        if subject.text == "not" {
            guard tokens.count > 2, tokens[2].kind == .word, tokens[2].text == "stage" else {
                return ScenarioProblem(
                    line: line, column: tokens.count > 2 ? tokens[2].column : subject.column,
                    message: "'expect not' takes a stage: expect not stage need_payoff")
            }
            return readStage(tokens, from: 3, negated: true, line: line)
        }
        if isAssignment { return readValue(tokens, line: line) }
        if tokens.count > 2 {
            return ScenarioProblem(
                line: line, column: tokens[2].column,
                message: "unexpected \(tokens[2].shown) after the outcome; write expect \(ScenarioLexer.visible(subject.text)) "
                    + "for an outcome, or expect \(ScenarioLexer.visible(subject.text)) = VALUE for a value")
        }
        return addOutcome(subject, line: line)
    }

    /// `expect [not] stage NAME`, the name at `tokens[index]`.
    private mutating func readStage(_ tokens: [ScenarioToken], from index: Int, negated: Bool, line: Int) -> ScenarioProblem? {
        let written = negated ? "expect not stage" : "expect stage"
        guard index < tokens.count else {
            let example = negated ? "need_payoff" : "implication"
            return ScenarioProblem(
                line: line, column: tokens[index - 1].column,
                message: "'\(written)' needs the stage's name, e.g. \(written) \(example)")
        }
        let stage = tokens[index]
        if let problem = Self.nameProblem(stage, line: line, hint: "; write the stage's name after '\(written)'") {
            return problem
        }
        if index + 1 < tokens.count {
            return ScenarioProblem(
                line: line, column: tokens[index + 1].column,
                message: "unexpected \(tokens[index + 1].shown) after the stage's name; '\(written)' takes one stage per line")
        }
        let name = ScenarioLexer.visible(stage.text)
        if let first = (negated ? notStageLines : stageLines)[stage.text] {
            return ScenarioProblem(
                line: line, column: stage.column,
                message: "'\(written) \(name)' is repeated (first on line \(first)); remove one of the lines")
        }
        if let other = (negated ? stageLines : notStageLines)[stage.text] {
            let opposite = negated ? "expect stage" : "expect not stage"
            return ScenarioProblem(
                line: line, column: stage.column,
                message: "'\(written) \(name)' contradicts '\(opposite) \(name)' on line \(other); keep the one you mean")
        }
        if negated {
            notStageLines[stage.text] = line
            scenario.expectations.append(.notStage(stage.text, line: line))
        } else {
            stageLines[stage.text] = line
            scenario.expectations.append(.stage(stage.text, line: line))
        }
        return nil
    }

    /// `expect NAME = VALUE`: one value, not a list.
    private mutating func readValue(_ tokens: [ScenarioToken], line: Int) -> ScenarioProblem? {
        let subject = tokens[1]
        let name = ScenarioLexer.visible(subject.text)
        guard tokens.count > 3 else {
            return ScenarioProblem(
                line: line, column: tokens[2].column,
                message: "'expect \(name) =' needs the value to check, e.g. expect \(name) = 5")
        }
        guard let value = tokens[3].value else {
            return ScenarioProblem(
                line: line, column: tokens[3].column,
                message: "expected a value after '=', found \(tokens[3].shown); e.g. expect \(name) = 5")
        }
        if tokens.count > 4 {
            if let problem = Self.thousandsProblem(tokens, at: 4, line: line) { return problem }
            let message =
                tokens[4].kind == .comma
                ? "an expectation checks one value, not a list; remove this ',' and what follows"
                : "unexpected \(tokens[4].shown) after the value; put text with spaces in double quotes"
            return ScenarioProblem(line: line, column: tokens[4].column, message: message)
        }
        if let first = valueLines[subject.text] {
            return ScenarioProblem(
                line: line, column: subject.column,
                message: "the value of '\(name)' is already expected on line \(first); keep one 'expect \(name) = ...' line")
        }
        valueLines[subject.text] = line
        scenario.expectations.append(.value(subject.text, value, line: line))
        return nil
    }

    /// `expect NAME`: the walk's outcome; a walk has one.
    private mutating func addOutcome(_ subject: ScenarioToken, line: Int) -> ScenarioProblem? {
        let name = ScenarioLexer.visible(subject.text)
        if let blocked {
            return ScenarioProblem(
                line: line, column: subject.column,
                message: "the scenario expects the walk to be blocked at stage '\(ScenarioLexer.visible(blocked.stage))' on line "
                    + "\(blocked.line), so it cannot end with an outcome; keep one of the two lines")
        }
        if let outcome {
            let message =
                outcome.name == subject.text
                ? "'expect \(name)' is repeated (first on line \(outcome.line)); remove one of the lines"
                : "the scenario already expects the outcome '\(ScenarioLexer.visible(outcome.name))' on line "
                    + "\(outcome.line); a walk ends with one outcome, so keep one of the two lines"
            return ScenarioProblem(line: line, column: subject.column, message: message)
        }
        outcome = (subject.text, line)
        scenario.expectations.append(.outcome(subject.text, line: line))
        return nil
    }

    /// `expect blocked STAGE`: the walk is held at the stage by one of its exit criteria, and ends
    /// there (a blocked walk has no outcome).
    private mutating func readBlocked(_ tokens: [ScenarioToken], line: Int) -> ScenarioProblem? {
        let stage = tokens[2]
        if let problem = Self.nameProblem(stage, line: line, hint: "; write the stage's name after 'expect blocked'") {
            return problem
        }
        if tokens.count > 3 {
            return ScenarioProblem(
                line: line, column: tokens[3].column,
                message: "unexpected \(tokens[3].shown) after the stage's name; 'expect blocked' takes one stage")
        }
        let name = ScenarioLexer.visible(stage.text)
        if let blocked {
            let message =
                blocked.stage == stage.text
                ? "'expect blocked \(name)' is repeated (first on line \(blocked.line)); remove one of the lines"
                : "the scenario already expects the walk to be blocked at '\(ScenarioLexer.visible(blocked.stage))' on line "
                    + "\(blocked.line); a walk is blocked at one stage, so keep one of the two lines"
            return ScenarioProblem(line: line, column: stage.column, message: message)
        }
        if let outcome {
            return ScenarioProblem(
                line: line, column: tokens[1].column,
                message: "the scenario expects the outcome '\(ScenarioLexer.visible(outcome.name))' on line \(outcome.line); "
                    + "a blocked walk has no outcome, so keep one of the two lines")
        }
        blocked = (stage.text, line)
        scenario.expectations.append(.blocked(stage.text, line: line))
        return nil
    }
}
