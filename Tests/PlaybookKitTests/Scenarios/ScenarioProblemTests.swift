import Testing

@testable import PlaybookKit

/// One wrong file and the one problem it must produce.
struct ProblemCase: Sendable, CustomTestStringConvertible {
    let text: String
    let line: Int
    let column: Int
    let message: String

    init(_ text: String, _ line: Int, _ column: Int, _ message: String) {
        self.text = text
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { text.debugDescription }
}

/// Every mistake a scenario file can hold, each with its line, column and message.
struct ScenarioProblemTests {
    static let expectForms =
        "an outcome (expect won), a value (expect score = 5), a stage (expect stage implication) "
        + "or a stage that holds the walk (expect blocked problem)"

    static let cases: [ProblemCase] = [
        // Strings.
        ProblemCase(
            "scenario \"A\"\n  role = \"Economic buyer\n", 2, 10,
            "unterminated string; add a closing '\"' before the end of the line"),
        ProblemCase(
            "scenario \"A\"\n  note = \"a\\qb\"\n", 2, 12,
            "unknown escape '\\q' in a string; the escapes are \\\" \\\\ \\{ \\} \\n \\t, so write \\\\ for a backslash"),
        ProblemCase(
            "scenario \"A\"\n  note = \"ends in a backslash\\\"\n", 2, 10,
            "unterminated string; add a closing '\"' before the end of the line"),
        ProblemCase(
            "scenario \"A\"\n  note = \"a\u{7}b\"\n", 2, 12,
            "a control character (U+0007) in a string; delete it, or write \\t for a tab and \\n for a line break"),
        ProblemCase("scenario \"A\"\n  a = b\u{1}c\n", 2, 8, "a control character (U+0001) in the line; delete it"),
        // Answers.
        ProblemCase("scenario \"A\"\n  pain yes\n", 2, 8, "expected '=' after 'pain'; write pain = yes"),
        ProblemCase("scenario \"A\"\n  pain\n", 2, 3, "'pain' has no answer; write it after '=', e.g. pain = yes"),
        ProblemCase("scenario \"A\"\n  pain =\n", 2, 8, "'pain' has no answer after '='; write one, e.g. pain = yes"),
        ProblemCase("scenario \"A\"\n  pain = # later\n", 2, 8, "'pain' has no answer after '='; write one, e.g. pain = yes"),
        ProblemCase(
            "scenario \"A\"\n  pain = yes,\n", 2, 13, "nothing after this ','; add the next answer or remove the comma"),
        ProblemCase(
            "scenario \"A\"\n  pain = no,, yes\n", 2, 13,
            "an empty answer between two commas; remove one comma or write the answer between them"),
        ProblemCase(
            "scenario \"A\"\n  pain = , yes\n", 2, 10, "an empty answer before this ','; write the answer between '=' and ','"),
        ProblemCase(
            "scenario \"A\"\n  role = Economic buyer\n", 2, 19,
            "expected ',' or the end of the line after 'Economic'; "
                + "separate answers with commas and put text with spaces in double quotes"),
        ProblemCase("scenario \"A\"\n  a = = b\n", 2, 7, "a second '=' in the line; put text that holds '=' in double quotes"),
        ProblemCase(
            "scenario \"A\"\n  cost = 60,000\n", 2, 10,
            "'60,000' looks like one number with a thousands separator; "
                + "write 60000, or put a space after the comma for two answers"),
        ProblemCase(
            "scenario \"A\"\n  pain = no\n  tool = yes\n  pain = yes\n", 4, 3,
            "'pain' is given twice; list its answers in order on one line: pain = no, yes"),
        ProblemCase(
            "scenario \"A\"\n  role = \"Champion\"\n  role = \"End \\\"user\\\"\", x\n", 3, 3,
            "'role' is given twice; list its answers in order on one line: role = \"Champion\", \"End \\\"user\\\"\", x"),
        // Names.
        ProblemCase(
            "scenario \"A\"\n  team-size = 40\n", 2, 7,
            "'team-size' is not a name: '-' is not allowed in names, which hold letters, digits and '_'; write team_size"),
        ProblemCase("scenario \"A\"\n  pain: yes\n", 2, 7, "'pain:' is not a name: write '=' instead of ':', e.g. pain = yes"),
        ProblemCase("scenario \"A\"\n  5x = 1\n", 2, 3, "'5x' is not a name: names start with a letter or '_', not '5'"),
        ProblemCase("scenario \"A\"\n  \"role\" = x\n", 2, 3, "a question's name is written without quotes: role = ..."),
        ProblemCase(
            "scenario \"A\"\n  = yes\n", 2, 3, "'=' at the start of a line; write the question's name first, e.g. pain = yes"),
        // Expectations.
        ProblemCase("scenario \"A\"\n  expect\n", 2, 3, "'expect' needs what to check: \(expectForms)"),
        ProblemCase(
            "scenario \"A\"\n  expect 5\n", 2, 10,
            "'5' is not a name: names start with a letter or '_', not '5'; after 'expect' comes \(expectForms)"),
        ProblemCase(
            "scenario \"A\"\n  expect ,\n", 2, 10, "expected a name, found ','; after 'expect' comes \(expectForms)"),
        ProblemCase(
            "scenario \"A\"\n  expect \"won\"\n", 2, 10,
            "names are written without quotes after 'expect': expect won, or expect won = ..."),
        ProblemCase(
            "scenario \"A\"\n  expect won now\n", 2, 14,
            "unexpected 'now' after the outcome; write expect won for an outcome, or expect won = VALUE for a value"),
        ProblemCase(
            "scenario \"A\"\n  expect stage\n", 2, 10, "'expect stage' needs the stage's name, e.g. expect stage implication"),
        ProblemCase(
            "scenario \"A\"\n  expect stage 1st\n", 2, 16,
            "'1st' is not a name: names start with a letter or '_', not '1'; write the stage's name after 'expect stage'"),
        ProblemCase(
            "scenario \"A\"\n  expect stage a b\n", 2, 18,
            "unexpected 'b' after the stage's name; 'expect stage' takes one stage per line"),
        ProblemCase(
            "scenario \"A\"\n  expect not stage\n", 2, 14,
            "'expect not stage' needs the stage's name, e.g. expect not stage need_payoff"),
        ProblemCase("scenario \"A\"\n  expect not won\n", 2, 14, "'expect not' takes a stage: expect not stage need_payoff"),
        ProblemCase("scenario \"A\"\n  expect not\n", 2, 10, "'expect not' takes a stage: expect not stage need_payoff"),
        ProblemCase(
            "scenario \"A\"\n  expect score =\n", 2, 16, "'expect score =' needs the value to check, e.g. expect score = 5"),
        ProblemCase(
            "scenario \"A\"\n  expect score = 1, 2\n", 2, 19,
            "an expectation checks one value, not a list; remove this ',' and what follows"),
        ProblemCase(
            "scenario \"A\"\n  expect deal_size = 4,800\n", 2, 22,
            "'4,800' looks like one number with a thousands separator; "
                + "write 4800, or put a space after the comma for two answers"),
        ProblemCase(
            "scenario \"A\"\n  expect won\n  expect lost\n", 3, 10,
            "the scenario already expects the outcome 'won' on line 2; a walk ends with one outcome, so keep one of the two lines"),
        ProblemCase(
            "scenario \"A\"\n  expect won\n  expect won\n", 3, 10, "'expect won' is repeated (first on line 2); remove one of the lines"),
        ProblemCase(
            "scenario \"A\"\n  expect score = 1\n  expect score = 2\n", 3, 10,
            "the value of 'score' is already expected on line 2; keep one 'expect score = ...' line"),
        ProblemCase(
            "scenario \"A\"\n  expect stage x\n  expect not stage x\n", 3, 20,
            "'expect not stage x' contradicts 'expect stage x' on line 2; keep the one you mean"),
        ProblemCase(
            "scenario \"A\"\n  expect not stage x\n  expect not stage x\n", 3, 20,
            "'expect not stage x' is repeated (first on line 2); remove one of the lines"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked problem now\n", 2, 26,
            "unexpected 'now' after the stage's name; 'expect blocked' takes one stage"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked a\n  expect blocked b\n", 3, 18,
            "the scenario already expects the walk to be blocked at 'a' on line 2; a walk is blocked at one stage, so keep one of the two lines"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked a\n  expect blocked a\n", 3, 18,
            "'expect blocked a' is repeated (first on line 2); remove one of the lines"),
        ProblemCase(
            "scenario \"A\"\n  expect won\n  expect blocked a\n", 3, 10,
            "the scenario expects the outcome 'won' on line 2; a blocked walk has no outcome, so keep one of the two lines"),
        ProblemCase(
            "scenario \"A\"\n  expect blocked a\n  expect won\n", 3, 10,
            "the scenario expects the walk to be blocked at stage 'a' on line 2, so it cannot end with an outcome; keep one of the two lines"),
        // Scenario lines.
        ProblemCase(
            "scenario \"\"\n  a = 1\n", 1, 10, "the scenario's name is empty; write what the scenario shows between the quotes"),
        ProblemCase(
            "scenario \"  \"\n  a = 1\n", 1, 10, "the scenario's name is empty; write what the scenario shows between the quotes"),
        ProblemCase(
            "scenario \"A\"\n  a = 1\nscenario \"A\"\n  a = 1\n", 3, 10,
            "a scenario named \"A\" is already on line 1; give each scenario its own name"),
        ProblemCase(
            "scenario\n  a = 1\n", 1, 1, "a scenario needs a name in double quotes, e.g. scenario \"Economic buyer books a demo\""),
        ProblemCase(
            "scenario Wrong contact # note\n  a = 1\n", 1, 10,
            "put the scenario's name in double quotes: scenario \"Wrong contact\""),
        ProblemCase(
            "scenario \"A\" now\n  a = 1\n", 1, 14,
            "unexpected 'now' after the scenario's name; a 'scenario' line holds only its name in double quotes"),
        ProblemCase(
            "scenario \"A\n  a = 1\n", 1, 10, "unterminated string; add a closing '\"' before the end of the line"),
        ProblemCase(
            "  scenario \"A\"\n    a = 1\n", 1, 1, "'scenario' lines are not indented; remove the spaces before 'scenario'"),
        ProblemCase(
            "scenario \"A\"\nscenario \"B\"\n  a = 1\n", 1, 1,
            "the scenario \"A\" has nothing under it; indent its answers and 'expect' lines under the 'scenario' line"),
        // Indentation.
        ProblemCase(
            "scenario \"A\"\n  a = 1\nb = 2\n", 3, 1,
            "this line is not indented under the scenario on line 1; indent it with spaces, or start a new scenario above it"),
        ProblemCase(
            "scenario \"A\"\n  a = 1\n    b = 2\n", 3, 5,
            "this line is indented 4 spaces and the first line of its scenario 2 spaces; indent the lines of a scenario alike"),
        ProblemCase("scenario \"A\"\n\ta = 1\n", 2, 1, "a tab in the indentation; indent with spaces"),
        ProblemCase("scenario \"A\"\n  \ta = 1\n", 2, 3, "a tab in the indentation; indent with spaces"),
        ProblemCase(
            "scenario \"A\"\n\ta = 1\n\tb = 2\n\tc = 3\n", 2, 1, "a tab in the indentation; indent with spaces (2 more lines have one)"),
        ProblemCase(
            "scenario \"A\"\n\u{A0}\u{A0}a = 1\n", 2, 1, "a U+00A0 character in the indentation; indent with plain spaces"),
        // Columns count Unicode scalars: Thai vowels and tone marks are scalars of their own.
        ProblemCase(
            "scenario \"A\"\n  ขั้นตอน = \"ใช่\n", 2, 13, "unterminated string; add a closing '\"' before the end of the line"),
        ProblemCase("scenario \"A\"\n  阶段 = \"是\n", 2, 8, "unterminated string; add a closing '\"' before the end of the line"),
        ProblemCase("\u{FEFF}scenario\r\n  a = 1\r\n", 1, 1, "a scenario needs a name in double quotes, e.g. scenario \"Economic buyer books a demo\""),
    ]

