/// A playbook the server offers, as its lists and its start page show it.
public struct ServedPlaybook: Sendable, Hashable {
    /// What the server knows it by: `/start?playbook=ID`.
    public var id: String
    public var title: String
    public var methodology: String?
    public var language: String
    public var version: String?
    public var description: String?

    public init(id: String, title: String, methodology: String? = nil, language: String, version: String? = nil, description: String? = nil) {
        self.id = id
        self.title = title
        self.methodology = methodology
        self.language = language
        self.version = version
        self.description = description
    }
}

/// The home page: the playbooks served and the rep's sessions.
public struct HomeScreen: Sendable {
    /// The language of the page's own words (a playbook's title is shown in its own).
    public var language: String
    /// The tab's token, sent back by each resume button.
    public var lease: String
    public var playbooks: [ServedPlaybook]
    /// Newest first, as `SessionList` gives them.
    public var sessions: [SessionList.Row]
    /// The sessions open now, in a tab or a terminal: shown as in progress.
    public var open: Set<String>
    /// Whether `/report` has something to show.
    public var reportAvailable: Bool
    /// A line to show first, such as the runner's "Paused. Nothing is lost." after a pause.
    public var notice: String?

    public init(
        language: String, lease: String, playbooks: [ServedPlaybook], sessions: [SessionList.Row], open: Set<String> = [],
        reportAvailable: Bool = false, notice: String? = nil
    ) {
        self.language = language
        self.lease = lease
        self.playbooks = playbooks
        self.sessions = sessions
        self.open = open
        self.reportAvailable = reportAvailable
        self.notice = notice
    }
}

/// The home page: each playbook with a link to start it, each session with a button to resume it
/// (paused, interrupted, or open elsewhere: the server says whether it may be taken over) or a
/// link to read it, and the team report when there is one.
public func homePage(_ screen: HomeScreen) -> String {
    let words = WebWords(language: screen.language)
    let h = WebPage.escape
    var out = "<header class=\"top\">\n<h1>\(h(words(.playbooks)))</h1>\n</header>\n<main>\n"
    if let notice = screen.notice { out += "<p class=\"notice\" role=\"status\">\(WebPage.lines(notice))</p>\n" }
    if screen.playbooks.isEmpty {
        out += "<p class=\"empty\">\(h(words(.noPlaybooks)))</p>\n"
    } else {
        out += "<ul class=\"playbooks\">\n"
        for playbook in screen.playbooks {
            out += "<li\(WebPage.languageAttributes(playbook.language, page: words.language))>"
            out += "<a class=\"playbook\" href=\"/start?playbook=\(h(WebPage.component(playbook.id)))\">"
            out += "<span class=\"name\">\(h(playbook.title))</span>"
            var facts = [WebWords.languageName(playbook.language)]
            if let methodology = playbook.methodology { facts.insert(methodology, at: 0) }
            if let version = playbook.version { facts.append(words(.version) + " " + version) }
            out += "<span class=\"facts\">\(facts.map { "<bdi>" + h($0) + "</bdi>" }.joined(separator: " · "))</span></a></li>\n"
        }
        out += "</ul>\n"
    }
    out += "<section aria-labelledby=\"sessions\">\n<h2 id=\"sessions\">\(h(words(.yourSessions)))</h2>\n"
    out += screen.sessions.isEmpty ? "<p class=\"empty\">\(h(words(.noSessions)))</p>\n" : sessionTable(screen, words)
    out += "</section>\n"
    if screen.reportAvailable {
        out += "<section aria-labelledby=\"report\">\n<h2 id=\"report\">\(h(words(.report)))</h2>\n"
        out += "<p><a href=\"/report\">\(h(words(.openReport)))</a></p>\n</section>\n"
    }
    out += "</main>\n"
    return WebPage.document(title: words(.playbooks), language: words.language, bodyClass: "home", body: out)
}

/// The sessions as a table, which a narrow screen shows as one card a row (`app.css`).
private func sessionTable(_ screen: HomeScreen, _ words: WebWords) -> String {
    let h = WebPage.escape
    let columns: [WebWords.Phrase] = [.session, .started, .rep, .deal, .playbook, .mode, .status]
    var out = "<div class=\"scroll\"><table class=\"sessions\">\n<thead><tr>"
    for column in columns { out += "<th scope=\"col\">\(h(words(column)))</th>" }
    out += "<th scope=\"col\">\(h(RunnerStrings(language: words.language)(.outcome)))</th><th scope=\"col\"></th></tr></thead>\n<tbody>\n"
    for row in screen.sessions {
        let open = screen.open.contains(row.session)
        let mode = row.mode.map { $0 == "practice" ? words(.modePractice) : $0 == "run" ? words(.modeRun) : $0 }
        let cells = [
            row.session, row.started.map(Transcript.minute) ?? "", row.rep ?? "", row.deal ?? "", row.playbook ?? "", mode ?? "",
        ]
        out += "<tr>"
        for (index, cell) in cells.enumerated() {
            let label = h(words(columns[index]))
            out += cell.isEmpty ? "<td data-label=\"\(label)\"></td>" : "<td data-label=\"\(label)\"><bdi>\(h(cell))</bdi></td>"
        }
        let status = WebPage.status(row.status, open: open, words: words)
        out += "<td data-label=\"\(h(words(.status)))\"><span class=\"status status-\(h(open ? "open" : row.status))\">\(h(status))</span></td>"
        out += "<td data-label=\"\(h(RunnerStrings(language: words.language)(.outcome)))\">\(row.outcome.map { "<bdi>" + h($0) + "</bdi>" } ?? "")</td>"
        out += "<td class=\"act\">\(sessionAction(row, open: open, screen: screen, words))</td></tr>\n"
    }
    return out + "</tbody>\n</table></div>\n"
}

/// Resume for a session that can go on, Read for one that is over; nothing for a record without
/// a readable start.
private func sessionAction(_ row: SessionList.Row, open: Bool, screen: HomeScreen, _ words: WebWords) -> String {
    let h = WebPage.escape
    let path = WebPage.component(row.session)
    switch row.status {
    case "paused", "interrupted":
        return "<form method=\"post\" action=\"/walk/\(h(path))/open\">\(WebPage.hidden("lease", screen.lease))"
            + "<button type=\"submit\">\(h(words(.resume)))<span class=\"vh\"> \(h(row.session))</span></button></form>"
    case "ended", "faulted":
        return "<a class=\"button\" href=\"/session/\(h(path))\">\(h(words(.read)))<span class=\"vh\"> \(h(row.session))</span></a>"
    default:
        return ""
    }
}
