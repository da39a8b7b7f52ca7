/// The longest loop-free walk to each outcome: the most questions asked (then the most steps) on a
/// walk of the flowchart with its loop-closing edges removed, where every walk is finite. Found
/// like the counts: each node visited once in an order where every edge goes forward, each flow
/// solved once (its longest walk to `return` and to each outcome) and used at each `call`.
struct LongestWalk {
    private let paths: PathGraph
    /// For each node reached: the longest walk from its container's entry to it (before it).
    private var length: [WalkLength]
    /// The node before, on that walk, and the edge from it; edge -1: through the callee of that
    /// `call` node to its `return`.
    private var parent: [Int32]
    private var parentEdge: [Int32]
    /// Each flow's longest loop-free walk to a `return`: the `return` node and the length.
    private var flowReturn: [(node: Int, length: WalkLength)?]
    /// Each container's longest walk to each outcome: the `end` node (or the `call` whose flow
    /// ends the walk) and the length.
    private var best: [[(node: Int, length: WalkLength)?]]

    init(_ paths: PathGraph) {
        self.paths = paths
        length = Array(repeating: .none, count: paths.nodeCount)
        parent = Array(repeating: -1, count: paths.nodeCount)
        parentEdge = Array(repeating: -1, count: paths.nodeCount)
        flowReturn = Array(repeating: nil, count: paths.program.flows.count)
        best = Array(repeating: Array(repeating: nil, count: paths.outcomes.count), count: paths.program.flows.count + 1)
        for flow in paths.flowGroups.joined() { solve(container: flow + 1) }
        solve(container: 0)
    }

    /// The longest loop-free walk from the first stage to the outcome, nil when none reaches it.
    func walk(to outcome: Int, keep: Int? = nil) -> ListedWalk? {
        guard best[0][outcome] != nil else { return nil }
        var decisions: [Decision] = []
        appendEnd(container: 0, outcome: outcome, to: &decisions)
        return paths.describe(decisions, keep: keep)
    }

    /// The length of the longest loop-free walk to the outcome.
    func longest(to outcome: Int) -> WalkLength? { best[0][outcome]?.length }

    private mutating func solve(container: Int) {
        let paths = self.paths
        guard let entry = paths.entry(of: container) else { return }
        length[entry] = .zero
        var returnBest: (node: Int, length: WalkLength)?
        func offer(_ candidate: WalkLength, _ node: Int, outcome: Int) {
            if let current = best[container][outcome], current.length >= candidate { return }
            best[container][outcome] = (node, candidate)
        }
        for node in paths.forwardOrder(of: container).lazy.map(Int.init) where !length[node].isNone {
            let through = length[node] + paths.length(of: node)
            switch paths.role[node] {
            case .end: offer(through, node, outcome: Int(paths.detail[node]))
            case .ret:
                if returnBest.map({ $0.length < through }) ?? true { returnBest = (node, through) }
            case .sink: break
            case .call:
                guard !paths.closesRecursion(node) else { continue }
                let flow = paths.callee(node)
                for outcome in paths.outcomes.indices {
                    if let inner = best[flow + 1][outcome] { offer(through + inner.length, node, outcome: outcome) }
                }
                if let returned = flowReturn[flow] { relax(paths.after(node), through + returned.length, from: node, edge: -1) }
            case .plain:
                paths.forEachForwardEdge(node) { edge, target in relax(target, through, from: node, edge: edge) }
            }
        }
        if container > 0 { flowReturn[container - 1] = returnBest }
    }

    /// Keeps the longer walk; between walks as long, the one that left the earlier place in the
    /// playbook (by its earlier edge), so that ties go to the first option as they do elsewhere.
    private mutating func relax(_ node: Int, _ candidate: WalkLength, from source: Int, edge: Int) {
        if !length[node].isNone {
            guard length[node] <= candidate else { return }
            if length[node] == candidate {
                guard parent[node] >= 0 else { return }
                let current = (paths.rank(Int(parent[node])), Int(parentEdge[node]))
                guard (paths.rank(source), edge) < current else { return }
            }
        }
        length[node] = candidate
        parent[node] = Int32(source)
        parentEdge[node] = Int32(edge)
    }

    /// The decisions of the walk from the container's entry to the best end of `outcome`, through
    /// the flows whose `call` ends it (a loop, not a call per flow: a chain of calls may be long).
    private func appendEnd(container: Int, outcome: Int, to decisions: inout [Decision]) {
        var container = container
        while let (node, _) = best[container][outcome] {
            appendWalk(to: node, into: &decisions)
            guard paths.role[node] == .call else { return }
            container = paths.callee(node) + 1
        }
    }

    /// The decisions of the longest walk from the container's entry to `node`, flows included:
    /// the walk through a flow called on the way is spliced in where its `call` is, with a stack
    /// of the walks begun rather than a call per flow.
    private func appendWalk(to node: Int, into decisions: inout [Decision]) {
        var begun: [(steps: [(node: Int, edge: Int)], next: Int)] = [(steps(to: node), 0)]
        while let last = begun.indices.last {
            guard begun[last].next < begun[last].steps.count else {
                begun.removeLast()
                continue
            }
            let (source, edge) = begun[last].steps[begun[last].next]
            begun[last].next += 1
            if edge < 0 {
                if let returned = flowReturn[paths.callee(source)] { begun.append((steps(to: returned.node), 0)) }
            } else if paths.graph.successors(source).count > 1 {
                decisions.append(Decision(node: Int32(source), edge: Int32(edge)))
            }
        }
    }

    /// The nodes and edges of the longest walk from the container's entry to `node`, in order.
    private func steps(to node: Int) -> [(node: Int, edge: Int)] {
        var chain: [(node: Int, edge: Int)] = []
        var current = node
        while parent[current] >= 0 {
            chain.append((Int(parent[current]), Int(parentEdge[current])))
            current = Int(parent[current])
        }
        return chain.reversed()
    }
}
