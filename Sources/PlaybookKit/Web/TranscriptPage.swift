/// A recorded session to read: the transcript page.
public struct TranscriptScreen: Sendable {
    public var transcript: Transcript
    /// The tab's token: with it, a paused or interrupted session gets a Resume button.
    public var lease: String?
    /// The outcome's tone, as the playbook marks it; nil: by its name (`OutcomeTone.of`).
    public var tone: OutcomeTone?

    public init(transcript: Transcript, lease: String? = nil, tone: OutcomeTone? = nil) {
        self.transcript = transcript
        self.lease = lease
        self.tone = tone
    }
}

/// The session as `playbook show` gives it, in the playbook's language: who and when, the final
/// answers (by stage, with their notes, and as plain `Question: answer` lines to paste into a
/// CRM), then step by step, and how it ended.
public func transcriptPage(_ screen: TranscriptScreen) -> String {
    let transcript = screen.transcript
    let log = transcript.log
    let info = log.info
    let language = info?.language ?? "en"
    let words = WebWords(language: language)
    let strings = transcript.strings
    let h = WebPage.escape
    let title = info?.playbookTitle ?? words(.transcript)
    var out = "<header class=\"top\">\n" + WebPage.homeLink(words) + "<h1>\(h(title))</h1>\n"
    var facts = [h(words(.transcript))]
    if let deal = info?.deal { facts.append(h(words(.deal)) + h(words.colon) + "<bdi>\(h(deal))</bdi>") }
    if let rep = info?.rep { facts.append(h(words(.rep)) + h(words.colon) + "<bdi>\(h(rep))</bdi>") }
    if let id = info?.id { facts.append(h(words(.session)) + h(words.colon) + "<bdi>\(h(id))</bdi>") }
    if let start = log.startTime { facts.append(h(words(.started)) + h(words.colon) + "<bdi>\(h(Transcript.minute(start)))</bdi>") }
    out += "<p class=\"meta\">\(facts.joined(separator: " <span aria-hidden=\"true\">·</span> "))</p>\n</header>\n<main>\n"
    out += ending(transcript, words, lease: screen.lease, tone: screen.tone)
    let (stages, otherNotes) = transcript.summary
    if !stages.isEmpty || !otherNotes.isEmpty {
        out += "<section aria-labelledby=\"final\">\n<h2 id=\"final\">\(h(words(.finalAnswers)))</h2>\n"
        var paste: [String] = []
        for group in stages {
            out += "<h3>\(h(strings(.shownStage, String(group.number), group.title)))</h3>\n<dl class=\"answers\">\n"
            for (answer, notes) in group.answers {
                out += "<div><dt>\(WebPage.lines(answer.text))</dt><dd>\(WebPage.lines(answer.shown))"
                for note in notes { out += "<p class=\"note\"><span class=\"label\">\(h(strings(.note) + strings.colon))</span>\(WebPage.lines(note))</p>" }
                out += "</dd></div>\n"
                paste.append(oneLine(answer.text) + strings.colon + oneLine(answer.shown))
                paste += notes.map { "  " + strings(.note) + strings.colon + oneLine($0) }
            }
            out += "</dl>\n"
        }
        if !otherNotes.isEmpty {
            out += "<ul class=\"notes-list\">\n"
            for note in otherNotes {
                out += "<li><span class=\"label\">\(h(strings(.note) + strings.colon))</span>\(WebPage.lines(note))</li>\n"
                paste.append(strings(.note) + strings.colon + oneLine(note))
            }
            out += "</ul>\n"
        }
        out += "<p class=\"field\"><label for=\"paste\">\(h(words(.copyHint)))</label>"
        out += "<textarea id=\"paste\" readonly rows=\"\(min(16, max(3, paste.count)))\" dir=\"auto\">\(h(paste.joined(separator: "\n")))</textarea></p>\n"
        out += "</section>\n"
    }
    out += steps(transcript, words)
    out += "</main>\n"
    return WebPage.document(title: title + " · " + words(.transcript), language: language, bodyClass: "transcript", body: out)
}

/// One line for the paste: a CRM's field takes the answer whole, a line break in it would read
/// as the next answer.
private func oneLine(_ text: String) -> String { text.split(whereSeparator: \.isNewline).joined(separator: " ") }

