/// `playbook report --format html`: one self-contained HTML5 page, with no script, and no font,
/// picture or style sheet fetched from anywhere: the style is inline and the charts are inline SVG
/// (`TeamReport+HTMLCharts.swift`). Each playbook is an `<article>` in its own language, right to
/// left for Hebrew. Every text of the records is escaped (`HTMLText.escape`: `&<>"'` and controls).
extension TeamReport {
    public func html() -> String {
        let first = playbooks.first
        let words = ReportWords(language: first?.language ?? "en")
        let heading = playbooks.count == 1 ? (first?.title ?? "") + " · " + words(.teamReport) : words(.teamReport)
        var out = "<!DOCTYPE html>\n"
        out += "<html lang=\"\(HTMLPage.escape(first?.language ?? "en"))\" dir=\"\(HTMLPage.direction(first?.language ?? "en"))\">\n"
        out += "<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTMLPage.escape(heading))</title>\n<style>\n\(HTMLPage.style)</style>\n</head>\n<body>\n"
        for playbook in playbooks { out += playbook.html(asOf: asOf) }
        out += "<footer>\(HTMLPage.escape(footer(words)))</footer>\n</body>\n</html>\n"
        return out
    }
}

extension PlaybookReport {
    func html(asOf: Int64) -> String {
        var page = HTMLPage(sheet: ReportSheet(self, asOf: asOf))
        page.write()
        return page.out
    }
}

/// One playbook's article.
struct HTMLPage {
    let sheet: ReportSheet
    var out = ""
    var words: ReportWords { sheet.words }
    var rightToLeft: Bool { Self.direction(sheet.language) == "rtl" }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// `rtl` for a language written right to left (Hebrew), else `ltr`.
    static func direction(_ language: String) -> String {
        ToolLanguage.isRightToLeft(language) ? "rtl" : "ltr"
    }

    mutating func write() {
        out += "<article lang=\"\(Self.escape(sheet.language))\" dir=\"\(Self.direction(sheet.language))\">\n"
        out += "<header>\n<h1>\(Self.escape(sheet.title))</h1>\n"
        // The time and the path read left to right, in a Hebrew line too.
        let time = Self.escape(sheet.asOf)
        let meta = Self.escape(sheet.meta).replacingAll(time, with: "<bdi>" + time + "</bdi>")
        out += "<p class=\"meta\">\(meta)</p>\n<p class=\"path\" dir=\"ltr\">\(Self.escape(sheet.path))</p>\n</header>\n"
        overview()
        funnel()
        questions()
        section(.teamReps)
        table(sheet.reps)
        out += "</section>\n"
        section(.teamVersions)
        table(sheet.versions)
        if let stages = sheet.versionStages {
            out += "<h3>\(Self.escape(words(.teamConversionByVersion)))</h3>\n"
            table(stages)
        }
        out += "</section>\n"
        section(.teamTrend)
        out += HTMLCharts.trend(sheet, rightToLeft: rightToLeft)
        out += legend([(HTMLCharts.win, words(.teamWonLegend)), (HTMLCharts.light, words(.teamNotWon))])
        table(sheet.trend)
        out += "</section>\n</article>\n"
    }

    mutating func section(_ phrase: ReportWords.Phrase) {
        out += "<section>\n<h2>\(Self.escape(words(phrase)))</h2>\n"
    }

