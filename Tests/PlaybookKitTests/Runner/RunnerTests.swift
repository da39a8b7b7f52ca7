import Testing

@testable import PlaybookKit

/// The runner's words, commands and replay of a record.
struct RunnerTests {
    @Test(arguments: RunnerStrings.languages)
    func everyPhraseIsTranslatedWithItsPlaceholders(_ language: String) throws {
        let table = try #require(RunnerStrings.tables[language])
        for phrase in RunnerStrings.Phrase.allCases {
            let text = try #require(table[phrase], "\(language) has no '\(phrase)'")
            let english = RunnerStrings.english[phrase] ?? ""
            for number in 1...4 where english.contains("{\(number)}") {
                #expect(text.contains("{\(number)}"), "\(language) '\(phrase)' lost {\(number)}: \(text)")
            }
        }
        #expect(table.count == RunnerStrings.Phrase.allCases.count)
    }

    @Test func anUnknownLanguageFallsBackToEnglish() {
        #expect(RunnerStrings(language: "fr").language == "en")
        #expect(RunnerStrings(language: "zh-Hans").language == "zh")
        #expect(RunnerStrings(language: "he")(.stageBanner, "2", "5", "מצב").contains("מצב"))
    }

    static let playbook = """
        playbook "Replay"
          outcomes won, lost
        stage one "One"
          ask a "A?" yes/no
          ask b "B?" number 1..10
        stage two "Two"
          ask c "C?" choice
            "x" -> end won
            "y" -> end lost
        """

    @Test func replayPutsTheWalkWhereTheRecordStopped() throws {
        let program = try WalkTests.program(Self.playbook)
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false))
        let report = runner.replay([
            .answer(question: "a", value: .bool(true)), .answer(question: "b", value: .number(3)), .undo,
            .answer(question: "b", value: .number(4)),
        ])
        #expect(report == ReplayReport(replayed: 4, answersInForce: 2, notReplayed: 0, stoppedBecause: nil))
        #expect(runner.question.map { program.name($0.name.symbol) } == "c")
        #expect(runner.walk.value(of: "b") == .number(4))
    }

    @Test func replaySaysWhereAChangedPlaybookNoLongerFits() throws {
        let changed = Self.playbook.replacingOccurrences(of: "number 1..10", with: "number 1..3")
        var runner = TerminalRunner(walk: Walk(program: try WalkTests.program(changed), seed: 0), paint: Paint(enabled: false))
        let report = runner.replay([
            .answer(question: "a", value: .bool(true)), .answer(question: "b", value: .number(4)),
            .answer(question: "c", value: .text("x")),
        ])
        #expect(report.replayed == 1)
        #expect(report.notReplayed == 2)
        #expect(report.stoppedBecause == "b = 4: no longer an answer the question accepts")
    }

    /// A rep can only end with a declared outcome, so an `end` of any other comes from an edited
    /// record: replay stops there rather than end the walk with it.
    @Test func replayStopsAtAnEndWithAnUndeclaredOutcome() throws {
        let program = try WalkTests.program(Self.playbook)
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false))
        let report = runner.replay([.answer(question: "a", value: .bool(true)), .end(outcome: "bogus", reason: nil)])
        #expect(report == ReplayReport(replayed: 1, answersInForce: 1, notReplayed: 1, stoppedBecause: "end bogus: not an outcome of this playbook (one of: won, lost)"))
        #expect(runner.question.map { program.name($0.name.symbol) } == "b")

        var declared = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false))
        #expect(declared.replay([.end(outcome: "lost", reason: "no budget")]).replayed == 1)
        #expect(declared.question == nil)
    }

    @Test func commandsNeverAnswerAndAnswersAreChecked() throws {
        var runner = TerminalRunner(walk: Walk(program: try WalkTests.program(Self.playbook), seed: 0), paint: Paint(enabled: false))
        _ = runner.proceed(now: 100)
        let note = runner.receive("note  Call back Friday ", now: 101)
        #expect(note.records == [.note(text: "Call back Friday", question: "a")])
        let bad = runner.receive("perhaps", now: 102)
        #expect(bad.text == "Answer yes or no.\n")
        #expect(bad.records.isEmpty)
        let good = runner.receive("Y", now: 104.5)
        #expect(good.records.first == .answered(question: "a", value: .bool(true), shown: "yes", seconds: 4.5))
        let paused = runner.receive("pause", now: 105)
        #expect(paused.state == .paused)
        #expect(paused.records == [.paused(reason: .command)])
    }
}

extension RunnerTests {
    @Test func keysATerminalPassesThroughAreNotTyped() {
        #expect(Runner.typedText("ab\u{1B}[Dc\u{1B}[1;5C\u{1B}OA d\u{7F}\u{07}\te") == "abc d e")
        #expect(Runner.typedText("Người quyết định 决策者 ผู้ตัดสินใจ") == "Người quyết định 决策者 ผู้ตัดสินใจ")
        #expect(Runner.typedText("\u{1B}") == "")
        // C1 controls (C2 80 to C2 9F) go; the letters next to them in UTF-8 stay.
        #expect(Runner.typedText("a\u{85}b\u{9F}c\u{A0}d é") == "abc\u{A0}d é")
    }
}

extension RunnerTests {
    @Test func defineFindsTermsInsideLongerWords() throws {
        let program = try WalkTests.program(
            """
            playbook "Glossary"
              language th
              outcomes x
            term "การคัดกรอง" "ตัดสินว่าลูกค้าเหมาะกับเราไหม"
            term "Miller Heiman" "Strategic Selling, 1985"
            term "Lead" "A person who may buy."
            stage a "A"
              end x
            """)
        #expect(program.define("lead").map(\.word.value) == ["Lead"])
        #expect(program.define("คัดกรอง").map(\.word.value) == ["การคัดกรอง"])
        #expect(program.define("miller").map(\.word.value) == ["Miller Heiman"])
        #expect(program.define("Leads").map(\.word.value) == ["Lead"])
        #expect(program.define("budget").isEmpty)
        #expect(program.define("  ").isEmpty)
    }
}
