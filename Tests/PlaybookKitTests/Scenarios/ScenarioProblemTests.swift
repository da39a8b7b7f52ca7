import Testing

@testable import PlaybookKit

/// One wrong file and the one diagnostic it must produce.
struct ProblemCase: Sendable, CustomTestStringConvertible {
    let text: String
    /// Where the diagnostic's primary span starts, as `line:column` (columns count Unicode scalars).
    let place: String
    let code: DiagnosticCode
    let message: String
    let help: String?

    init(_ text: String, _ place: String, _ code: DiagnosticCode, _ message: String, help: String?) {
        self.text = text
        self.place = place
        self.code = code
        self.message = message
        self.help = help
    }

    var testDescription: String { text.debugDescription }
}

/// Every mistake a scenario file can hold, each with its code, place, message and help.
struct ScenarioProblemTests {
    static let expectForms =
        "after 'expect' comes an outcome (expect won), a value (expect score = 5), a stage (expect stage implication) "
        + "or a stage that holds the walk (expect blocked problem)"

    static let cases: [ProblemCase] = [
        // Strings.
        ProblemCase(
            "scenario \"A\"\n  role = \"Economic buyer\n", "2:10", .unterminatedString, "unterminated string",
            help: "add a closing '\"' before the end of the line"),
        ProblemCase(
            "scenario \"A\"\n  note = \"a\\qb\"\n", "2:12", .badStringContent, "unknown escape '\\q' in a string",
            help: "the escapes are \\\" \\\\ \\{ \\} \\n \\t; write \\\\ for a backslash"),
        ProblemCase(
            "scenario \"A\"\n  note = \"ends in a backslash\\\"\n", "2:10", .unterminatedString, "unterminated string",
            help: "add a closing '\"' before the end of the line"),
        ProblemCase(
            "scenario \"A\"\n  note = \"a\u{7}b\"\n", "2:12", .badStringContent, "a control character (U+7) in a string",
            help: "delete it; for a tab write \\t, for a new line \\n"),
        ProblemCase(
            "scenario \"A\"\n  a = b\u{1}c\n", "2:8", .invalidCharacter, "a control character (U+1) in the line",
            help: "delete it"),
        // Answers.
        ProblemCase("scenario \"A\"\n  pain yes\n", "2:8", .badAnswerLine, "expected '=' after 'pain'", help: "write pain = yes"),
        ProblemCase(
            "scenario \"A\"\n  pain\n", "2:3", .badAnswerLine, "'pain' has no answer",
            help: "write it after '=', e.g. pain = yes"),
        ProblemCase(
            "scenario \"A\"\n  pain =\n", "2:8", .badAnswerLine, "'pain' has no answer after '='",
            help: "write one, e.g. pain = yes"),
        ProblemCase(
            "scenario \"A\"\n  pain = # later\n", "2:8", .badAnswerLine, "'pain' has no answer after '='",
            help: "write one, e.g. pain = yes"),
        ProblemCase(
            "scenario \"A\"\n  pain = yes,\n", "2:13", .badAnswerLine, "nothing after this ','",
            help: "add the next answer or remove the comma"),
        ProblemCase(
            "scenario \"A\"\n  pain = no,, yes\n", "2:13", .badAnswerLine, "an empty answer between two commas",
            help: "remove one comma or write the answer between them"),
        ProblemCase(
            "scenario \"A\"\n  pain = , yes\n", "2:10", .badAnswerLine, "an empty answer before this ','",
            help: "write the answer between '=' and ','"),
        ProblemCase(
            "scenario \"A\"\n  role = Economic buyer\n", "2:19", .badAnswerLine,
            "expected ',' or the end of the line after 'Economic'",
            help: "separate answers with commas and put text with spaces in double quotes"),
        ProblemCase(
            "scenario \"A\"\n  a = = b\n", "2:7", .badAnswerLine, "a second '=' in the line",
            help: "put text that holds '=' in double quotes"),
        ProblemCase(
            "scenario \"A\"\n  cost = 60,000\n", "2:10", .thousandsSeparator,
            "'60,000' looks like one number with a thousands separator",
            help: "write 60000, or put a space after the comma for two answers"),
        ProblemCase(
            "scenario \"A\"\n  pain = no\n  tool = yes\n  pain = yes\n", "4:3", .repeatedQuestion, "'pain' is given twice",
            help: "list its answers in order on one line: pain = no, yes"),
        ProblemCase(
            "scenario \"A\"\n  role = \"Champion\"\n  role = \"End \\\"user\\\"\", x\n", "3:3", .repeatedQuestion,
            "'role' is given twice",
            help: "list its answers in order on one line: role = \"Champion\", \"End \\\"user\\\"\", x"),
        // Names.
        ProblemCase(
            "scenario \"A\"\n  team-size = 40\n", "2:7", .notAName,
            "'team-size' is not a name: '-' is not allowed in names, which hold letters, digits and '_'",
            help: "write team_size"),
        ProblemCase(
            "scenario \"A\"\n  pain: yes\n", "2:7", .notAName, "'pain:' is not a name",
            help: "write '=' instead of ':', e.g. pain = yes"),
        ProblemCase(
            "scenario \"A\"\n  5x = 1\n", "2:3", .notAName, "'5x' is not a name: names start with a letter or '_', not '5'",
            help: "write the question's name as the playbook declares it"),
        ProblemCase(
            "scenario \"A\"\n  \"role\" = x\n", "2:3", .notAName, "a question's name is written without quotes",
            help: "write role = ..."),
        ProblemCase(
            "scenario \"A\"\n  = yes\n", "2:3", .badAnswerLine, "'=' at the start of a line",
            help: "write the question's name first, e.g. pain = yes"),
        // Expectations.
        ProblemCase(
            "scenario \"A\"\n  expect\n", "2:3", .badExpectLine, "'expect' needs what to check",
            help: Self.expectForms),
        ProblemCase(
            "scenario \"A\"\n  expect 5\n", "2:10", .notAName, "'5' is not a name: names start with a letter or '_', not '5'",
            help: Self.expectForms),
        ProblemCase(
            "scenario \"A\"\n  expect ,\n", "2:10", .notAName, "expected a name, found ','",
            help: Self.expectForms),
        ProblemCase(
            "scenario \"A\"\n  expect \"won\"\n", "2:10", .notAName, "a name after 'expect' is written without quotes",
            help: "write expect won, or expect won = ..."),
        ProblemCase(
            "scenario \"A\"\n  expect won now\n", "2:14", .badExpectLine, "unexpected 'now' after the outcome",
            help: "write expect won for an outcome, or expect won = VALUE for a value"),
        ProblemCase(
            "scenario \"A\"\n  expect stage\n", "2:10", .badExpectLine, "'expect stage' needs the stage's name",
            help: "write it after 'expect stage', e.g. expect stage implication"),
        ProblemCase(
            "scenario \"A\"\n  expect stage 1st\n", "2:16", .notAName,
            "'1st' is not a name: names start with a letter or '_', not '1'",
            help: "write the stage's name after 'expect stage'"),
        ProblemCase(
            "scenario \"A\"\n  expect stage a b\n", "2:18", .badExpectLine, "unexpected 'b' after the stage's name",
            help: "'expect stage' takes one stage per line"),
        ProblemCase(
            "scenario \"A\"\n  expect not stage\n", "2:14", .badExpectLine, "'expect not stage' needs the stage's name",
            help: "write it after 'expect not stage', e.g. expect not stage need_payoff"),
        ProblemCase(
            "scenario \"A\"\n  expect not won\n", "2:14", .badExpectLine, "'expect not' takes a stage",
            help: "write expect not stage need_payoff"),
        ProblemCase(
            "scenario \"A\"\n  expect not\n", "2:10", .badExpectLine, "'expect not' takes a stage",
            help: "write expect not stage need_payoff"),
        ProblemCase(
            "scenario \"A\"\n  expect score =\n", "2:16", .badExpectLine, "'expect score =' needs the value to check",
            help: "write it after '=', e.g. expect score = 5"),
        ProblemCase(
            "scenario \"A\"\n  expect score = 1, 2\n", "2:19", .badExpectLine, "an expectation checks one value, not a list",
            help: "remove this ',' and what follows"),
        ProblemCase(
            "scenario \"A\"\n  expect deal_size = 4,800\n", "2:22", .thousandsSeparator,
            "'4,800' looks like one number with a thousands separator",
            help: "write 4800, or put a space after the comma for two answers"),
        ProblemCase(
            "scenario \"A\"\n  expect won\n  expect lost\n", "3:10", .conflictingExpectations,
            "the scenario already expects the outcome 'won'",
            help: "a walk ends with one outcome; keep one of the two lines"),
        ProblemCase(
            "scenario \"A\"\n  expect won\n  expect won\n", "3:10", .conflictingExpectations, "'expect won' is repeated",
            help: "remove one of the lines"),
        ProblemCase(
            "scenario \"A\"\n  expect score = 1\n  expect score = 2\n", "3:10", .conflictingExpectations,
            "the value of 'score' is expected twice",
            help: "keep one 'expect score = ...' line"),
        ProblemCase(
            "scenario \"A\"\n  expect stage x\n  expect not stage x\n", "3:20", .conflictingExpectations,
            "'expect not stage x' contradicts 'expect stage x'",
            help: "keep the one you mean"),
        ProblemCase(
            "scenario \"A\"\n  expect not stage x\n  expect not stage x\n", "3:20", .conflictingExpectations,
            "'expect not stage x' is repeated",
            help: "remove one of the lines"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked problem now\n", "2:26", .badExpectLine, "unexpected 'now' after the stage's name",
            help: "'expect blocked' takes one stage"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked a\n  expect blocked b\n", "3:18", .conflictingExpectations,
            "the scenario already expects the walk to be blocked at 'a'",
            help: "a walk is blocked at one stage; keep one of the two lines"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked a\n  expect blocked a\n", "3:18", .conflictingExpectations,
            "'expect blocked a' is repeated",
            help: "remove one of the lines"),
        ProblemCase(
            "scenario \"A\"\n  expect won\n  expect blocked a\n", "3:10", .conflictingExpectations,
            "the scenario expects the outcome 'won', and a blocked walk has no outcome",
            help: "keep one of the two lines"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked a\n  expect won\n", "3:10", .conflictingExpectations,
            "the scenario expects the walk to be blocked at 'a', so it cannot end with an outcome",
            help: "keep one of the two lines"),
        // Scenario lines.
        ProblemCase(
            "scenario \"\"\n  a = 1\n", "1:10", .badScenarioLine, "the scenario's name is empty",
            help: "write what the scenario shows between the quotes"),
        ProblemCase(
            "scenario \"  \"\n  a = 1\n", "1:10", .badScenarioLine, "the scenario's name is empty",
            help: "write what the scenario shows between the quotes"),
        ProblemCase(
            "scenario \"A\"\n  a = 1\nscenario \"A\"\n  a = 1\n", "3:10", .duplicateScenario, "two scenarios are named \"A\"",
            help: "give each scenario its own name"),
        ProblemCase(
            "scenario\n  a = 1\n", "1:1", .badScenarioLine, "this scenario has no name",
            help: "write its name in double quotes after 'scenario', e.g. scenario \"Economic buyer books a demo\""),
        ProblemCase(
            "scenario Wrong contact # note\n  a = 1\n", "1:10", .badScenarioLine, "the scenario's name is not in double quotes",
            help: "write scenario \"Wrong contact\""),
        ProblemCase(
            "scenario \"A\" now\n  a = 1\n", "1:14", .badScenarioLine, "unexpected 'now' after the scenario's name",
            help: "a 'scenario' line holds only its name in double quotes"),
        ProblemCase(
            "scenario \"A\n  a = 1\n", "1:10", .unterminatedString, "unterminated string",
            help: "add a closing '\"' before the end of the line"),
        ProblemCase(
            "  scenario \"A\"\n    a = 1\n", "1:1", .scenarioIndentation, "a 'scenario' line is indented",
            help: "remove the spaces before 'scenario', and indent the lines under it"),
        ProblemCase(
            "scenario \"A\"\nscenario \"B\"\n  a = 1\n", "1:1", .emptyScenario, "the scenario \"A\" has nothing under it",
            help: "indent its answers and 'expect' lines under the 'scenario' line"),
        // Indentation.
        ProblemCase(
            "scenario \"A\"\n  a = 1\nb = 2\n", "3:1", .scenarioIndentation,
            "this line is not indented under the scenario above it",
            help: "indent it with spaces, or start a new scenario above it"),
        ProblemCase(
            "scenario \"A\"\n  a = 1\n    b = 2\n", "3:1", .scenarioIndentation,
            "this line is indented 4 spaces and the first line of its scenario 2 spaces",
            help: "indent the lines of a scenario alike"),
        ProblemCase(
            "scenario \"A\"\n\ta = 1\n", "2:1", .tabIndentation, "a tab in the indentation",
            help: "indent with spaces only (two per level is usual)"),
        ProblemCase(
            "scenario \"A\"\n  \ta = 1\n", "2:3", .tabIndentation, "a tab in the indentation",
            help: "indent with spaces only (two per level is usual)"),
        ProblemCase(
            "scenario \"A\"\n\ta = 1\n\tb = 2\n\tc = 3\n", "2:1", .tabIndentation, "a tab in the indentation",
            help: "indent with spaces only (two per level is usual)"),
        ProblemCase(
            "scenario \"A\"\n\u{A0}\u{A0}a = 1\n", "2:1", .scenarioIndentation, "a U+A0 character in the indentation",
            help: "indent with plain spaces"),
        // Columns count Unicode scalars: Thai vowels and tone marks are scalars of their own.
        ProblemCase(
            "scenario \"A\"\n  ขั้นตอน = \"ใช่\n", "2:13", .unterminatedString, "unterminated string",
            help: "add a closing '\"' before the end of the line"),
        ProblemCase(
            "scenario \"A\"\n  阶段 = \"是\n", "2:8", .unterminatedString, "unterminated string",
            help: "add a closing '\"' before the end of the line"),
        ProblemCase(
            "\u{FEFF}scenario\r\n  a = 1\r\n", "1:1", .badScenarioLine, "this scenario has no name",
            help: "write its name in double quotes after 'scenario', e.g. scenario \"Economic buyer books a demo\""),
    ]

