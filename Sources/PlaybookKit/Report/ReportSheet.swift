/// A playbook's report as people read it, the same on a terminal, in Markdown and in HTML: the
/// report's own words in the playbook's language, counts grouped, rates as percentages, times in
/// the unit that reads best, `–` for a figure of nothing. The record's texts (titles, questions,
/// options, names) are kept as they are: each rendering makes them safe for its medium.
struct ReportSheet {
    struct Table {
        var header: [String]
        var rows: [[String]]
        /// Columns of numbers, aligned on their last digit.
        var numeric: Set<Int> = []

        var alignments: [TextTable.Alignment] { header.indices.map { numeric.contains($0) ? .right : .left } }
    }

    struct Outcome {
        var name: String
        var tone: OutcomeTone
        var count: String
        var percent: String
        var share: Double
    }

    /// A bar of `total`, of which `part` is drawn dark: a stage's entered and left, a week's
    /// started and won.
    struct Bar {
        var total: Int
        var part: Int
    }

    struct StallList {
        var heading: String
        var table: Table
        /// "and 6 more", when more than `ReportSheet.stallsShown` are stalled.
        var more: String?
    }

    struct Question {
        /// The stage's title, shown above its first question.
        var stage: String
        var text: String
        /// `source · choice`.
        var tag: String
        var facts: String
        var table: Table?
        /// A number's quartiles, a scale's mean, or "no answer yet".
        var summary: String?
    }

    /// How many stalled deals of a stage are listed.
    static let stallsShown = 10

    let words: ReportWords
    let style: NumberStyle
    var title: String
    var language: String
    var path: String
    /// `300 deals · as of 2026-12-01 00:00 UTC · stages and questions from the playbook`.
    var meta: String
    /// `2026-12-01 00:00 UTC`.
    var asOf: String
    var deals: String
    var statusLine: String
    var won: String
    var lost: String
    var winRate: String
    /// `of 266` under the win rate: the ended deals it is a rate of.
    var winRateBase: String
    var medianCycle: String
    var medianActive: String
    var outcomes: [Outcome]
    var funnel: Table
    var funnelBars: [Bar]
    var timing: Table
    var stalls: [StallList]
    var whereDealsDie: String
    var questions: [Question]
    var reps: Table
    var versions: Table
    /// Each stage's next-step conversion in each version, when there are several.
    var versionStages: Table?
    var trend: Table
    var trendBars: [Bar]

