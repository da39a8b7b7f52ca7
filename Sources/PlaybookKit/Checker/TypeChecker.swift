/// Gives every expression a type and reports unknown names, mixed types, arithmetic on text,
/// conditions that are not yes/no and comparisons with strings that are not options.
struct TypeChecker {
    let table: SymbolTable
    let interner: Interner
    let score: Symbol
    var diagnostics: [Diagnostic] = []
    /// The type of each variable, from its first `set` in source order.
    private(set) var variables = SymbolMap<(type: ValueType, span: Span)>()
    private var reporting = false
    private var suggestionsLeft = Suggestion.searchesPerCheck
    /// Set during learning when a `set` had a value of unknown type.
    private var unresolved = false

    init(table: SymbolTable, interner: Interner, score: Symbol) {
        self.table = table
        self.interner = interner
        self.score = score
    }

    mutating func check() {
        // Learn the variables' types first (a variable may be read above its first `set`),
        // then check everything with them.
        var learning = true
        while learning {
            let known = variables.count
            unresolved = false
            walk(.learn)
            // Another pass only helps when a `set` read a variable learned later in this pass.
            learning = unresolved && variables.count != known
        }
        reporting = true
        for stage in table.stages {
            if let goal = stage.goal { interpolations(goal) }
            stage.tips.forEach { interpolations($0) }
            for exit in stage.exits {
                condition(exit.condition, what: "the exit criterion")
                if let message = exit.message { interpolations(message) }
            }
        }
        walk(.check)
    }

    private enum Pass { case learn, check }

    /// Visits every step in source order: the stages, then the flows.
    private mutating func walk(_ pass: Pass) {
        for stage in table.stages { walk(stage.body, pass) }
        for flow in table.flows { walk(flow.body, pass) }
    }

    private mutating func walk(_ steps: [Step], _ pass: Pass) {
        for step in steps {
            switch pass {
            case .learn: learn(step)
            case .check: check(step)
            }
            step.forEachBlock { walk($0, pass) }
        }
    }

    private mutating func learn(_ step: Step) {
        guard case .set(let assignment) = step, variables[assignment.name.symbol] == nil,
            table.questions[assignment.name.symbol] == nil, assignment.name.symbol != score
        else { return }
        let type = assignment.op == .assign ? type(of: assignment.value) : .number
        if type != .unknown {
            variables[assignment.name.symbol] = (type, assignment.name.span)
        } else {
            unresolved = true
        }
    }

    private mutating func check(_ step: Step) {
        switch step {
        case .ask(let question):
            interpolations(question.text)
            if let why = question.why { interpolations(why) }
            if let tip = question.tip { interpolations(tip) }
            for branch in question.branches {
                if let feedback = branch.feedback { interpolations(feedback) }
            }
        case .say(let text, _): interpolations(text)
        case .buyer(let lines, _):
            for line in lines {
                interpolations(line.text)
                if let persona = line.persona, table.personaIndex[persona.symbol] == nil { unknownPersona(persona) }
            }
        case .set(let assignment): check(assignment)
        case .jumpIf(let expr, _, _), .ifBlock(let expr, _, _, _): condition(expr, what: "the condition of 'if'")
        case .end(let ending, _): if let reason = ending.reason { interpolations(reason) }
        case .jump(.end(let ending), _): if let reason = ending.reason { interpolations(reason) }
        case .jump, .call, .return: break
        }
        if case .jumpIf(_, .end(let ending), _) = step, let reason = ending.reason { interpolations(reason) }
        if case .ask(let question) = step {
            for branch in question.branches {
                if case .end(let ending)? = branch.target, let reason = ending.reason { interpolations(reason) }
            }
        }
    }

