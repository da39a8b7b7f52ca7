extension TeamReport {
    /// `playbook export --format csv`: one row per session, then one column per question holding
    /// the answer in force as the rep read it (docs/report.md, playbook export). Texts from the
    /// records that a spreadsheet would take for a formula are written as text (`CSV.text`). The report must
    /// have been read with its deals kept.
    public func exportCSV() -> String {
        var columns: [String] = []
        var seen = Set<String>()
        for playbook in playbooks {
            for question in playbook.questions where seen.insert(question.question).inserted { columns.append(question.question) }
        }
        var text = CSV.byteOrderMark
        text += CSV.row(
            [
                "session", "rep", "deal", "playbook", "path", "version", "mode", "started", "last_activity", "status", "outcome",
                "reason", "score", "cycle_days",
            ] + columns)
        let place = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1, $0) })
        let rows = playbooks.flatMap { playbook in playbook.deals.map { (playbook, $0) } }.sorted { $0.1.session < $1.1.session }
        for (playbook, deal) in rows {
            var answers = [String](repeating: "", count: columns.count)
            for answer in deal.answers { if let index = place[answer.question] { answers[index] = answer.shown } }
            text += CSV.row(
                [
                    CSV.text(deal.session), CSV.text(deal.rep ?? ""), CSV.text(deal.deal ?? ""), CSV.text(playbook.title),
                    CSV.text(playbook.path), CSV.text(deal.version ?? ""), CSV.text(deal.mode),
                    Timestamp.format(Double(deal.started) / 1000), Timestamp.format(Double(deal.lastActivity) / 1000),
                    deal.status.name, CSV.text(deal.outcome ?? ""), CSV.text(deal.reason ?? ""), deal.score.map(Value.format) ?? "",
                    deal.cycleDays.map { String($0) } ?? "",
                ] + answers.map(CSV.text))
        }
        return text
    }
}