    init(_ report: PlaybookReport, asOf: Int64) {
        let words = ReportWords(language: report.language)
        self.words = words
        let style = NumberStyle(language: words.language)
        self.style = style
        let say = Say(words: words, style: style)
        title = report.title
        language = report.language
        path = report.path
        self.asOf = Self.time(asOf)
        meta = [
            words.count(report.sessions, .teamDealOne, .teamDealMany, shown: say.count(report.sessions)),
            words(.teamAsOf, self.asOf),
            words(report.source == .playbook ? .teamFromPlaybook : .teamFromRecords),
        ].joined(separator: " · ")
        deals = say.count(report.sessions)
        statusLine = words(
            .teamStatusLine, say.count(report.ended), say.count(report.status[.paused] ?? 0),
            say.count(report.status[.interrupted] ?? 0), say.count(report.status[.faulted] ?? 0))
        won = say.count(report.won)
        lost = say.count(report.lost)
        winRate = say.percent(report.winRate)
        winRateBase = words(.teamRateOf, "", say.count(report.ended)).trimmingWhitespace()
        medianCycle = say.days(report.medianCycleDays)
        medianActive = say.seconds(report.medianActiveMinutes.map { $0 * 60 })
        outcomes = report.outcomes.map {
            Outcome(name: $0.outcome, tone: $0.tone, count: say.count($0.count), percent: say.percent($0.share), share: $0.share)
        }

        let stageTitles = Dictionary(report.stages.map { ($0.stage, $0.title) }, uniquingKeysWith: { first, _ in first })
        func stageTitle(_ id: String?) -> String { id.map { stageTitles[$0] ?? $0 } ?? "–" }
        funnel = Table(
            header: [words(.teamStage), words(.teamEntered), words(.teamLeft), words(.teamNextStep), words(.teamCumulative)],
            rows: report.stages.map {
                [$0.title, say.count($0.entered), say.count($0.left), say.percent($0.nextStepConversion), say.percent($0.cumulativeConversion)]
            }, numeric: [1, 2, 3, 4])
        funnelBars = report.stages.map { Bar(total: $0.entered, part: $0.left) }
        timing = Table(
            header: [
                words(.teamStage), words(.teamMedian), words(.teamP90), words(.teamOpen), words(.teamOpenFor), words(.teamStalled),
                words(.teamStoppedHere),
            ],
            rows: report.stages.map { stage in
                let rest = stage.rest.map { ($0.outcome.isEmpty ? words(.teamStillOpen) : $0.outcome) + " " + say.count($0.count) }
                return [
                    stage.title, say.seconds(stage.medianHours.map { $0 * 3600 }), say.seconds(stage.p90Hours.map { $0 * 3600 }),
                    say.count(stage.open), say.days(stage.medianOpenDays), say.count(stage.stalls.count),
                    rest.isEmpty ? "–" : rest.joined(separator: " · "),
                ]
            }, numeric: [1, 2, 3, 4, 5])
        stalls = report.stages.filter { !$0.stalls.isEmpty }.map { stage in
            let shown = stage.stalls.prefix(Self.stallsShown)
            let more = stage.stalls.count - shown.count
            return StallList(
                heading: words(.teamStallsOf, stage.title, say.count(stage.stalls.count)),
                table: Table(
                    header: [words(.teamDeal), words(.teamRep), words(.teamOpenDays), words(.teamSession)],
                    rows: shown.map { [$0.deal ?? words(.none), $0.rep ?? words(.none), say.days($0.days), $0.session] }, numeric: [2]),
                more: more > 0 ? words(.teamAndMore, say.count(more)) : nil)
        }

        if let id = report.whereDealsDie, let question = report.questions.first(where: { $0.question == id }) {
            whereDealsDie = words(
                .teamWhereDealsDie, words.aside(words(.teamQuoted, question.text), id), say.count(question.lastBeforeLoss),
                say.count(report.lost))
        } else {
            whereDealsDie = words(.teamNoDeaths)
        }
        questions = report.questions.map { Self.question($0, stage: stageTitle($0.stage), say: say) }

        let practiced = report.reps.contains { $0.practiceRuns > 0 }
        var repHeader = [
            words(.teamRep), words(.teamDeals), words(.teamEnded), words(.teamWon), words(.teamWinRate), words(.teamMedianCycle),
            words(.teamLostIn),
        ]
        if practiced { repHeader += [words(.teamPractice), words(.teamGrade)] }
        reps = Table(
            header: repHeader,
            rows: report.reps.map { rep in
                var row = [
                    rep.rep ?? words(.none), say.count(rep.sessions), say.count(rep.ended), say.count(rep.won), say.percent(rep.winRate),
                    say.days(rep.medianCycleDays), rep.lostIn.map { stageTitle($0) } ?? "–",
                ]
                if practiced { row += [say.count(rep.practiceRuns), rep.averageGrade.map { say.number($0) } ?? "–"] }
                return row
            }, numeric: practiced ? [1, 2, 3, 4, 5, 7, 8] : [1, 2, 3, 4, 5])

        let base = report.versions.first?.version ?? words(.none)
        versions = Table(
            header: [
                words(.teamVersion), words(.teamDeals), words(.teamEnded), words(.teamWon), words(.teamWinRate),
                words(.teamComparedWith, base),
            ],
            rows: report.versions.map { version in
                [
                    version.version ?? words(.none), say.count(version.sessions), say.count(version.ended), say.count(version.won),
                    say.percent(version.winRate), version.test.map { say.verdict($0) } ?? words(.teamMostUsed),
                ]
            }, numeric: [1, 2, 3, 4])
        if report.versions.count > 1 {
            versionStages = Table(
                header: [words(.teamStage)] + report.versions.map { $0.version ?? words(.none) },
                rows: report.stages.indices.map { index in
                    [report.stages[index].title]
                        + report.versions.map { version in
                            guard index < version.stages.count else { return "–" }
                            let stage = version.stages[index]
                            return stage.entered == 0 ? "–" : words(.teamRateOf, say.percent(stage.conversion), say.count(stage.entered))
                        }
                })
        }
        trend = Table(
            header: [words(.teamWeek), words(.teamStarted), words(.teamWon)],
            rows: report.trend.map { [$0.week, say.count($0.started), say.count($0.won)] }, numeric: [1, 2])
        trendBars = report.trend.map { Bar(total: $0.started, part: $0.won) }
    }

