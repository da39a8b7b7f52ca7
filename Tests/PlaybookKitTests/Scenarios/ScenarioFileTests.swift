import Testing

@testable import PlaybookKit

/// What a scenario file parses to when it is right.
struct ScenarioFileTests {
    private func word(_ text: String) -> ScenarioValue { .word(text) }
    private func quoted(_ text: String) -> ScenarioValue { .quoted(text) }
    private func answer(_ question: String, _ values: ScenarioValue..., line: Int) -> ScenarioAnswer {
        ScenarioAnswer(question: question, values: values, line: line)
    }

    /// The one scenario of a file that should have no problems.
    private func only(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Scenario {
        let file = readScenarios(text)
        #expect(file.diagnostics == [], sourceLocation: sourceLocation)
        #expect(file.scenarios.count == 1, sourceLocation: sourceLocation)
        return try #require(file.scenarios.first, sourceLocation: sourceLocation)
    }

    @Test func referenceFileParsesToExactlyItsScenarios() {
        let text = shipped("discovery.scenarios")
        #expect(text.hasPrefix("# Scenarios for discovery.playbook"))
        let expected = ScenarioFile(scenarios: [
            Scenario(
                name: "Economic buyer books a demo", line: 5,
                answers: [
                    answer("role", quoted("Economic buyer"), line: 6),
                    answer("tool", word("yes"), line: 7),
                    answer("team_size", word("40"), line: 8),
                    answer("pain", word("yes"), line: 9),
                    answer("pain_note", quoted("Quotes take two days to get approved."), line: 10),
                    answer("cost", word("60000"), line: 11),
                    answer("urgency", word("4"), line: 12),
                    answer("payoff", quoted("Ask what solving it would be worth to them"), line: 13),
                    answer("demo", word("yes"), line: 14),
                ],
                expectations: [
                    .outcome("won", line: 15), .value("score", word("5"), line: 16),
                    .value("deal_size", word("4800"), line: 17),
                ]),
            Scenario(
                name: "Wrong contact is disqualified", line: 19,
                answers: [answer("role", quoted("Not the right person"), line: 20)],
                expectations: [.outcome("disqualified", line: 21)]),
            Scenario(
                name: "A price objection is handled, then the buyer opens up", line: 23,
                answers: [
                    answer("role", quoted("Champion"), line: 24),
                    answer("tool", word("no"), line: 25),
                    answer("team_size", word("12"), line: 26),
                    answer("pain", word("no"), word("yes"), line: 27),
                    answer("kind", quoted("Price"), line: 28),
                    answer("resolved", word("yes"), line: 29),
                    answer("pain_note", quoted("Month-end close takes a week."), line: 30),
                    answer("cost", word("2000"), line: 31),
                    answer("urgency", word("1"), line: 32),
                ],
                expectations: [
                    .outcome("nurture", line: 33), .stage("implication", line: 34),
                    .notStage("need_payoff", line: 35),
                ]),
            Scenario(
                name: "End user without a competitor goes straight to follow-up", line: 37,
                answers: [
                    answer("role", quoted("End user"), line: 38),
                    answer("tool", word("no"), line: 39),
                    answer("team_size", word("3"), line: 40),
                    answer("pain", word("yes"), line: 41),
                    answer("pain_note", quoted("Spreadsheets break."), line: 42),
                    answer("cost", word("9000"), line: 43),
                    answer("urgency", word("3"), line: 44),
                    answer("later", word("no"), line: 45),
                ],
                expectations: [.outcome("lost", line: 46), .notStage("need_payoff", line: 47)]),
        ])
        #expect(readScenarios(text) == expected)
    }

    @Test func quotedStringsResolveEscapesAndKeepCommasAndHashes() throws {
        let scenario = try only(
            #"""
            scenario "Quotes"
              note = "Room #4, then \"left\"", "a \\ b \{x\} c\nd\te"   # two answers
              empty = ""
              tabbed = "a	b"
            """#)
        #expect(
            scenario.answers == [
                answer("note", quoted("Room #4, then \"left\""), quoted("a \\ b {x} c\nd\te"), line: 2),
                answer("empty", quoted(""), line: 3),
                answer("tabbed", quoted("a\tb"), line: 4),
            ])
    }

    @Test func aQuestionAskedSeveralTimesTakesItsAnswersInOrder() throws {
        let scenario = try only("scenario \"Loop\"\n  pain = no, no,yes , \"maybe, later\"\n")
        #expect(scenario.answers == [answer("pain", word("no"), word("no"), word("yes"), quoted("maybe, later"), line: 2)])
    }

    @Test func bareWordsKeepSignsDecimalsAndLetters() throws {
        let scenario = try only("scenario \"Words\"\n  a = -3\n  b = 2.5\n  c = có\n  d = 是, yes/no\n  e = 1..5\n")
        #expect(scenario.answers.map(\.values) == [[word("-3")], [word("2.5")], [word("có")], [word("是"), word("yes/no")], [word("1..5")]])
    }

    @Test func eachExpectForm() throws {
        let scenario = try only(
            """
            scenario "Expectations"
              expect won
              expect score = -2
              expect note = "Said \\"no\\""
              expect stage implication
              expect not stage need_payoff
              expect stage = 3      # a variable named stage
              expect = yes          # a question named expect
            """)
        #expect(
            scenario.expectations == [
                .outcome("won", line: 2), .value("score", word("-2"), line: 3), .value("note", quoted("Said \"no\""), line: 4),
                .stage("implication", line: 5), .notStage("need_payoff", line: 6), .value("stage", word("3"), line: 7),
            ])
        #expect(scenario.answers == [answer("expect", word("yes"), line: 8)])
        #expect(scenario.expectations.map(\.line) == [2, 3, 4, 5, 6, 7])
    }

    /// `expect blocked STAGE` takes a stage; alone, `blocked` is an outcome's name, and with `=` a value's.
    @Test func expectBlockedForms() throws {
        let blocked = try only("scenario \"Held\"\n  pain = no\n  expect blocked problem\n  expect stage problem\n")
        #expect(blocked.expectations == [.blocked("problem", line: 3), .stage("problem", line: 4)])
        #expect(try only("scenario \"O\"\n  expect blocked\n").expectations == [.outcome("blocked", line: 2)])
        #expect(try only("scenario \"V\"\n  expect blocked = yes\n").expectations == [.value("blocked", word("yes"), line: 2)])
    }

    @Test func namesInVietnameseThaiChineseAndHebrew() throws {
        let scenario = try only(
            """
            scenario "Tên tiếng Việt, ภาษาไทย, 中文, עברית"
              giai_đoạn = "một", hai
              ขั้นตอน = ใช่
              阶段 = 是
              תקציב = כן
              expect thắng
              expect stage giai_đoạn
              expect not stage ขั้นตอน
              expect 预算 = 5
              expect stage שלב
            """)
        #expect(scenario.name == "Tên tiếng Việt, ภาษาไทย, 中文, עברית")
        #expect(scenario.answers.map(\.question) == ["giai_đoạn", "ขั้นตอน", "阶段", "תקציב"])
        #expect(scenario.answers.map(\.values) == [[quoted("một"), word("hai")], [word("ใช่")], [word("是")], [word("כן")]])
        #expect(
            scenario.expectations == [
                .outcome("thắng", line: 6), .stage("giai_đoạn", line: 7), .notStage("ขั้นตอน", line: 8),
                .value("预算", word("5"), line: 9), .stage("שלב", line: 10),
            ])
    }

    @Test func byteOrderMarkAndCRLFLineEnds() throws {
        let scenario = try only("\u{FEFF}scenario \"Windows\"\r\n  pain = yes\r\n\r\n  expect won\r\n")
        #expect(scenario.name == "Windows")
        #expect(scenario.answers == [answer("pain", word("yes"), line: 2)])
        #expect(scenario.expectations == [.outcome("won", line: 4)])
    }

    @Test func linesBeforeTheFirstScenarioFormAnUnnamedOne() {
        let file = readScenarios("# answers for playbook run\n\nrole = \"Champion\"\npain = no, yes\nexpect won\n")
        #expect(file.diagnostics == [])
        #expect(
            file.scenarios == [
                Scenario(
                    name: "", line: 3,
                    answers: [answer("role", quoted("Champion"), line: 3), answer("pain", word("no"), word("yes"), line: 4)],
                    expectations: [.outcome("won", line: 5)])
            ])

        let mixed = readScenarios("tool = yes\nscenario \"Named\"\n  tool = no\n")
        #expect(mixed.diagnostics == [])
        #expect(mixed.scenarios.map(\.name) == ["", "Named"])
        #expect(mixed.scenarios.map(\.line) == [1, 2])
    }

    @Test func commentsAndBlankLinesTakeNoPartInTheStructure() throws {
        let file = readScenarios(
            "# top\n\t# a tab before a comment is fine\nscenario \"A\" # trailing\n\n\t\n  a = 1 # note\n      # deeper comment\n  b = 2\n")
        #expect(file.diagnostics == [])
        #expect(file.scenarios.first?.answers == [answer("a", word("1"), line: 6), answer("b", word("2"), line: 8)])
    }

    @Test func anEmptyFileHasNothing() {
        for text in ["", "\n\n", "# only a comment\n", "\u{FEFF}", "   \n\t\n"] {
            #expect(readScenarios(text) == ScenarioFile(scenarios: []))
        }
    }

    @Test func aQuestionNamedScenarioIsAnAnswer() throws {
        let scenario = try only("scenario \"Odd names\"\n  scenario = \"yes\"\n")
        #expect(scenario.answers == [answer("scenario", quoted("yes"), line: 2)])
        let unnamed = readScenarios("scenario = yes\n")
        #expect(unnamed.diagnostics == [])
        #expect(unnamed.scenarios == [Scenario(name: "", line: 1, answers: [answer("scenario", word("yes"), line: 1)])])
    }

    @Test func namesAreComparedAsUnicodeDoes() {
        // A precomposed 'ạ' and 'a' + combining dot below are one question, so this is a repeat.
        let text = "scenario \"A\"\n  giai_đo\u{1EA1}n = 1\n  giai_đoa\u{0323}n = 2\n"
        #expect(readScenarios(text).diagnostics.map(\.code) == [.repeatedQuestion])
        #expect(scenarioProblemLocations(text).map(\.line) == [3])
    }
}
