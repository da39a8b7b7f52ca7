/// `expect` lines: `expect won`, `expect score = 5`, `expect stage implication`, `expect not stage need_payoff`,
/// `expect blocked problem`.
extension ScenarioBuilder {
    private static let forms =
        "after 'expect' comes an outcome (expect won), a value (expect score = 5), a stage (expect stage implication) "
        + "or a stage that holds the walk (expect blocked problem)"

    /// Reads an `expect` line (`tokens[0]` is `expect`); returns what is wrong with it, if anything.
    mutating func readExpectation(_ tokens: [ScenarioToken], line: ScenarioLine) -> Diagnostic? {
        guard tokens.count > 1 else {
            return Diagnostic(.badExpectLine, "'expect' needs what to check", at: tokens[0].span, help: Self.forms)
        }
        let subject = tokens[1]
        if subject.kind == .quoted, Self.isName(subject.text) {
            let name = ScenarioLexer.visible(subject.text)
            return Diagnostic(
                .notAName, "a name after 'expect' is written without quotes", at: subject.span,
                help: "write expect \(name), or expect \(name) = ...")
        }
        if let problem = Self.nameProblem(subject, in: line, help: Self.forms) { return problem }
        let isAssignment = tokens.count > 2 && tokens[2].kind == .equals
        if subject.text == "stage", !isAssignment {
            return readStage(tokens, from: 2, negated: false, line: line)
        }
        if subject.text == "blocked", tokens.count > 2, !isAssignment {
            return readBlocked(tokens, line: line)
        }
        if subject.text == "not" {
            guard tokens.count > 2, tokens[2].kind == .word, tokens[2].text == "stage" else {
                return Diagnostic(
                    .badExpectLine, "'expect not' takes a stage", at: tokens.count > 2 ? tokens[2].span : subject.span,
                    help: "write expect not stage need_payoff")
            }
            return readStage(tokens, from: 3, negated: true, line: line)
        }
        if isAssignment { return readValue(tokens, line: line) }
        if tokens.count > 2 {
            let name = ScenarioLexer.visible(subject.text)
            return Diagnostic(
                .badExpectLine, "unexpected \(tokens[2].shown) after the outcome", at: tokens[2].span,
                help: "write expect \(name) for an outcome, or expect \(name) = VALUE for a value")
        }
        return addOutcome(subject, line: line)
    }

    /// `expect [not] stage NAME`, the name at `tokens[index]`.
    private mutating func readStage(_ tokens: [ScenarioToken], from index: Int, negated: Bool, line: ScenarioLine) -> Diagnostic? {
        let written = negated ? "expect not stage" : "expect stage"
        guard index < tokens.count else {
            let example = negated ? "need_payoff" : "implication"
            return Diagnostic(
                .badExpectLine, "'\(written)' needs the stage's name", at: tokens[index - 1].span,
                help: "write it after '\(written)', e.g. \(written) \(example)")
        }
        let stage = tokens[index]
        if let problem = Self.nameProblem(stage, in: line, help: "write the stage's name after '\(written)'") {
            return problem
        }
        if index + 1 < tokens.count {
            return Diagnostic(
                .badExpectLine, "unexpected \(tokens[index + 1].shown) after the stage's name", at: tokens[index + 1].span,
                help: "'\(written)' takes one stage per line")
        }
        let name = ScenarioLexer.visible(stage.text)
        if let first = (negated ? notStages : stages)[stage.text] {
            return Diagnostic(
                .conflictingExpectations, "'\(written) \(name)' is repeated", at: stage.span,
                secondary: [Label(first, "first here")], help: "remove one of the lines")
        }
        if let other = (negated ? stages : notStages)[stage.text] {
            let opposite = negated ? "expect stage" : "expect not stage"
            return Diagnostic(
                .conflictingExpectations, "'\(written) \(name)' contradicts '\(opposite) \(name)'", at: stage.span,
                secondary: [Label(other, "the line it contradicts")], help: "keep the one you mean")
        }
        if negated {
            notStages[stage.text] = stage.span
            scenario.expectations.append(.notStage(stage.text, line: line.number))
        } else {
            stages[stage.text] = stage.span
            scenario.expectations.append(.stage(stage.text, line: line.number))
        }
        return nil
    }

