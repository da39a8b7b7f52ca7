/// An expression in a condition or an assignment.
/// Leaves are stored inline; strings and operators are boxed.
public enum Expr: Sendable {
    case number(Double, Span)
    indirect case text(Text)
    case bool(Bool, Span)
    case name(Name)
    indirect case unary(UnaryOperator, Expr, Span)
    indirect case binary(BinaryOperator, Expr, Expr, Span)
    /// A part that did not parse; already reported.
    case invalid(Span)

    public var span: Span {
        switch self {
        case .number(_, let span), .bool(_, let span), .unary(_, _, let span), .binary(_, _, _, let span),
            .invalid(let span):
            span
        case .text(let text): text.span
        case .name(let name): name.span
        }
    }

    /// Calls `visit` on every name the expression reads, left to right. (The parser bounds how
    /// deep an expression goes, so recursion is safe here.)
    public func forEachName(_ visit: (Name) -> Void) {
        switch self {
        case .name(let name): visit(name)
        case .unary(_, let operand, _): operand.forEachName(visit)
        case .binary(_, let left, let right, _):
            left.forEachName(visit)
            right.forEachName(visit)
        case .number, .text, .bool, .invalid: break
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case not
    case negate = "-"
}

public enum BinaryOperator: String, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and
    case or

    public var isArithmetic: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide: true
        default: false
        }
    }

    public var isOrdering: Bool {
        switch self {
        case .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
    public var isEquality: Bool { self == .equal || self == .notEqual }
    public var isLogical: Bool { self == .and || self == .or }
}
