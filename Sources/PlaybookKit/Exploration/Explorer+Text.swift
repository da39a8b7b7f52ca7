/// The report of `playbook test --explore` for a person, in `words`' language, safe to print.
/// File names, answers and the playbook's words are shown as written.
extension ExploreReport {
    /// Whether exploring found something to fix: a fault, a dead end, an exit criterion unmet.
    public var foundProblems: Bool { !faults.isEmpty || !deadEnds.isEmpty || !unmet.isEmpty || !neverMet.isEmpty }

    /// `discovery.playbook: explored 58 answers`, the coverage, what was found, the outcomes reached.
    public func text(file: String, coverage: CoverageReport, words: ReportWords) -> String {
        let answers = words.count(steps, .answerOne, .answerMany)
        var text = words(stoppedEarly ? .exploredStopped : .explored, TerminalText.safe(file), answers) + "\n"
        text += coverage.text(words: words)
        text += Finding.text(faults, .fault, words: words) + Finding.text(deadEnds, .deadEnd, words: words)
        text += Finding.text(unmet, .unmet, words: words) + Finding.text(neverMet, .neverMet, words: words)
        return text + Finding.outcomes(outcomes, words: words)
    }

    /// `wrote 4 scenarios to walks.scenarios`.
    public static func wrote(_ count: Int, to file: String, words: ReportWords) -> String {
        words(.wrote, words.count(count, .scenarioOne, .scenarioMany), TerminalText.safe(file)) + "\n"
    }
}

extension Finding {
    /// `fault`, `dead end`...: each finding with where it is and the walk that shows it.
    static func text(_ findings: [Finding], _ kind: ReportWords.Phrase, words: ReportWords) -> String {
        let answers = YesNoWords(language: words.language)
        var text = ""
        for finding in findings {
            let place = finding.line > 0 ? "\(finding.path):\(finding.line): " : ""
            let walk = finding.walk.isEmpty ? words(.noAnswers) : finding.walk.map { $0.text(answers) }.joined(separator: ", ")
            text += "  \(place)" + words.labelled(words(kind), finding.text(words: words)) + "\n"
            text += "    " + words.labelled(words(.walk), walk) + "\n"
        }
        // Findings quote file names, answers and the playbook's texts.
        return TerminalText.safe(text, lines: true)
    }

    /// `outcomes reached: lost ×3, won ×5`, by name.
    static func outcomes(_ counts: [String: Int], words: ReportWords) -> String {
        guard !counts.isEmpty else { return "  " + words(.noOutcome) + "\n" }
        let list = counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: words.listSeparator)
        return "  " + words(.outcomesReached, TerminalText.safe(list)) + "\n"
    }

    /// What was found, without where: a fault as the walk tells it.
    public func text(words: ReportWords) -> String {
        switch what {
        case .fault(let message): message
        case .cannotLeave(let stage, let message): words(.cannotBeLeft, stage, message)
        case .neverHolds(let condition, let stage): words(.neverHolds, condition, stage)
        }
    }
}
