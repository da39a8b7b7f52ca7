/// The report of `playbook test --random` for a person, in `words`' language, safe to print.
extension RandomWalkReport {
    /// Whether a random walk found something to fix: a fault, a dead end, an exit criterion unmet.
    public var foundProblems: Bool { !faults.isEmpty || !deadEnds.isEmpty || !unmet.isEmpty }

    /// `discovery.playbook: 50 random walks (seed 3), 310 answers`, walks cut short, what was
    /// found, the outcomes reached, and how often each of `sides` was taken.
    public func text(file: String, seed: UInt64, sides: [BranchSideInfo], words: ReportWords) -> String {
        let walked = words.count(walks, .randomWalkOne, .randomWalkMany)
        var text = words(.randomWalks, TerminalText.safe(file), walked, String(seed), words.count(steps, .answerOne, .answerMany)) + "\n"
        if cut > 0 {
            text += "  " + (cut == 1 ? words(.cutOne, String(answerLimit)) : words(.cutMany, String(cut), String(answerLimit))) + "\n"
        }
        text += Finding.text(faults, .fault, words: words) + Finding.text(deadEnds, .deadEnd, words: words)
        text += Finding.text(unmet, .unmet, words: words) + Finding.outcomes(outcomes, words: words)
        text += "  " + words(.sidesTaken) + "\n"
        let answers = YesNoWords(language: words.language)
        for side in sides {
            text += TerminalText.safe("    \(side.path):\(side.line)  \(side.text(words: words, answers: answers))  \(hits[side.side, default: 0])\n", lines: true)
        }
        return text
    }
}
