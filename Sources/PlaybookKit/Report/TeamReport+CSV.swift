/// `playbook report --format csv --table T`: one table of the report for a spreadsheet, RFC 4180
/// in UTF-8 with a byte order mark, under a header of stable English column names
/// (docs/report.md, Formats). Numbers are written exactly (rates from 0 to 1, not rounded), a
/// figure of nothing is an empty field, and a record's text that a spreadsheet would take for a
/// formula is written with a `'` before it (`CSV.text`).
extension TeamReport {
    /// The columns of each table, after `playbook` when the report has several playbooks.
    public static func csvColumns(_ table: Table) -> [String] {
        switch table {
        case .funnel:
            [
                "stage", "title", "entered", "left", "next_step_conversion", "cumulative_conversion", "median_hours", "p90_hours", "open",
                "median_open_days", "stalls", "rest",
            ]
        case .questions:
            [
                "question", "text", "type", "stage", "asked", "answered", "median_seconds", "last_before_loss", "min", "q1", "median",
                "q3", "max", "mean", "answer", "count", "ended", "won", "win_rate", "small",
            ]
        case .reps: ["rep", "sessions", "ended", "won", "win_rate", "median_cycle_days", "lost_in", "practice_runs", "average_grade"]
        case .versions:
            ["version", "sessions", "ended", "won", "win_rate", "against", "z", "p", "verdict", "stage", "entered", "left", "conversion"]
        case .deals: ["session", "deal", "rep", "version", "status", "outcome", "stage", "started", "last_activity", "cycle_days"]
        }
    }

    public func csv(table: Table) -> String {
        let several = playbooks.count > 1
        var out = CSV.byteOrderMark + CSV.row((several ? ["playbook"] : []) + Self.csvColumns(table))
        for playbook in playbooks {
            let lead = several ? [CSV.text(playbook.title)] : []
            for row in playbook.csvRows(table) { out += CSV.row(lead + row) }
        }
        return out
    }
}

extension PlaybookReport {
    /// A record's text, guarded against being read as a formula; nil as an empty field.
    private static func text(_ text: String?) -> String { CSV.text(text ?? "") }

    /// A number exactly (`0.30000000000000004`, `212`); nil as an empty field.
    private static func number(_ number: Double?) -> String { number.map { Value.exact($0) } ?? "" }

    private static func count(_ count: Int) -> String { String(count) }

    func csvRows(_ table: TeamReport.Table) -> [[String]] {
        switch table {
        case .funnel:
            return stages.map { stage in
                let rest = stage.rest.map { ($0.outcome.isEmpty ? "open" : $0.outcome) + "=" + String($0.count) }.joined(separator: "; ")
                return [
                    Self.text(stage.stage), Self.text(stage.title), Self.count(stage.entered), Self.count(stage.left),
                    Self.number(stage.nextStepConversion), Self.number(stage.cumulativeConversion), Self.number(stage.medianHours),
                    Self.number(stage.p90Hours), Self.count(stage.open), Self.number(stage.medianOpenDays), Self.count(stage.stalls.count),
                    Self.text(rest),
                ]
            }
        case .questions:
            return questions.flatMap(questionRows)
        case .reps:
            return reps.map { rep in
                [
                    Self.text(rep.rep), Self.count(rep.sessions), Self.count(rep.ended), Self.count(rep.won), Self.number(rep.winRate),
                    Self.number(rep.medianCycleDays), Self.text(rep.lostIn), Self.count(rep.practiceRuns), Self.number(rep.averageGrade),
                ]
            }
        case .versions:
            return versions.flatMap { version in
                let figures = [
                    Self.text(version.version), Self.count(version.sessions), Self.count(version.ended), Self.count(version.won),
                    Self.number(version.winRate), Self.text(version.test?.against), Self.number(version.test?.z),
                    Self.number(version.test?.p), version.test?.verdict.rawValue ?? "",
                ]
                return version.stages.map { stage in
                    figures + [Self.text(stage.stage), Self.count(stage.entered), Self.count(stage.left), Self.number(stage.conversion)]
                }
            }
        case .deals:
            return deals.map { deal in
                [
                    Self.text(deal.session), Self.text(deal.deal), Self.text(deal.rep), Self.text(deal.version), deal.status.name,
                    Self.text(deal.outcome), Self.text(deal.stage), Timestamp.format(Double(deal.started) / 1000),
                    Timestamp.format(Double(deal.lastActivity) / 1000), Self.number(deal.cycleDays),
                ]
            }
        }
    }

    /// One row per answer counted (yes and no, each option, each scale value), or one row with the
    /// answer's columns empty for a question whose answers are not counted one by one.
    private func questionRows(_ question: QuestionFigures) -> [[String]] {
        let quartiles = question.quartiles
        let figures = [
            Self.text(question.question), Self.text(question.text), question.type, Self.text(question.stage), Self.count(question.asked),
            Self.count(question.answered), Self.number(question.medianSeconds), Self.count(question.lastBeforeLoss),
            Self.number(quartiles?.min), Self.number(quartiles?.q1), Self.number(quartiles?.median), Self.number(quartiles?.q3),
            Self.number(quartiles?.max), Self.number(question.mean),
        ]
        let answers: [(answer: String, count: Int)] =
            switch question.type {
            case "yes/no": [("yes", question.yes), ("no", question.no)]
            case "choice": question.options.map { ($0.key, $0.count) }
            case "scale": question.values.map { (Value.format($0.value), $0.count) }
            default: []
            }
        guard !answers.isEmpty else { return [figures + ["", "", "", "", "", ""]] }
        let rates = Dictionary(question.byAnswer.map { ($0.answer, $0) }, uniquingKeysWith: { first, _ in first })
        return answers.map { answer in
            let rate = rates[answer.answer]
            return figures + [
                Self.text(answer.answer), Self.count(answer.count), rate.map { Self.count($0.ended) } ?? "0", rate.map { Self.count($0.won) } ?? "0",
                Self.number(rate?.winRate), (rate?.small ?? true) ? "true" : "false",
            ]
        }
    }
}
