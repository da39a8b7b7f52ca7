/// The report of `playbook test` for a person, in `words`' language, safe to print on a terminal.
/// Scenario names and the playbook's words are shown as written.
extension TestReport {
    /// `discovery.scenarios → discovery.playbook`, then each scenario passed (✓) or failed (✗,
    /// with its failures and walk), then the coverage when it was counted.
    public func text(words: ReportWords) -> String {
        let say = ScenarioText(words: words)
        var lines = ["\(TerminalText.safe(scenarios)) → \(TerminalText.safe(playbook))"]
        for result in results {
            let title = result.name.isEmpty ? words(.beforeFirstScenario) : TerminalText.safe(result.name)
            if result.passed {
                lines.append("  ✓ \(title)")
            } else {
                lines.append("  ✗ " + words.aside(title, words(.line, String(result.line))))
                // Failures quote answers and values, and the walk the playbook's options.
                for failure in result.failures { lines.append("      " + TerminalText.safe(say.failure(failure))) }
                lines.append("      " + words.labelled(words(.walk), TerminalText.safe(say.walk(result))))
            }
            for unused in result.unused { lines.append("      " + words.labelled(words(.note), TerminalText.safe(say.unused(unused)))) }
        }
        return lines.joined(separator: "\n") + "\n" + (coverage?.text(words: words) ?? "")
    }

    /// The line after all the files tested: `5 scenarios: 4 passed, 1 failed`.
    public static func summary(passed: Int, failed: Int, words: ReportWords) -> String {
        let scenarios = words.count(passed + failed, .scenarioOne, .scenarioMany)
        return words(.testSummary, scenarios, String(passed), String(failed)) + "\n"
    }
}

extension ScenarioFailure {
    /// What was expected and what happened, in one line: `line 14: expected the outcome lost, but
    /// it ended with nurture ("Small, non-urgent problem")`.
    public func text(words: ReportWords) -> String { ScenarioText(words: words).failure(self) }
}

/// The pieces of a test report in one language: yes and no as the language's scenarios write them.
struct ScenarioText {
    let words: ReportWords
    let answers: YesNoWords

    init(words: ReportWords) {
        self.words = words
        answers = YesNoWords(language: words.language)
    }

    func failure(_ failure: ScenarioFailure) -> String {
        switch failure {
        case .noQuestion(let line, let question, let nearest):
            at(line, hinted(words(.noQuestion, question), nearest))
        case .noStage(let line, let stage, let nearest):
            at(line, hinted(words(.noStage, stage), nearest))
        case .noAnswer(let question, let text, let stage):
            words(.noAnswer, question, text, stage)
        case .notAnAnswer(let line, let given, let question, let problem, let options):
            at(line, words(.notAnAnswer, given, question, describe(problem, options: options)))
        case .blockedUnexpectedly(let stage, let message):
            words(.cannotLeave, stage, message)
        case .fault(let line, let message):
            words(.faultAt, String(line), message)
        case .outcome(let line, let expected, let ending, let known):
            at(
                line,
                known.map { words(.expectedOutcomeUnknown, expected, self.ending(ending), $0.joined(separator: words.listSeparator)) }
                    ?? words(.expectedOutcome, expected, self.ending(ending)))
        case .blocked(let line, let stage, let ending):
            at(line, words(.expectedBlocked, stage, self.ending(ending)))
        case .noValue(let line, let name, let expected):
            at(line, words(.expectedValueMissing, name, expected))
        case .value(let line, let name, let expected, let actual):
            at(line, words(.expectedValue, name, expected, answers.literal(actual)))
        case .stage(let line, let stage, let entered):
            at(line, words(entered ? .expectedNotEnter : .expectedEnter, stage))
        }
    }

    /// `line 14: ...`: where in the scenarios file.
    private func at(_ line: Int, _ text: String) -> String { words.labelled(words(.line, String(line)), text) }

    /// `... (did you mean 'problem'?)`.
    private func hinted(_ text: String, _ nearest: String?) -> String {
        nearest.map { words.aside(text, words(.didYouMean, $0)) } ?? text
    }

    /// `it ended with nurture ("Small, non-urgent problem")`, `it was blocked at stage problem (...)`.
    func ending(_ ending: ScenarioResult.Ending) -> String {
        switch ending {
        case .outcome(let outcome): outcome.reason.map { words(.endedWithReason, outcome.name, $0) } ?? words(.endedWith, outcome.name)
        case .blocked(let blocked): words(.blockedAt, blocked.stage, blocked.message)
        case .notEnded: words(.didNotEnd)
        }
    }

    private func describe(_ problem: AnswerProblem, options: [String]) -> String {
        func quoted(_ options: [String]) -> String { options.map { "\"\($0)\"" }.joined(separator: words.listSeparator) }
        switch problem {
        case .empty: return words(.answerEmpty)
        case .notYesNo: return words(.takesYesNo, answers.shown.yes, answers.shown.no)
        case .notANumber: return words(.takesNumber)
        case .notWhole: return words(.takesWhole)
        case .outOfRange(let range):
            return range.high.map { words(.takesRange, Value.format(range.low), Value.format($0)) } ?? words(.takesFrom, Value.format(range.low))
        case .notAnOption: return words(.optionsAre, quoted(options))
        case .ambiguous(_, let options): return words(.ambiguous, quoted(options))
        }
    }

    /// `situation: role = "Champion", tool = no · problem: pain = yes · → won ("Signed")`.
    func walk(_ result: ScenarioResult) -> String {
        var parts = result.walk.map { stage in
            // A stage left before any question: `situation:`.
            words.labelled(stage.stage, stage.answers.map { $0.text(answers) }.joined(separator: ", ")).trimmingWhitespace()
        }
        if let outcome = result.outcome {
            parts.append(outcome.reason.map { words.aside("→ \(outcome.name)", "\"\($0)\"") } ?? "→ \(outcome.name)")
        }
        if let blocked = result.blocked { parts.append(words(.blockedMark, blocked.message)) }
        return parts.isEmpty ? words(.none) : parts.joined(separator: " · ")
    }

    /// `2 answers for 'pain' never asked for`.
    func unused(_ unused: ScenarioResult.UnusedAnswers) -> String {
        unused.count == 1 ? words(.unusedOne, unused.question) : words(.unusedMany, String(unused.count), unused.question)
    }
}
