/// The scenario being read: its lines so far and what is needed to report repeats and contradictions.
struct ScenarioBuilder {
    var scenario: Scenario
    /// The `scenario` line's keyword and name; nil for the lines before the first `scenario` line,
    /// which form an unnamed scenario.
    let header: Span?
    /// The indentation of its first line and where it is; the others must line up with it.
    var firstIndentation: (width: Int, span: Span)?
    /// Whether any line (even a wrong one) was read under it.
    var hasLines = false

    /// Where each question's answers are in `scenario.answers`, and where its name is written.
    var answers: [String: (index: Int, span: Span)] = [:]
    /// Each repeated question: how often it was given and all its answers, for the suggested fix.
    var repeats: [String: (count: Int, values: [ScenarioValue])] = [:]
    var outcome: (name: String, span: Span)?
    /// `expect blocked STAGE`: where the walk is held instead of ending.
    var blocked: (stage: String, span: Span)?
    var values: [String: Span] = [:]
    var stages: [String: Span] = [:]
    var notStages: [String: Span] = [:]

    init(name: String, line: Int, header: Span?) {
        scenario = Scenario(name: name, line: line)
        self.header = header
    }

    /// Reads `question = answer, answer, ...`; returns what is wrong with the line, if anything.
    mutating func readAnswer(_ tokens: [ScenarioToken], line: ScenarioLine) -> Diagnostic? {
        let name = tokens[0]
        switch name.kind {
        case .word:
            break
        case .quoted:
            if Self.isName(name.text) {
                return Diagnostic(
                    .notAName, "a question's name is written without quotes", at: name.span,
                    help: "write \(ScenarioLexer.visible(name.text)) = ...")
            }
            return Diagnostic(
                .badAnswerLine, "a line starts with a string", at: name.span,
                help: "start it with a question's name, 'expect' or 'scenario'")
        case .equals, .comma:
            return Diagnostic(
                .badAnswerLine, "\(name.shown) at the start of a line", at: name.span,
                help: "write the question's name first, e.g. pain = yes")
        }
        if let problem = Self.nameProblem(name, in: line, help: "write the question's name as the playbook declares it") {
            return problem
        }
        let question = ScenarioLexer.visible(name.text)
        guard tokens.count > 1, tokens[1].kind == .equals else {
            guard tokens.count > 1 else {
                return Diagnostic(
                    .badAnswerLine, "'\(question)' has no answer", at: name.span,
                    help: "write it after '=', e.g. \(question) = yes")
            }
            let example = tokens[1].value.map(\.written) ?? "yes"
            return Diagnostic(
                .badAnswerLine, "expected '=' after '\(question)'", at: tokens[1].span, label: "'=' goes before this",
                help: "write \(question) = \(example)")
        }
        let (values, problem) = Self.values(in: tokens, from: 2, after: tokens[1], question: question)
        if let problem { return problem }
        if let first = answers[name.text] {
            var repeated = repeats[name.text] ?? (count: 1, values: scenario.answers[first.index].values)
            repeated.count += 1
            repeated.values += values
            repeats[name.text] = repeated
            let times = repeated.count == 2 ? "twice" : "\(repeated.count) times"
            let list = repeated.values.map(\.written).joined(separator: ", ")
            return Diagnostic(
                .repeatedQuestion, "'\(question)' is given \(times)", at: name.span, label: "given again",
                secondary: [Label(first.span, "first given here")],
                help: "list its answers in order on one line: \(question) = \(list)")
        }
        answers[name.text] = (scenario.answers.count, name.span)
        scenario.answers.append(ScenarioAnswer(question: name.text, values: values, line: line.number))
        return nil
    }

