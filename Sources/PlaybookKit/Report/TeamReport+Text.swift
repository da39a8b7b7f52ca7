/// `playbook report --format text`: each playbook's six sections (docs/report.md) as tables and
/// bars drawn with characters, columns aligned by terminal cells, in the playbook's language.
/// Every text of the records is made safe for a terminal before it is laid out or coloured.
extension TeamReport {
    /// Cells of the longest bar of the funnel, the trend and the outcomes.
    static let barCells = 30

    public func text(color: Bool) -> String {
        let paint = Paint(enabled: color)
        var out = playbooks.map { $0.text(asOf: asOf, paint: paint) }.joined(separator: "\n\n")
        let words = ReportWords(language: playbooks.first?.language ?? "en")
        out += "\n" + paint.dim(footer(words)) + "\n"
        return out
    }

    /// `records read: 300`, and the lines skipped when some were.
    func footer(_ words: ReportWords) -> String {
        let style = NumberStyle(language: words.language)
        let say = Say(words: words, style: style)
        var parts = [words(.teamRead, say.count(files))]
        if skippedLines > 0 { parts.append(words(.teamSkipped, say.count(skippedLines), say.count(filesWithSkippedLines))) }
        return parts.joined(separator: " · ")
    }
}

extension PlaybookReport {
    func text(asOf: Int64, paint: Paint) -> String {
        textLines(asOf: asOf, paint: paint).lines.joined(separator: "\n") + "\n"
    }

    /// The report's lines, and which of them are each table whose every line takes the same cells
    /// (the tests measure them).
    func textLines(asOf: Int64, paint: Paint) -> (lines: [String], tables: [Range<Int>]) {
        var out = TextSheet(sheet: ReportSheet(self, asOf: asOf), paint: paint)
        out.header()
        out.overview()
        out.funnel()
        out.questions()
        out.reps()
        out.versions()
        out.trend()
        return (out.lines, out.tables)
    }
}

/// The lines of one playbook's text report, written section by section.
private struct TextSheet {
    let sheet: ReportSheet
    let paint: Paint
    var lines: [String] = []
    var tables: [Range<Int>] = []
    var words: ReportWords { sheet.words }

    /// Outside text, or the report's words around it, made safe for a terminal.
    static func safe(_ text: String) -> String { TerminalText.safe(text) }

    mutating func header() {
        let title = Self.safe(sheet.title)
        lines.append(paint.bold(title))
        lines.append(String(repeating: "═", count: max(4, DisplayWidth.of(title))))
        lines.append(Self.safe(sheet.meta))
        lines.append(paint.dim(Self.safe(sheet.path)))
    }

    mutating func section(_ phrase: ReportWords.Phrase) {
        let heading = words(phrase)
        lines += ["", paint.heading(heading), paint.dim(String(repeating: "─", count: DisplayWidth.of(heading)))]
    }

    mutating func subheading(_ text: String) {
        lines += ["", "  " + paint.bold(Self.safe(text))]
    }

    /// A table of the sheet, every cell safe, with columns inserted (bars) where given.
    mutating func table(_ table: ReportSheet.Table, indent: String = "  ", insert: (column: Int, cells: [String])? = nil) {
        var header = table.header.map(Self.safe)
        var rows = table.rows.map { $0.map(Self.safe) }
        var alignments = table.alignments
        if let insert {
            header.insert("", at: insert.column)
            for index in rows.indices { rows[index].insert(insert.cells[index], at: insert.column) }
            alignments.insert(.left, at: insert.column)
        }
        header = header.map { paint.bold($0) }
        let text = TextTable.render(header: header, rows: rows, alignments: alignments, indent: indent, padded: true)
        let start = lines.count
        lines += text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        tables.append(start..<lines.count)
    }

