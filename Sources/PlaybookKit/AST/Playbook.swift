/// A name as written: the interned symbol and where it stands.
public struct Name: Sendable, Hashable {
    public var symbol: Symbol
    public var span: Span
}

/// A string literal after escapes, with the `{name}` interpolations it holds.
public struct Text: Sendable, Hashable {
    public var value: String
    public var span: Span
    /// Names between braces, in order, with the span of each name.
    public var interpolations: [Name]
}

/// One parsed file: a playbook, or a library of flows brought in with `use`.
public struct PlaybookFile: Sendable {
    public var file: Int
    public var header: Header?
    public var uses: [Use] = []
    public var terms: [Term] = []
    /// The buyers a rep may rehearse with, in source order.
    public var personas: [Persona] = []
    public var stages: [Stage] = []
    public var flows: [Flow] = []
    /// Every question asked in the stages, in source order, with the index of its stage: the
    /// parser notes them so that the checker need not search the tree for them.
    public var stageQuestions: [AskedQuestion] = []
    /// Every question asked in the flows, in source order, with the index of its flow.
    public var flowQuestions: [AskedQuestion] = []
}

/// A question and the stage or flow (by index in its file) that asks it.
public struct AskedQuestion: Sendable {
    /// Nil when the question's line did not parse.
    public var question: Question?
    public var owner: Int
}

public struct Header: Sendable {
    public var title: Text
    public var span: Span
    public var methodology: Text?
    public var language: LanguageTag?
    public var version: Text?
    public var description: Text?
    /// Declared outcomes, or nil when the header does not restrict them.
    public var outcomes: [Name]?
    /// The mark written after each declared outcome (`won (win)`), nil for one written without:
    /// as many as `outcomes`, in the same order. Empty when no outcomes are declared.
    public var outcomeMarks: [OutcomeMark?] = []
}

/// What an outcome counts as, written after it on the `outcomes` line: `won (win)`, `lost (loss)`.
/// Reports count wins and losses by these marks, and the flowchart colours by them.
public struct OutcomeMark: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case win
        case loss
    }

    public var kind: Kind
    /// From the `(` to the `)`.
    public var span: Span
}

public struct LanguageTag: Sendable {
    public var code: String
    public var span: Span
}

public struct Use: Sendable {
    public var path: Text
    public var span: Span
}

public struct Term: Sendable {
    public var word: Text
    public var definition: Text
    public var span: Span
}

/// A buyer to rehearse with: `persona ID "Display name"`, with an optional role and context.
public final class Persona: Sendable {
    public let name: Name
    /// The display name.
    public let title: Text
    /// Who the buyer is: `role "CFO at a 200-person logistics company"`.
    public let role: Text?
    /// What the buyer brings to the call: `context "Expects a discount."`.
    public let context: Text?
    /// The `persona` line.
    public let span: Span

    init(name: Name, title: Text, role: Text?, context: Text?, span: Span) {
        self.name = name
        self.title = title
        self.role = role
        self.context = context
        self.span = span
    }
}

/// A stage of the sales process. Syntax-tree nodes with many parts are classes: they are built
/// once and never changed, and passing one around costs a single reference count.
public final class Stage: Sendable {
    public let name: Name
    public let title: Text
    public let span: Span
    public let exits: [ExitCriterion]
    public let body: [Step]
    /// The goal and tips, kept apart: large generated playbooks have many stages without them.
    private let guidance: Guidance?

    public var goal: Text? { guidance?.goal }
    public var tips: [Text] { guidance?.tips ?? [] }

    private final class Guidance: Sendable {
        let goal: Text?
        let tips: [Text]

        init(goal: Text?, tips: [Text]) {
            self.goal = goal
            self.tips = tips
        }
    }

    init(name: Name, title: Text, span: Span, goal: Text?, tips: [Text], exits: [ExitCriterion], body: [Step]) {
        self.name = name
        self.title = title
        self.span = span
        self.exits = exits
        self.body = body
        guidance = goal == nil && tips.isEmpty ? nil : Guidance(goal: goal, tips: tips)
    }
}

public struct ExitCriterion: Sendable {
    public var condition: Expr
    public var message: Text?
    public var span: Span
}

