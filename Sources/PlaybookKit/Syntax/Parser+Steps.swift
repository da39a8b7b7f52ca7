/// Where a step stands: what it may contain depends on it.
struct StepContext {
    var inFlow: Bool
    /// Index of the stage or flow (in the file being parsed) that the step is in.
    var owner: Int
    /// In the block of a choice option, where `score`, `feedback` and `best` are allowed.
    var inOption: Bool
}

extension Parser {
    static let stepWords = ["ask", "say", "buyer", "set", "if", "else", "->", "call", "return", "end"]
    static let stageWords = ["goal", "tip", "exit"] + stepWords
    static let optionWords = ["score", "feedback", "best"] + stepWords

    /// Parses the step on `line` (and the block under it) onto the end of `body`. An `else` line
    /// gives its block to the `if` just before it.
    mutating func parseStep(_ line: Int, into body: inout [Step], context: StepContext, depth: Int, allowed: [String]) {
        begin(line)
        if peek.kind == .identifier, peek.symbol == keywords.else {
            parseElse(line, into: &body, context: context, depth: depth)
        } else if let step = parseStep(line, context: context, depth: depth, allowed: allowed) {
            body.append(step)
        }
    }

    /// Parses the step on `line` (and the block under it).
    private mutating func parseStep(_ line: Int, context: StepContext, depth: Int, allowed: [String]) -> Step? {
        begin(line)
        let token = peek
        let start = span(token)
        if token.kind == .arrow {
            _ = advance()
            let target = parseTarget(after: "'->'")
            endOfLine(after: "the target")
            noChildren(line, under: "'->'")
            return target.map { .jump($0, lineSpan) }
        }
        if token.kind == .string {
            diagnostics.append(
                Diagnostic(
                    .notAllowedHere, "a string on its own is not a step", at: start, label: "not under a question",
                    help: "to have the rep say it, write: say \"...\"; to offer it as an answer, indent it under a choice question"))
            return nil
        }
        guard token.kind == .identifier else {
            unknownKeyword(allowed: allowed, context: context.inFlow ? "in a flow" : "in a stage")
            return nil
        }
        switch token.symbol {
        case keywords.ask:
            return parseAsk(line, context: context, depth: depth).map { .ask($0) }
        case keywords.say:
            _ = advance()
            let text = string("what to say", after: "'say'")
            endOfLine(after: "the line to say")
            noChildren(line, under: "'say'")
            return text.map { .say($0, lineSpan) }
        case keywords.buyer:
            return parseBuyer(line)
        case keywords.set:
            return parseSet(line)
        case keywords.if:
            return parseIf(line, context: context, depth: depth)
        case keywords.call:
            _ = advance()
            guard peek.kind == .identifier else {
                expected("the name of a flow", after: "'call'")
                return nil
            }
            let name = advance()
            endOfLine(after: "the flow's name")
            noChildren(line, under: "'call'")
            return .call(Name(symbol: name.symbol, span: span(name)), lineSpan)
        case keywords.return:
            _ = advance()
            endOfLine(after: "'return'")
            noChildren(line, under: "'return'")
            guard context.inFlow else {
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere, "'return' outside a flow", at: start, label: "in a stage",
                        help: "'return' leaves a flow; in a stage use '-> next' or 'end <outcome>'"))
                return nil
            }
            return .return(lineSpan)
        case keywords.end:
            _ = advance()
            let ending = parseEnding(start: start)
            endOfLine(after: "the outcome")
            noChildren(line, under: "'end'")
            return ending.map { .end($0, lineSpan) }
        default:
            let word = interner.name(token.symbol)
            if ["goal", "tip", "exit"].contains(word) {
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere, "'\(word)' belongs directly under a stage", at: start, label: "not allowed here",
                        help: word == "tip" ? "a question's tip goes directly under the question" : "move it under the 'stage' line"))
            } else if ["score", "feedback", "best"].contains(word) {
                _ = advance()
                let negative = accept(.minus) != nil
                if !negative { _ = accept(.plus) }
                let points = peek.kind == .number ? String(decoding: bytes[peek.start..<peek.end], as: UTF8.self) : "1"
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere, "'\(word)' belongs under an option of a choice question", at: start,
                        label: "not under an option",
                        help: word == "score"
                            ? "to change the score here, write: set score \(negative ? "-=" : "+=") \(points)"
                            : "indent it under the option it describes"))
                position = endIndex
            } else if ["persona", "role", "context"].contains(word) {
                let isPersona = word == "persona"
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere,
                        isPersona
                            ? "a persona is declared at the top level, not \(context.inFlow ? "in a flow" : "in a stage")"
                            : "'\(word)' belongs under a 'persona' line",
                        at: start, label: "not allowed here",
                        help: isPersona
                            ? "start the 'persona' line at the beginning of the line, with no indentation"
                            : "personas are declared at the top level: persona dana \"Dana Levi\", with '\(word)' indented under it"))
            } else if ["why", "yes", "no"].contains(word) {
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere, "'\(word)' belongs directly under a question", at: start,
                        label: "not under a question", help: "indent it under the 'ask' line it belongs to"))
            } else {
                unknownKeyword(allowed: allowed, context: context.inFlow ? "in a flow" : "in a stage")
            }
            return nil
        }
    }

    /// `if CONDITION -> target`, or `if CONDITION` with the steps to run when it holds indented under it.
    private mutating func parseIf(_ line: Int, context: StepContext, depth: Int) -> Step? {
        _ = advance()
        let condition = parseExpression()
        if accept(.arrow) != nil {
            let target = parseTarget(after: "'->'")
            endOfLine(after: "the target")
            noChildren(line, under: "an 'if' that jumps", help: "an 'if' either jumps ('-> target') or has a block, not both")
            return target.map { .jumpIf(condition, $0, lineSpan) }
        }
        let children = tree.children(of: line)
        guard peek.kind == .endOfLine, children.contains(where: { _ in true }) else {
            // A condition that did not parse was reported, and took the rest of the line.
            if case .invalid = condition, peek.kind == .endOfLine { return nil }
            expected(
                "'->' or an indented block", after: "the condition",
                help: "write: if <condition> -> <target>, or indent the steps to run when it holds under the 'if' line")
            return nil
        }
        let span = lineSpan
        return .ifBlock(condition, parseBlock(under: line, context: context, depth: depth), nil, span)
    }

    /// The steps indented under `line` (an `if` or `else` line).
    private mutating func parseBlock(under line: Int, context: StepContext, depth: Int) -> [Step] {
        var body = emptyBlock(under: line)
        guard withinDepth(line, depth: depth) else { return body }
        let inner = StepContext(inFlow: context.inFlow, owner: context.owner, inOption: false)
        for child in tree.children(of: line) {
            parseStep(child, into: &body, context: inner, depth: depth + 1, allowed: Self.stepWords)
        }
        return body
    }

    /// `else` and its block, after the block of an `if`: the steps to run when the condition does
    /// not hold. `else if CONDITION` is an `else` whose block is that one `if`; a later `else`
    /// goes on the chain's last `if`.
    private mutating func parseElse(_ line: Int, into body: inout [Step], context: StepContext, depth: Int) {
        let start = span(advance())
        guard let last = body.last, isOpen(last) else {
            let help: String
            switch body.last {
            case .jumpIf?: help = "an 'if' that jumps needs no 'else': the steps after it run when its condition does not hold"
            case .ifBlock?: help = "an 'if' has one 'else'; for another condition, write 'else if <condition>' before the last 'else'"
            default: help = "'else' goes right after the block of an 'if <condition>' line, at the same indentation"
            }
            diagnostics.append(
                Diagnostic(.notAllowedHere, "'else' without an 'if' block just before it", at: start, label: "no 'if' to go with", help: help))
            _ = parseBlock(under: line, context: context, depth: depth)
            return
        }
        // The rest of a chain cut at `maximumElseIfDepth` was reported with its first line too deep.
        if cutChains.contains(last.span.start) { return }
        let otherwise: [Step]
        if peek.kind == .identifier, peek.symbol == keywords.if {
            // Each `else if` nests its `if` in the `else` of the one before, and every later phase
            // walks that nesting: the chains around this one count too.
            let nesting = elseIfDepth + chainLength(last) + 1
            guard nesting <= maximumElseIfDepth else {
                cutChains.insert(last.span.start)
                diagnostics.append(
                    Diagnostic(
                        .nestedTooDeeply, "'else if' is nested more than \(maximumElseIfDepth) deep", at: lineSpan,
                        label: "too deep to read",
                        notes: ["each 'else if' is an 'if' inside the 'else' before it; with those of the chains around it, this one would be \(nesting) deep"],
                        help: "move part of the chain into a flow and 'call' it, or branch on the options of a choice question"))
                return
            }
            let outer = elseIfDepth
            elseIfDepth = nesting
            defer { elseIfDepth = outer }
            guard let inner = parseIf(line, context: context, depth: depth) else { return }
            elseIfs.insert(inner.span.start)
            otherwise = [inner]
        } else {
            if peek.kind != .endOfLine {
                expected("the end of the line", after: "'else'", help: "'else' takes no condition ('else if <condition>' does); indent its steps under it")
                position = endIndex
            }
            guard tree.children(of: line).contains(where: { _ in true }) else {
                diagnostics.append(
                    Diagnostic(
                        .unexpectedToken, "'else' without a block", at: start, label: "nothing to do otherwise",
                        help: "indent the steps to run when the condition does not hold under 'else', or remove it"))
                return
            }
            // The block goes in the `else` of the chain's last `if`.
            let outer = elseIfDepth
            elseIfDepth += chainLength(last)
            defer { elseIfDepth = outer }
            otherwise = parseBlock(under: line, context: context, depth: depth)
        }
        body[body.count - 1] = attach(otherwise, to: last)
    }

    /// The `else if`s already in the chain that starts with `step`.
    private func chainLength(_ step: Step) -> Int {
        var count = 0
        var current = step
        while case .ifBlock(_, _, let otherwise?, _) = current, otherwise.count == 1, let inner = otherwise.first,
            elseIfs.contains(inner.span.start)
        {
            count += 1
            current = inner
        }
        return count
    }

    /// Whether an `else` may follow the step: an `if` block without one, or an `else if` chain
    /// whose last `if` has none.
    private func isOpen(_ step: Step) -> Bool {
        guard case .ifBlock(_, _, let otherwise, _) = step else { return false }
        guard let otherwise else { return true }
        guard otherwise.count == 1, let inner = otherwise.first, elseIfs.contains(inner.span.start) else { return false }
        return isOpen(inner)
    }

    /// The `if` (or `else if` chain) with `otherwise` as the `else` of its last `if`.
    private func attach(_ otherwise: [Step], to step: Step) -> Step {
        guard case .ifBlock(let condition, let then, let current, let span) = step else { return step }
        guard let inner = current?.first else { return .ifBlock(condition, then, otherwise, span) }
        return .ifBlock(condition, then, [attach(otherwise, to: inner)], span)
    }

    /// `end outcome "reason"`, after `end`.
    mutating func parseEnding(start: Span) -> Ending? {
        guard peek.kind == .identifier else {
            expected("an outcome", after: "'end'", help: "write: end <outcome> \"why\", e.g. end won \"Contract signed\"")
            return nil
        }
        let outcome = advance()
        let reason = peek.kind == .string ? texts[advance().textIndex] : nil
        let last = reason?.span ?? span(outcome)
        return Ending(outcome: Name(symbol: outcome.symbol, span: span(outcome)), reason: reason, span: start.to(last))
    }

    /// A target after `->`: a stage or question id, `next`, or `end outcome "reason"`.
    mutating func parseTarget(after context: String) -> Target? {
        let token = peek
        guard token.kind == .identifier else {
            expected("a stage, a question, 'next' or 'end'", after: context)
            return nil
        }
        _ = advance()
        if token.symbol == keywords.next { return .next(span(token)) }
        if token.symbol == keywords.end { return parseEnding(start: span(token)).map { .end($0) } }
        return .named(Name(symbol: token.symbol, span: span(token)))
    }

    private mutating func parseBuyer(_ line: Int) -> Step? {
        _ = advance()
        var lines: [BuyerLine] = []
        // `buyer "..."`, or `buyer dana "..."` for a line of the persona's own.
        if peek.kind == .string || (peek.kind == .identifier && peekNext.kind == .string) {
            let persona = peek.kind == .identifier ? advance() : nil
            lines.append(BuyerLine(text: texts[advance().textIndex], persona: persona.map { Name(symbol: $0.symbol, span: self.span($0)) }))
            endOfLine(after: "the buyer's line")
            noChildren(line, under: "a one-line 'buyer'", help: "for alternatives, put each line on its own, indented under 'buyer'")
            return .buyer(lines, lineSpan)
        }
        endOfLine(after: "'buyer'")
        let span = lineSpan
        var hasChildren = false
        for child in tree.children(of: line) {
            begin(child)
            hasChildren = true
            // `dana "..."`: a line of the persona `dana`'s own.
            var persona: Name?
            if peek.kind == .identifier {
                let id = advance()
                persona = Name(symbol: id.symbol, span: self.span(id))
            }
            let what = persona.map { "what '\(interner.name($0.symbol))' might say" } ?? "one thing the buyer might say"
            if let text = string(what, after: persona == nil ? "'buyer'" : "the persona's id") {
                lines.append(BuyerLine(text: text, persona: persona))
            }
            endOfLine(after: "the buyer's line")
            noChildren(child, under: "a buyer's line")
        }
        guard !lines.isEmpty else {
            // The lines under `buyer` were there, and each was reported as it was read.
            if hasChildren { return nil }
            diagnostics.append(
                Diagnostic(
                    .unexpectedToken, "'buyer' without a line", at: span, label: "nothing for the buyer to say",
                    help: "write: buyer \"...\", or indent several lines under 'buyer' to pick one at random"))
            return nil
        }
        return .buyer(lines, span)
    }

    private mutating func parseSet(_ line: Int) -> Step? {
        _ = advance()
        guard peek.kind == .identifier else {
            expected("a variable's name", after: "'set'")
            return nil
        }
        let nameToken = advance()
        let name = Name(symbol: nameToken.symbol, span: span(nameToken))
        if keywords.reserved.contains(nameToken.symbol), nameToken.symbol != keywords.score {
            diagnostics.append(
                Diagnostic(
                    .unexpectedToken, "'\(interner.name(nameToken.symbol))' is a word of the language and cannot be set",
                    at: name.span, label: "reserved word", help: "choose another name"))
        }
        let op: AssignmentOperator
        switch peek.kind {
        case .assign: op = .assign
        case .plusAssign: op = .add
        case .minusAssign: op = .subtract
        default:
            expected("'=', '+=' or '-='", after: "the variable's name")
            return nil
        }
        _ = advance()
        let value = parseExpression()
        endOfLine(after: "the value")
        noChildren(line, under: "'set'")
        return .set(Assignment(name: name, op: op, value: value, span: lineSpan))
    }
}