    mutating func overview() {
        section(.teamOverview)
        let rows = [
            [words(.teamDeals), sheet.deals, sheet.statusLine],
            [words(.teamWon), sheet.won, ""],
            [words(.teamLost), sheet.lost, ""],
            [words(.teamWinRate), sheet.winRate, sheet.winRateBase],
            [words(.teamMedianCycle), sheet.medianCycle, ""],
            [words(.teamMedianActive), sheet.medianActive, ""],
        ].map { $0.map(Self.safe) }
        let table = TextTable.render(header: rows[0], rows: Array(rows.dropFirst()), alignments: [.left, .right, .left], indent: "  ")
        // The notes column is empty on most lines: no spaces at their ends.
        lines += table.split(separator: "\n").map { line in String(line.reversed().drop { $0 == " " }.reversed()) }

        subheading(words(.teamOutcomes))
        guard !sheet.outcomes.isEmpty else {
            lines.append("  " + words(.teamNoOutcome))
            return
        }
        let rows2 = sheet.outcomes.map { outcome in
            let bar = TextBars.eighths(outcome.share, cells: TeamReport.barCells)
            return [tone(outcome.tone, outcome.tone.symbol + " " + Self.safe(outcome.name)), outcome.count, outcome.percent, tone(outcome.tone, bar)]
        }
        let table2 = TextTable.render(header: rows2[0], rows: Array(rows2.dropFirst()), alignments: [.left, .right, .right, .left], indent: "  ")
        lines += table2.split(separator: "\n").map(String.init)
    }

    func tone(_ tone: OutcomeTone, _ text: String) -> String {
        switch tone {
        case .good: paint.win(text)
        case .bad: paint.loss(text)
        case .other: paint.neither(text)
        }
    }

    mutating func funnel() {
        section(.teamFunnel)
        let most = sheet.funnelBars.map(\.total).max() ?? 0
        let bars = sheet.funnelBars.map { bar in
            let (dark, light) = TextBars.twoTone(bar.total, part: bar.part, most: most, cells: TeamReport.barCells)
            return dark + paint.dim(light)
        }
        table(sheet.funnel, insert: (1, bars))
        lines.append("  " + paint.dim("█ " + words(.teamLeftStage) + "  ░ " + words(.teamStoppedInStage)))

        subheading(words(.teamTimeInStage))
        table(sheet.timing)

        subheading(words(.teamStalls))
        if sheet.stalls.isEmpty { lines.append("  " + words(.teamNoStalls)) }
        for stall in sheet.stalls {
            lines += ["", "  " + Self.safe(stall.heading)]
            table(stall.table, indent: "    ")
            if let more = stall.more { lines.append("    " + paint.dim(more)) }
        }
    }

    mutating func questions() {
        section(.teamQuestions)
        lines.append("  " + paint.bold(Self.safe(sheet.whereDealsDie)))
        var stage: String?
        for question in sheet.questions {
            if question.stage != stage {
                stage = question.stage
                subheading(question.stage)
            }
            lines += ["", "    " + Self.safe(question.text) + "  " + paint.dim(Self.safe(question.tag)), "    " + paint.dim(question.facts)]
            if let answers = question.table { table(answers, indent: "      ") }
            if let summary = question.summary { lines.append("      " + Self.safe(summary)) }
        }
    }

    mutating func reps() {
        section(.teamReps)
        table(sheet.reps)
    }

    mutating func versions() {
        section(.teamVersions)
        table(sheet.versions)
        if let stages = sheet.versionStages {
            subheading(words(.teamConversionByVersion))
            table(stages)
        }
    }

    mutating func trend() {
        section(.teamTrend)
        let most = sheet.trendBars.map(\.total).max() ?? 0
        let bars = sheet.trendBars.map { bar in
            let (dark, light) = TextBars.twoTone(bar.total, part: bar.part, most: most, cells: TeamReport.barCells)
            return paint.win(dark) + paint.dim(light)
        }
        table(sheet.trend, insert: (1, bars))
        lines.append("  " + paint.dim("█ " + words(.teamWonLegend) + "  ░ " + words(.teamNotWon)))
    }
}