public final class Flow: Sendable {
    public let name: Name
    public let title: Text
    public let span: Span
    public let body: [Step]

    init(name: Name, title: Text, span: Span, body: [Step]) {
        self.name = name
        self.title = title
        self.span = span
        self.body = body
    }
}

/// One line of a stage, a flow or a branch, and the block under it. Large cases are boxed, so a
/// block is an array of small values.
public enum Step: Sendable {
    case ask(Question)
    indirect case say(Text, Span)
    indirect case buyer([BuyerLine], Span)
    indirect case set(Assignment)
    indirect case jumpIf(Expr, Target, Span)
    /// `if CONDITION` with a block, and maybe an `else` block: the first runs when the condition
    /// holds, the other (nil without `else`) when it does not; then the walk goes on after them (as
    /// after a branch of a question). The span is the `if` line.
    indirect case ifBlock(Expr, [Step], [Step]?, Span)
    indirect case jump(Target, Span)
    indirect case call(Name, Span)
    case `return`(Span)
    indirect case end(Ending, Span)

    /// The blocks nested under the step: each branch block of a question, the block of an `if`.
    public var blocks: [[Step]] {
        switch self {
        case .ask(let question): question.branches.map(\.body)
        case .ifBlock(_, let then, let otherwise, _): [then] + (otherwise.map { [$0] } ?? [])
        default: []
        }
    }

    /// Calls `visit` with each block of `blocks`, in order, without building the array: the
    /// checker walks every step of large playbooks this way.
    @inline(__always)
    public func forEachBlock(_ visit: ([Step]) throws -> Void) rethrows {
        switch self {
        case .ask(let question): for branch in question.branches { try visit(branch.body) }
        case .ifBlock(_, let then, let otherwise, _):
            try visit(then)
            if let otherwise { try visit(otherwise) }
        default: break
        }
    }

    public var span: Span {
        switch self {
        case .ask(let question): question.span
        case .say(_, let span), .buyer(_, let span), .jumpIf(_, _, let span), .ifBlock(_, _, _, let span), .jump(_, let span),
            .call(_, let span), .return(let span), .end(_, let span):
            span
        case .set(let assignment): assignment.span
        }
    }
}

/// One thing the buyer may say. A line with a persona's id before it is that persona's own: in
/// practice it replaces the lines without one for that persona.
public struct BuyerLine: Sendable {
    public var text: Text
    public var persona: Name?
}

public final class Question: Sendable {
    public let name: Name
    public let text: Text
    public let type: AnswerType
    /// The `ask` line.
    public let span: Span
    public let branches: [Branch]
    /// The `why` and `tip`, kept apart: most questions of large playbooks have neither.
    private let coaching: Coaching?
    /// The first branch of each label, for a question with more branches than a scan is worth;
    /// nil for the few branches of most questions.
    private let branchByLabel: [BranchLabel: Int]?
    private static let scannedBranches = 8

    /// Why the question matters.
    public var why: Text? { coaching?.why }
    public var tip: Text? { coaching?.tip }

    private final class Coaching: Sendable {
        let why: Text?
        let tip: Text?

        init(why: Text?, tip: Text?) {
            self.why = why
            self.tip = tip
        }
    }

    init(name: Name, text: Text, type: AnswerType, span: Span, why: Text?, tip: Text?, branches: [Branch]) {
        self.name = name
        self.text = text
        self.type = type
        self.span = span
        self.branches = branches
        coaching = why == nil && tip == nil ? nil : Coaching(why: why, tip: tip)
        if branches.count > Self.scannedBranches {
            var index: [BranchLabel: Int] = [:]
            for (offset, branch) in branches.enumerated().reversed() { index[branch.label] = offset }
            branchByLabel = index
        } else {
            branchByLabel = nil
        }
    }

    /// Where the first branch with the label is in `branches`, in constant time for any number
    /// of options.
    public func branchIndex(of label: BranchLabel) -> Int? {
        if let branchByLabel { return branchByLabel[label] }
        return branches.firstIndex { $0.label == label }
    }

