/// Reads a scenario file line by line: `scenario` lines open scenarios, indented lines fill them.
/// A line has at most one problem of its own; reading goes on at the next line.
struct ScenarioParser {
    /// The file's index among the sources spans point into.
    let file: Int
    private var scenarios: [Scenario] = []
    private var problems: [Diagnostic] = []
    /// The scenario whose lines are being read.
    private var open: ScenarioBuilder?
    /// Where each scenario's name is written, to report a name used twice.
    private var names: [String: Span] = [:]
    /// The first tab in the indentation of each line that has one. Tabs are reported once, at the
    /// first, with the number of other lines that have one (as the playbook language does): a file
    /// indented with tabs would otherwise bury every other problem.
    private var tabs: [Int] = []

    init(file: Int) {
        self.file = file
    }

    /// Reads one line.
    mutating func read(_ line: ScenarioLine) {
        var start = 0
        var oddSpace: Int?
        var tab: Int?
        while start < line.count, line[start].properties.isWhitespace {
            if line[start] == "\t" {
                if tab == nil { tab = start }
            } else if line[start] != " ", oddSpace == nil {
                oddSpace = start
            }
            start += 1
        }
        // Blank lines and comment lines take no part in the structure, whatever their indentation.
        if start == line.count || line[start] == "#" { return }
        let indentation = start
        let isPlain = tab == nil && oddSpace == nil
        if let tab { tabs.append(Int(line.span(at: tab).start)) }
        if let oddSpace {
            problems.append(
                Diagnostic(
                    .scenarioIndentation, "a \(TerminalText.code(line[oddSpace])) character in the indentation",
                    at: line.span(at: oddSpace), label: "not a plain space", help: "indent with plain spaces"))
        }
        let (tokens, lexProblem) = ScenarioLexer(line: line).tokens(from: start)
        if let keyword = tokens.first, keyword.kind == .word, keyword.text == "scenario",
            tokens.count == 1 || tokens[1].kind != .equals
        {
            readScenarioLine(tokens, line, indentation: indentation, problem: lexProblem)
            return
        }
        var builder = open ?? ScenarioBuilder(name: "", line: line.number, header: nil)
        // Out of `open` while it changes, so its arrays are not copied on every line.
        open = nil
        defer { open = builder }
        builder.hasLines = true
        if let header = builder.header, indentation == 0 {
            problems.append(
                Diagnostic(
                    .scenarioIndentation, "this line is not indented under the scenario above it",
                    at: tokens.first?.span ?? line.span(at: 0), label: "not indented",
                    secondary: [Label(header, "the scenario")],
                    help: "indent it with spaces, or start a new scenario above it"))
            return
        }
        if isPlain {
            if let first = builder.firstIndentation, first.width != indentation {
                problems.append(
                    Diagnostic(
                        .scenarioIndentation,
                        "this line is indented \(spaces(indentation)) and the first line of its scenario \(spaces(first.width))",
                        at: line.span(0..<indentation), label: spaces(indentation),
                        secondary: [Label(first.span, spaces(first.width))], help: "indent the lines of a scenario alike"))
                return
            }
            builder.firstIndentation = (indentation, line.span(0..<indentation))
        }
        if let lexProblem {
            problems.append(lexProblem)
            return
        }
        guard let first = tokens.first else { return }
        let isExpect = first.kind == .word && first.text == "expect" && (tokens.count == 1 || tokens[1].kind != .equals)
        let problem = isExpect ? builder.readExpectation(tokens, line: line) : builder.readAnswer(tokens, line: line)
        if let problem { problems.append(problem) }
    }

    /// `scenario "NAME"`: closes the open scenario and opens the next, even when the line is wrong,
    /// so the lines under it are not taken for the previous scenario's.
    private mutating func readScenarioLine(
        _ tokens: [ScenarioToken], _ line: ScenarioLine, indentation: Int, problem: Diagnostic?
    ) {
        close()
        var name = tokens.count > 1 && tokens[1].kind == .quoted ? tokens[1].text : ""
        var problem = problem
        if problem == nil, indentation > 0 {
            problem = Diagnostic(
                .scenarioIndentation, "a 'scenario' line is indented", at: line.span(0..<indentation), label: "indented",
                help: "remove the spaces before 'scenario', and indent the lines under it")
        }
        if problem == nil {
            problem = scenarioNameProblem(tokens, line, name: &name)
        }
        if let problem {
            problems.append(problem)
        } else {
            names[name] = tokens[1].span
        }
        let header = tokens.count > 1 ? tokens[0].span.to(tokens[1].span) : tokens[0].span
        open = ScenarioBuilder(name: name, line: line.number, header: header)
    }

    /// What is wrong with the name on a `scenario` line; `name` becomes the best guess at it.
    private func scenarioNameProblem(_ tokens: [ScenarioToken], _ line: ScenarioLine, name: inout String) -> Diagnostic? {
        guard tokens.count > 1 else {
            return Diagnostic(
                .badScenarioLine, "this scenario has no name", at: tokens[0].span,
                help: "write its name in double quotes after 'scenario', e.g. scenario \"Economic buyer books a demo\"")
        }
        let given = tokens[1]
        guard given.kind == .quoted else {
            // Everything up to the comment, as the name that was probably meant.
            let last = tokens[tokens.count - 1]
            var text = String.UnicodeScalarView()
            text.append(contentsOf: line.scalars[given.start..<last.end])
            name = String(text)
            return Diagnostic(
                .badScenarioLine, "the scenario's name is not in double quotes", at: given.span.to(last.span),
                help: "write scenario \(ScenarioValue.quoted(name).written)")
        }
        if tokens.count > 2 {
            return Diagnostic(
                .badScenarioLine, "unexpected \(tokens[2].shown) after the scenario's name", at: tokens[2].span,
                help: "a 'scenario' line holds only its name in double quotes")
        }
        if name.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return Diagnostic(
                .badScenarioLine, "the scenario's name is empty", at: given.span,
                help: "write what the scenario shows between the quotes")
        }
        if let first = names[name] {
            return Diagnostic(
                .duplicateScenario, "two scenarios are named \(given.shown)", at: given.span, label: "the second",
                secondary: [Label(first, "the first")], help: "give each scenario its own name")
        }
        return nil
    }

    /// Files the open scenario; a `scenario` line with nothing under it is a mistake.
    private mutating func close() {
        guard let builder = open else { return }
        open = nil
        if let header = builder.header, !builder.hasLines {
            let name = builder.scenario.name
            let which = name.isEmpty ? "this scenario" : "the scenario \(ScenarioValue.quoted(name).written)"
            problems.append(
                Diagnostic(
                    .emptyScenario, "\(which) has nothing under it", at: header,
                    help: "indent its answers and 'expect' lines under the 'scenario' line"))
        }
        scenarios.append(builder.scenario)
    }

    /// The scenarios read and every problem, in the order of the file.
    mutating func finish() -> ScenarioFile {
        close()
        if let tabs = LineTree.tabDiagnostic(tabs, file: file) { problems.append(tabs) }
        return ScenarioFile(scenarios: scenarios, diagnostics: problems.sortedBySource())
    }

    private func spaces(_ count: Int) -> String { counted(count, "space") }
}