    private mutating func check(_ assignment: Assignment) {
        let symbol = assignment.name.symbol
        // Spelled out only for a message, not for every `set`.
        var word: String { interner.name(symbol) }
        if let info = table.questions[symbol] {
            diagnostics.append(
                Diagnostic(
                    .assignToAnswer, "cannot set '\(word)': it is the answer to a question", at: assignment.name.span,
                    label: "a question's answer", secondary: [Label(info.name.span, "asked here")],
                    help: "use a variable of another name, e.g. set \(word)_adjusted = \(word)"))
            _ = type(of: assignment.value)
            return
        }
        let value = type(of: assignment.value)
        if assignment.op != .assign {
            if symbol != score, variables[symbol] == nil {
                unknownName(assignment.name)
            }
            arithmetic(value, assignment.value, what: "'\(assignment.op.rawValue)'")
            if let declared = variables[symbol], !declared.type.matches(.number) {
                conflicting(assignment, declared: declared, new: .number)
            }
            return
        }
        if symbol == score {
            arithmetic(value, assignment.value, what: "the score")
            return
        }
        if let declared = variables[symbol], !declared.type.matches(value) {
            conflicting(assignment, declared: declared, new: value)
        }
    }

    private mutating func conflicting(_ assignment: Assignment, declared: (type: ValueType, span: Span), new: ValueType) {
        let word = interner.name(assignment.name.symbol)
        diagnostics.append(
            Diagnostic(
                .conflictingTypes, "'\(word)' holds \(declared.type.described) but is set to \(new.described) here",
                at: assignment.value.span, label: "\(new.described)",
                secondary: [Label(declared.span, "first set to \(declared.type.described) here")],
                help: "a variable keeps one type; use another name for this value"))
    }

    /// Reports a condition that is not yes/no.
    private mutating func condition(_ expr: Expr, what: @autoclosure () -> String) {
        let type = type(of: expr)
        guard !type.matches(.yesNo) else { return }
        diagnostics.append(
            Diagnostic(
                .conditionNotYesNo, "\(what()) is \(type.described), not yes/no", at: expr.span, label: type.described,
                help: type == .number
                    ? "compare it with a number, e.g. \(excerpt(expr)) >= 3" : "compare it, e.g. \(excerpt(expr)) == \"...\""))
    }

    private func excerpt(_ expr: Expr) -> String {
        if case .name(let name) = expr { return interner.name(name.symbol) }
        return "(...)"
    }

    private mutating func arithmetic(_ type: ValueType, _ expr: Expr, what: @autoclosure () -> String) {
        guard reporting, !type.matches(.number) else { return }
        diagnostics.append(
            Diagnostic(
                .arithmeticOnNonNumber, "arithmetic on \(type.described): \(what()) needs a number", at: expr.span,
                label: type.described, help: type == .yesNo ? "use 'and', 'or' and 'not' with yes/no values" : "only numbers can be added, subtracted, multiplied or divided"))
    }

    mutating func interpolations(_ text: Text) {
        guard !text.interpolations.isEmpty else { return }
        for name in text.interpolations { _ = type(of: .name(name)) }
    }

    private mutating func unknownPersona(_ name: Name) {
        let word = interner.name(name.symbol)
        let known = table.personas.map { interner.name($0.name.symbol) }
        diagnostics.append(
            Diagnostic(
                .unknownName, "there is no persona '\(word)'", at: name.span, label: "unknown persona",
                notes: known.isEmpty ? ["this playbook declares no personas; one is declared with: persona \(word) \"Name\""] : [],
                help: Suggestion.didYouMean(word, among: known)
                    ?? "a buyer's line may start with the id of a declared persona; without one, any buyer may say it"))
    }

    private mutating func unknownName(_ name: Name) {
        guard reporting else { return }
        let word = interner.name(name.symbol)
        var suggestion: String?
        if suggestionsLeft > 0 {
            suggestionsLeft -= 1
            let candidates = table.questions.keys.map(interner.name) + variables.keys.map(interner.name) + ["score"]
            suggestion = Suggestion.didYouMean(word, among: candidates)
        }
        diagnostics.append(
            Diagnostic(
                .unknownName, "there is no question or variable '\(word)'", at: name.span, label: "unknown name",
                help: suggestion ?? "ask it with 'ask \(word) ...' or give it a value with 'set \(word) = ...'"))
    }

