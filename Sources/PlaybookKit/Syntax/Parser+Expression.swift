extension Parser {
    /// An expression: `or` binds loosest, then `and`, `not`, comparisons, `+ -`, `* /`, unary `-`.
    mutating func parseExpression() -> Expr {
        var depth = 0
        operators = 0
        return parseOr(&depth)
    }

    /// Counts an operator; past `maximumOperators` the expression is reported and the line dropped
    /// (a chain of operators makes a tree as deep as it is long, which later phases walk).
    private mutating func countOperator(at token: Token) -> Bool {
        operators += 1
        guard operators > maximumOperators else { return true }
        if operators == maximumOperators + 1 {
            diagnostics.append(
                Diagnostic(
                    .nestedTooDeeply, "the expression has more than \(maximumOperators) operators", at: span(token),
                    label: "too long to read", help: "split it with 'set' into simpler steps"))
        }
        position = endIndex
        return false
    }

    private mutating func parseOr(_ depth: inout Int) -> Expr {
        depth += 1
        defer { depth -= 1 }
        if depth > maximumExpressionDepth {
            diagnostics.append(
                Diagnostic(
                    .nestedTooDeeply, "the expression is nested more than \(maximumExpressionDepth) levels deep",
                    at: span(peek), label: "too deep to read", help: "split it with 'set' into simpler steps"))
            let rest = Span(file: file, start: peek.start, end: tokens[endIndex].end)
            position = endIndex
            return .invalid(rest)
        }
        var left = parseAnd(&depth)
        while let token = acceptKeyword(keywords.or) {
            guard countOperator(at: token) else { return .invalid(left.span.to(span(token))) }
            let right = parseAnd(&depth)
            left = .binary(.or, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseAnd(_ depth: inout Int) -> Expr {
        var left = parseNot(&depth)
        while let token = acceptKeyword(keywords.and) {
            guard countOperator(at: token) else { return .invalid(left.span.to(span(token))) }
            let right = parseNot(&depth)
            left = .binary(.and, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseNot(_ depth: inout Int) -> Expr {
        var nots: [Span] = []
        while let token = acceptKeyword(keywords.not) {
            guard countOperator(at: token) else { return .invalid(span(token)) }
            nots.append(span(token))
        }
        var expr = parseComparison(&depth)
        while let start = nots.popLast() { expr = .unary(.not, expr, start.to(expr.span)) }
        return expr
    }

    private mutating func parseComparison(_ depth: inout Int) -> Expr {
        let left = parseAdditive(&depth)
        let op: BinaryOperator
        switch peek.kind {
        case .equal: op = .equal
        case .notEqual: op = .notEqual
        case .less: op = .less
        case .lessOrEqual: op = .lessOrEqual
        case .greater: op = .greater
        case .greaterOrEqual: op = .greaterOrEqual
        case .assign:
            diagnostics.append(
                Diagnostic(
                    .unexpectedToken, "'=' in a condition", at: span(peek), label: "this sets, it does not compare",
                    help: "compare with '=='"))
            op = .equal
        default: return left
        }
        guard countOperator(at: advance()) else { return .invalid(left.span) }
        let right = parseAdditive(&depth)
        return .binary(op, left, right, left.span.to(right.span))
    }

    private mutating func parseAdditive(_ depth: inout Int) -> Expr {
        var left = parseMultiplicative(&depth)
        while peek.kind == .plus || peek.kind == .minus {
            let token = advance()
            guard countOperator(at: token) else { return .invalid(left.span) }
            let op: BinaryOperator = token.kind == .plus ? .add : .subtract
            let right = parseMultiplicative(&depth)
            left = .binary(op, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseMultiplicative(_ depth: inout Int) -> Expr {
        var left = parseUnary(&depth)
        while peek.kind == .star || peek.kind == .slash {
            let token = advance()
            guard countOperator(at: token) else { return .invalid(left.span) }
            let op: BinaryOperator = token.kind == .star ? .multiply : .divide
            let right = parseUnary(&depth)
            left = .binary(op, left, right, left.span.to(right.span))
        }
        return left
    }

    private mutating func parseUnary(_ depth: inout Int) -> Expr {
        var minuses: [Span] = []
        while peek.kind == .minus {
            let token = advance()
            guard countOperator(at: token) else { return .invalid(span(token)) }
            minuses.append(span(token))
        }
        var expr = parsePrimary(&depth)
        while let start = minuses.popLast() { expr = .unary(.negate, expr, start.to(expr.span)) }
        return expr
    }

    private mutating func parsePrimary(_ depth: inout Int) -> Expr {
        let token = peek
        switch token.kind {
        case .number:
            _ = advance()
            return .number(token.number, span(token))
        case .string:
            _ = advance()
            return .text(texts[token.textIndex])
        case .identifier:
            if token.symbol == keywords.yes || token.symbol == keywords.no {
                _ = advance()
                return .bool(token.symbol == keywords.yes, span(token))
            }
            if token.symbol == keywords.and || token.symbol == keywords.or || token.symbol == keywords.not { break }
            _ = advance()
            return .name(Name(symbol: token.symbol, span: span(token)))
        case .leftParen:
            let open = advance()
            let inner = parseOr(&depth)
            if case .invalid = inner, peek.kind == .endOfLine { return inner }
            guard let close = accept(.rightParen) else {
                if peek.kind != .invalid {
                    diagnostics.append(
                        Diagnostic(
                            .unexpectedToken, "expected ')', found \(describe(peek))", at: span(peek),
                            label: "expected ')' here", secondary: [Label(span(open), "to close this '('")]))
                }
                position = endIndex
                return .invalid(span(open).to(inner.span))
            }
            return inner.withSpan(span(open).to(span(close)))
        default:
            break
        }
        expected("a value (a number, a string, yes, no or a name)")
        let invalid = Expr.invalid(span(token))
        position = endIndex
        return invalid
    }
}

extension Expr {
    /// The same expression covering `span` (the parentheses around it).
    func withSpan(_ span: Span) -> Expr {
        switch self {
        case .number(let value, _): .number(value, span)
        case .bool(let value, _): .bool(value, span)
        case .unary(let op, let operand, _): .unary(op, operand, span)
        case .binary(let op, let left, let right, _): .binary(op, left, right, span)
        case .invalid: .invalid(span)
        case .text, .name: self
        }
    }
}
