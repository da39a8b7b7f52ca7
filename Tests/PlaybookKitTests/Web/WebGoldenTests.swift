import Foundation
import Testing

@testable import PlaybookKit

/// The pages as written, one golden file each (re-record with PLAYBOOK_RECORD=1, and look at them
/// in a browser before committing: `static/` beside them holds the style sheet and the script,
/// also goldens of `WebAssets`).
struct WebGoldenTests {
    static let folder = Golden.fixtures.appendingPathComponent("web")

    static var pages: [(String, String)] {
        [
            ("walk-en-choice", walkPage(WebSamples.english(WebSamples.choice))),
            ("walk-en-confirm", walkPage({ var screen = WebSamples.english(WebSamples.choice); screen.pendingEnd = .init(outcome: "lost", reason: "No budget"); return screen }())),
            ("walk-en-unmet", walkPage(WebSamples.english(nil, items: [.unmet(stage: "Discovery", message: "the budget is not known yet", outcomes: ["won", "lost", "no_decision"])]))),
            ("walk-en-practice-ended", walkPage(WebSamples.practiceEnded)),
            ("walk-vi-number", walkPage(WebSamples.vietnamese)),
            ("walk-he-yesno", walkPage(WebSamples.hebrew)),
            ("walk-th-scale", walkPage(WebSamples.thai)),
            ("walk-zh-text", walkPage(WebSamples.chinese)),
            ("home-en", homePage(WebOtherPagesTests.home)),
            ("start-vi", startPage(WebOtherPagesTests.start(language: "vi"))),
            ("transcript-en", transcriptPage(TranscriptScreen(transcript: Transcript(WebOtherPagesTests.transcriptLog)))),
            ("message-he", messagePage(MessageScreen(language: "he", title: WebWords(language: "he")(.notFound), text: WebWords(language: "he")(.sessionNotFound, "abc")))),
        ]
    }

    @Test func pagesMatchTheirGoldens() {
        for (name, page) in Self.pages {
            #expect(HTMLCheck.problems(page).isEmpty, "\(name): \(HTMLCheck.problems(page))")
            Golden.assert(page, matches: Self.folder.appendingPathComponent(name + ".html"))
        }
    }

    @Test func assetsMatchTheirGoldens() {
        Golden.assert(WebAssets.css, matches: Self.folder.appendingPathComponent("static/app.css"))
        Golden.assert(WebAssets.js, matches: Self.folder.appendingPathComponent("static/app.js"))
    }
}