    private static func question(_ question: QuestionFigures, stage: String, say: Say) -> Question {
        let words = say.words
        let type: String =
            switch question.type {
            case "yes/no": words(.typeYesNo)
            case "choice": words(.typeChoice)
            case "number": words(.typeNumber)
            case "scale": words(.typeScale)
            case "text": words(.typeText)
            default: question.type
            }
        let facts = words(
            .teamQuestionFacts, say.count(question.asked), say.count(question.answered), say.seconds(question.medianSeconds),
            say.count(question.lastBeforeLoss))
        var answers: [(shown: String, key: String, count: Int)] = []
        switch question.type {
        case "yes/no":
            let yesNo = YesNoWords(language: words.language)
            answers = [(yesNo.yes.first ?? "yes", "yes", question.yes), (yesNo.no.first ?? "no", "no", question.no)]
        case "choice": answers = question.options.map { ($0.option, $0.key, $0.count) }
        case "scale": answers = question.values.map { (say.number($0.value), Value.format($0.value), $0.count) }
        default: break
        }
        var table: Table?
        if !answers.isEmpty {
            let rates = Dictionary(question.byAnswer.map { ($0.answer, $0) }, uniquingKeysWith: { first, _ in first })
            table = Table(
                header: [words(.teamAnswer), words(.teamAnswers), words(.teamShare), words(.teamWinRate)],
                rows: answers.map { answer in
                    let share = question.answered > 0 ? Double(answer.count) / Double(question.answered) : nil
                    return [answer.shown, say.count(answer.count), say.percent(share), rates[answer.key].map { say.rate($0) } ?? "–"]
                }, numeric: [1, 2])
        }
        var summary: String?
        if question.type == "number" {
            summary = question.quartiles.map {
                words(.teamNumberSummary, say.number($0.min), say.number($0.q1), say.number($0.median), say.number($0.q3), say.number($0.max))
            } ?? words(.teamNoAnswerYet)
        } else if question.type == "scale", let mean = question.mean {
            summary = words(.teamMean, say.number(mean))
        }
        return Question(
            stage: stage, text: question.text, tag: question.question + " · " + type, facts: facts, table: table, summary: summary)
    }

    /// `2026-12-01 00:00 UTC`.
    static func time(_ milliseconds: Int64) -> String {
        let stamp = Timestamp.format(Double(milliseconds) / 1000)
        return String(stamp.prefix(10)) + " " + String(stamp.dropFirst(11).prefix(5)) + " UTC"
    }
}

/// Figures as the sheet writes them, in one language.
struct Say {
    let words: ReportWords
    let style: NumberStyle

    /// `12,500`, or in Vietnamese `12.500`.
    func count(_ number: Int) -> String { Value.format(Double(number), style: style) }

    /// To two decimals at most, as the language writes them.
    func number(_ number: Double) -> String { Value.format(number, style: style) }

    /// `41%`; `<1%` and `>99%` for a rate near but not at the ends; `–` for a rate of nothing.
    func percent(_ rate: Double?) -> String {
        guard let rate, rate.isFinite else { return "–" }
        let whole = (rate * 100).rounded()
        if whole == 0, rate > 0 { return "<1%" }
        if whole == 100, rate < 1 { return ">99%" }
        return Value.format(whole, style: style) + "%"
    }

    /// `32% of 223`, or `0% of 12 (small)`.
    func rate(_ answer: AnswerWinRate) -> String {
        words(answer.small ? .teamRateOfSmall : .teamRateOf, percent(answer.winRate), count(answer.ended))
    }

    /// A time in the unit that reads best: seconds below a minute, minutes below an hour, hours
    /// below two days, then days; to one decimal below 10, whole above.
    func seconds(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "–" }
        let magnitude = abs(seconds)
        if magnitude < 60 { return words(.teamSeconds, short(seconds)) }
        if magnitude < 3600 { return words(.teamMinutes, short(seconds / 60)) }
        if magnitude < 48 * 3600 { return words(.teamHours, short(seconds / 3600)) }
        return words(.teamDays, short(seconds / 86_400))
    }

    func days(_ days: Double?) -> String { seconds(days.map { $0 * 86_400 }) }

    private func short(_ value: Double) -> String {
        number(abs(value) < 9.95 ? (value * 10).rounded() / 10 : value.rounded())
    }

    /// A version's test against the most used one, in plain words.
    func verdict(_ test: ProportionTest) -> String {
        switch test.verdict {
        case .tooSmall: words(.teamTooFew)
        case .unclear: words(.teamNoClearDifference, pValue(test.p))
        case .clear: words(.teamClearDifference, pValue(test.p))
        }
    }

    /// `p = 0.41`, `p = 0.003`, `p < 0.001`.
    func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "p = –" }
        if p < 0.001 { return "p < 0" + style.decimal + "001" }
        let digits = p < 0.01 ? 1000.0 : 100.0
        return "p = " + fixed((p * digits).rounded() / digits, decimals: p < 0.01 ? 3 : 2)
    }

    /// With exactly `decimals` decimals (`0.50`, not `0.5`), as the language writes them.
    private func fixed(_ value: Double, decimals: Int) -> String {
        let scale = decimals == 3 ? 1000 : 100
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = String(scaled % scale)
        return String(scaled / scale) + style.decimal + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
