import Testing

@testable import PlaybookKit

/// A transcript's text and markdown are for a terminal: every field of the record in them is made
/// safe (a record can be written by anyone who can write the file); its JSON keeps them exact.
struct TranscriptTests {
    static let hostile = "\u{1B}]0;OWNED\u{07}\u{1B}[2J\u{202E}\u{9B}"

    static let log: SessionLog = {
        let bad = hostile
        let info = SessionInfo(
            id: "id" + bad, mode: "practice", playbookTitle: "Title" + bad, playbookPath: "/p", playbookVersion: nil,
            playbookHash: "h", language: "en", rep: "rep" + bad, deal: "deal" + bad, seed: 1, persona: "p",
            personaName: "Dana" + bad)
        let kinds: [SessionEvent.Kind] = [
            .start(info),
            .stageEntered(stage: "s", title: "Stage" + bad, number: 1),
            .asked(question: "q", text: "Question" + bad, type: "text", stage: "s"),
            .answered(question: "q", value: .text("a"), shown: "answer" + bad, seconds: 1),
            .undo(question: "q"),
            .answered(question: "q", value: .text("a"), shown: "again" + bad, seconds: 1),
            .buyer(line: "buyer" + bad),
            .note(text: "note" + bad + "\nsecond line", question: nil),
            .unmet(stage: "s", message: "unmet" + bad),
            .move(MoveResult(question: "q", text: "move", chosen: "c", points: -1, isBest: false, bestOption: "best" + bad, bestPoints: 2)),
            .fault(message: "fault" + bad, file: "f", line: 1),
            .ended(outcome: "outcome" + bad, reason: "reason" + bad, score: 0, byRep: true),
        ]
        return SessionLog(text: kinds.map { SessionEvent($0, time: 0).jsonLine }.joined(separator: "\n"))
    }()

    static func unsafeScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && TerminalText.isUnsafe($0) }.map { "U+" + String($0.value, radix: 16) }
    }

    @Test func textAndMarkdownShowEveryFieldSafely() {
        let transcript = Transcript(Self.log)
        for (format, text) in [("text", transcript.text()), ("markdown", transcript.markdown())] {
            #expect(Self.unsafeScalars(text).isEmpty, "\(format): \(Self.unsafeScalars(text))")
            for field in ["Title", "deal", "rep", "id", "Stage", "Question", "answer", "again", "buyer", "note", "unmet", "best", "fault", "outcome", "reason"] {
                // (Markdown also escapes the brackets that follow, and, where a phrase of the
                // runner's words made a field safe first, the marks' angle brackets: `\<U+1B\>`.)
                #expect(text.replacingOccurrences(of: "\\", with: "").contains(field + "<U+1B>"), "\(format) lost \(field):\n\(text)")
            }
        }
        // A note is one line of the transcript: a line break in it is shown, not obeyed.
        #expect(transcript.text().contains("<U+9B><U+A>second line"))
    }

    @Test func jsonKeepsTheFieldsExact() {
        let json = Transcript(Self.log).json()
        #expect(json["deal"]?.string == "deal" + Self.hostile)
        #expect(json["answers"]?.array?.last?["shown"]?.string == "again" + Self.hostile)
        #expect(json["outcome"]?["name"]?.string == "outcome" + Self.hostile)
    }

    /// "the playbook had changed" only when the resume recorded that it had.
    @Test func answersThatDidNotFitSayWhetherThePlaybookChanged() {
        func resumed(_ changed: Bool, _ notReplayed: Int) -> String {
            let kinds: [SessionEvent.Kind] = [
                .start(SessionRecordTests.info), .paused(reason: .command),
                .resumed(replayed: 1, notReplayed: notReplayed, playbookChanged: changed),
            ]
            let log = SessionLog(text: kinds.map { SessionEvent($0, time: 0).jsonLine }.joined(separator: "\n"))
            var english = log
            english.events[0] = SessionEvent(.start({ var info = SessionRecordTests.info; info.language = "en"; return info }()), time: 0)
            return Transcript(english).text()
        }
        #expect(resumed(true, 1).contains("(the playbook had changed; 1 recorded answer did not fit)"))
        #expect(resumed(false, 1).contains("(1 recorded answer did not fit)"))
        #expect(!resumed(false, 2).contains("changed"))
        #expect(resumed(false, 2).contains("(2 recorded answers did not fit)"))
    }
}

extension TranscriptTests {
    /// Found by the record fuzzer: an answer's `seconds` edited to a number no walk takes crashed
    /// `show` (converting it to a whole number trapped).
    @Test(arguments: ["1e300", "-1e300", "-3"])
    func anImpossibleAnswerTimeIsShownAsUnknown(_ seconds: String) {
        let start = SessionEvent(.start(SessionRecordTests.info), time: 0).jsonLine
        let answer = #"{"event":"answer","question":"q","seconds":\#(seconds),"shown":"có","time":"1970-01-01T00:00:01.000Z","v":1,"value":true}"#
        let transcript = Transcript(SessionLog(bytes: Array((start + "\n" + answer + "\n").utf8)))
        #expect(transcript.text().contains("→ có [?]"))
        _ = transcript.markdown()
        _ = transcript.json().text
    }
}
