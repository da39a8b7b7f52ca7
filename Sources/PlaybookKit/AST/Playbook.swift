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
    public var stages: [Stage] = []
    public var flows: [Flow] = []
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

public struct Stage: Sendable {
    public var name: Name
    public var title: Text
    public var span: Span
    public var goal: Text?
    public var tips: [Text] = []
    public var exits: [ExitCriterion] = []
    public var body: [Step] = []
}

public struct ExitCriterion: Sendable {
    public var condition: Expr
    public var message: Text?
    public var span: Span
}

public struct Flow: Sendable {
    public var name: Name
    public var title: Text
    public var span: Span
    public var body: [Step] = []
}

/// One line of a stage, a flow or a branch, and the block under it. Boxed (`indirect`): a block
/// is an array of pointers, whatever the size of the steps in it.
public indirect enum Step: Sendable {
    case ask(Question)
    case say(Text, Span)
    case buyer([Text], Span)
    case set(Assignment)
    case jumpIf(Expr, Target, Span)
    case jump(Target, Span)
    case call(Name, Span)
    case `return`(Span)
    case end(Ending, Span)

    public var span: Span {
        switch self {
        case .ask(let question): question.span
        case .say(_, let span), .buyer(_, let span), .jumpIf(_, _, let span), .jump(_, let span),
            .call(_, let span), .return(let span), .end(_, let span):
            span
        case .set(let assignment): assignment.span
        }
    }
}

public struct Question: Sendable {
    public var name: Name
    public var text: Text
    public var type: AnswerType
    public var span: Span
    public var why: Text?
    public var tip: Text?
    public var branches: [Branch] = []
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
}

/// `yes`, `no` or an option under a question: a jump, or a block of steps.
public struct Branch: Sendable {
    public var label: BranchLabel
    public var span: Span
    public var target: Target?
    public var body: [Step] = []
    public var score: Double?
    public var feedback: Text?
    public var isBest = false

    /// The option's text, for a branch of a choice question.
    public var optionText: String? {
        if case .option(let text) = label { text } else { nil }
    }
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
public struct Ending: Sendable {
    public var outcome: Name
    public var reason: Text?
    public var span: Span
}
