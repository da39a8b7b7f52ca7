import Foundation
import Glibc
import Testing

@testable import PlaybookKit

/// Text that came from outside (`--rep`, `--deal`, a tampered record's fields, a piped answer, a
/// record's file name) reaches the terminal only through `TerminalText.safe`: `sessions`, `show`
/// and `resume` print `<U+1B>` where the text had an escape, and never the escape itself.
struct HostileRecordTextTests {
    typealias Workspace = CommandLineTests.Workspace

    /// Retitles the window, clears the screen, and reverses what follows.
    static let hostile = "\u{1B}]0;OWNED\u{07}\u{1B}[2J\u{202E}"
    static let shown = "<U+1B>]0;OWNED<U+7><U+1B>[2J<U+202E>"

    static func expectSafe(_ run: CommandLineTests.Run, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            let raw = text.unicodeScalars.filter { $0 != "\n" && TerminalText.isUnsafe($0) }
            #expect(raw.isEmpty, "\(what) printed \(raw.map { String($0.value, radix: 16) }) raw on \(stream): \(text.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test func repAndDealAreShownSafelyBySessionsShowAndResume() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let run = try workspace.run(
            ["run", "discovery.playbook", "--sessions", "sessions", "--rep", Self.hostile, "--deal", "Acme" + Self.hostile],
            input: "2\nn\npause\n")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let id = try SessionEndToEndTests.SessionRecord.onlyID(in: workspace)

        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        Self.expectSafe(listed, "sessions")
        #expect(listed.stdout.contains("Acme" + Self.shown), "\(listed.stdout)")
        for format in ["text", "markdown"] {
            let show = try workspace.run(["show", id, "--sessions", "sessions", "--format", format])
            Self.expectSafe(show, "show --format \(format)")
            #expect(show.stdout.contains("Acme"), "\(show.stdout)")
        }
        let resume = try workspace.run(["resume", id, "--sessions", "sessions"], input: SessionEndToEndTests.remainingInput)
        #expect(resume.status == 0, "\(resume.stdout)\(resume.stderr)")
        Self.expectSafe(resume, "resume")
        #expect(resume.stdout.contains("Acme" + Self.shown), "\(resume.stdout)")
    }

    @Test func everyFieldOfATamperedRecordIsShownSafely() throws {
        let workspace = try Workspace()
        let folder = workspace.folder.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let bad = Self.hostile
        let info = SessionInfo(
            id: "20260101-000000-0000" + bad, mode: "practice", playbookTitle: "Title" + bad, playbookPath: "/p" + bad,
            playbookVersion: "1" + bad, playbookHash: "h", language: "en", rep: "rep" + bad, deal: "deal" + bad, seed: 7,
            persona: "p" + bad, personaName: "Dana" + bad)
        let kinds: [SessionEvent.Kind] = [
            .start(info),
            .stageEntered(stage: "s" + bad, title: "Stage" + bad, number: 1),
            .asked(question: "q" + bad, text: "Question" + bad, type: "text", stage: "s"),
            .answered(question: "q" + bad, value: .text("answer" + bad), shown: "answer" + bad, seconds: 1),
            .buyer(line: "buyer" + bad),
            .note(text: "note" + bad, question: nil),
            .unmet(stage: "s", message: "unmet" + bad),
            .move(MoveResult(question: "q", text: "move" + bad, chosen: "c" + bad, points: 1, isBest: false, bestOption: "best" + bad, bestPoints: 2)),
            .paused(reason: .command),
            .resumed(replayed: 1, notReplayed: 1, playbookChanged: false),
            .fault(message: "fault" + bad, file: "f" + bad, line: 1),
            .ended(outcome: "outcome" + bad, reason: "reason" + bad, score: 1, byRep: true),
        ]
        let text = kinds.map { SessionEvent($0, time: 0).jsonLine + "\n" }.joined()
        try Data(text.utf8).write(to: folder.appendingPathComponent("20260101-000000-0000.jsonl"))
        // A record whose very name would clear the screen.
        try Data(text.utf8).write(to: folder.appendingPathComponent("20260102-000000-0000\u{1B}[2J.jsonl"))

        let listed = try workspace.run(["sessions", "--sessions", "sessions"])
        Self.expectSafe(listed, "sessions")
        #expect(listed.stdout.contains("outcome" + Self.shown), "\(listed.stdout)")
        #expect(listed.stdout.contains("20260102-000000-0000<U+1B>[2J"), "\(listed.stdout)")
        for format in ["text", "markdown"] {
            let show = try workspace.run(["show", "20260101-000000-0000", "--sessions", "sessions", "--format", format])
            #expect(show.status == 0, "\(show.stderr)")
            Self.expectSafe(show, "show --format \(format)")
            for field in ["Title", "Stage", "answer", "buyer", "note", "unmet", "outcome", "reason", "Dana", "deal", "rep"] {
                #expect(show.stdout.contains(field), "\(format) lost \(field): \(show.stdout)")
            }
        }
        let resume = try workspace.run(["resume", "20260101-000000-0000", "--sessions", "sessions"])
        #expect(resume.status == 1)
        #expect(resume.stderr.contains("already ended"), "\(resume.stderr)")
        Self.expectSafe(resume, "resume")
        let missing = try workspace.run(["show", "x" + bad, "--sessions", "sessions"])
        #expect(missing.status == 1)
        Self.expectSafe(missing, "show of an unknown session")
    }

    @Test func pipedAnswersAreEchoedSafely() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let run = try workspace.run(
            ["run", "discovery.playbook", "--sessions", "sessions"], input: "2\nn\n12\nyes\nclose" + Self.hostile + "\npause\n")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        Self.expectSafe(run, "run's echo")
        #expect(run.stdout.contains("> close" + Self.shown + "\n"), "\(run.stdout)")
        // The record keeps what was typed, exactly.
        let record = try SessionEndToEndTests.SessionRecord(workspace, try SessionEndToEndTests.SessionRecord.onlyID(in: workspace))
        #expect(record.answers.contains { $0.hasPrefix("pain_note=") && $0.contains("OWNED") })
    }
}
