import PlaybookKit

/// The web app's pages and forms, behind `HTTPGate`: the home page, starting and resuming a
/// session, the walk, a session's transcript and the team report. Every answer is recorded
/// (and flushed) before the redirect that shows the next question is sent.
struct WebApp: Sendable {
    let sessions: WebSessions
    /// The language of the pages that belong to no playbook: the served playbooks' own when
    /// they share one, else English.
    let language: String

    init(sessions: WebSessions) {
        self.sessions = sessions
        let languages = Set(sessions.playbooks.entries.map(\.program.language))
        language = languages.count == 1 ? languages.first ?? "en" : "en"
    }

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        let post = request.method == "POST"
        switch (post, parts.first ?? "", parts.count) {
        case (false, "", 1): return home(notice: nil)
        case (false, "static", 2): return asset(parts[1])
        case (false, "start", 1): return startPage(request.query["playbook"] ?? "")
        case (true, "start", 1): return start(request.form)
        case (false, "walk", 2): return walk(parts[1], lease: request.query["lease"], takeOver: request.query["takeover"] == "1")
        case (true, "walk", 2): return act(parts[1], request.form)
        case (true, "walk", 3) where parts[2] == "open": return open(parts[1], lease: request.form["lease"])
        case (false, "session", 2): return transcript(parts[1])
        case (false, "report", 1): return report()
        default: return message(.notFound, text: words(.notFoundText), status: 404)
        }
    }

    private var words: WebWords { WebWords(language: language) }

    private func home(notice: String?) -> HTTPResponse {
        let rows = sessions.list()
        let screen = HomeScreen(
            language: language, lease: WebSessions.newLease(), playbooks: sessions.playbooks.listed, sessions: rows,
            open: sessions.openIDs, reportAvailable: rows.contains { $0.mode == "run" }, notice: notice)
        return .html(homePage(screen))
    }

    private func asset(_ name: String) -> HTTPResponse {
        var response: HTTPResponse
        switch name {
        case "app.css": response = .bytes(Array(WebAssets.css.utf8), contentType: "text/css; charset=utf-8")
        case "app.js": response = .bytes(Array(WebAssets.js.utf8), contentType: "text/javascript; charset=utf-8")
        default: return message(.notFound, text: words(.notFoundText), status: 404)
        }
        response.setHeader("Cache-Control", "no-cache")
        return response
    }

    private func startPage(_ id: String, rep: String = "", deal: String = "", problem: String? = nil) -> HTTPResponse {
        guard let entry = sessions.playbooks.entry(id) else {
            return message(.notFound, text: words(.playbookNotFound, id), status: 404)
        }
        let listed = sessions.playbooks.listed.first { $0.id == id } ?? ServedPlaybook(id: id, title: entry.program.title, language: entry.program.language)
        let screen = StartScreen(
            lease: WebSessions.newLease(), playbook: listed, personas: entry.program.personas, rep: rep, deal: deal, problem: problem)
        return .html(PlaybookKit.startPage(screen), status: problem == nil ? 200 : 400)
    }

    private func start(_ form: [String: String]) -> HTTPResponse {
        let id = form["playbook"] ?? ""
        guard let entry = sessions.playbooks.entry(id) else {
            return message(.notFound, text: words(.playbookNotFound, id), status: 404)
        }
        let rep = Self.field(form["rep"])
        let deal = Self.field(form["deal"])
        let seed = randomBits() >> 11
        var practice: PracticeOptions?
        if form["mode"] == "practice" {
            // The persona chosen (or one drawn from the seed) as `playbook practice` chooses it.
            let asked = Self.field(form["persona"])
            do throws(UsageError) {
                practice = try PracticeRequest(persona: asked, holdFeedback: form["feedback"] == "end").options(for: entry.program, seed: seed)
            } catch {
                return startPage(id, rep: rep ?? "", deal: deal ?? "", problem: words(.badRequest))
            }
        }
        let request = SessionOpening.Request(mode: practice == nil ? "run" : "practice", rep: rep, deal: deal, seed: seed, practice: practice)
        do throws(StoreError) {
            let (session, lease) = try sessions.start(entry, request, lease: form["lease"])
            return .redirect(to: Self.walkAddress(session, lease: lease))
        } catch {
            return message(.somethingWrong, text: error.message, status: 500)
        }
    }

    private func walk(_ id: String, lease: String?, takeOver: Bool) -> HTTPResponse {
        if !takeOver {
            do throws(WebSessions.Refusal) {
                return .html(walkPage(try sessions.page(id, lease: lease)))
            } catch {
                if case .otherTab = error { return refusal(error, id) }
            }
        }
        // Not open here (a server restarted, a session paused): it is resumed from its record.
        return open(id, lease: takeOver ? nil : lease, takeOver: takeOver)
    }

    private func open(_ id: String, lease: String?, takeOver: Bool = false) -> HTTPResponse {
        do throws(WebSessions.Refusal) {
            let lease = try sessions.open(id, lease: lease, takeOver: takeOver)
            return .redirect(to: Self.walkAddress(id, lease: lease))
        } catch {
            return refusal(error, id)
        }
    }

    private func act(_ id: String, _ form: [String: String]) -> HTTPResponse {
        guard let lease = form["lease"], let turn = form["turn"].flatMap({ Int($0) }), let inputs = Self.inputs(form) else {
            return message(.badRequest, text: words(.badRequest), status: 400)
        }
        do throws(WebSessions.Refusal) {
            if let paused = try sessions.perform(id, lease: lease, turn: turn, inputs) { return home(notice: paused) }
            return .redirect(to: Self.walkAddress(id, lease: lease))
        } catch {
            return refusal(error, id)
        }
    }

    private func transcript(_ id: String) -> HTTPResponse {
        guard let log = sessions.log(id) else { return message(.notFound, text: words(.sessionNotFound, id), status: 404) }
        var tone: OutcomeTone?
        if case .ended(let outcome, _, _) = log.status, let info = log.info, let entry = sessions.playbooks.entry(path: info.playbookPath) {
            tone = entry.program.tone(of: outcome)
        }
        return .html(transcriptPage(TranscriptScreen(transcript: Transcript(log), lease: WebSessions.newLease(), tone: tone)))
    }

    private func report() -> HTTPResponse {
        guard let page = sessions.reportPage() else { return message(.report, text: words(.noSessions), status: 404) }
        return .html(page)
    }

    private func refusal(_ refusal: WebSessions.Refusal, _ id: String) -> HTTPResponse {
        switch refusal {
        case .otherTab:
            let link = WebLink(href: "/walk/" + URLEncoding.encode(id) + "?takeover=1", label: words(.resume))
            return .html(messagePage(MessageScreen(language: language, title: words(.openElsewhereTitle), text: words(.openElsewhere), link: link)), status: 409)
        case .ended:
            return .redirect(to: "/session/" + URLEncoding.encode(id))
        case .notFound:
            return message(.notFound, text: words(.sessionNotFound, id), status: 404)
        case .notOpen:
            return .redirect(to: "/walk/" + URLEncoding.encode(id))
        case .cannot(let reason):
            return message(.openElsewhereTitle, text: reason, status: 409)
        }
    }

    private func message(_ title: WebWords.Phrase, text: String, status: Int) -> HTTPResponse {
        .html(messagePage(MessageScreen(language: language, title: words(title), text: text)), status: status)
    }

    /// What a walk form asks for, in order: an end already confirmed in the page (by its
    /// script) is asked for and confirmed at once.
    static func inputs(_ form: [String: String]) -> [RepInput]? {
        switch form["action"] {
        case "answer":
            if let option = form["option"] { return Int(option).map { [.option($0)] } }
            return form["value"].map { [.answer($0)] }
        case "back": return [.back]
        case "note": return [.note(form["note"] ?? "")]
        case "pause": return [.pause(.command)]
        case "end":
            let end = RepInput.end(outcome: form["outcome"] ?? "", reason: field(form["reason"]))
            return form["confirmed"] == "yes" ? [end, .confirmEnd(true)] : [end]
        case "confirm-end": return [.confirmEnd(true)]
        case "cancel-end": return [.confirmEnd(false)]
        default: return nil
        }
    }

    /// A form's text field: nil when left empty.
    static func field(_ text: String?) -> String? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        return text
    }

    static func walkAddress(_ id: String, lease: String) -> String {
        "/walk/" + URLEncoding.encode(id) + "?lease=" + URLEncoding.encode(lease)
    }
}