    /// The type of `expr`, reporting its errors when `reporting`.
    mutating func type(of expr: Expr) -> ValueType {
        switch expr {
        case .number: return .number
        case .text: return .text
        case .bool: return .yesNo
        case .invalid: return .unknown
        case .name(let name):
            if name.symbol == score { return .number }
            if let info = table.questions[name.symbol] { return ValueType(info.type, question: name.symbol) }
            if let variable = variables[name.symbol] { return variable.type }
            unknownName(name)
            return .unknown
        case .unary(let op, let operand, _):
            let type = type(of: operand)
            if op == .negate {
                arithmetic(type, operand, what: "'-'")
                return .number
            }
            logical(type, operand, what: "'not'")
            return .yesNo
        case .binary(let op, let left, let right, _):
            let leftType = type(of: left)
            let rightType = type(of: right)
            if op.isArithmetic {
                arithmetic(leftType, left, what: "'\(op.rawValue)'")
                arithmetic(rightType, right, what: "'\(op.rawValue)'")
                return .number
            }
            if op.isLogical {
                logical(leftType, left, what: "'\(op.rawValue)'")
                logical(rightType, right, what: "'\(op.rawValue)'")
                return .yesNo
            }
            compare(op, left, leftType, right, rightType)
            return .yesNo
        }
    }

    private mutating func logical(_ type: ValueType, _ expr: Expr, what: @autoclosure () -> String) {
        guard reporting, !type.matches(.yesNo) else { return }
        diagnostics.append(
            Diagnostic(
                .conditionNotYesNo, "\(what()) needs yes/no, but this is \(type.described)", at: expr.span,
                label: type.described, help: "compare it first, e.g. \(excerpt(expr)) >= 3"))
    }

    private mutating func compare(_ op: BinaryOperator, _ left: Expr, _ leftType: ValueType, _ right: Expr, _ rightType: ValueType) {
        guard reporting else { return }
        if !leftType.matches(rightType) {
            diagnostics.append(
                Diagnostic(
                    .mismatchedComparison, "cannot compare \(leftType.described) with \(rightType.described)",
                    at: left.span.to(right.span), label: "\(leftType.described) compared with \(rightType.described)",
                    help: leftType == .yesNo || rightType == .yesNo
                        ? "a yes/no answer compares with yes or no, e.g. \(excerpt(left)) == yes" : "compare values of the same type"))
            return
        }
        if op.isOrdering, leftType != .unknown, rightType != .unknown, !leftType.matches(.number) {
            diagnostics.append(
                Diagnostic(
                    .mismatchedComparison, "'\(op.rawValue)' compares numbers, not \(leftType.described)",
                    at: left.span.to(right.span), label: "\(leftType.described) values have no order",
                    help: "use '==' or '!='"))
            return
        }
        checkOption(left, against: rightType)
        checkOption(right, against: leftType)
    }

    /// A string compared with a choice answer must be one of its options.
    private mutating func checkOption(_ side: Expr, against other: ValueType) {
        guard case .text(let literal) = side, case .choice(let question) = other,
            let info = table.questions[question]
        else { return }
        let options = info.options
        guard !options.contains(literal.value) else { return }
        if let key = info.keysByTitle[literal.value] {
            diagnostics.append(
                Diagnostic(
                    .notAnOption, "\"\(literal.value)\" is the text of an option of '\(interner.name(question))', not its key",
                    at: literal.span, label: "never equal: the answer holds the key", secondary: [Label(info.name.span, "the question")],
                    notes: ["an option written `key \"Text\"` answers with its key, so that rewording it changes nothing"],
                    help: Suggestion.didYouMeanText(key)))
            return
        }
        diagnostics.append(
            Diagnostic(
                .notAnOption, "\"\(literal.value)\" is not an option of '\(interner.name(question))'", at: literal.span,
                label: "never equal", secondary: [Label(info.name.span, "the question")],
                notes: ["the options are: " + options.map { "\"\($0)\"" }.joined(separator: ", ")],
                help: Suggestion.nearest(to: literal.value, among: options).map { Suggestion.didYouMeanText($0) }))
    }
}
