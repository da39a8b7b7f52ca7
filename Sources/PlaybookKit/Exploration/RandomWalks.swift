/// What many random walks through a playbook did.
public struct RandomWalkReport: Sendable {
    public var walks = 0
    /// Questions answered, in all.
    public var steps = 0
    /// How often each branch side was taken.
    public var hits: [BranchSide: Int] = [:]
    public var outcomes: [String: Int] = [:]
    public var faults: [Finding] = []
    public var deadEnds: [Finding] = []
    public var unmet: [Finding] = []
    /// Walks cut after `answerLimit` answers: a loop the random answers did not leave.
    public var cut = 0
    public var answerLimit = 0
}

/// Walks a playbook `count` times with random answers (from the seed: the same seed, the same
/// walks), each answer picked among the candidates that drive the branches.
public func randomWalks(_ program: Program, count: Int, seed: UInt64, answerLimit: Int? = nil) -> RandomWalkReport {
    // Long enough for a walk through every question a few times over.
    let answerLimit = answerLimit ?? max(10_000, 4 * program.questionPlaces.count)
    let candidates = AnswerCandidates(program)
    var report = RandomWalkReport()
    report.answerLimit = answerLimit
    var random = SeededRandom(seed: seed)
    var seen = Set<Finding.Key>()
    var choices: [ObjectIdentifier: [Value]] = [:]
    for _ in 0..<count {
        var walk = Walk(program: program, seed: random.next())
        walk.keepsHistory = false
        walk.tracing = true
        report.walks += 1
        var answered = 0
        walking: while true {
            let event = walk.next()
            for side in walk.trace { report.hits[side, default: 0] += 1 }
            walk.trace.removeAll(keepingCapacity: true)
            func find(_ what: Finding.What, _ path: String, _ line: Int, into list: inout [Finding]) {
                guard seen.insert(Finding.Key(what: what, path: path, line: line)).inserted else { return }
                let answers = walk.state.answers.suffix(30).map { NamedAnswer(question: program.name($0.question), value: $0.value) }
                list.append(Finding(what: what, path: path, line: line, walk: answers))
            }
            switch event {
            case .question(let question):
                guard answered < answerLimit else {
                    report.cut += 1
                    break walking
                }
                let key = ObjectIdentifier(question)
                let values = choices[key] ?? candidates.values(for: question)
                choices[key] = values
                walk.answer(values[random.below(values.count)])
                answered += 1
                report.steps += 1
            case .ended(let outcome):
                report.outcomes[outcome.name, default: 0] += 1
                break walking
            case .unmetCriterion(let stage, let message):
                let span = program.stages[stage].span
                find(
                    .cannotLeave(stage: program.name(program.stages[stage].name.symbol), message: message), program.path(of: span),
                    program.line(of: span), into: &report.unmet)
                break walking
            case .fault(let fault):
                if fault.isDeadEnd {
                    find(.fault(fault.message), fault.path, fault.line, into: &report.deadEnds)
                } else {
                    find(.fault(fault.message), fault.path, fault.line, into: &report.faults)
                }
                break walking
            default:
                continue
            }
        }
    }
    return report
}
