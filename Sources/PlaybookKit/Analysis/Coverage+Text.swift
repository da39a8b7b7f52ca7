extension CoverageReport {
    /// `coverage: 30 of 34 branch sides (88.2%)`, then the sides not taken, by line, in `words`'
    /// language; safe to print.
    public func text(words: ReportWords) -> String {
        let percent = Value.format((percent * 10).rounded() / 10)
        let answers = YesNoWords(language: words.language)
        var text = "  " + words(.coverage, String(covered), String(total), percent) + "\n"
        for side in uncovered {
            text += "    " + words.labelled(words(.sideNotTaken), "\(side.path):\(side.line)  \(side.text(words: words, answers: answers))") + "\n"
        }
        return TerminalText.safe(text, lines: true)
    }
}
