/// Reads a scenario file line by line: `scenario` lines open scenarios, indented lines fill them.
/// A line has at most one problem of its own; reading goes on at the next line.
struct ScenarioParser {
    private var scenarios: [Scenario] = []
    private var problems: [ScenarioProblem] = []
    /// The scenario whose lines are being read.
    private var open: ScenarioBuilder?
    /// The line of each scenario name, to report a name used twice.
    private var scenarioLines: [String: Int] = [:]
    /// Tabs in indentation are reported once, at the first, with the number of other lines that have one
    /// (as the playbook language does): a file indented with tabs would otherwise bury every other problem.
    private var firstTab: (line: Int, column: Int)?
    private var tabLineCount = 0

    /// Reads line `number` (1-based), without its line break.
    mutating func read(_ line: [Unicode.Scalar], number: Int) {
        var start = 0
        var oddSpace: Int?
        var tabColumn: Int?
        while start < line.count, line[start].properties.isWhitespace {
            if line[start] == "\t" {
                if tabColumn == nil { tabColumn = start + 1 }
            } else if line[start] != " ", oddSpace == nil {
                oddSpace = start
            }
            start += 1
        }
        // Blank lines and comment lines take no part in the structure, whatever their indentation.
        if start == line.count || line[start] == "#" { return }
        let indentation = start
        let isPlain = tabColumn == nil && oddSpace == nil
        if let tabColumn {
            tabLineCount += 1
            if firstTab == nil { firstTab = (number, tabColumn) }
        }
        if let oddSpace {
            report(
                number, oddSpace + 1,
                "a \(ScenarioLexer.code(line[oddSpace])) character in the indentation; indent with plain spaces")
        }
        let (tokens, lexProblem) = ScenarioLexer(line: line, number: number).tokens(from: start)
        if let keyword = tokens.first, keyword.kind == .word, keyword.text == "scenario",
            tokens.count == 1 || tokens[1].kind != .equals
        {
            readScenarioLine(tokens, line, number: number, indentation: indentation, problem: lexProblem)
            return
        }
        var builder = open ?? ScenarioBuilder(name: "", line: number, isNamed: false)
        // Out of `open` while it changes, so its arrays are not copied on every line.
        open = nil
        defer { open = builder }
        builder.hasLines = true
        if builder.isNamed, indentation == 0 {
            report(
                number, 1,
                "this line is not indented under the scenario on line \(builder.scenario.line); "
                    + "indent it with spaces, or start a new scenario above it")
            return
        }
        if isPlain {
            if let expected = builder.indentation, expected != indentation {
                report(
                    number, indentation + 1,
                    "this line is indented \(spaces(indentation)) and the first line of its scenario "
                        + "\(spaces(expected)); indent the lines of a scenario alike")
                return
            }
            builder.indentation = indentation
        }
        if let lexProblem {
            problems.append(lexProblem)
            return
        }
        guard let first = tokens.first else { return }
        let isExpect = first.kind == .word && first.text == "expect" && (tokens.count == 1 || tokens[1].kind != .equals)
        let problem =
            isExpect ? builder.readExpectation(tokens, line: number) : builder.readAnswer(tokens, line: number)
        if let problem { problems.append(problem) }
    }

    /// `scenario "NAME"`: closes the open scenario and opens the next, even when the line is wrong,
    /// so the lines under it are not taken for the previous scenario's.
    private mutating func readScenarioLine(
        _ tokens: [ScenarioToken], _ line: [Unicode.Scalar], number: Int, indentation: Int, problem: ScenarioProblem?
    ) {
        close()
        var name = tokens.count > 1 && tokens[1].kind == .quoted ? tokens[1].text : ""
        var problem = problem
        if problem == nil, indentation > 0 {
            problem = ScenarioProblem(
                line: number, column: 1, message: "'scenario' lines are not indented; remove the spaces before 'scenario'")
        }
        if problem == nil {
            problem = scenarioNameProblem(tokens, line, number: number, name: &name)
        }
        if let problem {
            problems.append(problem)
        } else {
            scenarioLines[name] = number
        }
        open = ScenarioBuilder(name: name, line: number, isNamed: true)
    }

    /// What is wrong with the name on a `scenario` line; `name` becomes the best guess at it.
    private func scenarioNameProblem(
        _ tokens: [ScenarioToken], _ line: [Unicode.Scalar], number: Int, name: inout String
    ) -> ScenarioProblem? {
        let keyword = tokens[0]
        guard tokens.count > 1 else {
            return ScenarioProblem(
                line: number, column: keyword.column,
                message: "a scenario needs a name in double quotes, e.g. scenario \"Economic buyer books a demo\"")
        }
        let given = tokens[1]
        guard given.kind == .quoted else {
            // Everything up to the comment, as the name that was probably meant.
            guard let last = tokens.last else { return nil }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: line[(given.column - 1)..<(last.endColumn - 1)])
            name = String(text)
            return ScenarioProblem(
                line: number, column: given.column,
                message: "put the scenario's name in double quotes: scenario \(ScenarioValue.quoted(name).written)")
        }
        if tokens.count > 2 {
            return ScenarioProblem(
                line: number, column: tokens[2].column,
                message: "unexpected \(tokens[2].shown) after the scenario's name; "
                    + "a 'scenario' line holds only its name in double quotes")
        }
        if name.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return ScenarioProblem(
                line: number, column: given.column,
                message: "the scenario's name is empty; write what the scenario shows between the quotes")
        }
        if let first = scenarioLines[name] {
            return ScenarioProblem(
                line: number, column: given.column,
                message: "a scenario named \(given.shown) is already on line \(first); give each scenario its own name")
        }
        return nil
    }

    /// Files the open scenario; a `scenario` line with nothing under it is a mistake.
    private mutating func close() {
        guard let builder = open else { return }
        open = nil
        if builder.isNamed, !builder.hasLines {
            report(
                builder.scenario.line, 1,
                "the scenario \(ScenarioValue.quoted(builder.scenario.name).written) has nothing under it; "
                    + "indent its answers and 'expect' lines under the 'scenario' line")
        }
        scenarios.append(builder.scenario)
    }

    /// The scenarios read and every problem, ordered by line and column.
    mutating func finish() -> ScenarioFile {
        close()
        if let firstTab {
            let others = tabLineCount - 1
            let more = others == 0 ? "" : others == 1 ? " (1 more line has one)" : " (\(others) more lines have one)"
            report(firstTab.line, firstTab.column, "a tab in the indentation; indent with spaces\(more)")
        }
        let ordered = problems.enumerated().sorted {
            ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset)
        }
        return ScenarioFile(scenarios: scenarios, diagnostics: ordered.map(\.element))
    }

    private mutating func report(_ line: Int, _ column: Int, _ message: String) {
        problems.append(ScenarioProblem(line: line, column: column, message: message))
    }

    private func spaces(_ count: Int) -> String { counted(count, "space") }
}
