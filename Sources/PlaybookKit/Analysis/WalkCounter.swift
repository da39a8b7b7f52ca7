/// How many walks lead to an outcome.
public struct WalkCount: Sendable, Hashable {
    /// The walks that close no loop (see `docs/analysis.md`): always finite. When `loop` is nil
    /// this is every walk.
    public var loopFree: BigUInt
    /// A loop that walks to the outcome can go round as often as they like, making their number
    /// infinite; nil when it is finite.
    public var loop: LoopSite?

    public var isInfinite: Bool { loop != nil }
}

/// Where a loop closes: the jump back (or the call of a flow from itself) that lets a walk go round.
public struct LoopSite: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// A jump to an earlier question, the same stage or an earlier stage.
        case jumpBack = "jump back"
        /// A call of a flow from within itself (or from a flow it calls).
        case recursion
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    /// The line as written, without its indentation: `-> pain`, `no -> pain`, `call objections`.
    public var source: String
    /// Where the walk goes back to.
    public var target: Target
    public var targetLine: Int

    public enum Target: Sendable, Hashable {
        case question(String)
        case stage(String)
        case flow(String)
        /// Another step, by the line it is on.
        case line(Int)
    }
}

/// Walks counted without listing them: the number of loop-free walks from each node is pushed
/// forward along the flowchart with its loop-closing edges removed, in an order where every edge
/// goes forward, so each node is visited once. Each flow is counted once, as walks to its
/// `return` and walks to each outcome inside it, and a `call` multiplies by those numbers.
///
/// Whether the number is infinite is decided apart, exactly: walks from a node to a target are
/// infinitely many when a loop lies on one of them (including flows that call themselves).
struct WalkCounter {
    let paths: PathGraph
    /// Loop-free walks from the first stage to each outcome.
    private(set) var ends: [BigUInt] = []
    /// Loop-free walks through each flow to its `return`, and to each outcome inside it.
    private(set) var flowReturns: [BigUInt]
    private(set) var flowEnds: [[BigUInt]]
    /// For each node, the targets it reaches by infinitely many walks (`words` per node).
    private var infinite: [UInt64]
    /// In flows that call each other: the recursive call that closes the loop a node's walks to
    /// a target go round, by `node * targets + target`.
    private var recursion: [Int: Int32] = [:]

    init(_ paths: PathGraph) {
        self.paths = paths
        let zeros = Array(repeating: BigUInt(), count: paths.outcomes.count)
        flowReturns = Array(repeating: BigUInt(), count: paths.program.flows.count)
        flowEnds = Array(repeating: zeros, count: paths.program.flows.count)
        infinite = Array(repeating: 0, count: paths.nodeCount * paths.words)
        var pending = [BigUInt](repeating: BigUInt(), count: paths.nodeCount)
        for group in paths.flowGroups {
            for flow in group {
                (flowReturns[flow], flowEnds[flow]) = count(container: flow + 1, pending: &pending)
            }
            if paths.recursiveGroup[group[0]] >= 0 {
                solveRecursiveInfinite(group)
            } else {
                for component in paths.componentsOf[group[0] + 1] { solveInfinite(Int(component)) }
            }
        }
        ends = count(container: 0, pending: &pending).ends
        for component in paths.componentsOf[0] { solveInfinite(Int(component)) }
    }

    /// The walks from the first stage to each outcome.
    func walkCount(_ outcome: Int) -> WalkCount {
        WalkCount(loopFree: ends[outcome], loop: paths.entry(of: 0).flatMap { loop(from: $0, to: outcome) })
    }

    // MARK: Loop-free counts

    private func count(container: Int, pending: inout [BigUInt]) -> (returns: BigUInt, ends: [BigUInt]) {
        var returns = BigUInt()
        var ends = Array(repeating: BigUInt(), count: paths.outcomes.count)
        guard let entry = paths.entry(of: container) else { return (returns, ends) }
        func deliver(_ walks: BigUInt, to node: Int) {
            switch paths.role[node] {
            case .end: ends[Int(paths.detail[node])] += walks
            case .ret: returns += walks
            case .sink: break
            case .plain, .call: pending[node] += walks
            }
        }
        deliver(1, to: entry)
        for node in paths.forwardOrder(of: container).lazy.map(Int.init) where !pending[node].isZero {
            var walks = BigUInt()
            swap(&walks, &pending[node])
            if paths.role[node] == .call {
                guard !paths.closesRecursion(node) else { continue }
                let flow = paths.callee(node)
                for outcome in ends.indices where !flowEnds[flow][outcome].isZero {
                    ends[outcome] += walks * flowEnds[flow][outcome]
                }
                if !flowReturns[flow].isZero { deliver(walks * flowReturns[flow], to: paths.after(node)) }
            } else {
                paths.forEachForwardEdge(node) { _, target in deliver(walks, to: target) }
            }
        }
        return (returns, ends)
    }

