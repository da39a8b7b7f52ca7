/// A walk through a playbook, one step at a time, with no I/O: the caller asks for the next
/// event and gives answers back. Implements "How a walk runs" in docs/language.md.
public struct Walk: Sendable {
    public let program: Program
    /// Everything that decides what happens next: copying it saves the walk, and `restore`
    /// puts it back.
    public internal(set) var state: WalkState
    /// What each answer still in force changed, for `back`: a checkpoint per answer, with the
    /// values it overwrote, so that undo costs what the answer did, not the size of the walk.
    private var undoStack: [Checkpoint] = []
    /// Off for walks no one will take back (exploration, random walks): answers then cost no
    /// checkpoint.
    public var keepsHistory = true
    /// When on, every branch side the walk takes is appended to `trace` (for coverage).
    public var tracing = false
    public var trace: [BranchSide] = []
    /// The persona playing the buyer (practice), whose own `buyer` lines are picked; nil for a
    /// walk without one, which picks among the lines any buyer may say.
    public var persona: Symbol?

    /// Steps run without showing the rep anything before the walk is judged stuck in a loop.
    static let quietStepLimit = 1_000_000
    /// Flows called and not yet returned from.
    static let callDepthLimit = 10_000

    public init(program: Program, seed: UInt64) {
        self.program = program
        state = WalkState(seed: seed)
        if program.stages.isEmpty {
            state.phase = .faulted(RuntimeFault(message: "the playbook has no stages", path: "", line: 0))
        }
    }

    /// Puts back a state saved earlier (`let saved = walk.state`). Answers before it cannot be
    /// undone: `back` stops there.
    public mutating func restore(_ saved: WalkState) {
        state = saved
        undoStack.removeAll()
    }

    /// Every write to a value goes through here, so that `back` can put the old one back.
    mutating func write(_ value: Value, to symbol: Symbol) {
        if !undoStack.isEmpty { undoStack[undoStack.count - 1].overwritten.append((symbol, state.values[symbol])) }
        state.values[symbol] = value
    }

    /// The value of an answer or a variable (or `score`) by name.
    public func value(of name: String) -> Value? {
        if name == "score" { return .number(state.score) }
        return program.symbol(name).flatMap { state.values[$0] }
    }

    /// Runs until something is to be shown, and returns it. Asking again while the walk waits
    /// for the rep returns the same event.
    public mutating func next() -> WalkEvent {
        while true {
            switch state.phase {
            case .asking(let question): return .question(question)
            case .blocked(let stage, let message): return .unmetCriterion(stage: stage, message: message)
            case .ended(let outcome): return .ended(outcome)
            case .faulted(let fault): return .fault(fault)
            case .entering(let stage):
                state.stage = stage
                state.place = Place(container: stage, path: [0])
                state.stagesEntered.append(stage)
                state.phase = .running
                return .enteredStage(stage)
            case .leaving(let from, let to):
                state.phase = .entering(to)
                return .leftStage(from)
            case .running:
                state.quietSteps += 1
                if state.quietSteps > Self.quietStepLimit {
                    var fault = RuntimeFault(
                        message: "the walk ran \(Self.quietStepLimit) steps without asking anything: a loop with no question in it",
                        path: "", line: 0)
                    fault.isDeadEnd = true
                    state.phase = .faulted(fault)
                    return .fault(fault)
                }
                do throws(RuntimeFault) {
                    if let event = try runStep() { return event }
                } catch {
                    state.phase = .faulted(error)
                    return .fault(error)
                }
            }
        }
    }

    /// Answers the question the walk waits on. False when it waits on none or the value does not
    /// fit the question (its type, range or options; `parseAnswer` reads typed text).
    @discardableResult
    public mutating func answer(_ value: Value) -> Bool {
        guard case .asking(let question) = state.phase, Self.fits(value, question) else { return false }
        if keepsHistory { undoStack.append(Checkpoint(state)) }
        state.quietSteps = 0
        write(value, to: question.name.symbol)
        state.answers.append(GivenAnswer(question: question.name.symbol, value: value))
        state.phase = .running
        let label: BranchLabel? =
            switch (question.type, value) {
            case (.yesNo, .bool(let flag)): flag ? .yes : .no
            case (.choice, .text(let chosen)): .option(chosen)
            default: nil
            }
        let branch = label.flatMap(question.branchIndex(of:))
        if tracing, let side = BranchSide.answered(question, value) { trace.append(side) }
        guard let branch else {
            state.place = state.place.advanced
            return true
        }
        let chosen = question.branches[branch]
        state.score += chosen.score ?? 0
        if let target = chosen.target {
            do throws(RuntimeFault) {
                try jump(to: target, at: chosen.span)
            } catch {
                state.phase = .faulted(error)
            }
        } else if chosen.body.isEmpty {
            state.place = state.place.advanced
        } else {
            state.place.path += [branch, 0]
        }
        return true
    }

