/// The flowchart as the path analyses read it: what each node does to a walk, what each node can
/// still reach, its loops, and the jumps that close them.
///
/// A walk is a path from the first stage to an outcome. At a `call` it goes through the flow: to a
/// `return`, then on after the `call`, or to an `end` inside the flow. Each flow is summed up
/// once (in `WalkCounter`, `ShortestWalks`, ...) and the summary is used at every `call`.
///
/// A **target** is what a walk through a node can end at: an outcome, or, in a flow, `return`.
/// Sets of targets are bit sets, `words` 64-bit words per node, the outcomes first and `return`
/// last.
///
/// A **loop-closing edge** is a jump back (to a point at or above the jump in the playbook: an
/// earlier question, the stage itself, an earlier stage) from which the walk can come round to the
/// jump again. Every loop has one, so without them the flowchart has no loop; the walks that take
/// none are the *loop-free* walks, finite in number. Likewise a `call` that closes a loop of flows
/// calling each other (see `closesRecursion`).
struct PathGraph {
    enum Role: UInt8 {
        /// Goes on to its successors.
        case plain
        /// Ends the walk with `detail` as outcome.
        case end
        /// `return`: hands the walk back to the `call`.
        case ret
        /// Calls the flow `detail`; its only successor is the step after it.
        case call
        /// A place a checked playbook never reaches (running off a stage or a flow, a jump that did
        /// not resolve).
        case sink
    }

    let program: Program
    let graph: FlowGraph
    let nodeCount: Int
    /// Outcome names, in the order reports list them: as declared, else as first written.
    let outcomes: [String]
    let words: Int
    let role: [Role]
    /// The outcome of an `end` node, the flow of a `call` node, -1 otherwise.
    let detail: [Int32]
    /// Whether the node asks a question.
    let asks: [Bool]
    /// The targets each node can still reach, `words` per node.
    private(set) var reach: [UInt64]
    /// Whether each flow can return (some walk through it reaches `return`).
    private(set) var canReturn: [Bool]
    /// The edges a walk can take, `edges[edgeStart[node]..<edgeStart[node + 1]]`: the flowchart's,
    /// but none past a `call` to a flow that never returns.
    private(set) var edgeStart: [Int32] = []
    private(set) var edges: [Int32] = []
    private(set) var predecessorStart: [Int32] = []
    private(set) var predecessors: [Int32] = []
    /// The `call` nodes of each flow.
    private(set) var callers: [[Int32]]
    /// The flow each node is the entry of, or -1.
    private(set) var entryOf: [Int32]

    /// The strongly connected components over the edges a walk can take, sinks first; the members
    /// of a loop are in playbook order (`rank`).
    private(set) var components = Components(start: [0], targets: [])
    /// The components of each container (0: the stages, 1 + flow: a flow), sinks first.
    private(set) var componentsOf: [[Int32]]
    /// Each container's nodes in `forwardOrder`, one container after another.
    private var forwardOrders: [Int32] = []
    private var forwardOrderStart: [Int32] = [0]

    /// Groups of flows, callees first; flows that call each other (by calls a walk can reach)
    /// share one, in which the flows declared later come first.
    private(set) var flowGroups: [[Int]] = []
    /// For a flow in a group of flows that call each other (or itself), the group's index; else -1.
    private(set) var recursiveGroup: [Int]

    init(program: Program) {
        self.program = program
        graph = program.graph
        nodeCount = graph.nodes.count
        var outcomes = program.outcomes ?? program.endingNames
        var outcomeIndex = SymbolMap<Int>()
        for (index, name) in outcomes.enumerated() {
            if let symbol = program.symbol(name) { outcomeIndex[symbol] = index }
        }
        var role = [Role](repeating: .plain, count: nodeCount)
        var detail = [Int32](repeating: -1, count: nodeCount)
        var asks = [Bool](repeating: false, count: nodeCount)
        func outcome(of ending: Ending) -> Int32 {
            if let index = outcomeIndex[ending.outcome.symbol] { return Int32(index) }
            outcomes.append(program.name(ending.outcome.symbol))
            outcomeIndex[ending.outcome.symbol] = outcomes.count - 1
            return Int32(outcomes.count - 1)
        }
        for node in 0..<nodeCount {
            let info = graph.nodes[node]
            switch info.kind {
            case .stageEntry, .flowEntry, .leave: break
            case .endTarget:
                role[node] = .end
                detail[node] = outcome(of: graph.endings[Int(info.payload)])
            case .fallOffLast, .fallOffFlow, .unresolved: role[node] = .sink
            case .step:
                switch graph.steps[Int(info.payload)] {
                case .end(let ending, _):
                    role[node] = .end
                    detail[node] = outcome(of: ending)
                case .return: role[node] = .ret
                case .call:
                    let flow = graph.callee(node) ?? -1
                    role[node] = flow >= 0 ? .call : .sink
                    detail[node] = Int32(flow)
                case .ask: asks[node] = true
                default: break
                }
            }
        }
        self.outcomes = outcomes
        self.role = role
        self.detail = detail
        self.asks = asks
        words = (outcomes.count + 1 + 63) / 64
        reach = [UInt64](repeating: 0, count: nodeCount * words)
        canReturn = Array(repeating: false, count: program.flows.count)
        callers = Array(repeating: [], count: program.flows.count)
        entryOf = [Int32](repeating: -1, count: nodeCount)
        componentsOf = Array(repeating: [], count: program.flows.count + 1)
        recursiveGroup = Array(repeating: -1, count: program.flows.count)
        for (flow, entry) in graph.flowEntries.enumerated() { entryOf[entry] = Int32(flow) }
        for node in 0..<nodeCount where role[node] == .call { callers[Int(detail[node])].append(Int32(node)) }

        buildPredecessors()
        solveReach()
        buildEdges()
        findComponents()
        groupFlows()
    }