    /// `expect NAME = VALUE`: one value, not a list.
    private mutating func readValue(_ tokens: [ScenarioToken], line: ScenarioLine) -> Diagnostic? {
        let subject = tokens[1]
        let name = ScenarioLexer.visible(subject.text)
        guard tokens.count > 3 else {
            return Diagnostic(
                .badExpectLine, "'expect \(name) =' needs the value to check", at: tokens[2].span,
                help: "write it after '=', e.g. expect \(name) = 5")
        }
        guard let value = tokens[3].value else {
            return Diagnostic(
                .badExpectLine, "expected a value after '=', found \(tokens[3].shown)", at: tokens[3].span,
                help: "write the value to check, e.g. expect \(name) = 5")
        }
        if tokens.count > 4 {
            if let problem = Self.thousandsProblem(tokens, at: 4) { return problem }
            let (message, help) =
                tokens[4].kind == .comma
                ? ("an expectation checks one value, not a list", "remove this ',' and what follows")
                : ("unexpected \(tokens[4].shown) after the value", "put text with spaces in double quotes")
            return Diagnostic(.badExpectLine, message, at: tokens[4].span, help: help)
        }
        if let first = values[subject.text] {
            return Diagnostic(
                .conflictingExpectations, "the value of '\(name)' is expected twice", at: subject.span,
                secondary: [Label(first, "first here")], help: "keep one 'expect \(name) = ...' line")
        }
        values[subject.text] = subject.span
        scenario.expectations.append(.value(subject.text, value, line: line.number))
        return nil
    }

    /// `expect NAME`: the walk's outcome; a walk has one.
    private mutating func addOutcome(_ subject: ScenarioToken, line: ScenarioLine) -> Diagnostic? {
        let name = ScenarioLexer.visible(subject.text)
        if let blocked {
            return Diagnostic(
                .conflictingExpectations,
                "the scenario expects the walk to be blocked at '\(ScenarioLexer.visible(blocked.stage))', "
                    + "so it cannot end with an outcome",
                at: subject.span, secondary: [Label(blocked.span, "blocked here")], help: "keep one of the two lines")
        }
        if let outcome {
            if outcome.name == subject.text {
                return Diagnostic(
                    .conflictingExpectations, "'expect \(name)' is repeated", at: subject.span,
                    secondary: [Label(outcome.span, "first here")], help: "remove one of the lines")
            }
            return Diagnostic(
                .conflictingExpectations, "the scenario already expects the outcome '\(ScenarioLexer.visible(outcome.name))'",
                at: subject.span, secondary: [Label(outcome.span, "expected here")],
                help: "a walk ends with one outcome; keep one of the two lines")
        }
        outcome = (subject.text, subject.span)
        scenario.expectations.append(.outcome(subject.text, line: line.number))
        return nil
    }

    /// `expect blocked STAGE`: the walk is held at the stage by one of its exit criteria, and ends
    /// there (a blocked walk has no outcome).
    private mutating func readBlocked(_ tokens: [ScenarioToken], line: ScenarioLine) -> Diagnostic? {
        let stage = tokens[2]
        if let problem = Self.nameProblem(stage, in: line, help: "write the stage's name after 'expect blocked'") {
            return problem
        }
        if tokens.count > 3 {
            return Diagnostic(
                .badExpectLine, "unexpected \(tokens[3].shown) after the stage's name", at: tokens[3].span,
                help: "'expect blocked' takes one stage")
        }
        let name = ScenarioLexer.visible(stage.text)
        if let blocked {
            if blocked.stage == stage.text {
                return Diagnostic(
                    .conflictingExpectations, "'expect blocked \(name)' is repeated", at: stage.span,
                    secondary: [Label(blocked.span, "first here")], help: "remove one of the lines")
            }
            return Diagnostic(
                .conflictingExpectations,
                "the scenario already expects the walk to be blocked at '\(ScenarioLexer.visible(blocked.stage))'",
                at: stage.span, secondary: [Label(blocked.span, "expected here")],
                help: "a walk is blocked at one stage; keep one of the two lines")
        }
        if let outcome {
            return Diagnostic(
                .conflictingExpectations,
                "the scenario expects the outcome '\(ScenarioLexer.visible(outcome.name))', and a blocked walk has no outcome",
                at: tokens[1].span, secondary: [Label(outcome.span, "expected here")], help: "keep one of the two lines")
        }
        blocked = (stage.text, stage.span)
        scenario.expectations.append(.blocked(stage.text, line: line.number))
        return nil
    }
}