    @Test(arguments: cases)
    func eachMistakeIsReportedWhereItIs(_ problem: ProblemCase) {
        let file = parseScenarios(problem.text)
        #expect(file.diagnostics == [ScenarioProblem(line: problem.line, column: problem.column, message: problem.message)])
    }

    @Test func everyProblemIsReportedAndTheRestIsKept() {
        let file = parseScenarios(
            """
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
            """)
        #expect(file.diagnostics.map(\.line) == [3, 4, 6, 7, 9])
        #expect(file.scenarios.map(\.name) == ["First", "First"])
        #expect(file.scenarios.first?.answers.map(\.question) == ["pain", "team_size"])
        #expect(file.scenarios.first?.expectations == [.outcome("won", line: 8)])
    }

    @Test func linesUnderAWrongScenarioLineStayInThatScenario() {
        // Had the bad line not opened a scenario, `pain` would be reported as given twice.
        let file = parseScenarios("scenario \"A\"\n  pain = yes\nscenario \"B\n  pain = no\n")
        #expect(file.diagnostics.map(\.line) == [3])
        #expect(file.scenarios.map(\.answers.count) == [1, 1])
    }

    @Test func messagesAreLowercaseSingleLines() {
        for problem in Self.cases {
            for diagnostic in parseScenarios(problem.text).diagnostics {
                #expect(diagnostic.message.first?.isUppercase == false, "\(diagnostic.message)")
                #expect(!diagnostic.message.contains("\n"), "\(diagnostic.message)")
            }
        }
    }
}
