/// Something exploration or random walks found, with a walk that shows it.
public struct Finding: Sendable, Hashable {
    public var what: What
    public var path: String
    public var line: Int
    /// The answers that lead there: `role = "Champion"`, `tool = no`.
    public var walk: [NamedAnswer]

    public enum What: Sendable, Hashable {
        /// A fault or a dead end, as the walk tells it.
        case fault(String)
        /// An exit criterion of the stage (its id) held the walk, with the criterion's message.
        case cannotLeave(stage: String, message: String)
        /// An exit criterion (its condition as written) of the stage that failed on every explored
        /// walk that reached it.
        case neverHolds(condition: String, stage: String)
    }

    /// What makes a finding new: the same thing found at the same place on another walk is not.
    struct Key: Hashable {
        var what: What
        var path: String
        var line: Int
    }
}

/// What exploring a playbook found.
public struct ExploreReport: Sendable {
    public var covered: Set<BranchSide> = []
    public var faults: [Finding] = []
    /// Walks stuck in a loop that asks nothing.
    public var deadEnds: [Finding] = []
    /// Exit criteria that failed, each with the first walk on which it did.
    public var unmet: [Finding] = []
    /// Exit criteria that failed on every explored walk that reached them.
    public var neverMet: [Finding] = []
    public var outcomes: [String: Int] = [:]
    /// Walks that each took a branch side no walk before them did (ending in an outcome, or
    /// blocked by an exit criterion): a scenario file covering every side reached. Kept only
    /// when the explorer `finishesNewWalks`: each holds every answer of its walk.
    public var walks: [ScenarioWalk] = []
    /// Questions answered, in all.
    public var steps = 0
    /// True when the step budget ran out before every question was tried.
    public var stoppedEarly = false
}

/// Explores every branch side like ChoiceScript's quicktest: depth first, trying every candidate
/// answer at a question and taking it back with `back` (no copies of the walk), and expanding
/// each question at most a few times, so that the work stays linear in the playbook's size.
public struct Explorer {
    let program: Program
    let candidates: AnswerCandidates
    /// How many times a question is expanded: more finds branches that depend on earlier
    /// answers. By default a small playbook is explored almost exhaustively and a large one
    /// a few times per question, within the step budget.
    public var expansionsPerQuestion: Int
    public var stepBudget = 2_000_000
    /// Finish every walk that took a side for the first time and keep it in `walks`, so that
    /// they cover every side reached (for `--emit-scenarios`). Costs a walk to the end per new
    /// side, and the answers of each walk kept: off by default.
    public var finishesNewWalks = false

    public init(program: Program) {
        self.program = program
        candidates = AnswerCandidates(program)
        expansionsPerQuestion = min(1000, max(2, 100_000 / max(1, program.questionPlaces.count)))
    }

    private struct Frame {
        let place: Place
        let values: [Value]
        var next: Int
        /// Sides taken since this frame's answer, up to the next question.
        var sides: [BranchSide] = []
        /// How many of those no kept walk took yet.
        var unkept = 0
        /// Some of those sides were taken for the first time.
        var fresh = false
    }