    @Test(arguments: cases)
    func eachMistakeIsReportedWhereItIs(_ problem: ProblemCase) {
        let source = SourceFile(path: "main.scenarios", bytes: Array(problem.text.utf8))
        let file = parseScenarios(source)
        #expect(file.diagnostics.count == 1, "\(file.diagnostics.map(\.message))")
        guard let diagnostic = file.diagnostics.first else { return }
        let start = source.location(of: Int(diagnostic.primary.span.start))
        #expect("\(start.line):\(start.column)" == problem.place)
        #expect(diagnostic.code == problem.code)
        #expect(diagnostic.message == problem.message)
        #expect(diagnostic.help == problem.help)
    }

    @Test func everyProblemIsReportedAndTheRestIsKept() {
        let text = """
            scenario "First"
              pain = yes
              tool yes
              role = "Champion
              team_size = 12
              pain = no
              expect
              expect won
            scenario "First"
              a = 1
            """
        let file = readScenarios(text)
        #expect(scenarioProblemLocations(text).map(\.line) == [3, 4, 6, 7, 9])
        #expect(file.scenarios.map(\.name) == ["First", "First"])
        #expect(file.scenarios.first?.answers.map(\.question) == ["pain", "team_size"])
        #expect(file.scenarios.first?.expectations == [.outcome("won", line: 8)])
    }

