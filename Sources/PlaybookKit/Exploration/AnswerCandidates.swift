/// Answers worth trying at each question, to drive every branch: both sides of a yes/no, every
/// option, and for numbers the values on each side of every comparison the playbook makes with
/// that answer directly, 0 and 1 where it divides, and the range's ends (where faults hide).
public struct AnswerCandidates: Sendable {
    private var numbers: [Symbol: Set<Double>] = [:]
    private var texts: [Symbol: Set<String>] = [:]

    public init(_ program: Program) {
        for stage in program.stages {
            for criterion in stage.exits { note(criterion.condition) }
            note(stage.body)
        }
        for flow in program.flows { note(flow.body) }
    }

    private mutating func note(_ block: [Step]) {
        for step in block {
            switch step {
            case .ask(let question): for branch in question.branches { note(branch.body) }
            case .jumpIf(let condition, _, _): note(condition)
            case .ifBlock(let condition, _, _, _):
                note(condition)
                for block in step.blocks { note(block) }
            case .set(let assignment): note(assignment.value)
            default: break
            }
        }
    }

    /// Comparisons of a name with a literal, and names used as divisors, anywhere in `expr`.
    private mutating func note(_ expr: Expr) {
        guard case .binary(let op, let left, let right, _) = expr else {
            if case .unary(_, let operand, _) = expr { note(operand) }
            return
        }
        switch (left, right) {
        case (.name(let name), .number(let value, _)), (.number(let value, _), .name(let name)):
            if op.isOrdering || op.isEquality { numbers[name.symbol, default: []].formUnion([value - 1, value, value + 1]) }
        case (.name(let name), .text(let text)), (.text(let text), .name(let name)):
            if op.isEquality { texts[name.symbol, default: []].insert(text.value) }
        default: break
        }
        if op == .divide, case .name(let name) = right { numbers[name.symbol, default: []].formUnion([0, 1]) }
        note(left)
        note(right)
    }

    /// The values to try for `question`, in a fixed order.
    public func values(for question: Question) -> [Value] {
        let symbol = question.name.symbol
        switch question.type {
        case .yesNo: return [.bool(true), .bool(false)]
        case .choice: return question.branches.compactMap(\.optionKey).map(Value.text)
        case .text: return ((texts[symbol] ?? []).sorted() + ["text"]).map(Value.text)
        case .number(let range):
            return Self.clip(numbers[symbol] ?? [], to: range, whole: false).map(Value.number)
        case .scale(let range):
            if let high = range.high, high - range.low <= 10 {
                return stride(from: range.low, through: high, by: 1).map(Value.number)
            }
            return Self.clip(numbers[symbol] ?? [], to: range, whole: true).map(Value.number)
        }
    }

    /// The compared values inside the range, with its ends, sorted. An open end gets a small
    /// and a large value: an answer may be compared only after arithmetic (`yearly / months >
    /// 1000`), and a large one reaches the far side of such comparisons.
    private static func clip(_ values: Set<Double>, to range: NumberRange?, whole: Bool) -> [Double] {
        var all = values
        let low = range?.low ?? 0
        all.insert(low)
        if let high = range?.high { all.insert(high) } else { all.formUnion([low + 1, low + 1_000_000]) }
        return all.filter { value in
            (range?.contains(value) ?? true) && (!whole || value == value.rounded()) && value.isFinite
        }.sorted()
    }
}
