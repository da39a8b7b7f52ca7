import Testing

@testable import PlaybookKit

/// Expressions: the names they read, in order, and the span of each part.
struct ExprTests {
    /// The condition of `if CONDITION -> next`, parsed, with the interner that names it.
    static func condition(_ text: String) throws -> (Expr, PlaybookTests.Parsed) {
        let parsed = try PlaybookTests.parsed("stage s\n  if \(text) -> next\n  end won\n")
        let condition: Expr? = if case .jumpIf(let condition, _, _) = parsed.file.stages[0].body[0] { condition } else { nil }
        return (try #require(condition), parsed)
    }

    static func names(_ text: String) throws -> [String] {
        let (expression, parsed) = try condition(text)
        var names: [String] = []
        expression.forEachName { names.append(parsed.name($0)) }
        return names
    }

    @Test func namesAreReadLeftToRight() throws {
        #expect(try Self.names("a") == ["a"])
        #expect(try Self.names("yes") == [])
        #expect(try Self.names("\"x\" == tier") == ["tier"])
        #expect(try Self.names("not (b + -c * d) > e / 2 or f and g == a") == ["b", "c", "d", "e", "f", "g", "a"])
        #expect(try Self.names("ngân_sách >= 预算 and งบ < תקציב") == ["ngân_sách", "预算", "งบ", "תקציב"])
    }

    @Test func precedenceShowsInTheTree() throws {
        let (expression, _) = try Self.condition("a + b * c > 2 or not d and e")
        guard case .binary(.or, let left, let right, _) = expression,
            case .binary(.greater, let sum, .number(2, _), _) = left,
            case .binary(.add, .name, .binary(.multiply, .name, .name, _), _) = sum,
            case .binary(.and, .unary(.not, .name, _), .name, _) = right
        else {
            Issue.record("not parsed as (a + (b * c) > 2) or ((not d) and e): \(expression)")
            return
        }
    }

    @Test func spansCoverTheirText() throws {
        let (expression, parsed) = try Self.condition("-x + (y * 3) >= 10")
        #expect(parsed.text(expression.span) == "-x + (y * 3) >= 10")
        guard case .binary(.greaterOrEqual, let sum, let ten, _) = expression, case .binary(.add, let negated, let product, _) = sum else {
            Issue.record("\(expression)")
            return
        }
        #expect(parsed.text(sum.span) == "-x + (y * 3)")
        #expect(parsed.text(negated.span) == "-x")
        #expect(parsed.text(ten.span) == "10")
        #expect(parsed.text(product.span).contains("y * 3"))
        let (text, textParsed) = try Self.condition("tier == \"team {x}\"")
        guard case .binary(_, _, .text(let literal), _) = text else {
            Issue.record("\(text)")
            return
        }
        #expect(textParsed.text(literal.span) == "\"team {x}\"" && literal.value == "team {x}")
        #expect(literal.interpolations.map(textParsed.name) == ["x"])
    }

    @Test func eachOperatorHasOneKind() {
        let operators: [BinaryOperator] = [
            .add, .subtract, .multiply, .divide, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .and, .or,
        ]
        for op in operators {
            let kinds = [op.isArithmetic, op.isOrdering, op.isEquality, op.isLogical].filter { $0 }
            #expect(kinds.count == 1, "\(op)")
        }
        #expect(operators.filter(\.isArithmetic).map(\.rawValue) == ["+", "-", "*", "/"])
        #expect(operators.filter(\.isOrdering).map(\.rawValue) == ["<", "<=", ">", ">="])
        #expect(operators.filter(\.isEquality).map(\.rawValue) == ["==", "!="])
        #expect(operators.filter(\.isLogical).map(\.rawValue) == ["and", "or"])
        #expect(UnaryOperator.not.rawValue == "not" && UnaryOperator.negate.rawValue == "-")
    }
}