    /// The comma-separated values from `tokens[start]` to the end of the line; `separator` is the
    /// `=` before them. When the line is wrong, what is wrong with it, and no values.
    static func values(
        in tokens: [ScenarioToken], from start: Int, after separator: ScenarioToken, question: String
    ) -> (values: [ScenarioValue], problem: Diagnostic?) {
        var values: [ScenarioValue] = []
        var previous = separator
        var index = start
        while true {
            guard index < tokens.count else {
                let problem =
                    previous.kind == .equals
                    ? Diagnostic(
                        .badAnswerLine, "'\(question)' has no answer after '='", at: previous.span,
                        help: "write one, e.g. \(question) = yes")
                    : Diagnostic(
                        .badAnswerLine, "nothing after this ','", at: previous.span,
                        help: "add the next answer or remove the comma")
                return ([], problem)
            }
            let token = tokens[index]
            guard let value = token.value else {
                let (message, help) =
                    token.kind == .equals
                    ? ("a second '=' in the line", "put text that holds '=' in double quotes")
                    : previous.kind == .equals
                        ? ("an empty answer before this ','", "write the answer between '=' and ','")
                        : ("an empty answer between two commas", "remove one comma or write the answer between them")
                return ([], Diagnostic(.badAnswerLine, message, at: token.span, help: help))
            }
            values.append(value)
            index += 1
            guard index < tokens.count else { return (values, nil) }
            let next = tokens[index]
            guard next.kind == .comma else {
                return (
                    [],
                    Diagnostic(
                        .badAnswerLine, "expected ',' or the end of the line after \(token.shown)", at: next.span,
                        help: "separate answers with commas and put text with spaces in double quotes")
                )
            }
            if let problem = thousandsProblem(tokens, at: index) { return ([], problem) }
            previous = next
            index += 1
        }
    }

    /// `60,000` read as two answers is almost always one number written with a thousands separator.
    static func thousandsProblem(_ tokens: [ScenarioToken], at comma: Int) -> Diagnostic? {
        guard comma > 0, comma + 1 < tokens.count else { return nil }
        let before = tokens[comma - 1]
        let after = tokens[comma + 1]
        guard before.kind == .word, after.kind == .word, before.end == tokens[comma].start, after.start == tokens[comma].end
        else { return nil }
        let digits = before.text.hasPrefix("-") ? before.text.dropFirst() : Substring(before.text)
        func isDigits(_ text: Substring) -> Bool { text.unicodeScalars.allSatisfy { $0 >= "0" && $0 <= "9" } }
        guard (1...3).contains(digits.count), isDigits(digits), after.text.count == 3, isDigits(Substring(after.text))
        else { return nil }
        return Diagnostic(
            .thousandsSeparator, "'\(before.text),\(after.text)' looks like one number with a thousands separator",
            at: before.span.to(after.span),
            help: "write \(before.text)\(after.text), or put a space after the comma for two answers")
    }

    /// Why a token cannot name a question, variable, stage or outcome, or nil when it can.
    /// `help` says what was expected in that place, when there is no better fix to offer.
    static func nameProblem(_ token: ScenarioToken, in line: ScenarioLine, help: String) -> Diagnostic? {
        let text = token.text
        let shown = ScenarioLexer.visible(text)
        if token.kind != .word {
            return Diagnostic(.notAName, "expected a name, found \(token.shown)", at: token.span, help: help)
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            let allowed = offset == 0 ? Lexer.isIdentifierStart(scalar) : Lexer.isIdentifierContinue(scalar)
            if !allowed {
                let character = scalar.properties.generalCategory == .format ? TerminalText.code(scalar) : "'\(scalar)'"
                let at = line.span(at: token.start + offset)
                if offset == 0 {
                    return Diagnostic(
                        .notAName, "'\(shown)' is not a name: names start with a letter or '_', not \(character)", at: at,
                        help: help)
                }
                if scalar == ":", offset == text.unicodeScalars.count - 1 {
                    let question = ScenarioLexer.visible(String(text.unicodeScalars.dropLast()))
                    return Diagnostic(
                        .notAName, "'\(shown)' is not a name", at: at, label: "not allowed in names",
                        help: "write '=' instead of ':', e.g. \(question) = yes")
                }
                return Diagnostic(
                    .notAName, "'\(shown)' is not a name: \(character) is not allowed in names, which hold letters, digits and '_'",
                    at: at, help: suggestedName(for: text).map { "write \($0)" } ?? help)
            }
            offset += 1
        }
        return nil
    }

    /// `team-size` and `team.size` are meant as `team_size`.
    private static func suggestedName(for text: String) -> String? {
        var fixed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            fixed.append(scalar == "-" || scalar == "." ? "_" : scalar)
        }
        let name = String(fixed)
        return isName(name) ? ScenarioLexer.visible(name) : nil
    }

    /// Whether `text` is a name: a letter or `_`, then letters, marks, digits and `_`.
    static func isName(_ text: String) -> Bool {
        var isFirst = true
        for scalar in text.unicodeScalars {
            guard isFirst ? Lexer.isIdentifierStart(scalar) : Lexer.isIdentifierContinue(scalar) else { return false }
            isFirst = false
        }
        return !isFirst
    }
}