    /// The branch of the option with this text, if the question has one.
    public func option(_ text: String) -> Branch? {
        branchIndex(of: .option(text)).map { branches[$0] }
    }
}

public enum AnswerType: Sendable, Hashable {
    case yesNo
    case choice
    case number(NumberRange?)
    case text
    case scale(NumberRange)

    /// The word for the type in the language.
    public var keyword: String {
        switch self {
        case .yesNo: "yes/no"
        case .choice: "choice"
        case .number: "number"
        case .text: "text"
        case .scale: "scale"
        }
    }
}

/// `low..high` or `low..`; bounds are inclusive.
public struct NumberRange: Sendable, Hashable {
    public var low: Double
    public var high: Double?
}

public enum BranchLabel: Sendable, Hashable {
    case yes
    case no
    case option(String)

    public var isOption: Bool {
        if case .option = self { true } else { false }
    }
}

/// `yes`, `no` or an option under a question: a jump, or a block of steps.
public final class Branch: Sendable {
    public let label: BranchLabel
    public let span: Span
    public let target: Target?
    public let body: [Step]
    /// What only the options of scored questions carry; most branches have none of it.
    private let practice: Practice?

    /// Points added to `score` when the option is chosen.
    public var score: Double? { practice?.score }
    /// What practice shows after the option is chosen. Kept under `yes` and `no` as well, where
    /// practice never shows it, so that the checker can say so (PB0603).
    public var feedback: Text? { practice?.feedback }
    /// Marked as the best option.
    public var isBest: Bool { practice?.isBest ?? false }
    /// The key and text of an option written `key "Text"`; nil when the text is its own key.
    private let keyed: KeyedOption?

    private final class KeyedOption: Sendable {
        let key: Name
        let title: Text

        init(key: Name, title: Text) {
            self.key = key
            self.title = title
        }
    }

    private final class Practice: Sendable {
        let score: Double?
        let feedback: Text?
        let isBest: Bool

        init(score: Double?, feedback: Text?, isBest: Bool) {
            self.score = score
            self.feedback = feedback
            self.isBest = isBest
        }
    }

    /// `key` is the name written before an option's text (`title`), nil for an option written as
    /// its text alone, whose label is its text.
    init(
        label: BranchLabel, span: Span, target: Target?, body: [Step], score: Double?, feedback: Text?, isBest: Bool,
        key: Name? = nil, title: Text? = nil
    ) {
        self.label = label
        self.span = span
        self.target = target
        self.body = body
        keyed = key.flatMap { key in title.map { KeyedOption(key: key, title: $0) } }
        practice = score == nil && feedback == nil && !isBest
            ? nil : Practice(score: score, feedback: feedback, isBest: isBest)
    }

    /// The option's key, for a branch of a choice question: what answers, conditions, scenarios
    /// and records hold. It is the option's text unless a key is written before the text.
    public var optionKey: String? {
        if case .option(let key) = label { key } else { nil }
    }

    /// The option's text as written, which the rep reads; nil for `yes` and `no`.
    public var optionTitle: Text? {
        if let keyed { return keyed.title }
        guard case .option(let text) = label else { return nil }
        return Text(value: text, span: span, interpolations: [])
    }

    /// The key written before the option's text (`econ "Economic buyer"`), nil when there is none.
    public var keyName: Name? { keyed?.key }
}

public enum AssignmentOperator: String, Sendable {
    case assign = "="
    case add = "+="
    case subtract = "-="
}

public struct Assignment: Sendable {
    public var name: Name
    public var op: AssignmentOperator
    public var value: Expr
    public var span: Span
}

/// Where `->` leads.
public enum Target: Sendable {
    /// A stage or a question, by id.
    case named(Name)
    case next(Span)
    case end(Ending)

    public var span: Span {
        switch self {
        case .named(let name): name.span
        case .next(let span): span
        case .end(let ending): ending.span
        }
    }
}

/// `end outcome "reason"`.
public final class Ending: Sendable {
    public let outcome: Name
    public let reason: Text?
    public let span: Span

    init(outcome: Name, reason: Text?, span: Span) {
        self.outcome = outcome
        self.reason = reason
        self.span = span
    }
}