    @Test func linesUnderAWrongScenarioLineStayInThatScenario() {
        // Had the bad line not opened a scenario, `pain` would be reported as given twice.
        let text = "scenario \"A\"\n  pain = yes\nscenario \"B\n  pain = no\n"
        #expect(scenarioProblemLocations(text).map(\.line) == [3])
        #expect(readScenarios(text).scenarios.map(\.answers.count) == [1, 1])
    }

    /// The primary span covers what is wrong, in bytes: the escape, the number, the name.
    @Test func spansCoverWhatIsWrong() {
        let cases: [(text: String, shown: String, secondary: [String])] = [
            ("scenario \"A\"\n  note = \"是\\qb\"\n", "\\q", []),
            ("scenario \"A\"\n  cost = 60,000\n", "60,000", []),
            ("scenario \"A\"\n  ขั้นตอน = \"ใช่\n", "\"", []),
            ("scenario \"A\"\n  a = 1\n    b = 2\n", "    ", ["  "]),
            ("scenario \"A\"\n  阶段 = 1\n  阶段 = 2\n", "阶段", ["阶段"]),
            ("scenario \"Đúng\"\n  a = 1\nscenario \"Đúng\"\n  a = 2\n", "\"Đúng\"", ["\"Đúng\""]),
            ("scenario \"A\"\n  expect won\n  expect lost\n", "lost", ["won"]),
            ("scenario \"A\"\nscenario \"B\"\n  a = 1\n", "scenario \"A\"", []),
            ("scenario \"A\"\n  a = b\u{1}c\n", "\u{1}", []),
            ("\u{FEFF}scenario \"A\"\n  team-size = 1\n", "-", []),
        ]
        for (text, shown, secondary) in cases {
            let source = SourceFile(path: "main.scenarios", bytes: Array(text.utf8))
            let diagnostics = parseScenarios(source).diagnostics
            #expect(diagnostics.count == 1, "\(text.debugDescription): \(diagnostics.map(\.message))")
            guard let diagnostic = diagnostics.first else { continue }
            func covered(_ span: Span) -> String { source.text(Int(span.start)..<Int(span.end)) }
            #expect(covered(diagnostic.primary.span) == shown, "\(text.debugDescription)")
            #expect(diagnostic.secondary.map { covered($0.span) } == secondary, "\(text.debugDescription)")
        }
    }

