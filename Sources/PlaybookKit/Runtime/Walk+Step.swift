extension Walk {
    /// Runs the step at the walk's place; returns what it shows, or nil for a step that shows
    /// nothing (`set`, a jump, a call).
    mutating func runStep() throws(RuntimeFault) -> WalkEvent? {
        guard let block = program.block(of: state.place), let index = state.place.path.last else {
            throw RuntimeFault(message: "the walk lost its place in the playbook", path: "", line: 0)
        }
        guard index < block.count else {
            try finishBlock()
            return nil
        }
        switch block[index] {
        case .ask(let question):
            state.phase = .asking(question)
            return .question(question)
        case .say(let text, _):
            state.place = state.place.advanced
            return .say(try render(text))
        case .buyer(let lines, _):
            state.place = state.place.advanced
            // The persona's own lines when it has some here, else the lines any buyer may say.
            let own = persona.map { persona in lines.filter { $0.persona?.symbol == persona } } ?? []
            let candidates = own.isEmpty ? lines.filter { $0.persona == nil } : own
            guard !candidates.isEmpty else { return nil }
            return .buyer(try render(candidates[state.random.below(candidates.count)].text))
        case .set(let assignment):
            try assign(assignment)
            state.place = state.place.advanced
        case .jumpIf(let condition, let target, let span):
            let taken = try truth(condition)
            if tracing { trace.append(.condition(file: span.file, start: span.start, taken: taken)) }
            if taken {
                try jump(to: target, at: span)
            } else {
                state.place = state.place.advanced
            }
        case .ifBlock(let condition, let then, let otherwise, let span):
            let taken = try truth(condition)
            if tracing { trace.append(.condition(file: span.file, start: span.start, taken: taken)) }
            // Into the block of the side taken (0: the `if` block, 1: the `else` block), as into a branch.
            if !(taken ? then : otherwise ?? []).isEmpty {
                state.place.path += [taken ? 0 : 1, 0]
            } else {
                state.place = state.place.advanced
            }
        case .jump(let target, let span):
            try jump(to: target, at: span)
        case .call(let name, let span):
            guard let flow = program.flowIndex[name.symbol] else { throw fault("no flow '\(program.name(name.symbol))'", at: span) }
            guard state.calls.count < Self.callDepthLimit else {
                throw fault("flows called each other \(Self.callDepthLimit) times without returning", at: span)
            }
            state.calls.append(state.place)
            state.place = Place(container: -1 - flow, path: [0])
        case .return(let span):
            guard let caller = state.calls.last else { throw fault("'return' outside a flow", at: span) }
            dropCalls(to: state.calls.count - 1)
            state.place = caller.advanced
        case .end(let ending, _):
            try finish(ending)
        }
        return nil
    }

    /// At the end of a block: a branch continues after its question, a stage leaves for the next.
    private mutating func finishBlock() throws(RuntimeFault) {
        if state.place.path.count > 1 {
            state.place.path.removeLast(2)
            state.place = state.place.advanced
        } else if state.place.container >= 0 {
            try leave(for: state.stage + 1, at: nil)
        } else {
            throw RuntimeFault(message: "the flow ran past its last step without 'return'", path: "", line: 0)
        }
    }

    mutating func jump(to target: Target, at span: Span) throws(RuntimeFault) {
        switch target {
        case .end(let ending):
            try finish(ending)
        case .next:
            try leave(for: state.stage + 1, at: span)
        case .named(let name):
            if let stage = program.stageIndex[name.symbol] {
                if stage == state.stage, state.calls.isEmpty {
                    state.phase = .entering(stage)
                } else {
                    try leave(for: stage, at: span)
                }
            } else if let place = program.questionPlaces[name.symbol] {
                state.place = place
            } else {
                throw fault("no stage or question '\(program.name(name.symbol))'", at: span)
            }
        }
    }

    /// Leaving the current stage checks its exit criteria, in order.
    private mutating func leave(for stage: Int, at span: Span?) throws(RuntimeFault) {
        guard stage < program.stages.count else {
            throw fault("the walk ran past the last stage without an outcome", at: span ?? program.stages[state.stage].span)
        }
        for (index, criterion) in program.stages[state.stage].exits.enumerated() {
            let holds = try truth(criterion.condition)
            if tracing { trace.append(.exit(stage: state.stage, criterion: index, holds: holds)) }
            if holds { continue }
            let message = try criterion.message.map(render) ?? sourceText(criterion.condition.span)
            state.phase = .blocked(stage: state.stage, message: message)
            return
        }
        dropCalls(to: 0)
        state.phase = .leaving(from: state.stage, to: stage)
    }

    private mutating func finish(_ ending: Ending) throws(RuntimeFault) {
        let reason = try ending.reason.map(render)
        state.phase = .ended(
            Outcome(name: program.name(ending.outcome.symbol), reason: reason, score: state.score, byRep: false))
    }

    private mutating func assign(_ assignment: Assignment) throws(RuntimeFault) {
        let value = try evaluate(assignment.value)
        let symbol = assignment.name.symbol
        let isScore = symbol == program.scoreSymbol
        if assignment.op == .assign {
            guard isScore else {
                write(value, to: symbol)
                return
            }
            guard case .number(let number) = value else { throw fault("the score must be a number", at: assignment.span) }
            state.score = number
            return
        }
        let current = isScore ? Value.number(state.score) : state.values[symbol]
        guard case .number(let left)? = current, case .number(let right) = value else {
            throw fault("'\(program.name(symbol))' \(assignment.op.rawValue) needs numbers", at: assignment.span)
        }
        let result = assignment.op == .add ? left + right : left - right
        if isScore { state.score = result } else { write(.number(result), to: symbol) }
    }

    func truth(_ condition: Expr) throws(RuntimeFault) -> Bool {
        guard case .bool(let flag) = try evaluate(condition) else {
            throw fault("the condition is not yes or no", at: condition.span)
        }
        return flag
    }

    func evaluate(_ expr: Expr) throws(RuntimeFault) -> Value {
        switch expr {
        case .number(let number, _): return .number(number)
        case .bool(let flag, _): return .bool(flag)
        case .text(let text): return .text(try render(text))
        case .invalid(let span): throw fault("this part of the playbook did not parse", at: span)
        case .name(let name):
            if name.symbol == program.scoreSymbol { return .number(state.score) }
            guard let value = state.values[name.symbol] else {
                throw fault("'\(program.name(name.symbol))' has no value yet", at: name.span)
            }
            return value
        case .unary(let op, let operand, let span):
            switch (op, try evaluate(operand)) {
            case (.not, .bool(let flag)): return .bool(!flag)
            case (.negate, .number(let number)): return .number(-number)
            default: throw fault("'\(op.rawValue)' does not apply to this value", at: span)
            }
        case .binary(let op, let left, let right, let span):
            return try binary(op, left, right, span)
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, _ span: Span) throws(RuntimeFault) -> Value {
        if op.isLogical {
            let first = try truth(left)
            if op == .and ? !first : first { return .bool(first) }
            return .bool(try truth(right))
        }
        let (a, b) = (try evaluate(left), try evaluate(right))
        if op.isEquality { return .bool((a == b) == (op == .equal)) }
        if case .text(let x) = a, case .text(let y) = b, op == .add { return .text(x + y) }
        guard case .number(let x) = a, case .number(let y) = b else {
            throw fault("'\(op.rawValue)' needs numbers", at: span)
        }
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply: return .number(x * y)
        case .divide:
            guard y != 0 else {
                throw fault("division by zero: \(sourceText(right.span)) is 0 in \(sourceText(span))", at: span)
            }
            return .number(x / y)
        case .less: return .bool(x < y)
        case .lessOrEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterOrEqual: return .bool(x >= y)
        case .equal, .notEqual, .and, .or: return .bool(false)
        }
    }

    func fault(_ message: String, at span: Span) -> RuntimeFault {
        RuntimeFault(message: message, path: program.path(of: span), line: program.line(of: span))
    }

    /// The playbook's own words for a span, for messages.
    func sourceText(_ span: Span) -> String {
        guard program.sources.indices.contains(Int(span.file)) else { return "" }
        return program.sources[Int(span.file)].text(Int(span.start)..<Int(span.end))
    }
}
