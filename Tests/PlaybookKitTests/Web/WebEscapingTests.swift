import Testing

@testable import PlaybookKit

/// Every text a page shows from a playbook, a record or a rep is text, never markup: a line
/// `<script>alert(1)</script>` shows as itself, quotes cannot end an attribute, `&` is `&amp;`.
struct WebEscapingTests {
    static let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &apos;single&apos; &lt;b&gt;bold&lt;/b&gt;"

    static func checkEscaped(_ page: String, fields: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!page.contains("<script>"), sourceLocation: sourceLocation)
        #expect(!page.contains("<b>"), sourceLocation: sourceLocation)
        let problems = HTMLCheck.problems(page)
        #expect(problems.isEmpty, "\(problems)", sourceLocation: sourceLocation)
        for field in fields {
            #expect(page.contains(field + " " + escaped), "\(field) is not shown escaped", sourceLocation: sourceLocation)
        }
    }

    @Test func theWalkPageEscapesEveryText() {
        let page = walkPage(WebSamples.hostileWalk)
        Self.checkEscaped(
            page,
            fields: [
                "Title", "rep", "deal", "persona", "stage", "say", "buyer", "speaker", "name", "role", "context", "problem", "message",
                "won", "reason", "fault", "why", "best", "bestwhy", "helpwhy", "helptip", "done", "now", "later", "word", "definition",
                "question", "option", "qwhy", "qtip", "note", "lease", "gloss", "tip",
            ])
        // An id goes into a path percent-encoded, so its `/` cannot reach another route.
        #expect(page.contains("action=\"/walk/id%2F%3Cscript%3Ealert%281%29%3C%2Fscript%3E%20%22quoted%22%20%26%20%27single%27%20%3Cb%3Ebold%3C%2Fb%3E\""))
        // The phrases that take a playbook's text escape it too.
        let strings = RunnerStrings(language: "en")
        #expect(page.contains(HTMLText.escape(WebWords(language: "en")(.chosen, "chosen " + WebSamples.hostile))))
        #expect(page.contains(HTMLText.escape(strings(.unmet, "unmet " + WebSamples.hostile, "criterion " + WebSamples.hostile))))
        // The glossary word, marked in the goal, keeps its definition in an attribute, escaped.
        #expect(page.contains("title=\"gloss " + Self.escaped + "\""))
    }

    @Test func whatWasTypedIsShownBackEscaped() {
        for kind in [QuestionView.Kind.text, .number(low: 1, high: 2)] {
            var screen = WebSamples.hostileWalk
            screen.question = WebSamples.question(kind)
            Self.checkEscaped(walkPage(screen), fields: ["typed"])
        }
    }

    @Test func aPendingEndEscapesTheOutcomeAndTheReason() {
        var screen = WebSamples.hostileWalk
        screen.pendingEnd = .init(outcome: "won " + WebSamples.hostile, reason: "why " + WebSamples.hostile)
        Self.checkEscaped(walkPage(screen), fields: ["won", "why"])
    }

    @Test func theOtherPagesEscapeEveryText() {
        let bad = WebSamples.hostile
        let playbook = ServedPlaybook(
            id: "id " + bad, title: "title " + bad, methodology: "method " + bad, language: "en", version: "version " + bad, description: "about " + bad)
        let home = homePage(HomeScreen(
            language: "en", lease: "lease " + bad, playbooks: [playbook],
            sessions: [
                SessionList.Row(session: "session " + bad, started: 0, rep: "rep " + bad, deal: "deal " + bad, playbook: "played " + bad, mode: "mode " + bad, status: "paused", outcome: "outcome " + bad)
            ], notice: "notice " + bad))
        Self.checkEscaped(home, fields: ["title", "method", "version", "session", "rep", "deal", "played", "mode", "outcome", "notice", "lease"])
        let start = startPage(StartScreen(
            lease: "lease " + bad, playbook: playbook, personas: [PersonaCard(id: "pid " + bad, name: "name " + bad, role: "role " + bad, context: "context " + bad)],
            rep: "rep " + bad, deal: "deal " + bad, problem: "problem " + bad))
        Self.checkEscaped(start, fields: ["title", "about", "problem", "id", "pid", "name", "role", "context", "rep", "deal", "lease"])
        let message = messagePage(MessageScreen(language: "en", title: "title " + bad, text: "text " + bad, link: WebLink(href: "/x?" + bad, label: "label " + bad)))
        Self.checkEscaped(message, fields: ["title", "text", "label"])
    }

    @Test func theTranscriptEscapesEveryFieldOfTheRecord() {
        let bad = WebSamples.hostile
        let info = SessionInfo(
            id: "id " + bad, mode: "practice", playbookTitle: "title " + bad, playbookPath: "/p", playbookVersion: nil, playbookHash: "h",
            language: "en", rep: "rep " + bad, deal: "deal " + bad, seed: 1, persona: "p", personaName: "persona " + bad)
        let kinds: [SessionEvent.Kind] = [
            .start(info), .stageEntered(stage: "s", title: "stage " + bad, number: 1),
            .asked(question: "q", text: "question " + bad, type: "text", stage: "s"),
            .answered(question: "q", value: .text("a"), shown: "answer " + bad, seconds: 1),
            .buyer(line: "buyer " + bad), .note(text: "note " + bad, question: "q"), .unmet(stage: "s", message: "unmet " + bad),
            .move(MoveResult(question: "q", text: "move", chosen: "c", points: -1, isBest: false, bestOption: "best " + bad, bestPoints: 2)),
            .fault(message: "fault " + bad, file: "f", line: 1),
            .ended(outcome: "outcome " + bad, reason: "reason " + bad, score: 0, byRep: true),
        ]
        let log = SessionLog(text: kinds.map { SessionEvent($0, time: 0).jsonLine }.joined(separator: "\n"))
        let page = transcriptPage(TranscriptScreen(transcript: Transcript(log)))
        Self.checkEscaped(page, fields: ["title", "rep", "deal", "id", "stage", "question", "answer", "buyer", "note", "unmet", "fault", "outcome", "reason", "persona"])
    }

    /// A control character or a bidirectional override in a playbook's text is shown, not obeyed,
    /// as in the terminal.
    @Test func controlsAreShownNotObeyed() {
        var screen = WebSamples.english(nil, items: [.say("left \u{202E}right\u{1B}[2J")])
        screen.title = "a\u{0}b"
        let page = walkPage(screen)
        #expect(page.contains("left &lt;U+202E&gt;right&lt;U+1B&gt;[2J"))
        #expect(page.contains("a&lt;U+0&gt;b"))
        #expect(!page.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{1B}" || $0 == "\u{0}" })
    }

    /// The checker finds what it is there to find: it is not a test that cannot fail.
    @Test func theCheckerFindsBrokenPages() {
        let head = "<!doctype html>\n<html><body>"
        let cases = [
            head + "<p>open</body></html>": "</body> closes <p>",
            head + "<script>alert(1)</script></body></html>": "a <script> with content",
            head + "<p style=\"color:red\">x</p></body></html>": "a style attribute",
            head + "<button onclick=\"x()\">x</button></body></html>": "an event handler onclick",
            head + "<p>a & b</p></body></html>": "a raw '&'",
            head + "<p><div>x</div></p></body></html>": "<div> inside <p>",
            head + "<a href=\"https://elsewhere.example\">x</a></body></html>": "points away from the server",
            head + "<input type=\"text\" name=\"x\"></body></html>": "without a label",
            head + "<label for=\"nope\">x</label></body></html>": "names no element",
            head + "<p id=\"a\"></p><p id=\"a\"></p></body></html>": "id \"a\" twice",
            head + "<button><a href=\"/\">x</a></button></body></html>": "inside <button>",
            head + "<p class=x>y</p></body></html>": "an unquoted value",
            head + "<input type=\"hidden\" autofocus><a href=\"/\" autofocus>x</a></body></html>": "autofocus on more than one",
        ]
        for (page, expected) in cases {
            let problems = HTMLCheck.problems(page)
            #expect(problems.contains { $0.contains(expected) }, "\(expected): \(problems)")
        }
        #expect(HTMLCheck.problems(head + "<p>fine &amp; <br> well</p></body></html>").isEmpty)
    }
}