    mutating func table(_ table: ReportSheet.Table) {
        out += "<div class=\"scroll\"><table>\n<thead><tr>"
        for (index, cell) in table.header.enumerated() {
            out += table.numeric.contains(index) ? "<th class=\"n\">" : "<th>"
            out += Self.escape(cell) + "</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (index, cell) in row.enumerated() {
                out += table.numeric.contains(index) ? "<td class=\"n\">" : "<td>"
                // Isolated: an id or a Latin name keeps its order in a Hebrew table, and the other way round.
                out += cell.isEmpty ? "</td>" : "<bdi>" + Self.escape(cell) + "</bdi></td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table></div>\n"
    }

    /// Coloured squares with what they stand for.
    func legend(_ items: [(colour: String, text: String)]) -> String {
        var out = "<p class=\"legend\">"
        for item in items {
            out += "<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" rx=\"2\" fill=\"\(item.colour)\"/></svg> "
            out += Self.escape(item.text) + "</span>"
        }
        return out + "</p>\n"
    }

    mutating func card(_ label: ReportWords.Phrase, _ value: String, _ note: String) {
        out += "<div class=\"card\"><div class=\"label\">\(Self.escape(words(label)))</div>"
        out += "<div class=\"value\">\(Self.escape(value))</div>"
        out += "<div class=\"note\">\(Self.escape(note))</div></div>\n"
    }

    mutating func overview() {
        section(.teamOverview)
        out += "<div class=\"cards\">\n"
        card(.teamDeals, sheet.deals, sheet.statusLine)
        let tally = [words.labelled(words(.teamWon), sheet.won), words.labelled(words(.teamLost), sheet.lost)]
        card(.teamWinRate, sheet.winRate, sheet.winRateBase + " · " + tally.joined(separator: " · "))
        card(.teamMedianCycle, sheet.medianCycle, "")
        card(.teamMedianActive, sheet.medianActive, "")
        out += "</div>\n<h3>\(Self.escape(words(.teamOutcomes)))</h3>\n"
        if sheet.outcomes.isEmpty {
            out += "<p>\(Self.escape(words(.teamNoOutcome)))</p>\n"
        } else {
            out += HTMLCharts.outcomes(sheet, rightToLeft: rightToLeft)
        }
        out += "</section>\n"
    }

    mutating func funnel() {
        section(.teamFunnel)
        out += HTMLCharts.funnel(sheet, rightToLeft: rightToLeft)
        out += legend([(HTMLCharts.dark, words(.teamLeftStage)), (HTMLCharts.light, words(.teamStoppedInStage))])
        table(sheet.funnel)
        out += "<h3>\(Self.escape(words(.teamTimeInStage)))</h3>\n"
        table(sheet.timing)
        out += "<h3>\(Self.escape(words(.teamStalls)))</h3>\n"
        if sheet.stalls.isEmpty { out += "<p>\(Self.escape(words(.teamNoStalls)))</p>\n" }
        for stall in sheet.stalls {
            out += "<h4>\(Self.escape(stall.heading))</h4>\n"
            table(stall.table)
            if let more = stall.more { out += "<p class=\"more\">\(Self.escape(more))</p>\n" }
        }
        out += "</section>\n"
    }

    mutating func questions() {
        section(.teamQuestions)
        out += "<p class=\"callout\">\(Self.escape(sheet.whereDealsDie))</p>\n"
        var stage: String?
        for question in sheet.questions {
            if question.stage != stage {
                stage = question.stage
                out += "<h3>\(Self.escape(question.stage))</h3>\n"
            }
            out += "<div class=\"question\">\n<h4>\(Self.escape(question.text)) <span class=\"tag\">\(Self.escape(question.tag))</span></h4>\n"
            out += "<p class=\"facts\">\(Self.escape(question.facts))</p>\n"
            if let answers = question.table { table(answers) }
            if let summary = question.summary { out += "<p class=\"summary\">\(Self.escape(summary))</p>\n" }
            out += "</div>\n"
        }
        out += "</section>\n"
    }

    /// The page's style: readable on a laptop, and on paper (no shadows, sections kept whole,
    /// the bars' colours printed).
    static let style = """
        :root { --ink: #1f2933; --muted: #52606d; --rule: #d9e2ec; --paper: #ffffff; --page: #f3f5f8; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; padding: 1.5rem 1rem; background: var(--page); color: var(--ink);
          font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Hebrew", "Noto Sans Thai",
            "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", Arial, sans-serif; }
        article { max-width: 68rem; margin: 0 auto 1.5rem; background: var(--paper); padding: 2rem 2.5rem 2.5rem;
          border-radius: 10px; box-shadow: 0 1px 3px rgba(16, 42, 67, .12); }
        h1 { font-size: 1.75rem; line-height: 1.25; margin: 0 0 .35rem; }
        h2 { font-size: 1.3rem; margin: 2.25rem 0 .9rem; padding-bottom: .35rem; border-bottom: 2px solid var(--rule); }
        h3 { font-size: 1.05rem; margin: 1.75rem 0 .5rem; }
        h4 { font-size: .95rem; margin: 1rem 0 .35rem; }
        p { margin: .35rem 0; }
        .meta { color: var(--muted); }
        .path { color: var(--muted); font: .8rem/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr)); gap: .9rem; }
        .card { border: 1px solid var(--rule); border-radius: 8px; padding: .75rem 1rem; }
        .card .label { color: var(--muted); font-size: .85rem; }
        .card .value { font-size: 1.9rem; font-weight: 650; line-height: 1.2; font-variant-numeric: tabular-nums; }
        .card .note { color: var(--muted); font-size: .85rem; min-height: 1.2em; }
        .scroll { overflow-x: auto; }
        table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .9rem; font-variant-numeric: tabular-nums; }
        th, td { padding: .3rem .8rem; border-bottom: 1px solid var(--rule); text-align: start; vertical-align: top; }
        th { color: var(--muted); font-weight: 600; font-size: .8rem; border-bottom: 2px solid var(--rule); }
        th:first-child, td:first-child { padding-inline-start: 0; }
        .n { text-align: end; white-space: nowrap; }
        tbody tr:hover { background: #f7f9fc; }
        figure { margin: .5rem 0 .25rem; }
        svg { max-width: 100%; height: auto; }
        .legend { color: var(--muted); font-size: .85rem; }
        .legend span { margin-inline-end: 1.25rem; white-space: nowrap; }
        .legend svg { vertical-align: -1px; }
        .callout { border-inline-start: 4px solid #b3261e; background: #fbefee; padding: .6rem 1rem; border-radius: 4px; font-weight: 600; }
        .question { margin: .6rem 0 1.2rem; }
        .question h4 { margin-bottom: .1rem; }
        .tag { color: var(--muted); font-weight: 400; font-size: .8rem; margin-inline-start: .4rem; white-space: nowrap; }
        .facts, .more, .summary { color: var(--muted); font-size: .85rem; }
        .summary { color: var(--ink); }
        footer { max-width: 68rem; margin: 0 auto; color: var(--muted); font-size: .8rem; padding: 0 .5rem; }
        @media print {
          body { background: none; padding: 0; font-size: 10.5pt; }
          article { box-shadow: none; border-radius: 0; max-width: none; margin: 0; padding: 0; }
          article + article { break-before: page; }
          h2, h3, h4 { break-after: avoid; }
          figure, .card, .question, tr { break-inside: avoid; }
          .scroll { overflow: visible; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
