extension TeamReport {
    /// Every figure, as docs/report.md's "The JSON report" gives the names.
    public func json() -> JSON {
        .object([
            "schema": .int(1), "as_of": .string(Timestamp.format(Double(asOf) / 1000)), "files": .int(files),
            "skipped": .object(["lines": .int(skippedLines), "files": .int(filesWithSkippedLines)]),
            "playbooks": .array(playbooks.map { $0.json() }),
        ])
    }
}

extension PlaybookReport {
    func json() -> JSON {
        .object([
            "title": .string(title), "path": .string(path), "language": .string(language), "source": .string(source.rawValue),
            "sessions": .int(sessions),
            "status": .object(Dictionary(uniqueKeysWithValues: ReportStatus.allCases.map { ($0.name, JSON.int(status[$0] ?? 0)) })),
            "outcomes": .object(Dictionary(uniqueKeysWithValues: outcomes.map { ($0.outcome, JSON.int($0.count)) })),
            "outcome_kinds": .object(Dictionary(uniqueKeysWithValues: outcomes.map { ($0.outcome, JSON.string($0.tone.kind)) })),
            "won": .int(won), "lost": .int(lost), "win_rate": .optional(winRate),
            "median_cycle_days": .optional(medianCycleDays), "median_active_minutes": .optional(medianActiveMinutes),
            "stages": .array(stages.map { $0.json() }),
            "questions": .array(questions.map { $0.json() }),
            "where_deals_die": whereDealsDie.map(JSON.string) ?? .null,
            "reps": .array(reps.map { $0.json() }),
            "versions": .array(versions.map { $0.json() }),
            "trend": .array(trend.map { .object(["week": .string($0.week), "started": .int($0.started), "won": .int($0.won)]) }),
        ])
    }
}

extension StageFigures {
    func json() -> JSON {
        .object([
            "stage": .string(stage), "title": .string(title), "entered": .int(entered), "left": .int(left),
            "next_step_conversion": .optional(nextStepConversion), "cumulative_conversion": .optional(cumulativeConversion),
            "rest": .object(Dictionary(uniqueKeysWithValues: rest.map { ($0.outcome.isEmpty ? "open" : $0.outcome, JSON.int($0.count)) })),
            "median_hours": .optional(medianHours), "p90_hours": .optional(p90Hours), "open": .int(open),
            "median_open_days": .optional(medianOpenDays),
            "stalls": .array(
                stalls.map {
                    .object(["session": .string($0.session), "deal": .optional($0.deal), "rep": .optional($0.rep), "days": .number($0.days)])
                }),
        ])
    }
}

extension QuestionFigures {
    func json() -> JSON {
        var fields: [String: JSON] = [
            "question": .string(question), "text": .string(text), "type": .string(type), "stage": .string(stage),
            "asked": .int(asked), "answered": .int(answered), "median_seconds": .optional(medianSeconds),
            "last_before_loss": .int(lastBeforeLoss),
            "by_answer": .array(
                byAnswer.map {
                    .object([
                        "answer": .string($0.answer), "ended": .int($0.ended), "won": .int($0.won), "win_rate": .optional($0.winRate),
                        "small": .bool($0.small),
                    ])
                }),
        ]
        switch type {
        case "yes/no":
            fields["yes"] = .int(yes)
            fields["no"] = .int(no)
        case "choice":
            fields["options"] = .object(Dictionary(options.map { ($0.key, JSON.int($0.count)) }, uniquingKeysWith: { $1 }))
            let texts = options.filter { $0.option != $0.key }
            if !texts.isEmpty { fields["option_texts"] = .object(Dictionary(texts.map { ($0.key, JSON.string($0.option)) }, uniquingKeysWith: { $1 })) }
        case "number":
            fields["min"] = .optional(quartiles?.min)
            fields["q1"] = .optional(quartiles?.q1)
            fields["median"] = .optional(quartiles?.median)
            fields["q3"] = .optional(quartiles?.q3)
            fields["max"] = .optional(quartiles?.max)
        case "scale":
            fields["mean"] = .optional(mean)
            fields["values"] = .object(Dictionary(values.map { (Value.format($0.value), JSON.int($0.count)) }, uniquingKeysWith: { $1 }))
        default: break
        }
        return .object(fields)
    }
}

extension RepFigures {
    func json() -> JSON {
        .object([
            "rep": .optional(rep), "sessions": .int(sessions), "ended": .int(ended), "won": .int(won), "win_rate": .optional(winRate),
            "median_cycle_days": .optional(medianCycleDays), "lost_in": .optional(lostIn), "practice_runs": .int(practiceRuns),
            "average_grade": .optional(averageGrade),
        ])
    }
}

extension VersionFigures {
    func json() -> JSON {
        .object([
            "version": .optional(version), "sessions": .int(sessions), "ended": .int(ended), "won": .int(won),
            "win_rate": .optional(winRate),
            "stages": .array(
                stages.map {
                    .object([
                        "stage": .string($0.stage), "entered": .int($0.entered), "left": .int($0.left), "conversion": .optional($0.conversion),
                    ])
                }),
            "test": test.map {
                .object([
                    "against": .optional($0.against), "z": .optional($0.z), "p": .optional($0.p), "verdict": .string($0.verdict.rawValue),
                ])
            } ?? .null,
        ])
    }
}

extension OutcomeTone {
    /// `win`, `loss` or `other`, as the report's JSON names them.
    public var kind: String {
        switch self {
        case .good: "win"
        case .bad: "loss"
        case .other: "other"
        }
    }
}

extension JSON {
    static func optional(_ value: Double?) -> JSON { value.map(JSON.number) ?? .null }
    static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
}