    // MARK: Infinitely many walks

    private func infiniteHas(_ node: Int, _ target: Int) -> Bool {
        infinite[node * paths.words + target / 64] & (1 << UInt64(target % 64)) != 0
    }

    /// A component whose successors are solved: a loop reaches all it can by infinitely many
    /// walks; a single node, what its successors reach so (through a call: what the flow
    /// reaches so, or what follows the call when the flow returns).
    private mutating func solveInfinite(_ component: Int) {
        let words = paths.words
        let nodes = paths.components.members(of: component)
        if paths.components.cyclic[component] {
            for node in nodes.lazy.map(Int.init) {
                for word in 0..<words { infinite[node * words + word] = paths.reach[node * words + word] }
            }
            return
        }
        guard let node = nodes.first.map(Int.init) else { return }
        switch paths.role[node] {
        case .plain:
            for successor in paths.next(node).lazy.map(Int.init) {
                for word in 0..<words { infinite[node * words + word] |= infinite[successor * words + word] }
            }
        case .call:
            let entry = paths.graph.flowEntries[paths.callee(node)]
            let after = paths.after(node)
            let ret = paths.returnTarget
            for word in 0..<words {
                var bits = infinite[entry * words + word]
                if word == ret / 64 { bits &= ~(1 << UInt64(ret % 64)) }
                if paths.has(entry, ret) {
                    // Returning by infinitely many walks makes every walk on after the call count
                    // infinitely often; else only what is infinite after the call.
                    bits |= infiniteHas(entry, ret) ? paths.reach[after * words + word] : infinite[after * words + word]
                }
                infinite[node * words + word] = bits
            }
        case .end, .ret, .sink:
            break
        }
    }

    /// Flows that call each other: a node and a target make one vertex, a vertex depends on the
    /// vertices its walks go through (a call on both the flow's return and what follows), and a
    /// vertex reaches its target by infinitely many walks when it lies on a loop of those
    /// dependencies or depends on one that does.
    private mutating func solveRecursiveInfinite(_ group: [Int]) {
        let targets = paths.outcomes.count + 1
        let ret = paths.returnTarget
        var nodes: [Int] = []
        for flow in group {
            for component in paths.componentsOf[flow + 1] { nodes += paths.components.members(of: Int(component)).map(Int.init) }
        }
        var local = [Int: Int](minimumCapacity: nodes.count)
        for (index, node) in nodes.enumerated() { local[node] = index }
        var edgeStart: [Int32] = [0]
        var edges: [Int32] = []
        var seeded = [Bool](repeating: false, count: nodes.count * targets)
        for (index, node) in nodes.enumerated() {
            for target in 0..<targets {
                let vertex = index * targets + target
                func depend(_ other: Int, _ otherTarget: Int) {
                    if let position = local[other] {
                        edges.append(Int32(position * targets + otherTarget))
                    } else if infiniteHas(other, otherTarget) {
                        seeded[vertex] = true
                    }
                }
                if paths.has(node, target) {
                    switch paths.role[node] {
                    case .plain:
                        for successor in paths.next(node).lazy.map(Int.init) where paths.has(successor, target) {
                            depend(successor, target)
                        }
                    case .call:
                        let entry = paths.graph.flowEntries[paths.callee(node)]
                        let after = paths.after(node)
                        if target != ret, paths.has(entry, target) { depend(entry, target) }
                        if paths.has(entry, ret), paths.has(after, target) {
                            depend(entry, ret)
                            depend(after, target)
                        }
                    case .end, .ret, .sink:
                        break
                    }
                }
                edgeStart.append(Int32(edges.count))
            }
        }
        let vertices = Components(start: edgeStart, targets: edges)
        var isInfinite = [Bool](repeating: false, count: vertices.count)
        for component in 0..<vertices.count {
            let members = vertices.members(of: component)
            var result = vertices.cyclic[component]
            for vertex in members.lazy.map(Int.init) where !result {
                result = seeded[vertex]
                    || edges[Int(edgeStart[vertex])..<Int(edgeStart[vertex + 1])].contains { isInfinite[Int(vertices.component[Int($0)])] }
            }
            isInfinite[component] = result
            guard result else { continue }
            // The recursive call the loop goes through, when it is not a loop inside one flow.
            let call = vertices.cyclic[component]
                ? members.lazy.map { nodes[Int($0) / targets] }.first { self.paths.closesRecursion($0) } : nil
            for vertex in members.lazy.map(Int.init) {
                let (node, target) = (nodes[vertex / targets], vertex % targets)
                infinite[node * paths.words + target / 64] |= 1 << UInt64(target % 64)
                if let call { recursion[node * targets + target] = Int32(call) }
            }
        }
    }

