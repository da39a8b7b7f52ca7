/// The most points any walk through a playbook can collect, computed from the flowchart (not by
/// trying walks): each node sums up the rest of the walk from it as a `ScoreFunction`, loops are
/// solved by relaxation (a loop that adds points has no maximum), and each flow sums up once,
/// to be applied wherever it is called.
///
/// Every branch counts as possible: conditions and exit criteria are not evaluated, so this is
/// the best over the flowchart's walks, which the rep may not all be able to take.
public struct BestScore: Sendable, Hashable {
    public enum Bound: Sendable, Hashable {
        case points(Double)
        /// A loop can add points again and again.
        case unbounded
        /// No walk reaches an outcome.
        case noWalk
    }

    /// Over every walk from the start, starting at 0.
    public let anyWalk: Bound
    /// False when a `set score` computes from answers: those changes count as 0 here.
    public let exact: Bool

    init(anyWalk: Bound, exact: Bool) {
        self.anyWalk = anyWalk
        self.exact = exact
    }

    public init(_ program: Program) {
        var solver = Solver(program: program)
        let function = solver.solve()
        exact = solver.exact
        let best = function.apply(0)
        anyWalk = best == .infinity ? .unbounded : best == -.infinity ? .noWalk : .points(best)
    }
}

private struct Solver {
    let program: Program
    let graph: FlowGraph
    var end: [ScoreFunction]
    var back: [ScoreFunction]
    var exact = true

    init(program: Program) {
        self.program = program
        graph = program.graph
        end = Array(repeating: .none, count: graph.nodes.count)
        back = end
    }

    /// What the walk from the first stage can reach.
    mutating func solve() -> ScoreFunction {
        let count = graph.nodes.count
        let adjacency = (0..<count).map { graph.successors($0).map(Int.init) }
        var byContainer = Array(repeating: [[Int]](), count: program.flows.count + 1)
        for component in CallGraph.stronglyConnected(adjacency) {
            byContainer[Int(graph.nodes[component[0]].container)].append(component)
        }
        let calls = CallGraph(graph: graph, flowCount: program.flows.count)
        for group in calls.components {
            let recursive = group.count > 1 || group.contains { calls.callees[$0].contains($0) }
            guard recursive else {
                for component in byContainer[group[0] + 1] { relax(component) }
                continue
            }
            // A flow that calls itself needs its own summary: repeat until it settles, and call
            // what still grows unbounded.
            let rounds = group.reduce(2) { $0 + byContainer[$1 + 1].count }
            var settled = false
            for _ in 0..<rounds {
                let before = group.map { entrySummary(of: $0) }
                for flow in group { for component in byContainer[flow + 1] { relax(component) } }
                if group.map({ entrySummary(of: $0) }) == before {
                    settled = true
                    break
                }
            }
            if !settled {
                for flow in group {
                    let entry = graph.flowEntries[flow]
                    if !end[entry].isNone { end[entry].gain = .infinity }
                    if !back[entry].isNone { back[entry].gain = .infinity }
                }
                for flow in group { for component in byContainer[flow + 1] { relax(component) } }
            }
        }
        for component in byContainer[0] { relax(component) }
        return graph.stageEntries.first.map { end[$0] } ?? .none
    }

    private func entrySummary(of flow: Int) -> [ScoreFunction] {
        let entry = graph.flowEntries[flow]
        return [end[entry], back[entry]]
    }

    /// Solves a strongly connected set of nodes whose successors outside it are solved already.
    private mutating func relax(_ component: [Int]) {
        if component.count == 1, !graph.successors(component[0]).contains(Int32(component[0])) {
            update(component[0])
            return
        }
        // Bellman-Ford: without a loop that adds points, |component| rounds settle every value.
        for _ in 0...component.count {
            var changed = false
            for node in component { changed = update(node) || changed }
            if !changed { return }
        }
        // Still growing: a loop adds points. What keeps growing has no maximum; spread that.
        for node in component {
            let before = (end[node], back[node])
            update(node)
            if end[node].gain > before.0.gain { end[node].gain = .infinity }
            if end[node].floor > before.0.floor { end[node].floor = .infinity }
            if back[node].gain > before.1.gain { back[node].gain = .infinity }
            if back[node].floor > before.1.floor { back[node].floor = .infinity }
        }
        for _ in 0...component.count {
            var changed = false
            for node in component { changed = update(node) || changed }
            if !changed { return }
        }
    }

    /// Recomputes a node from its successors; true when it changed.
    @discardableResult
    private mutating func update(_ node: Int) -> Bool {
        let (newEnd, newBack) = transfer(node)
        // Values only grow during relaxation: keep the larger, so the loop cannot oscillate.
        let mergedEnd = end[node].max(newEnd)
        let mergedBack = back[node].max(newBack)
        defer {
            end[node] = mergedEnd
            back[node] = mergedBack
        }
        return mergedEnd != end[node] || mergedBack != back[node]
    }

    private mutating func transfer(_ node: Int) -> (ScoreFunction, ScoreFunction) {
        let successors = graph.successors(node).map(Int.init)
        func best(_ nodes: [Int], adding points: [Double]? = nil) -> (ScoreFunction, ScoreFunction) {
            var result = (ScoreFunction.none, ScoreFunction.none)
            for (index, next) in nodes.enumerated() {
                let extra = points.map { $0[index] } ?? 0
                result.0 = result.0.max(end[next].after(adding: extra))
                result.1 = result.1.max(back[next].after(adding: extra))
            }
            return result
        }
        switch graph.nodes[node].kind {
        case .endTarget: return (.identity, .none)
        case .fallOffLast, .fallOffFlow, .unresolved: return (.none, .none)
        case .stageEntry, .flowEntry, .leave: return best(successors)
        case .step: break
        }
        guard let step = graph.step(node) else { return (.none, .none) }
        switch step {
        case .end: return (.identity, .none)
        case .return: return (.none, .identity)
        case .ask(let question) where question.type == .choice:
            return best(successors, adding: question.branches.map { $0.score ?? 0 })
        case .set(let assignment) where assignment.name.symbol == program.scoreSymbol:
            guard let after = successors.first else { return (.none, .none) }
            guard let value = Self.constant(assignment.value) else {
                exact = false
                return (end[after], back[after])
            }
            switch assignment.op {
            case .assign: return (end[after].after(setting: value), back[after].after(setting: value))
            case .add: return (end[after].after(adding: value), back[after].after(adding: value))
            case .subtract: return (end[after].after(adding: -value), back[after].after(adding: -value))
            }
        case .call:
            guard let after = successors.first, let flow = graph.callee(node), flow >= 0 else { return (.none, .none) }
            let entry = graph.flowEntries[flow]
            let returned = back[entry]
            return (end[entry].max(end[after].after(returned)), back[after].after(returned))
        default:
            return best(successors)
        }
    }

    /// A number written in the playbook: `3`, `-2`.
    private static func constant(_ expr: Expr) -> Double? {
        switch expr {
        case .number(let value, _): value
        case .unary(.negate, .number(let value, _), _): -value
        default: nil
        }
    }
}
