import Testing

@testable import PlaybookKit

/// The home, start, transcript and message pages: their links and forms, and the checker's rules.
struct WebOtherPagesTests {
    static func start(language: String, personas: Bool = true) -> StartScreen {
        StartScreen(
            lease: "lease-1", playbook: ServedPlaybook(id: "discovery/\(language)", title: "Discovery", methodology: "MEDDIC", language: language, version: "2.1"),
            personas: personas ? [
                PersonaCard(id: "cfo", name: "Dana Whitfield", role: "CFO", context: "Careful with money."),
                PersonaCard(id: "it", name: "Sam Ortiz", role: nil, context: nil),
            ] : [], rep: "Alex")
    }

    static let home = HomeScreen(
        language: "en", lease: "lease-9",
        playbooks: [
            ServedPlaybook(id: "discovery", title: "Enterprise discovery", methodology: "MEDDIC", language: "en", version: "2.1"),
            ServedPlaybook(id: "he/גילוי", title: "גילוי צרכים", language: "he"),
        ],
        sessions: [
            SessionList.Row(session: "s-open", started: 1_795_369_512, rep: "Alex", deal: "Acme", playbook: "Enterprise discovery", mode: "run", status: "interrupted"),
            SessionList.Row(session: "s-paused", started: 1_795_369_000, rep: "Alex", deal: "Globex", playbook: "Enterprise discovery", mode: "run", status: "paused"),
            SessionList.Row(session: "s-ended", started: 1_795_300_000, rep: "Kim", playbook: "Enterprise discovery", mode: "practice", status: "ended", outcome: "won"),
            SessionList.Row(session: "s-empty", status: "empty"),
        ],
        open: ["s-open"], reportAvailable: true, notice: "Paused. Nothing is lost.")

    @Test func homeLinksEachPlaybookAndResumesOrReadsEachSession() throws {
        let reading = HTMLCheck.read(homePage(Self.home))
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let links = reading.elements.filter { $0.name == "a" }.compactMap { $0["href"] }
        #expect(links == ["/start?playbook=discovery", "/start?playbook=he%2F%D7%92%D7%99%D7%9C%D7%95%D7%99", "/session/s-ended", "/report"])
        let forms = reading.elements.filter { $0.name == "form" }
        #expect(forms.map { $0["action"] } == ["/walk/s-open/open", "/walk/s-paused/open"])
        #expect(forms.allSatisfy { $0["method"] == "post" })
        #expect(reading.elements.filter { $0.name == "input" && $0["name"] == "lease" }.map { $0["value"] } == ["lease-9", "lease-9"])
        let statuses = reading.elements.filter { $0.name == "span" && ($0["class"] ?? "").hasPrefix("status") }.map(\.text)
        #expect(statuses == ["in progress", "paused", "ended", "empty"])
        // The Hebrew playbook keeps its own direction in an English list.
        #expect(reading.elements.contains { $0.name == "li" && $0["lang"] == "he" && $0["dir"] == "rtl" })
        #expect(reading.elements.contains { $0["role"] == "status" && $0.text == "Paused. Nothing is lost." })
    }

    @Test func anEmptyHomeSaysWhatToDo() {
        let page = homePage(HomeScreen(language: "vi", lease: "l", playbooks: [], sessions: []))
        #expect(HTMLCheck.problems(page).isEmpty)
        #expect(page.contains("Chưa có cẩm nang nào ở đây.") && page.contains("Chưa có phiên nào"))
        #expect(!page.contains("/report"))
    }

    @Test func startOffersARealDealAndPractice() throws {
        let reading = HTMLCheck.read(startPage(Self.start(language: "en")))
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let forms = reading.elements.indices.filter { reading.elements[$0].name == "form" }
        #expect(forms.count == 2)
        func fields(_ form: Int) -> [HTMLCheck.Element] {
            reading.elements.filter { $0.ancestors.contains(form) && ["input", "button"].contains($0.name) }
        }
        for form in forms {
            #expect(reading.elements[form]["action"] == "/start" && reading.elements[form]["method"] == "post")
            #expect(fields(form).contains { $0["name"] == "playbook" && $0["value"] == "discovery/en" })
            #expect(fields(form).contains { $0["name"] == "lease" && $0["value"] == "lease-1" })
        }
        let run = fields(forms[0])
        #expect(run.contains { $0["name"] == "mode" && $0["value"] == "run" })
        #expect(run.contains { $0["name"] == "rep" && $0["value"] == "Alex" && $0["autofocus"] != nil })
        #expect(run.contains { $0["name"] == "deal" })
        let practice = fields(forms[1])
        #expect(practice.contains { $0["name"] == "mode" && $0["value"] == "practice" })
        #expect(practice.filter { $0["name"] == "persona" }.map { $0["value"] } == ["cfo", "it", ""])
        #expect(practice.filter { $0["name"] == "feedback" }.map { $0["value"] } == ["now", "end"])
        #expect(practice.first { $0["name"] == "feedback" }?["checked"] != nil)
    }

