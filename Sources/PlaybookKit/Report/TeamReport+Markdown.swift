/// `playbook report --format markdown`: the text report as a page for a wiki or a CRM note, with
/// GitHub tables. Every cell and line goes through `MarkdownText.escape`, so that a record's text
/// cannot become formatting, a link, HTML or a column break.
extension TeamReport {
    public func markdown() -> String {
        var pages = playbooks.map { $0.markdown(asOf: asOf) }
        let words = ReportWords(language: playbooks.first?.language ?? "en")
        pages.append("---\n\n" + MarkdownText.escape(footer(words)) + "\n")
        return pages.joined(separator: "\n")
    }
}

extension PlaybookReport {
    func markdown(asOf: Int64) -> String {
        var page = MarkdownSheet(sheet: ReportSheet(self, asOf: asOf))
        page.write()
        return page.out
    }
}

private struct MarkdownSheet {
    let sheet: ReportSheet
    var out = ""
    var words: ReportWords { sheet.words }

    static func escape(_ text: String) -> String { MarkdownText.escape(text) }

    mutating func write() {
        out += "# \(Self.escape(sheet.title))\n\n"
        out += Self.escape(sheet.meta) + "  \n" + Self.escape(sheet.path) + "\n"
        overview()
        funnel()
        questions()
        section(.teamReps)
        table(sheet.reps)
        section(.teamVersions)
        table(sheet.versions)
        if let stages = sheet.versionStages {
            out += "\n### \(Self.escape(words(.teamConversionByVersion)))\n"
            table(stages)
        }
        section(.teamTrend)
        let most = sheet.trendBars.map(\.total).max() ?? 0
        table(sheet.trend, bars: sheet.trendBars.map { Self.bar($0, most: most) })
        out += "\n█ \(Self.escape(words(.teamWonLegend))) · ░ \(Self.escape(words(.teamNotWon)))\n"
    }

    mutating func section(_ phrase: ReportWords.Phrase) {
        out += "\n## \(Self.escape(words(phrase)))\n"
    }

    /// `label: value`, the label in bold.
    func labelled(_ phrase: ReportWords.Phrase, _ value: String) -> String {
        words.labelled("**\(Self.escape(words(phrase)))**", Self.escape(value))
    }

    /// A GitHub table: numbers aligned right; with `bars`, a column of them after the first.
    mutating func table(_ table: ReportSheet.Table, bars: [String]? = nil) {
        var header = table.header.map(Self.escape)
        var rows = table.rows.map { $0.map(Self.escape) }
        var marks = table.alignments.map { $0 == .right ? "--:" : "---" }
        if let bars {
            header.insert("", at: 1)
            marks.insert("---", at: 1)
            for index in rows.indices { rows[index].insert(bars[index].isEmpty ? "" : "`\(bars[index])`", at: 1) }
        }
        out += "\n"
        for row in [header, marks] + rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    }

    /// A bar of block characters, without the spaces that line bars up on a terminal.
    static func bar(_ bar: ReportSheet.Bar, most: Int) -> String {
        let (dark, light) = TextBars.twoTone(bar.total, part: bar.part, most: most, cells: TeamReport.barCells)
        return dark + String(light.reversed().drop { $0 == " " }.reversed())
    }

    mutating func overview() {
        section(.teamOverview)
        out += "\n- " + labelled(.teamDeals, sheet.deals) + " (\(Self.escape(sheet.statusLine)))\n"
        out += "- " + [labelled(.teamWon, sheet.won), labelled(.teamLost, sheet.lost)].joined(separator: " · ") + "\n"
        out += "- " + labelled(.teamWinRate, sheet.winRate + " " + sheet.winRateBase) + "\n"
        out += "- " + labelled(.teamMedianCycle, sheet.medianCycle) + " · " + labelled(.teamMedianActive, sheet.medianActive) + "\n"
        out += "\n### \(Self.escape(words(.teamOutcomes)))\n"
        guard !sheet.outcomes.isEmpty else {
            out += "\n" + Self.escape(words(.teamNoOutcome)) + "\n"
            return
        }
        let outcomes = ReportSheet.Table(
            header: [words(.teamOutcomes), words(.teamDeals), words(.teamShare)],
            rows: sheet.outcomes.map { [$0.tone.symbol + " " + $0.name, $0.count, $0.percent] }, numeric: [1, 2])
        table(outcomes, bars: sheet.outcomes.map { TextBars.eighths($0.share, cells: TeamReport.barCells) })
    }

    mutating func funnel() {
        section(.teamFunnel)
        let most = sheet.funnelBars.map(\.total).max() ?? 0
        table(sheet.funnel, bars: sheet.funnelBars.map { Self.bar($0, most: most) })
        out += "\n█ \(Self.escape(words(.teamLeftStage))) · ░ \(Self.escape(words(.teamStoppedInStage)))\n"
        out += "\n### \(Self.escape(words(.teamTimeInStage)))\n"
        table(sheet.timing)
        out += "\n### \(Self.escape(words(.teamStalls)))\n"
        if sheet.stalls.isEmpty { out += "\n" + Self.escape(words(.teamNoStalls)) + "\n" }
        for stall in sheet.stalls {
            out += "\n**\(Self.escape(stall.heading))**\n"
            table(stall.table)
            if let more = stall.more { out += "\n" + Self.escape(more) + "\n" }
        }
    }

    mutating func questions() {
        section(.teamQuestions)
        out += "\n**\(Self.escape(sheet.whereDealsDie))**\n"
        var stage: String?
        for question in sheet.questions {
            if question.stage != stage {
                stage = question.stage
                out += "\n### \(Self.escape(question.stage))\n"
            }
            out += "\n**\(Self.escape(question.text))** · _\(Self.escape(question.tag))_  \n\(Self.escape(question.facts))\n"
            if let answers = question.table { table(answers) }
            if let summary = question.summary { out += "\n" + Self.escape(summary) + "\n" }
        }
    }
}
