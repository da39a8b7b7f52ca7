extension TeamReport {
    /// The report of what `reader` tallied. `facts` gives what the playbook at a path says, or
    /// nil when it cannot be read; `asOf` is "now", in milliseconds since 1970. `language`, when
    /// given, is the report's own (`report --lang`); else each playbook's.
    public init(_ reader: RecordReader, facts: (PlaybookKey) -> PlaybookFacts?, asOf: Int64, language: String? = nil) {
        self.asOf = asOf
        reader.finish()
        playbooks = reader.playbooks.compactMap { key in
            reader.tallies[key].map { PlaybookReport($0, facts: facts(key), asOf: asOf, language: language) }
        }
    }
}

extension PlaybookReport {
    init(_ tally: PlaybookTally, facts: PlaybookFacts?, asOf: Int64, language: String?) {
        title = facts?.translatedTitle ?? tally.title
        path = tally.path
        source = facts == nil ? .records : .playbook
        self.language = language ?? facts?.language ?? Self.most(tally.languages) ?? "en"
        let declared = facts?.tone ?? { OutcomeTone.of($0, declared: nil) }
        func tone(_ outcome: String) -> OutcomeTone { declared(outcome) }
        func won(_ outcomes: [String: Int]) -> Int { Self.count(outcomes, .good, tone) }
        func lost(_ outcomes: [String: Int]) -> Int { Self.count(outcomes, .bad, tone) }
        sessions = tally.sessions
        status = Dictionary(uniqueKeysWithValues: ReportStatus.allCases.map { ($0, tally.status[$0.rawValue]) })
        let ended = tally.status[ReportStatus.ended.rawValue]
        outcomes = tally.outcomes.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map {
            OutcomeFigure(outcome: $0.key, count: $0.value, share: Double($0.value) / Double(ended), tone: tone($0.key))
        }
        self.won = won(tally.outcomes)
        self.lost = lost(tally.outcomes)
        winRate = Quantile.rate(self.won, ended)
        medianCycleDays = Quantile.median(tally.cycles).map { $0 / 86_400_000 }
        medianActiveMinutes = Quantile.median(tally.active).map { $0 / 60_000 }

        // Stages: the playbook's order, then those only the records hold.
        let recordedStages = tally.stages.sorted { a, b in a.value.number != b.value.number ? a.value.number < b.value.number : a.key < b.key }
        var stageOrder: [(id: String, title: String)] = facts?.stages.map { ($0.id, $0.title) } ?? []
        let known = Set(stageOrder.map(\.id))
        stageOrder += recordedStages.filter { !known.contains($0.key) }.map { ($0.key, $0.value.title.isEmpty ? $0.key : $0.value.title) }
        let sessions = tally.sessions
        stages = stageOrder.map { stage in
            let counts = tally.stages[stage.id] ?? PlaybookTally.StageTally()
            let p90 = Quantile.of(counts.times, 0.9)
            let opened = counts.open.map { Stall(session: $0.session, deal: $0.deal, rep: $0.rep, days: Double(asOf - $0.since) / 86_400_000) }
            let stalls =
                p90.map { limit in
                    opened.filter { $0.days * 86_400_000 > limit }.sorted { a, b in a.days != b.days ? a.days > b.days : a.session < b.session }
                } ?? []
            var rest = counts.rest.filter { !$0.key.isEmpty }.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
                .map { (outcome: $0.key, count: $0.value) }
            if let open = counts.rest[""] { rest.append((outcome: "", count: open)) }
            return StageFigures(
                stage: stage.id, title: stage.title, entered: counts.entered, left: counts.left,
                nextStepConversion: Quantile.rate(counts.left, counts.entered), cumulativeConversion: Quantile.rate(counts.left, sessions),
                rest: rest, medianHours: Quantile.median(counts.times).map { $0 / 3_600_000 }, p90Hours: p90.map { $0 / 3_600_000 },
                open: opened.count, medianOpenDays: Quantile.median(opened.map(\.days)), stalls: stalls)
        }

        questions = Self.questions(tally, facts: facts, stageOrder: stageOrder.map(\.id), tone: tone)
        var deadliest: QuestionFigures?
        for question in questions where question.lastBeforeLoss > (deadliest?.lastBeforeLoss ?? 0) { deadliest = question }
        whereDealsDie = deadliest?.question

        let stageRank = Dictionary(stageOrder.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        reps = tally.reps.map { rep, counts in
            let ended = counts.outcomes.values.reduce(0, +)
            let won = won(counts.outcomes)
            var lostIn: [String: Int] = [:]
            for (outcome, byStage) in counts.endedIn where tone(outcome) == .bad { lostIn.merge(byStage, uniquingKeysWith: +) }
            let worst = lostIn.max { a, b in
                a.value != b.value ? a.value < b.value : (stageRank[a.key] ?? .max, a.key) > (stageRank[b.key] ?? .max, b.key)
            }
            return RepFigures(
                rep: rep, sessions: counts.sessions, ended: ended, won: won, winRate: Quantile.rate(won, ended),
                medianCycleDays: Quantile.median(counts.cycles).map { $0 / 86_400_000 }, lostIn: worst?.key,
                practiceRuns: counts.practiceRuns, averageGrade: counts.graded > 0 ? counts.gradeSum / Double(counts.graded) : nil)
        }.filter { $0.sessions > 0 || $0.practiceRuns > 0 }.sorted { a, b in
            a.sessions != b.sessions ? a.sessions > b.sessions : (a.rep ?? "") < (b.rep ?? "")
        }

        var versions = tally.versions.map { version, counts in
            let ended = counts.outcomes.values.reduce(0, +)
            let won = won(counts.outcomes)
            return VersionFigures(
                version: version, sessions: counts.sessions, ended: ended, won: won, winRate: Quantile.rate(won, ended),
                stages: stageOrder.map { stage in
                    let entered = counts.entered[stage.id] ?? 0, left = counts.left[stage.id] ?? 0
                    return (stage: stage.id, entered: entered, left: left, conversion: Quantile.rate(left, entered))
                }, test: nil)
        }.sorted { a, b in a.sessions != b.sessions ? a.sessions > b.sessions : (a.version ?? "") < (b.version ?? "") }
        if let first = versions.first {
            for index in versions.indices.dropFirst() {
                versions[index].test = ProportionTest(versions[index], against: first)
            }
        }
        self.versions = versions
        trend = tally.weeks.sorted { $0.key < $1.key }.map {
            WeekFigures(week: ReportCalendar.weekName(monday: $0.key), started: $0.value.started, won: won($0.value.outcomes))
        }
        deals = tally.deals.sorted { $0.session < $1.session }
    }

    private static func questions(
        _ tally: PlaybookTally, facts: PlaybookFacts?, stageOrder: [String], tone: (String) -> OutcomeTone
    ) -> [QuestionFigures] {
        let stageRank = Dictionary(stageOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        var order: [(id: String, fact: PlaybookFacts.QuestionFact?)] = facts?.questions.map { ($0.id, $0) } ?? []
        let known = Set(order.map(\.id))
        let recorded = tally.questions.filter { !known.contains($0.key) && $0.value.asked + $0.value.seconds.count > 0 }
        order += recorded.sorted { a, b in
            let left = (stageRank[Self.most(a.value.stages) ?? ""] ?? .max, a.value.place.0, a.value.place.1, a.key)
            let right = (stageRank[Self.most(b.value.stages) ?? ""] ?? .max, b.value.place.0, b.value.place.1, b.key)
            return left < right
        }.map { ($0.key, nil) }
        return order.map { id, fact in
            let counts = tally.questions[id] ?? PlaybookTally.QuestionTally()
            let type = fact?.type ?? Self.most(counts.types) ?? ""
            var options: [(key: String, option: String, count: Int)] = []
            if type == "choice" {
                let listed = fact?.options ?? []
                options = listed.map { (key: $0, option: fact?.optionTexts[$0] ?? $0, count: counts.options[$0] ?? 0) }
                let listedSet = Set(listed)
                options += counts.options.filter { !listedSet.contains($0.key) }
                    .sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }.map { (key: $0.key, option: $0.key, count: $0.value) }
            }
            let numbers = counts.numbers.sorted()
            var quartiles: (min: Double, q1: Double, median: Double, q3: Double, max: Double)?
            if type == "number", let low = numbers.first, let high = numbers.last {
                quartiles = (low, Quantile.sorted(numbers, 0.25)!, Quantile.sorted(numbers, 0.5)!, Quantile.sorted(numbers, 0.75)!, high)
            }
            var values: [(value: Double, count: Int)] = []
            if type == "scale" {
                var counted: [Double: Int] = [:]
                for number in numbers { counted[number, default: 0] += 1 }
                values = counted.sorted { $0.key < $1.key }.map { (value: $0.key, count: $0.value) }
            }
            let byAnswer = counts.byAnswer.sorted { $0.key < $1.key }.map { answer, outcomes in
                let ended = outcomes.values.reduce(0, +)
                let won = Self.count(outcomes, .good, tone)
                return AnswerWinRate(
                    answer: answer.shown, ended: ended, won: won, winRate: Quantile.rate(won, ended), small: ended < TeamReport.smallSample)
            }
            return QuestionFigures(
                question: id, text: fact?.text ?? counts.text, type: type, stage: fact?.stage ?? Self.most(counts.stages) ?? "",
                asked: counts.asked, answered: counts.answered, medianSeconds: Quantile.median(counts.seconds).map { $0 / 1000 },
                lastBeforeLoss: Self.count(counts.lastBeforeEnd, .bad, tone),
                yes: counts.yes, no: counts.no, options: options, quartiles: quartiles,
                mean: type == "scale" && !numbers.isEmpty ? numbers.reduce(0, +) / Double(numbers.count) : nil, values: values,
                byAnswer: byAnswer)
        }
    }

    /// The sessions of outcomes of a tone (the wins, the losses), of counts by outcome.
    private static func count(_ outcomes: [String: Int], _ kind: OutcomeTone, _ tone: (String) -> OutcomeTone) -> Int {
        outcomes.reduce(0) { $0 + (tone($1.key) == kind ? $1.value : 0) }
    }

    /// The key with the highest count (ties: the smallest key).
    private static func most(_ counts: [String: Int]) -> String? {
        counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
    }
}

extension AnswerKey {
    /// As a report shows it: `yes`, `no`, a number, an option.
    var shown: String {
        switch self {
        case .yes: "yes"
        case .no: "no"
        case .number(let number): Value.format(number)
        case .text(let text): text
        }
    }
}

extension ProportionTest {
    /// The two-proportion z-test of docs/report.md, Versions.
    init(_ version: VersionFigures, against base: VersionFigures) {
        let (w1, n1, w2, n2) = (Double(version.won), Double(version.ended), Double(base.won), Double(base.ended))
        guard n1 > 0, n2 > 0 else {
            self.init(against: base.version, z: nil, p: nil, verdict: .tooSmall)
            return
        }
        let pooled = (w1 + w2) / (n1 + n2)
        guard n1 * pooled >= 5, n1 * (1 - pooled) >= 5, n2 * pooled >= 5, n2 * (1 - pooled) >= 5 else {
            self.init(against: base.version, z: nil, p: nil, verdict: .tooSmall)
            return
        }
        let z = (w1 / n1 - w2 / n2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        let p = Quantile.erfc(abs(z) / 2.0.squareRoot())
        self.init(against: base.version, z: z, p: p, verdict: p < 0.05 ? .clear : .unclear)
    }
}