    public func explore() -> ExploreReport {
        var report = ExploreReport()
        var walk = Walk(program: program, seed: 0)
        walk.tracing = true
        var frames: [Frame] = []
        var rootSides: [BranchSide] = []
        // Sides of the walk being explored that no kept walk took, counted as they are taken, so
        // that whether a walk is worth keeping costs nothing however long the walk is.
        var unkept = 0
        var expansions: [Place: Int] = [:]
        // How often the walk being explored has asked at each place: a loop is gone round twice
        // at most, so that it cannot use up the budget.
        var onPath: [Place: Int] = [:]
        var pathCovered = Set<BranchSide>()
        var seenFindings = Set<Finding.Key>()
        var exitHeld = Set<BranchSide>()
        var exitFailed: [BranchSide: Finding] = [:]

        func answers() -> [NamedAnswer] {
            walk.state.answers.map { NamedAnswer(question: program.name($0.question), value: $0.value) }
        }
        // Frames whose answers took a side for the first time: while there are any, the walk is
        // finished even through questions expanded enough already, so that a scenario keeps it.
        var freshFrames = 0
        func collectTrace() {
            guard !walk.trace.isEmpty else { return }
            let isNew = walk.trace.contains { !report.covered.contains($0) }
            report.covered.formUnion(walk.trace)
            let newToKept = finishesNewWalks ? walk.trace.count { !pathCovered.contains($0) } : 0
            unkept += newToKept
            if frames.isEmpty {
                rootSides += walk.trace
            } else {
                frames[frames.count - 1].sides += walk.trace
                frames[frames.count - 1].unkept += newToKept
                if isNew, !frames[frames.count - 1].fresh {
                    frames[frames.count - 1].fresh = true
                    freshFrames += 1
                }
            }
            // Exit criteria: which held somewhere, and the first walk on which each failed.
            for side in walk.trace {
                guard case .exit(let stage, let criterion, let holds) = side else { continue }
                let key = BranchSide.exit(stage: stage, criterion: criterion, holds: true)
                if holds {
                    exitHeld.insert(key)
                } else if exitFailed[key] == nil {
                    let exit = program.stages[stage].exits[criterion]
                    exitFailed[key] = Finding(
                        what: .neverHolds(condition: program.text(of: exit.condition.span), stage: program.name(program.stages[stage].name.symbol)),
                        path: program.path(of: exit.span), line: program.line(of: exit.span), walk: answers())
                }
            }
            walk.trace.removeAll(keepingCapacity: true)
        }
        /// Keeps the walk for the scenario file when it took a side no kept walk took.
        func keepIfNew(_ ending: ScenarioWalk.Ending) {
            guard finishesNewWalks, unkept > 0 else { return }
            pathCovered.formUnion(rootSides)
            for index in frames.indices {
                pathCovered.formUnion(frames[index].sides)
                frames[index].unkept = 0
            }
            unkept = 0
            report.walks.append(ScenarioWalk(answers: walk.state.answers.map { (program.name($0.question), $0.value) }, ending: ending))
        }
        func find(_ what: Finding.What, path: String, line: Int, into list: inout [Finding]) {
            guard seenFindings.insert(Finding.Key(what: what, path: path, line: line)).inserted else { return }
            list.append(Finding(what: what, path: path, line: line, walk: answers()))
        }

        var forward = true
        while true {
            if forward {
                let event = walk.next()
                collectTrace()
                switch event {
                case .question(let question):
                    let place = walk.state.place
                    let count = expansions[place, default: 0]
                    let rounds = onPath[place, default: 0]
                    let expand = count < expansionsPerQuestion && rounds < 2
                    if report.steps < stepBudget, expand || (finishesNewWalks && freshFrames > 0 && rounds < 4) {
                        if expand { expansions[place] = count + 1 }
                        onPath[place, default: 0] += 1
                        let values = candidates.values(for: question)
                        frames.append(Frame(place: place, values: expand ? values : [values[0]], next: 1))
                        walk.answer(values[0])
                        report.steps += 1
                        continue
                    }
                    if report.steps >= stepBudget { report.stoppedEarly = true }
                case .unmetCriterion(let stage, let message):
                    let name = program.name(program.stages[stage].name.symbol)
                    let line = program.line(of: program.stages[stage].span)
                    find(.cannotLeave(stage: name, message: message), path: program.path(of: program.stages[stage].span), line: line, into: &report.unmet)
                    keepIfNew(.blocked(name))
                case .ended(let outcome):
                    report.outcomes[outcome.name, default: 0] += 1
                    keepIfNew(.outcome(outcome.name))
                case .fault(let fault):
                    if fault.isDeadEnd {
                        find(.fault(fault.message), path: fault.path, line: fault.line, into: &report.deadEnds)
                    } else {
                        find(.fault(fault.message), path: fault.path, line: fault.line, into: &report.faults)
                    }
                default:
                    continue
                }
                forward = false
            }
            // Back to the last question with an answer left to try.
            guard var top = frames.popLast() else { break }
            walk.back()
            walk.trace.removeAll(keepingCapacity: true)
            unkept -= top.unkept
            top.unkept = 0
            if top.fresh {
                top.fresh = false
                freshFrames -= 1
            }
            if top.next < top.values.count, report.steps < stepBudget {
                let value = top.values[top.next]
                top.next += 1
                top.sides = []
                frames.append(top)
                walk.answer(value)
                report.steps += 1
                forward = true
            } else {
                if top.next < top.values.count { report.stoppedEarly = true }
                onPath[top.place, default: 1] -= 1
            }
        }
        report.neverMet = exitFailed.filter { !exitHeld.contains($0.key) }.map(\.value).sorted { ($0.path, $0.line) < ($1.path, $1.line) }
        return report
    }
}