    var returnTarget: Int { outcomes.count }

    func container(_ node: Int) -> Int { Int(graph.nodes[node].container) }

    func entry(of container: Int) -> Int? { graph.entry(of: container) }

    /// The step after a `call`.
    func after(_ call: Int) -> Int { Int(graph.successors(call).first ?? -1) }

    func callee(_ call: Int) -> Int { Int(detail[call]) }

    /// The edges a walk can take from a node: none past a `call` to a flow that never returns.
    func next(_ node: Int) -> ArraySlice<Int32> {
        edges[Int(edgeStart[node])..<Int(edgeStart[node + 1])]
    }

    func has(_ node: Int, _ target: Int) -> Bool {
        reach[node * words + target / 64] & (1 << UInt64(target % 64)) != 0
    }

    /// A call that closes a loop of flows calling each other: from a flow to itself, or to a flow
    /// of its group declared before it. Every such loop has one, as every loop of jumps has a
    /// jump back.
    func closesRecursion(_ node: Int) -> Bool {
        guard role[node] == .call, container(node) > 0 else { return false }
        let caller = container(node) - 1
        let callee = Int(detail[node])
        return recursiveGroup[caller] >= 0 && recursiveGroup[callee] == recursiveGroup[caller] && callee <= caller
    }

    /// Where a node stands in the playbook, for telling jumps back from jumps ahead: nodes in
    /// source order, a stage exit just before the stage it enters, ends after everything.
    func rank(_ node: Int) -> Int {
        let info = graph.nodes[node]
        switch info.kind {
        case .leave: return 2 * graph.stageEntries[Int(info.payload2)] - 1
        case .endTarget, .fallOffLast, .fallOffFlow, .unresolved: return Int.max
        default: return 2 * node
        }
    }

    /// Whether the edge from `node` to `target` closes a loop (see the type's summary).
    func closesLoop(_ node: Int, _ target: Int) -> Bool {
        components.component[node] == components.component[target] && rank(target) <= rank(node)
    }

    /// The successors a loop-free walk can go to, with the index of each edge among the node's
    /// successors: no loop-closing edge, nothing after a recursive call.
    func forEachForwardEdge(_ node: Int, _ body: (_ index: Int, _ target: Int) -> Void) {
        if role[node] == .call, closesRecursion(node) { return }
        let first = Int(edgeStart[node])
        for edge in first..<Int(edgeStart[node + 1]) {
            let target = Int(edges[edge])
            if !closesLoop(node, target) { body(edge - first, target) }
        }
    }

    /// The nodes of a container in an order where every forward edge goes to a later node.
    func forwardOrder(of container: Int) -> ArraySlice<Int32> {
        forwardOrders[Int(forwardOrderStart[container])..<Int(forwardOrderStart[container + 1])]
    }

    // MARK: Building