/// How the session stands: its outcome (with reason and score or the practice result), or its
/// status, with Resume when it can go on.
private func ending(_ transcript: Transcript, _ words: WebWords, lease: String?, tone: OutcomeTone?) -> String {
    let h = WebPage.escape
    let strings = transcript.strings
    let numbers = transcript.numbers
    var out = ""
    switch transcript.log.status {
    case .ended(let outcome, let reason, let score):
        let tone = tone ?? OutcomeTone.of(outcome, declared: nil)
        out += "<section class=\"outcome \(tone.rawValue)\" aria-labelledby=\"outcome-title\">\n"
        out += "<h2 id=\"outcome-title\"><span class=\"mark\" aria-hidden=\"true\">\(tone.symbol)</span> "
        out += "\(h(strings(.outcome) + strings.colon))<bdi>\(h(outcome))</bdi></h2>\n"
        if let reason { out += "<p>\(h(strings(.reason) + strings.colon))\(WebPage.lines(reason))</p>\n" }
        if let result = transcript.practiceResult {
            let (shown, onPath) = (Value.format(result.score, style: numbers), Value.format(result.bestOnPath, style: numbers))
            let line = result.bestPossible.map { strings(.shownScoreAny, shown, onPath, Value.format($0, style: numbers)) }
                ?? strings(.shownScoreWalk, shown, onPath)
            out += "<p>\(h(line))</p>\n"
            if let grade = result.grade {
                out += "<p><strong>\(h(strings(.grade) + strings.colon + Value.format(grade.rounded(), style: numbers) + "%"))</strong></p>\n"
            }
        } else if score != 0 {
            out += "<p>\(h(strings(.score) + strings.colon + Value.format(score, style: numbers)))</p>\n"
        }
        out += "</section>\n"
    case .faulted, .paused, .interrupted:
        let status = Transcript.statusWord(transcript.log.status)
        out += "<p class=\"status-line\">\(h(words(.status) + words.colon))<span class=\"status status-\(status)\">"
        out += "\(h(WebPage.status(status, open: false, words: words)))</span></p>\n"
        if let lease, status != "faulted", let id = transcript.log.info?.id {
            out += "<form method=\"post\" action=\"/walk/\(h(WebPage.component(id)))/open\" class=\"inline\">\(WebPage.hidden("lease", lease))"
            out += "<button type=\"submit\" class=\"primary\">\(h(words(.resume)))</button></form>\n"
        }
    }
    return out
}

/// Step by step: each stage, each answer (those revised with `back` struck through), the buyer's
/// lines, notes, unmet criteria, pauses and practice points.
private func steps(_ transcript: Transcript, _ words: WebWords) -> String {
    let h = WebPage.escape
    let strings = transcript.strings
    var out = "<section aria-labelledby=\"steps\">\n<h2 id=\"steps\">\(h(strings(.logTitle)))</h2>\n"
    var open = false
    func list() -> String {
        guard !open else { return "" }
        open = true
        return "<ul class=\"log\">\n"
    }
    for entry in transcript.steps {
        switch entry {
        case .stage(let title, let number):
            if open { out += "</ul>\n" }
            open = false
            out += "<h3>\(h(strings(.shownStage, String(number), title)))</h3>\n"
        case .answer(let answer):
            out += list()
            let text = "<span class=\"q\">\(WebPage.lines(answer.text))</span> <span class=\"a\"><bdi>\(WebPage.lines(answer.shown))</bdi></span>"
            let time = " <span class=\"quiet\">\(h(transcript.duration(answer.seconds)))</span>"
            out += answer.revised
                ? "<li class=\"revised\"><del>\(text)</del> <span class=\"quiet\">\(h(strings(.revised)))</span>\(time)</li>\n"
                : "<li>\(text)\(time)</li>\n"
        case .buyer(let line):
            out += list() + "<li class=\"buyer\"><span class=\"label\">\(h(transcript.buyer + strings.colon))</span><q>\(WebPage.lines(line))</q></li>\n"
        case .note(let note, _):
            out += list() + "<li class=\"note\"><span class=\"label\">\(h(strings(.note) + strings.colon))</span>\(WebPage.lines(note))</li>\n"
        case .unmet(let message):
            out += list() + "<li class=\"unmet\">\(h(strings(.couldNotLeave, message)))</li>\n"
        case .paused(let time):
            out += list() + "<li class=\"quiet\">— \(h(strings(.pausedAt, Transcript.minute(time))))</li>\n"
        case .resumed(let time, let notReplayed, let changed):
            let more = notReplayed == 0 ? "" : " " + transcript.didNotFit(notReplayed, playbookChanged: changed)
            out += list() + "<li class=\"quiet\">— \(h(strings(.resumedAt, Transcript.minute(time)) + more))</li>\n"
        case .fault(let message):
            out += list() + "<li class=\"fault\">\(h(strings(.walkStopped, message)))</li>\n"
        case .move(let move):
            out += list() + "<li class=\"points\">\(h(transcript.movePoints(move)))</li>\n"
        }
    }
    if open { out += "</ul>\n" }
    return out + "</section>\n"
}
