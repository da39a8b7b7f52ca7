extension Parser {
    static let answerTypes = ["yes/no", "choice", "number", "text", "scale"]

    /// "yes" and "no" in the languages the runner speaks, mistaken for branch words.
    static let nativeYesNo: [String: String] = [
        "có": "yes", "không": "no", "כן": "yes", "לא": "no", "是": "yes", "否": "no", "ใช่": "yes", "ไม่ใช่": "no",
        "ja": "yes", "nein": "no", "oui": "yes", "non": "no", "sí": "yes", "si": "yes",
    ]

    /// `ask id "question" type`, then its `why`, `tip` and branches.
    mutating func parseAsk(_ line: Int, context: StepContext, depth: Int) -> Question? {
        // Noted before the questions nested in its branches, so the list is in source order.
        let slot = context.inFlow ? flowQuestions.count : stageQuestions.count
        if context.inFlow {
            flowQuestions.append(AskedQuestion(question: nil, owner: context.owner))
        } else {
            stageQuestions.append(AskedQuestion(question: nil, owner: context.owner))
        }
        let question = parseQuestion(line, context: context, depth: depth)
        if context.inFlow { flowQuestions[slot].question = question } else { stageQuestions[slot].question = question }
        return question
    }

    private mutating func parseQuestion(_ line: Int, context: StepContext, depth: Int) -> Question? {
        _ = advance()
        guard let name = declaredName("question", after: "'ask'"),
            let text = string("the question", after: "the question's id")
        else {
            position = endIndex
            return nil
        }
        guard let type = parseAnswerType() else {
            position = endIndex
            return nil
        }
        endOfLine(after: "the answer type")
        let askSpan = lineSpan
        var why: Text?
        var tip: Text?
        var branches: [Branch] = []
        branches.reserveCapacity(tree.children(of: line).count)
        func question() -> Question {
            Question(name: name, text: text, type: type, span: askSpan, why: why, tip: tip, branches: branches)
        }
        guard withinDepth(line, depth: depth) else { return question() }
        // Where each label's first branch is: `yes` and `no` in locals (no table to make for a
        // yes/no question), options by text, so that a choice with many options costs one look-up
        // per option.
        var seenYes: Span?
        var seenNo: Span?
        var seenOptions: [String: Span] = [:]
        for child in tree.children(of: line) {
            begin(child)
            let token = peek
            if isKeyword(token, keywords.why) || isKeyword(token, keywords.tip) {
                _ = advance()
                let isWhy = token.symbol == keywords.why
                let word = isWhy ? "why" : "tip"
                if let value = string(isWhy ? "why the question matters" : "the tip", after: "'\(word)'") {
                    if let first = isWhy ? why : tip {
                        diagnostics.append(
                            Diagnostic(
                                .notAllowedHere, "a second '\(word)' for question '\(interner.name(name.symbol))'",
                                at: value.span, label: "second '\(word)'", secondary: [Label(first.span, "first '\(word)'")],
                                help: "a question has one '\(word)'; merge the two into one line"))
                    } else if isWhy {
                        why = value
                    } else {
                        tip = value
                    }
                }
                endOfLine(after: isWhy ? "the reason" : "the tip")
                noChildren(child, under: isWhy ? "'why'" : "'tip'")
                continue
            }
            let label: BranchLabel
            var key: Name?
            if isKeyword(token, keywords.yes) {
                label = .yes
            } else if isKeyword(token, keywords.no) {
                label = .no
            } else if token.kind == .string {
                label = .option(texts[token.textIndex].value)
            } else if token.kind == .identifier, peekNext.kind == .string, !keywords.lineWords.contains(token.symbol) {
                // `key "Text"`: an option with a stable key, which answers and records hold.
                key = optionKey(token)
                label = .option(interner.name(token.symbol))
            } else if token.kind == .identifier, let english = Self.nativeYesNo[interner.name(token.symbol)] {
                let word = interner.name(token.symbol)
                diagnostics.append(
                    Diagnostic(
                        .unknownKeyword, "a branch is written '\(english)', not '\(word)'", at: span(token),
                        label: "write '\(english)' here",
                        help: "the words of the language are English in every playbook; the rep may still answer '\(word)'"))
                continue
            } else {
                unknownKeyword(allowed: ["why", "tip", "yes", "no", "\"an option\""], context: "under a question")
                continue
            }
            let labelSpan = key == nil ? span(token) : Span(file: file, start: token.start, end: peekNext.end)
            guard branchFits(label, question: name, type: type, at: labelSpan) else { continue }
            _ = advance()
            let title = key == nil ? nil : texts[advance().textIndex]
            let first: Span? = switch label {
            case .yes: seenYes
            case .no: seenNo
            case .option(let text): seenOptions[text]
            }
            if let first {
                diagnostics.append(
                    Diagnostic(
                        .duplicateBranch, "the answer \(describe(label)) has two branches", at: labelSpan,
                        label: "second branch", secondary: [Label(first, "first branch")],
                        help: key == nil ? "merge them into one branch" : "give each option its own key"))
            } else {
                switch label {
                case .yes: seenYes = labelSpan
                case .no: seenNo = labelSpan
                case .option(let text): seenOptions[text] = labelSpan
                }
            }
            if let branch = parseBranch(
                child, label: label, at: labelSpan, context: context, depth: depth + 1, key: key, title: title)
            {
                branches.append(branch)
            }
        }
        if branches.contains(where: { $0.keyName != nil }) { sameTexts(branches, of: name) }
        if type == .choice, !branches.contains(where: { $0.optionKey != nil }) {
            diagnostics.append(
                Diagnostic(
                    .misplacedBranch, "choice question '\(interner.name(name.symbol))' has no options", at: askSpan,
                    label: "no options under it",
                    help: "indent the options under the question, one string per line: \"Option\" -> target"))
        }
        return question()
    }

    /// Two options of a question with keys that read the same: the rep could not tell them apart.
    /// (Two without keys have the same label, reported as they are read.)
    private mutating func sameTexts(_ branches: [Branch], of name: Name) {
        var seen: [String: Branch] = [:]
        for branch in branches {
            guard let title = branch.optionTitle else { continue }
            guard let first = seen[title.value] else {
                seen[title.value] = branch
                continue
            }
            guard first.keyName != nil || branch.keyName != nil else { continue }
            diagnostics.append(
                Diagnostic(
                    .duplicateBranch, "two options of question '\(interner.name(name.symbol))' read \"\(title.value)\"",
                    at: branch.span, label: "second option with this text", secondary: [Label(first.span, "first option")],
                    help: "the rep could not tell them apart; reword one"))
        }
    }

    func describe(_ label: BranchLabel) -> String {
        switch label {
        case .yes: "'yes'"
        case .no: "'no'"
        case .option(let text): "\"\(text)\""
        }
    }

    /// Reports a branch that does not suit the question's type.
    private mutating func branchFits(_ label: BranchLabel, question name: Name, type: AnswerType, at span: Span) -> Bool {
        // Spelled out only for a message, not for every branch that fits.
        var word: String { interner.name(name.symbol) }
        switch (label, type) {
        case (.yes, .yesNo), (.no, .yesNo), (.option, .choice):
            return true
        case (.option, .yesNo):
            diagnostics.append(
                Diagnostic(
                    .optionUnderYesNo, "an option under the yes/no question '\(word)'",
                    at: span, label: "a yes/no question has only 'yes' and 'no'",
                    secondary: [Label(name.span, "asked as yes/no here")],
                    help: "write 'yes' or 'no' here, or make the question a 'choice'"))
        case (.yes, .choice), (.no, .choice):
            diagnostics.append(
                Diagnostic(
                    .yesNoUnderChoice, "a '\(label == .yes ? "yes" : "no")' branch under the choice question '\(word)'",
                    at: span, label: "a choice question branches on its options",
                    secondary: [Label(name.span, "asked as a choice here")],
                    help: "write the option as a string, e.g. \"\(label == .yes ? "Yes" : "No")\", or make the question 'yes/no'"))
        default:
            diagnostics.append(
                Diagnostic(
                    .misplacedBranch, "a branch under the \(type.keyword) question '\(word)'",
                    at: span, label: "\(type.keyword) answers have no branches",
                    help: "branch on the answer after the question: if \(word) > 10 -> <target>"))
        }
        return false
    }

    /// What an option says of itself, gathered while its block is read.
    private struct OptionParts {
        var score: (Double, Span)?
        var feedback: Text?
        var best: Span?
    }

    /// The key of an option written `key "Text"`: a name, not a word of the language.
    private mutating func optionKey(_ token: Token) -> Name {
        if keywords.reserved.contains(token.symbol) {
            diagnostics.append(
                Diagnostic(
                    .unexpectedToken, "'\(interner.name(token.symbol))' is a word of the language and cannot be an option's key",
                    at: span(token), label: "reserved word", help: "choose another key"))
        }
        return Name(symbol: token.symbol, span: span(token))
    }

    /// The rest of a branch line (`-> target`, or nothing) and the block under it.
    private mutating func parseBranch(
        _ line: Int, label: BranchLabel, at span: Span, context: StepContext, depth: Int, key: Name?, title: Text?
    ) -> Branch? {
        if accept(.arrow) != nil {
            let target = parseTarget(after: "'->'")
            endOfLine(after: "the target")
            noChildren(line, under: "a branch that jumps", help: "a branch either jumps ('-> target') or has a block, not both")
            return Branch(
                label: label, span: span, target: target, body: [], score: nil, feedback: nil, isBest: false, key: key,
                title: title)
        }
        endOfLine(after: "the answer")
        var body = emptyBlock(under: line)
        var parts = OptionParts()
        let isOption = label.isOption
        if withinDepth(line, depth: depth) {
            let inner = StepContext(inFlow: context.inFlow, owner: context.owner, inOption: isOption)
            for child in tree.children(of: line) {
                begin(child)
                let token = peek
                // `feedback` is kept under `yes` and `no` too, for the checker to warn that practice
                // never shows it there (PB0603); `score` and `best` there are errors of `parseStep`.
                if token.kind == .identifier, token.symbol == keywords.feedback
                    || (isOption && (token.symbol == keywords.score || token.symbol == keywords.best))
                {
                    parseOptionAttribute(child, into: &parts, of: isOption ? "option" : "branch")
                    continue
                }
                parseStep(child, into: &body, context: inner, depth: depth + 1, allowed: isOption ? Self.optionWords : Self.stepWords)
            }
        }
        return Branch(
            label: label, span: span, target: nil, body: body, score: parts.score?.0, feedback: parts.feedback,
            isBest: parts.best != nil, key: key, title: title)
    }

    /// `score +3`, `feedback "..."` or `best` under an option (`feedback` under `yes` or `no`
    /// too); each at most once per `noun`, "option" or "branch".
    private mutating func parseOptionAttribute(_ line: Int, into parts: inout OptionParts, of noun: String) {
        let keyword = advance()
        let word = interner.name(keyword.symbol)
        let first: Span?
        switch keyword.symbol {
        case keywords.score:
            first = parts.score?.1
            let sign: Double = accept(.minus) != nil ? -1 : 1
            if sign > 0 { _ = accept(.plus) }
            guard peek.kind == .number else {
                expected("a number of points", after: "'score'", help: "write: score +2 or score -1")
                return
            }
            if first == nil { parts.score = (sign * advance().number, lineSpan) }
            endOfLine(after: "the points")
        case keywords.feedback:
            first = parts.feedback?.span
            let text = string("the feedback", after: "'feedback'")
            if first == nil { parts.feedback = text }
            endOfLine(after: "the feedback")
        default:
            first = parts.best
            if first == nil { parts.best = lineSpan }
            endOfLine(after: "'best'")
        }
        if let first {
            diagnostics.append(
                Diagnostic(
                    .notAllowedHere, "a second '\(word)' for one \(noun)", at: lineSpan, label: "second '\(word)'",
                    secondary: [Label(first, "first '\(word)'")], help: "\(noun == "option" ? "an option" : "a branch") has at most one '\(word)'; keep one"))
        }
        noChildren(line, under: "'\(word)'")
    }

    /// `yes/no`, `choice`, `number [range]`, `text` or `scale low..high`.
    private mutating func parseAnswerType() -> AnswerType? {
        let token = peek
        guard token.kind == .identifier else {
            let help = "add one of: yes/no, choice, number, text, scale 1..5"
            if token.kind == .endOfLine {
                diagnostics.append(
                    Diagnostic(
                        .missingAnswerType, "the question has no answer type", at: span(token),
                        label: "expected an answer type here", help: help))
            } else {
                expected("an answer type", after: "the question", help: help)
            }
            return nil
        }
        _ = advance()
        switch token.symbol {
        case keywords.yes:
            guard accept(.slash) != nil, acceptKeyword(keywords.no) != nil else {
                diagnostics.append(
                    Diagnostic(.missingAnswerType, "unknown answer type 'yes'", at: span(token), label: "not a type", help: "did you mean 'yes/no'?"))
                return nil
            }
            return .yesNo
        case keywords.choice: return .choice
        case keywords.text: return .text
        case keywords.number:
            guard peek.kind != .endOfLine else { return .number(nil) }
            return parseRange(for: "number", requireHigh: false).map { .number($0) }
        case keywords.scale:
            guard let range = parseRange(for: "scale", requireHigh: true) else { return nil }
            return .scale(range)
        default:
            let word = interner.name(token.symbol)
            diagnostics.append(
                Diagnostic(
                    .missingAnswerType, "unknown answer type '\(word)'", at: span(token), label: "not an answer type",
                    notes: ["the answer types are yes/no, choice, number, text and scale"],
                    help: Suggestion.didYouMean(word, among: Self.answerTypes)))
            return nil
        }
    }

    /// `1..100`, `0..`, `-5..5`.
    private mutating func parseRange(for type: String, requireHigh: Bool) -> NumberRange? {
        let start = peek
        let example = requireHigh ? "scale 1..5" : "number 0..100 or number 1.."
        func bound() -> Double? {
            let sign: Double = accept(.minus) != nil ? -1 : 1
            return peek.kind == .number ? sign * advance().number : nil
        }
        guard let low = bound(), accept(.dotDot) != nil else {
            badRange(
                "expected a range after '\(type)'", at: span(start), label: "not a range", help: "write a range like \(example)")
            return nil
        }
        let high = peek.kind == .endOfLine ? nil : bound()
        let whole = Span(file: file, start: start.start, end: tokens[max(0, position - 1)].end)
        if high == nil, requireHigh || peek.kind != .endOfLine {
            badRange(
                requireHigh ? "a scale needs both ends" : "expected a number after '..'", at: whole,
                label: "incomplete range", help: "write a range like \(example)")
            return nil
        }
        if let high, high < low {
            badRange("the range \(format(low))..\(format(high)) is empty", at: whole, label: "the low end is above the high end",
                help: "write the low end first: \(format(high))..\(format(low))")
            return nil
        }
        if requireHigh, let high, low.rounded() != low || high.rounded() != high || high - low > 100 || high == low {
            badRange(
                "a scale runs between two whole numbers at most 100 apart", at: whole, label: "not a usable scale",
                help: "use a scale like 1..5 or 0..10, or a 'number' question for other figures")
            return nil
        }
        return NumberRange(low: low, high: high)
    }

    private mutating func badRange(_ message: String, at span: Span, label: String, help: String) {
        diagnostics.append(Diagnostic(.badRange, message, at: span, label: label, help: help))
        position = endIndex
    }
}

/// A number as the language writes it: `3`, `2.5`, `-1`.
func format(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
}