    @Test func withoutPersonasThereIsNoPractice() {
        let page = startPage(Self.start(language: "th", personas: false))
        #expect(HTMLCheck.problems(page).isEmpty)
        #expect(!page.contains("value=\"practice\""))
        #expect(page.contains("เริ่มดีลจริง"))
    }

    @Test func aMessageHasItsLinkAndTheWayHome() throws {
        let words = WebWords(language: "en")
        let page = messagePage(MessageScreen(
            language: "en", title: words(.openElsewhereTitle), text: words(.openElsewhere), link: WebLink(href: "/session/s-1", label: words(.readTranscript))))
        let reading = HTMLCheck.read(page)
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        #expect(reading.elements.filter { $0.name == "a" }.compactMap { $0["href"] } == ["/", "/session/s-1", "/"])
        #expect(reading.elements.contains { $0.name == "h1" && $0.text == "Open somewhere else" })
    }

    static let transcriptLog: SessionLog = {
        let info = SessionInfo(
            id: "20261122-173512-3fa9", mode: "run", playbookTitle: "Enterprise discovery", playbookPath: "/p/discovery.playbook",
            playbookVersion: "2.1", playbookHash: "h", language: "en", rep: "Alex Rivera", deal: "Acme Corp", seed: 1)
        let kinds: [SessionEvent.Kind] = [
            .start(info),
            .stageEntered(stage: "discovery", title: "Discovery", number: 2),
            .asked(question: "budget", text: "Is there a budget?", type: "yes/no", stage: "discovery"),
            .answered(question: "budget", value: .bool(false), shown: "no", seconds: 4),
            .undo(question: "budget"),
            .answered(question: "budget", value: .bool(true), shown: "yes", seconds: 3),
            .buyer(line: "Procurement runs it; the CFO signs."),
            .asked(question: "amount", text: "How much?\nIn thousands.", type: "number", stage: "discovery"),
            .answered(question: "amount", value: .number(250), shown: "250", seconds: 65),
            .note(text: "Dana is the CFO.", question: "amount"),
            .paused(reason: .command),
            .resumed(replayed: 3, notReplayed: 0, playbookChanged: false),
            .ended(outcome: "won", reason: "Signed", score: 0, byRep: true),
        ]
        return SessionLog(text: kinds.map { SessionEvent($0, time: 1_795_369_512).jsonLine }.joined(separator: "\n"))
    }()

    @Test func theTranscriptHasTheFinalAnswersToPaste() throws {
        let reading = HTMLCheck.read(transcriptPage(TranscriptScreen(transcript: Transcript(Self.transcriptLog))))
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let paste = try #require(reading.elements.first { $0.name == "textarea" })
        #expect(paste["readonly"] != nil)
        #expect(paste.text == "Is there a budget?: yes\nHow much? In thousands.: 250\n  Note: Dana is the CFO.")
        #expect(reading.elements.contains { $0.name == "h2" && $0.text == "Final answers" })
        #expect(reading.elements.contains { $0.name == "del" && $0.text.contains("no") })
        #expect(reading.elements.contains { $0["class"] == "outcome good" && $0.text.contains("Outcome: won") })
        #expect(reading.elements.contains { $0.name == "li" && $0.text.contains("1 min 5 s") })
        #expect(!reading.elements.contains { $0.name == "form" })
    }

    @Test func aPausedTranscriptCanBeResumed() throws {
        var log = Self.transcriptLog
        log.events.removeLast()
        let reading = HTMLCheck.read(transcriptPage(TranscriptScreen(transcript: Transcript(log), lease: "lease-2")))
        #expect(reading.problems.isEmpty, "\(reading.problems)")
        let form = try #require(reading.elements.first { $0.name == "form" })
        #expect(form["action"] == "/walk/20261122-173512-3fa9/open")
        #expect(reading.elements.contains { $0.name == "input" && $0["name"] == "lease" && $0["value"] == "lease-2" })
    }
}
