/// The scenario being read: its lines so far and what is needed to report repeats and contradictions.
struct ScenarioBuilder {
    var scenario: Scenario
    /// Whether a `scenario` line opened it (the lines before the first one form an unnamed scenario).
    let isNamed: Bool
    /// The indentation of its first line; the others must line up with it.
    var indentation: Int?
    /// Whether any line (even a wrong one) was read under it.
    var hasLines = false

    /// Where each question's answers are in `scenario.answers`.
    var answerIndex: [String: Int] = [:]
    /// Each repeated question: how often it was given and all its answers, for the suggested fix.
    var repeats: [String: (count: Int, values: [ScenarioValue])] = [:]
    var outcome: (name: String, line: Int)?
    /// `expect blocked STAGE`: where the walk is held instead of ending.
    var blocked: (stage: String, line: Int)?
    var valueLines: [String: Int] = [:]
    var stageLines: [String: Int] = [:]
    var notStageLines: [String: Int] = [:]

    init(name: String, line: Int, isNamed: Bool) {
        scenario = Scenario(name: name, line: line)
        self.isNamed = isNamed
    }

    /// Reads `question = answer, answer, ...`; returns what is wrong with the line, if anything.
    mutating func readAnswer(_ tokens: [ScenarioToken], line: Int) -> ScenarioProblem? {
        let name = tokens[0]
        switch name.kind {
        case .word:
            break
        case .quoted:
            return ScenarioProblem(
                line: line, column: name.column,
                message: Self.isName(name.text)
                    ? "a question's name is written without quotes: \(ScenarioLexer.visible(name.text)) = ..."
                    : "a line starts with a question's name, 'expect' or 'scenario', not with a string")
        case .equals, .comma:
            return ScenarioProblem(
                line: line, column: name.column,
                message: "\(name.shown) at the start of a line; write the question's name first, e.g. pain = yes")
        }
        if let problem = Self.nameProblem(name, line: line, hint: "") { return problem }
        let question = ScenarioLexer.visible(name.text)
        guard tokens.count > 1, tokens[1].kind == .equals else {
            guard tokens.count > 1 else {
                return ScenarioProblem(
                    line: line, column: name.column,
                    message: "'\(question)' has no answer; write it after '=', e.g. \(question) = yes")
            }
            let example = tokens[1].value.map(\.written) ?? "yes"
            return ScenarioProblem(
                line: line, column: tokens[1].column,
                message: "expected '=' after '\(question)'; write \(question) = \(example)")
        }
        let values: [ScenarioValue]
        switch Self.values(in: tokens, from: 2, after: tokens[1], question: question, line: line) {
        case .success(let read): values = read
        case .failure(let problem): return problem
        }
        if let first = answerIndex[name.text] {
            var repeated = repeats[name.text] ?? (count: 1, values: scenario.answers[first].values)
            repeated.count += 1
            repeated.values += values
            repeats[name.text] = repeated
            let times = repeated.count == 2 ? "twice" : "\(repeated.count) times"
            let list = repeated.values.map(\.written).joined(separator: ", ")
            return ScenarioProblem(
                line: line, column: name.column,
                message: "'\(question)' is given \(times); list its answers in order on one line: \(question) = \(list)")
        }
        answerIndex[name.text] = scenario.answers.count
        scenario.answers.append(ScenarioAnswer(question: name.text, values: values, line: line))
        return nil
    }

    /// The comma-separated values from `tokens[start]` to the end of the line; `separator` is the `=` before them.
    static func values(
        in tokens: [ScenarioToken], from start: Int, after separator: ScenarioToken, question: String, line: Int
    ) -> Result<[ScenarioValue], ScenarioProblem> {
        var values: [ScenarioValue] = []
        var previous = separator
        var index = start
        while true {
            guard index < tokens.count else {
                let message =
                    previous.kind == .equals
                    ? "'\(question)' has no answer after '='; write one, e.g. \(question) = yes"
                    : "nothing after this ','; add the next answer or remove the comma"
                return .failure(ScenarioProblem(line: line, column: previous.column, message: message))
            }
            let token = tokens[index]
            guard let value = token.value else {
                let message =
                    token.kind == .equals
                    ? "a second '=' in the line; put text that holds '=' in double quotes"
                    : previous.kind == .equals
                        ? "an empty answer before this ','; write the answer between '=' and ','"
                        : "an empty answer between two commas; remove one comma or write the answer between them"
                return .failure(ScenarioProblem(line: line, column: token.column, message: message))
            }
            values.append(value)
            index += 1
            guard index < tokens.count else { return .success(values) }
            let next = tokens[index]
            guard next.kind == .comma else {
                return .failure(
                    ScenarioProblem(
                        line: line, column: next.column,
                        message: "expected ',' or the end of the line after \(token.shown); "
                            + "separate answers with commas and put text with spaces in double quotes"))
            }
            if let problem = thousandsProblem(tokens, at: index, line: line) { return .failure(problem) }
            previous = next
            index += 1
        }
    }

    /// `60,000` read as two answers is almost always one number written with a thousands separator.
    static func thousandsProblem(_ tokens: [ScenarioToken], at comma: Int, line: Int) -> ScenarioProblem? {
        guard comma > 0, comma + 1 < tokens.count else { return nil }
        let before = tokens[comma - 1]
        let after = tokens[comma + 1]
        guard before.kind == .word, after.kind == .word, before.endColumn == tokens[comma].column,
            after.column == tokens[comma].endColumn
        else { return nil }
        let digits = before.text.hasPrefix("-") ? before.text.dropFirst() : Substring(before.text)
        func isDigits(_ text: Substring) -> Bool { text.unicodeScalars.allSatisfy { $0 >= "0" && $0 <= "9" } }
        guard (1...3).contains(digits.count), isDigits(digits), after.text.count == 3, isDigits(Substring(after.text))
        else { return nil }
        return ScenarioProblem(
            line: line, column: before.column,
            message: "'\(before.text),\(after.text)' looks like one number with a thousands separator; "
                + "write \(before.text)\(after.text), or put a space after the comma for two answers")
    }

    /// Why a word cannot name a question, variable, stage or outcome, or nil when it can.
    /// `hint` ends the message, to say what was expected in that place.
    static func nameProblem(_ token: ScenarioToken, line: Int, hint: String) -> ScenarioProblem? {
        let text = token.text
        let shown = ScenarioLexer.visible(text)
        if token.kind != .word {
            return ScenarioProblem(line: line, column: token.column, message: "expected a name, found \(token.shown)\(hint)")
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            let allowed = offset == 0 ? Lexer.isIdentifierStart(scalar) : Lexer.isIdentifierContinue(scalar)
            if !allowed {
                let character = scalar.properties.generalCategory == .format ? ScenarioLexer.code(scalar) : "'\(scalar)'"
                var message: String
                if offset == 0 {
                    message = "'\(shown)' is not a name: names start with a letter or '_', not \(character)"
                } else if scalar == ":", offset == text.unicodeScalars.count - 1 {
                    let question = ScenarioLexer.visible(String(text.unicodeScalars.dropLast()))
                    message = "'\(shown)' is not a name: write '=' instead of ':', e.g. \(question) = yes"
                } else {
                    message = "'\(shown)' is not a name: \(character) is not allowed in names, which hold letters, digits and '_'"
                    if let fixed = suggestedName(for: text) { message += "; write \(fixed)" }
                }
                return ScenarioProblem(line: line, column: token.column + offset, message: message + hint)
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