    /// The loop that makes the walks from `node` to `target` infinitely many, found by following
    /// what makes them so down to a loop; nil when they are finitely many.
    func loop(from start: Int, to goal: Int) -> LoopSite? {
        var (node, target) = (start, goal)
        let targets = paths.outcomes.count + 1
        let ret = paths.returnTarget
        for _ in 0...(paths.nodeCount * targets) {
            guard infiniteHas(node, target) else { return nil }
            let component = Int(paths.components.component[node])
            if paths.components.cyclic[component] { return jumpBack(in: component) }
            if let call = recursion[node * targets + target] { return recursionSite(Int(call)) }
            switch paths.role[node] {
            case .plain:
                guard let successor = paths.next(node).first(where: { infiniteHas(Int($0), target) }) else { return nil }
                node = Int(successor)
            case .call:
                let entry = paths.graph.flowEntries[paths.callee(node)]
                if target != ret, infiniteHas(entry, target) {
                    node = entry
                } else if infiniteHas(entry, ret) {
                    (node, target) = (entry, ret)
                } else {
                    node = paths.after(node)
                }
            case .end, .ret, .sink:
                return nil
            }
        }
        return nil
    }

    /// The first loop-closing edge of a loop, in playbook order.
    private func jumpBack(in component: Int) -> LoopSite? {
        for node in paths.components.members(of: component).lazy.map(Int.init) {
            for (edge, target) in paths.next(node).enumerated() where paths.closesLoop(node, Int(target)) {
                return site(from: node, edge: edge, to: Int(target))
            }
        }
        return nil
    }

    private func site(from node: Int, edge: Int, to target: Int) -> LoopSite? {
        guard let step = paths.graph.step(node) else { return nil }
        var span = step.span
        if case .ask(let question) = step {
            let branches: [Branch]
            switch question.type {
            case .yesNo: branches = question.branches.filter { $0.label == (edge == 0 ? .yes : .no) }
            default: branches = Array(question.branches.filter(\.label.isOption).dropFirst(edge).prefix(1))
            }
            if let branch = branches.first { span = branch.span }
        }
        let (name, targetSpan) = describe(target)
        return LoopSite(
            kind: .jumpBack, file: paths.program.path(of: span), line: paths.program.line(of: span),
            source: paths.lineText(span), target: name, targetLine: paths.program.line(of: targetSpan))
    }

    /// What a jump lands on, for a person: the question or stage, and where it is written.
    private func describe(_ node: Int) -> (LoopSite.Target, Span) {
        let program = paths.program
        let info = paths.graph.nodes[node]
        switch info.kind {
        case .stageEntry:
            let stage = program.stages[Int(info.payload)]
            return (.stage(program.name(stage.name.symbol)), stage.name.span)
        case .leave:
            let stage = program.stages[Int(info.payload2)]
            return (.stage(program.name(stage.name.symbol)), stage.name.span)
        default:
            if case .ask(let question)? = paths.graph.step(node) {
                return (.question(program.name(question.name.symbol)), question.name.span)
            }
            let span = paths.graph.step(node)?.span ?? Span(file: 0, start: 0, end: 0)
            return (.line(program.line(of: span)), span)
        }
    }

    private func recursionSite(_ call: Int) -> LoopSite? {
        guard let step = paths.graph.step(call) else { return nil }
        let flow = paths.program.flows[paths.callee(call)]
        return LoopSite(
            kind: .recursion, file: paths.program.path(of: step.span), line: paths.program.line(of: step.span),
            source: paths.lineText(step.span), target: .flow(paths.program.name(flow.name.symbol)),
            targetLine: paths.program.line(of: flow.name.span))
    }
}
