/// The start page of one playbook: a real deal, and practice when the playbook has personas.
public struct StartScreen: Sendable {
    /// The tab's token, sent back with the form that starts the session.
    public var lease: String
    public var playbook: ServedPlaybook
    /// The buyers practice can face; none: no practice form.
    public var personas: [PersonaCard]
    /// What the fields hold, as typed before (the rep's name from the last session, or a form
    /// sent back with a problem).
    public var rep: String
    public var deal: String
    /// Why the form came back (`role=alert`), in the page's words.
    public var problem: String?

    public init(lease: String, playbook: ServedPlaybook, personas: [PersonaCard] = [], rep: String = "", deal: String = "", problem: String? = nil) {
        self.lease = lease
        self.playbook = playbook
        self.personas = personas
        self.rep = rep
        self.deal = deal
        self.problem = problem
    }
}

/// `POST /start` with `playbook`, `lease` and `mode=run`, `rep`, `deal`; or, to practise,
/// `mode=practice`, `rep`, `persona` (an id, or empty for one at random) and `feedback=now|end`.
public func startPage(_ screen: StartScreen) -> String {
    let playbook = screen.playbook
    let words = WebWords(language: playbook.language)
    let h = WebPage.escape
    var out = "<header class=\"top\">\n" + WebPage.homeLink(words) + "<h1>\(h(playbook.title))</h1>\n"
    var facts: [String] = []
    if let methodology = playbook.methodology { facts.append(methodology) }
    if let version = playbook.version { facts.append(words(.version) + " " + version) }
    if !facts.isEmpty { out += "<p class=\"meta\">\(facts.map { "<bdi>" + h($0) + "</bdi>" }.joined(separator: " · "))</p>\n" }
    out += "</header>\n<main>\n"
    if let description = playbook.description { out += "<p class=\"lead\">\(WebPage.lines(description))</p>\n" }
    if let problem = screen.problem { out += "<p class=\"problem\" role=\"alert\">\(WebPage.lines(problem))</p>\n" }
    let common = WebPage.hidden("playbook", playbook.id) + WebPage.hidden("lease", screen.lease)
    out += "<section class=\"card\" aria-labelledby=\"run\">\n<h2 id=\"run\">\(h(words(.startDeal)))</h2>\n"
    out += "<form method=\"post\" action=\"/start\" class=\"fields\">\n\(common)\(WebPage.hidden("mode", "run"))\n"
    out += textField("rep", id: "run-rep", label: words(.rep), value: screen.rep, autofocus: true)
    out += textField("deal", id: "run-deal", label: words(.deal), value: screen.deal, autofocus: false)
    out += "<p class=\"actions\"><button type=\"submit\" class=\"primary\">\(h(words(.start)))</button></p>\n</form>\n</section>\n"
    if !screen.personas.isEmpty {
        out += "<section class=\"card\" aria-labelledby=\"practice\">\n<h2 id=\"practice\">\(h(words(.startPractice)))</h2>\n"
        out += "<form method=\"post\" action=\"/start\" class=\"fields\">\n\(common)\(WebPage.hidden("mode", "practice"))\n"
        out += textField("rep", id: "practice-rep", label: words(.rep), value: screen.rep, autofocus: false)
        out += "<fieldset class=\"choices\">\n<legend>\(h(words(.persona)))</legend>\n"
        for (index, persona) in screen.personas.enumerated() {
            let id = "persona-\(index + 1)"
            out += "<div class=\"choice\"><input type=\"radio\" name=\"persona\" id=\"\(id)\" value=\"\(h(persona.id))\"\(index == 0 ? " checked" : "")>"
            out += "<label for=\"\(id)\"><span class=\"name\">\(h(persona.name))</span>"
            if let role = persona.role { out += " <span class=\"role\">\(h(role))</span>" }
            if let context = persona.context { out += "<span class=\"context\">\(WebPage.lines(context))</span>" }
            out += "</label></div>\n"
        }
        out += "<div class=\"choice\"><input type=\"radio\" name=\"persona\" id=\"persona-any\" value=\"\">"
        out += "<label for=\"persona-any\">\(h(words(.personaAny)))</label></div>\n</fieldset>\n"
        out += "<fieldset class=\"choices\">\n<legend>\(h(words(.feedback)))</legend>\n"
        for (value, phrase) in [("now", WebWords.Phrase.feedbackNow), ("end", .feedbackEnd)] {
            out += "<div class=\"choice\"><input type=\"radio\" name=\"feedback\" id=\"feedback-\(value)\" value=\"\(value)\"\(value == "now" ? " checked" : "")>"
            out += "<label for=\"feedback-\(value)\">\(h(words(phrase)))</label></div>\n"
        }
        out += "</fieldset>\n"
        out += "<p class=\"actions\"><button type=\"submit\" class=\"primary\">\(h(words(.start)))</button></p>\n</form>\n</section>\n"
    }
    out += "</main>\n"
    return WebPage.document(title: playbook.title, language: playbook.language, bodyClass: "start", body: out)
}

/// A labelled one-line text field.
private func textField(_ name: String, id: String, label: String, value: String, autofocus: Bool) -> String {
    let h = WebPage.escape
    return "<p class=\"field\"><label for=\"\(id)\">\(h(label))</label>"
        + "<input type=\"text\" name=\"\(name)\" id=\"\(id)\" value=\"\(h(value))\" dir=\"auto\" autocomplete=\"off\"\(autofocus ? " autofocus" : "")></p>\n"
}