    private mutating func buildPredecessors() {
        var counts = [Int32](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { for successor in graph.successors(node) { counts[Int(successor) + 1] += 1 } }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var filled = counts
        var list = [Int32](repeating: 0, count: Int(counts[nodeCount]))
        for node in 0..<nodeCount {
            for successor in graph.successors(node) {
                list[Int(filled[Int(successor)])] = Int32(node)
                filled[Int(successor)] += 1
            }
        }
        predecessorStart = counts
        predecessors = list
    }

    func predecessorsOf(_ node: Int) -> ArraySlice<Int32> {
        predecessors[Int(predecessorStart[node])..<Int(predecessorStart[node + 1])]
    }

    /// What each node can reach, growing from the ends and returns back along the edges until
    /// nothing changes; a flow's entry, when it grows, grows its calls.
    private mutating func solveReach() {
        var pending: [Int32] = []
        for node in 0..<nodeCount {
            switch role[node] {
            case .end: setBit(node, Int(detail[node]))
            case .ret: setBit(node, returnTarget)
            default: continue
            }
            pending.append(Int32(node))
        }
        while let changed = pending.popLast().map(Int.init) {
            for predecessor in predecessorsOf(changed) where absorb(into: Int(predecessor), from: changed) {
                pending.append(predecessor)
            }
            let flow = Int(entryOf[changed])
            guard flow >= 0 else { continue }
            canReturn[flow] = has(changed, returnTarget)
            for call in callers[flow] where absorb(into: Int(call), from: changed) { pending.append(call) }
        }
    }

    /// Adds to `node` what it reaches through `source` (a successor, or the entry of its callee);
    /// true when that added something.
    private mutating func absorb(into node: Int, from source: Int) -> Bool {
        switch role[node] {
        case .end, .ret, .sink: return false
        case .plain: return orBits(into: node, from: source, keepReturn: true)
        case .call:
            let entry = graph.flowEntries[Int(detail[node])]
            let afterNode = after(node)
            var grew = false
            if source == entry { grew = orBits(into: node, from: entry, keepReturn: false) }
            // Past the call only when the flow returns: then what follows the call counts.
            if has(entry, returnTarget), afterNode >= 0 { grew = orBits(into: node, from: afterNode, keepReturn: true) || grew }
            return grew
        }
    }

    private mutating func orBits(into node: Int, from source: Int, keepReturn: Bool) -> Bool {
        var grew = false
        for word in 0..<words {
            var bits = reach[source * words + word]
            if !keepReturn, word == returnTarget / 64 { bits &= ~(1 << UInt64(returnTarget % 64)) }
            let old = reach[node * words + word]
            if old | bits != old {
                reach[node * words + word] = old | bits
                grew = true
            }
        }
        return grew
    }

    private mutating func setBit(_ node: Int, _ target: Int) {
        reach[node * words + target / 64] |= 1 << UInt64(target % 64)
    }

    private mutating func buildEdges() {
        let blocked = (0..<nodeCount).filter { role[$0] == .call && !canReturn[Int(detail[$0])] }
        guard !blocked.isEmpty else {
            // Every flow returns: the flowchart's own edges, shared, not copied.
            edgeStart = graph.edgeStart
            edges = graph.edges
            return
        }
        edgeStart = [0]
        edgeStart.reserveCapacity(nodeCount + 1)
        edges.reserveCapacity(graph.edges.count)
        var isBlocked = [Bool](repeating: false, count: nodeCount)
        for node in blocked { isBlocked[node] = true }
        for node in 0..<nodeCount {
            if !isBlocked[node] { edges += graph.successors(node) }
            edgeStart.append(Int32(edges.count))
        }
    }

    /// The loops: components over the edges a walk can take, each loop's members in playbook order.
    private mutating func findComponents() {
        let found = Components(start: edgeStart, targets: edges)
        // The closure reads a copy: a closure over `self` in a mutating method copies all of it per call.
        let paths = self
        components = found.sortingMembers { paths.rank(Int($0)) < paths.rank(Int($1)) }
        for id in 0..<found.count {
            let first = Int(found.members(of: id).first ?? 0)
            componentsOf[container(first)].append(Int32(id))
        }
        // Components come sinks first; backwards, each comes before those it leads to, and inside
        // a loop the edges that remain go forward in playbook order.
        forwardOrders.reserveCapacity(nodeCount)
        for list in componentsOf {
            for component in list.reversed() { forwardOrders += components.members(of: Int(component)) }
            forwardOrderStart.append(Int32(forwardOrders.count))
        }
    }

    /// Groups the flows by the calls a walk can reach from each flow's entry.
    private mutating func groupFlows() {
        let flowCount = program.flows.count
        guard flowCount > 0 else { return }
        var callees = Array(repeating: [Int](), count: flowCount)
        var seen = [Bool](repeating: false, count: nodeCount)
        for flow in 0..<flowCount {
            var pending = [graph.flowEntries[flow]]
            seen[pending[0]] = true
            while let node = pending.popLast() {
                if role[node] == .call { callees[flow].append(Int(detail[node])) }
                for successor in next(node) where !seen[Int(successor)] {
                    seen[Int(successor)] = true
                    pending.append(Int(successor))
                }
            }
        }
        // Within a group, later flows first: a flow's calls to later flows are solved before it.
        flowGroups = CallGraph.stronglyConnected(callees).map { $0.sorted(by: >) }
        for (index, group) in flowGroups.enumerated() where group.count > 1 || callees[group[0]].contains(group[0]) {
            for flow in group { recursiveGroup[flow] = index }
        }
    }
}
