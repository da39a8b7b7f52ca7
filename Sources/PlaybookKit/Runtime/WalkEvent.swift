/// What a walk shows next. After `question` and `unmetCriterion` it waits for the rep: `answer`,
/// `back` or `end`; after `ended` and `fault` it is over.
public enum WalkEvent: Sendable, Hashable {
    case enteredStage(Int)
    case leftStage(Int)
    /// A line for the rep to say, with its `{name}`s filled in.
    case say(String)
    /// What the buyer says: one of the step's lines, picked with the walk's seed.
    case buyer(String)
    case question(Question)
    /// Leaving the stage needs this exit criterion to hold; it does not.
    case unmetCriterion(stage: Int, message: String)
    case ended(Outcome)
    case fault(RuntimeFault)

    public static func == (lhs: WalkEvent, rhs: WalkEvent) -> Bool {
        switch (lhs, rhs) {
        case (.enteredStage(let a), .enteredStage(let b)), (.leftStage(let a), .leftStage(let b)): a == b
        case (.say(let a), .say(let b)), (.buyer(let a), .buyer(let b)): a == b
        case (.question(let a), .question(let b)): a === b
        case (.unmetCriterion(let a, let x), .unmetCriterion(let b, let y)): a == b && x == y
        case (.ended(let a), .ended(let b)): a == b
        case (.fault(let a), .fault(let b)): a == b
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .enteredStage(let stage), .leftStage(let stage): hasher.combine(stage)
        case .say(let line), .buyer(let line): hasher.combine(line)
        case .question(let question): hasher.combine(ObjectIdentifier(question))
        case .unmetCriterion(let stage, let message): hasher.combine(stage); hasher.combine(message)
        case .ended(let outcome): hasher.combine(outcome)
        case .fault(let fault): hasher.combine(fault)
        }
    }
}

/// How a walk ended.
public struct Outcome: Sendable, Hashable {
    public var name: String
    public var reason: String?
    public var score: Double
    /// Ended by the rep (at an unmet exit criterion, say) rather than by an `end` in the playbook.
    public var byRep: Bool
}

/// A fault the checker cannot rule out, such as a division by an answer that is 0: it ends the
/// walk with this message instead of a crash.
public struct RuntimeFault: Sendable, Hashable, Error {
    public var message: String
    /// Where: the file and the 1-based line.
    public var path: String
    public var line: Int
    /// A loop that runs on without asking anything: a dead end rather than a bad value.
    public var isDeadEnd = false
}

/// One answer given on a walk, in order.
public struct GivenAnswer: Sendable, Hashable {
    public var question: Symbol
    public var value: Value
}