    @Test func aScenarioLineAloneIsReportedForItsNameAndForWhatItLacks() {
        let file = readScenarios("scenario\nscenario \"\"\n")
        // In the order of the file: the second line's header starts before its empty name.
        #expect(file.diagnostics.map(\.code) == [.badScenarioLine, .emptyScenario, .emptyScenario, .badScenarioLine])
        let empty = file.diagnostics.filter { $0.code == .emptyScenario }
        #expect(empty.map(\.message) == Array(repeating: "this scenario has nothing under it", count: 2))
    }

    /// What an editor, a script and a person see of one problem: the short line, the JSON (bytes
    /// counted from the start of the file, its byte order mark included) and the snippet.
    @Test func theThreeRenderings() {
        let source = SourceFile(path: "deal.scenarios", bytes: Array("\u{FEFF}scenario \"A\"\n  阶段 = 1\n  阶段 = 2\n".utf8))
        let renderer = DiagnosticRenderer(sources: [source], color: false)
        let diagnostics = parseScenarios(source).diagnostics
        #expect(diagnostics.map(renderer.short) == ["deal.scenarios:3:3: error: '阶段' is given twice [PB0708]"])
        guard let diagnostic = diagnostics.first else { return }
        let json = renderer.json(diagnostic).text
        for field in [
            #""code":"PB0708""#, #""line":3"#, #""column":3"#, #""docs":"docs/diagnostics/PB0708-repeated-question.md""#,
            #""byteStart":31"#, #""byteEnd":37"#, #""help":"list its answers in order on one line: 阶段 = 1, 2""#,
        ] {
            #expect(json.contains(field), "\(field) in \(json)")
        }
        #expect(
            renderer.human(diagnostic) == """
                error[PB0708]: '阶段' is given twice
                 --> deal.scenarios:3:3
                  |
                2 |   阶段 = 1
                  |   ---- first given here
                3 |   阶段 = 2
                  |   ^^^^ given again
                  |
                  = help: list its answers in order on one line: 阶段 = 1, 2

                """)
    }

    @Test func aFileThatIsNotUTF8HasOneDiagnosticAndNoScenarios() {
        let bytes = Array("scenario \"A\"\n  a = 1\n  b = ".utf8) + [0xC3, 0x28] + Array("\n  pain\n".utf8)
        let file = parseScenarios(SourceFile(path: "main.scenarios", bytes: bytes))
        #expect(file.scenarios.isEmpty)
        #expect(file.diagnostics.map(\.code) == [.invalidUTF8])
        #expect(file.diagnostics.first?.primary.span == Span(file: 0, start: 27, end: 28))
        #expect(file.diagnostics.first?.message == "the file is not valid UTF-8 (byte 27)")
    }

    @Test func messagesAndHelpAreLowercaseSingleLines() {
        for problem in Self.cases {
            for diagnostic in readScenarios(problem.text).diagnostics {
                for line in [diagnostic.message, diagnostic.help ?? ""] + diagnostic.notes {
                    #expect(line.first?.isUppercase != true, "\(line)")
                    #expect(!line.contains("\n"), "\(line)")
                }
            }
        }
    }
}
