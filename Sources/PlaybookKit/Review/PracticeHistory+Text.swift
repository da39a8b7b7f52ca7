extension PracticeHistory {
    /// `practice --history`: per playbook, the trend of grades and a table of runs (date, rep,
    /// score, grade, best and worst move), in the playbook's language; safe for the terminal.
    public func text() -> String {
        var out = ""
        for track in tracks {
            let strings = RunnerStrings(language: track.language)
            let numbers = NumberStyle(language: strings.language)
            let grades = track.runs.map(\.result.grade)
            // Titles, reps and moves are a record's words: safe for the terminal.
            let playbook = TerminalText.safe(track.playbook)
            out += track.runs.count == 1
                ? strings(.historyOneRun, playbook) : strings(.historyRuns, playbook, String(track.runs.count))
            out += "  " + strings(.trend) + " " + PracticeHistory.sparkline(grades) + "\n"
            var rows: [[String]] = []
            for run in track.runs {
                let result = run.result
                let (best, worst) = PracticeHistory.bestAndWorst(result.moves + result.takenBack)
                rows.append([
                    Transcript.minute(run.time), TerminalText.safe(run.rep ?? ""),
                Value.format(result.score, style: numbers) + "/" + Value.format(result.bestOnPath, style: numbers),
                    result.grade.map { Value.format($0.rounded(), style: numbers) + "%" } ?? "—",
                    best.map { ShortLine.shorten(TerminalText.safe($0.chosen), to: 32) } ?? "",
                    worst.map {
                    ShortLine.shorten(TerminalText.safe($0.chosen), to: 32) + " "
                        + strings(.lost, Value.format($0.bestPoints - $0.points, style: numbers))
                } ?? "",
                ])
            }
            let header: [RunnerStrings.Phrase] = [.historyDate, .historyRep, .historyScore, .historyGrade, .historyBest, .historyWorst]
            out += TextTable.render(header: header.map { strings($0) }, rows: rows)
                .split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }
                .joined(separator: "\n")
            out += "\n"
        }
        // Reps' names and playbook titles come from the records.
        return TerminalText.safe(out, lines: true)
    }
}
