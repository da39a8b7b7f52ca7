/// One walk through a playbook, as a rep would read it: each question asked with the answer that
/// chose the way, and each `if` with the side taken.
public struct ListedWalk: Sendable, Hashable {
    public var outcome: String
    /// Questions asked, of every type (a number question counts, though its answer chooses nothing).
    public var questions: Int
    /// Every turn, or when the walk was asked for in short, its first and last turns.
    public var turns: [WalkStep]
    /// How many turns are left out of `turns`, before `turns[omittedAt]`: 0 for a walk in full.
    public var omittedTurns = 0
    public var omittedAt = 0
}

/// A question asked, or an `if` passed, on a walk.
public struct WalkStep: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A yes/no question, answered yes (true) or no.
        case yesNo(Bool)
        /// A choice question: the option's text.
        case option(String)
        /// A number, text or scale question: any answer goes the same way.
        case anyAnswer(AnswerType)
        /// An `if`: the condition held (the jump was taken) or not.
        case condition(taken: Bool)
    }

    public var kind: Kind
    /// The question's id, or for an `if` its condition as written.
    public var subject: String
    /// The question's type (`yes/no`, `choice`, `number`, `text`, `scale`), or `if`.
    public var type: String
    public var file: String
    public var line: Int
}

/// How long a walk is: questions asked first, then steps taken (every node of the flowchart the
/// walk passes, which breaks ties and makes each time round a loop cost something).
struct WalkLength: Comparable, Hashable {
    var questions: Int32
    var steps: Int32

    init(questions: Int, steps: Int) {
        self.questions = Int32(clamping: questions)
        self.steps = Int32(clamping: steps)
    }

    static let zero = WalkLength(questions: 0, steps: 0)
    /// Passing a question; passing any other node.
    static let question = WalkLength(questions: 1, steps: 1)
    static let step = WalkLength(questions: 0, steps: 1)
    /// No walk: longer than any.
    static let none = WalkLength(questions: Int(Int32.max), steps: Int(Int32.max))
    /// Walks through flows that call flows can grow longer than this; they count as this long.
    private static let cap = Int32.max - 1

    var isNone: Bool { questions == Int32.max }

    static func + (lhs: WalkLength, rhs: WalkLength) -> WalkLength {
        guard !lhs.isNone, !rhs.isNone else { return .none }
        var sum = WalkLength.zero
        sum.questions = lhs.questions.addingReportingOverflow(rhs.questions).overflow ? cap : min(cap, lhs.questions + rhs.questions)
        sum.steps = lhs.steps.addingReportingOverflow(rhs.steps).overflow ? cap : min(cap, lhs.steps + rhs.steps)
        return sum
    }

    static func < (lhs: WalkLength, rhs: WalkLength) -> Bool {
        lhs.questions != rhs.questions ? lhs.questions < rhs.questions : lhs.steps < rhs.steps
    }
}

/// At a node with several successors (a yes/no or choice question, an `if`), the edge taken.
struct Decision: Hashable {
    var node: Int32
    var edge: Int32
}

extension PathGraph {
    /// What passing a node adds to a walk's length.
    func length(of node: Int) -> WalkLength {
        asks[node] ? WalkLength.question : WalkLength.step
    }

    /// The walk from the first stage that takes `decisions` at its branches, told as turns.
    /// Between branches the walk goes the only way there is, into flows and back. With `keep`,
    /// a long walk keeps only its first `keep - 5` turns and its last 5 (a walk through a large
    /// playbook has a hundred thousand).
    func describe(_ decisions: [Decision], keep: Int? = nil) -> ListedWalk {
        var path = ListedWalk(outcome: "", questions: 0, turns: [])
        let tailCount = keep.map { min(5, max(0, $0 - 1)) } ?? 0
        let headCount = keep.map { max(1, $0 - tailCount) } ?? Int.max
        // The last turns, as (node, edge), made into turns at the end.
        var tail: [(node: Int, edge: Int)] = []
        var turnCount = 0
        var returns: [Int] = []
        var next = 0
        // A bound for flows that call flows twice over, many deep: far beyond any walk a person
        // could take, the description stops.
        var budget = 20_000_000 + 4 * nodeCount
        var node = entry(of: 0) ?? -1
        walking: while node >= 0, budget > 0 {
            budget -= 1
            switch role[node] {
            case .end:
                path.outcome = outcomes[Int(detail[node])]
                break walking
            case .ret:
                guard let back = returns.popLast() else { break walking }
                node = back
                continue walking
            case .call:
                returns.append(after(node))
                node = graph.flowEntries[callee(node)]
                continue walking
            case .sink:
                break walking
            case .plain:
                break
            }
            let successors = graph.successors(node)
            var edge = 0
            if successors.count > 1 {
                guard next < decisions.count, decisions[next].node == node else { break walking }
                edge = Int(decisions[next].edge)
                next += 1
            }
            // Questions and `if`s, the nodes that make turns.
            if asks[node] || successors.count > 1 {
                if turnCount < headCount {
                    if let turn = turn(at: node, edge: edge) { path.turns.append(turn) }
                } else if tailCount > 0 {
                    if tail.count == tailCount { tail.removeFirst() }
                    tail.append((node, edge))
                }
                turnCount += 1
            }
            if asks[node] { path.questions += 1 }
            guard edge < successors.count else { break walking }
            node = Int(successors[successors.startIndex + edge])
        }
        if turnCount > headCount {
            path.omittedTurns = turnCount - headCount - tail.count
            path.omittedAt = headCount
            path.turns += tail.compactMap { turn(at: $0.node, edge: $0.edge) }
        }
        return path
    }

    /// The turn a question or an `if` makes of the walk, leaving by `edge`.
    private func turn(at node: Int, edge: Int) -> WalkStep? {
        guard let step = graph.step(node) else { return nil }
        switch step {
        case .ask(let question):
            let kind: WalkStep.Kind
            switch question.type {
            case .yesNo: kind = .yesNo(edge == 0)
            case .choice:
                let options = question.branches.filter(\.label.isOption)
                kind = options.indices.contains(edge) ? .option(options[edge].optionKey ?? "") : .anyAnswer(question.type)
            default: kind = .anyAnswer(question.type)
            }
            return WalkStep(
                kind: kind, subject: program.name(question.name.symbol), type: question.type.keyword,
                file: program.path(of: question.span), line: line(of: question.span))
        case .jumpIf(let condition, _, let span), .ifBlock(let condition, _, _, let span):
            return WalkStep(
                kind: .condition(taken: edge == 0), subject: sourceText(condition.span), type: "if",
                file: program.path(of: span), line: line(of: span))
        default:
            return nil
        }
    }

    /// The 1-based line a span starts on (without the column, which `Program.line` works out too).
    func line(of span: Span) -> Int {
        guard program.sources.indices.contains(Int(span.file)) else { return 0 }
        return program.sources[Int(span.file)].lineIndex(of: Int(span.start)) + 1
    }

    /// The text of a span as written in its file.
    func sourceText(_ span: Span) -> String {
        guard program.sources.indices.contains(Int(span.file)) else { return "" }
        return program.sources[Int(span.file)].text(Int(span.start)..<Int(span.end))
    }

    /// The line a span starts on, as written, without its indentation.
    func lineText(_ span: Span) -> String {
        guard program.sources.indices.contains(Int(span.file)) else { return "" }
        let source = program.sources[Int(span.file)]
        return source.lineText(source.lineIndex(of: Int(span.start))).trimmingWhitespace()
    }
}