    /// Undoes the last answer: the walk is back where that question was asked, as if it had not
    /// been answered. Returns the question, or nil when no answer is left to undo.
    @discardableResult
    public mutating func back() -> Question? {
        guard let checkpoint = undoStack.popLast(), case .asking(let question) = checkpoint.phase else { return nil }
        for (symbol, old) in checkpoint.overwritten.reversed() { state.values[symbol] = old }
        state.stagesEntered.removeSubrange(checkpoint.entered...)
        state.answers.removeSubrange(checkpoint.answered...)
        state.place = checkpoint.place
        state.stage = checkpoint.stage
        state.calls.removeSubrange(checkpoint.callsKept...)
        state.calls.append(contentsOf: checkpoint.callsDropped.reversed())
        state.score = checkpoint.score
        state.random = checkpoint.random
        state.phase = checkpoint.phase
        state.quietSteps = checkpoint.quietSteps
        return question
    }

    /// Takes the calls above `depth` off the stack. The checkpoint of the last answer keeps the
    /// ones it had itself (once each), so that `back` can put them back: a checkpoint copies no
    /// part of the stack, which in a chain of flows calling each other is as deep as the chain.
    mutating func dropCalls(to depth: Int) {
        if let last = undoStack.indices.last {
            while undoStack[last].callsKept > depth {
                undoStack[last].callsKept -= 1
                undoStack[last].callsDropped.append(state.calls[undoStack[last].callsKept])
            }
        }
        state.calls.removeSubrange(depth...)
    }

    /// The calls the checkpoints hold for `back`, in all: at most one per return since the
    /// oldest answer kept (for tests that undo does not copy the stack).
    var callsHeldForUndo: Int { undoStack.reduce(0) { $0 + $1.callsDropped.count } }

    /// Ends the deal where it stands, with an outcome the rep chose.
    public mutating func end(outcome: String, reason: String?) {
        state.phase = .ended(Outcome(name: outcome, reason: reason, score: state.score, byRep: true))
    }

    static func fits(_ value: Value, _ question: Question) -> Bool {
        switch (question.type, value) {
        case (.yesNo, .bool), (.text, .text): true
        case (.number(let range), .number(let number)): range.map { $0.contains(number) } ?? number.isFinite
        case (.scale(let range), .number(let number)): range.contains(number) && number == number.rounded()
        case (.choice, .text(let text)): question.option(text) != nil
        default: false
        }
    }
}

/// The walk just before an answer: its small parts whole, its growing parts by length, and the
/// values written since (each with the value it replaced) and the calls returned from since.
private struct Checkpoint: Sendable {
    let place: Place
    let stage: Int
    /// The calls of the stack at the answer that are still on it, from the bottom.
    var callsKept: Int
    /// The others, as they came off: the top first.
    var callsDropped: [Place] = []
    let score: Double
    let random: SeededRandom
    let phase: WalkState.Phase
    let quietSteps: Int
    let entered: Int
    let answered: Int
    var overwritten: [(Symbol, Value?)] = []

    init(_ state: WalkState) {
        place = state.place
        stage = state.stage
        callsKept = state.calls.count
        score = state.score
        random = state.random
        phase = state.phase
        quietSteps = state.quietSteps
        entered = state.stagesEntered.count
        answered = state.answers.count
    }
}

/// Where a walk is and what it knows.
public struct WalkState: Sendable, Hashable {
    public internal(set) var place = Place(container: 0, path: [0])
    /// The stage the walk is in (a flow runs in the stage that called it).
    public internal(set) var stage = 0
    /// Where each flow being run was called from.
    public internal(set) var calls: [Place] = []
    public internal(set) var values: [Symbol: Value] = [:]
    public internal(set) var score: Double = 0
    public internal(set) var random: SeededRandom
    /// Every stage entered, in order, re-entries included.
    public internal(set) var stagesEntered: [Int] = []
    /// The answers in force, in order.
    public internal(set) var answers: [GivenAnswer] = []
    var phase = Phase.entering(0)
    /// Steps run since the last answer: a walk that runs on and on without asking is stuck.
    var quietSteps = 0

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    enum Phase: Sendable, Hashable {
        case entering(Int)
        case leaving(from: Int, to: Int)
        case running
        case asking(Question)
        case blocked(stage: Int, message: String)
        case ended(Outcome)
        case faulted(RuntimeFault)

        static func == (lhs: Phase, rhs: Phase) -> Bool {
            switch (lhs, rhs) {
            case (.entering(let a), .entering(let b)): a == b
            case (.leaving(let a, let x), .leaving(let b, let y)): a == b && x == y
            case (.running, .running): true
            case (.asking(let a), .asking(let b)): a === b
            case (.blocked(let a, let x), .blocked(let b, let y)): a == b && x == y
            case (.ended(let a), .ended(let b)): a == b
            case (.faulted(let a), .faulted(let b)): a == b
            default: false
            }
        }

        func hash(into hasher: inout Hasher) {
            switch self {
            case .entering(let stage): hasher.combine(stage)
            case .asking(let question): hasher.combine(ObjectIdentifier(question))
            default: hasher.combine(0)
            }
        }
    }
}

/// SplitMix64: small, fast and the same on every machine, so a seed replays a walk exactly.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
    public private(set) var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<count` (count > 0), without modulo bias.
    public mutating func below(_ count: Int) -> Int {
        let bound = UInt64(count)
        let threshold = (0 &- bound) % bound
        while true {
            let draw = next()
            if draw >= threshold { return Int(draw % bound) }
        }
    }
}
