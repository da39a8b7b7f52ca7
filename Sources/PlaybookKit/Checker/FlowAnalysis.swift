/// Proofs about the flowchart: what can be reached, that every walk can end in an outcome, that
/// flows return, and (in `FlowAnalysis+Assignment`) that nothing is read before it is set.
final class FlowAnalysis {
    let graph: FlowGraph
    let table: SymbolTable
    let interner: Interner
    let sources: [SourceFile]
    let calls: CallGraph
    /// Names that hold a value: questions and variables (not the built-in score).
    let values: SymbolMap<Bool>
    var diagnostics: [Diagnostic] = []

    // The analysis runs on one thread and touches these in tight loops over every node, where
    // dynamic exclusivity checks cost more than the work: they are turned off for them.
    @exclusivity(unchecked) var canReturn: [Bool]
    @exclusivity(unchecked) var canEnd: [Bool]
    /// Variables every returning walk through the flow sets (sharing the sets of its callees).
    @exclusivity(unchecked) var assigns: [SharedSymbolSet]
    /// Values the flow reads before setting them, with where it reads each first.
    @exclusivity(unchecked) var needs: [SharedSymbolMap<Span>]
    /// Reachable from the entry of its own container (the first stage, or the flow's entry).
    @exclusivity(unchecked) var reachable: [Bool]
    @exclusivity(unchecked) var parent: [Int32]
    @exclusivity(unchecked) var parentEdge: [Int32]
    @exclusivity(unchecked) var predecessorStart: [Int32] = []
    @exclusivity(unchecked) var predecessors: [Int32] = []
    @exclusivity(unchecked) var marks: Marks
    /// Scratch for `Dominators`: -1 for every node between uses (made when first needed).
    @exclusivity(unchecked) var position: [Int32] = []

    init(graph: FlowGraph, table: SymbolTable, interner: Interner, sources: [SourceFile], values: SymbolMap<Bool>) {
        self.graph = graph
        self.table = table
        self.interner = interner
        self.sources = sources
        self.values = values
        calls = CallGraph(graph: graph, flowCount: table.flows.count)
        canReturn = Array(repeating: false, count: table.flows.count)
        canEnd = Array(repeating: false, count: table.flows.count)
        assigns = Array(repeating: SharedSymbolSet(), count: table.flows.count)
        needs = Array(repeating: SharedSymbolMap(), count: table.flows.count)
        reachable = Array(repeating: false, count: graph.nodes.count)
        parent = Array(repeating: -1, count: graph.nodes.count)
        parentEdge = Array(repeating: -1, count: graph.nodes.count)
        marks = Marks(count: graph.nodes.count)
    }

    /// `reportUnreachable` is false when some jump or call could not be resolved: what it meant to
    /// reach is unknown, so "never reached" would mislead.
    func run(reportUnreachable: Bool) {
        summarizeFlows()
        buildPredecessors()
        for container in 0...table.flows.count {
            if let entry = graph.entry(of: container) { search(from: entry) }
        }
        if reportUnreachable {
            self.reportUnreachable()
            reportUncheckedExits()
        }
        reportDeadEnds()
        checkAssignments()
    }

    /// The flow a `call` node calls, -1 when unknown, nil when the node is no call.
    func callee(_ node: Int) -> Int? { graph.callee(node) }

    /// Successors as the walk really goes: past a call only when the flow can return.
    func next(_ node: Int) -> ArraySlice<Int32> { graph.edges[nextRange(node)] }

    /// Where `next(node)` is in `graph.edges`. The loops over every node read edges by index
    /// instead: an ArraySlice holds the array, which costs a retain and a release per node.
    func nextRange(_ node: Int) -> Range<Int> {
        if let flow = callee(node), flow >= 0, !canReturn[flow] { return 0..<0 }
        return Int(graph.edgeStart[node])..<Int(graph.edgeStart[node + 1])
    }

    /// What reaching the node does to the walk: hand it back to the caller (`return`, running off
    /// a flow), end it (an outcome, a call to a flow that can end it, or a place reported apart:
    /// a jump that did not resolve, running past the last stage), or neither.
    func leaves(_ node: Int) -> (returns: Bool, ends: Bool) {
        switch graph.nodes[node].kind {
        case .fallOffFlow: return (true, false)
        case .endTarget, .unresolved, .fallOffLast: return (false, true)
        case .step:
            switch graph.steps[Int(graph.nodes[node].payload)] {
            case .return: return (true, false)
            case .end: return (false, true)
            case .call: return (false, callee(node).map { $0 < 0 || canEnd[$0] } ?? false)
            default: return (false, false)
            }
        default: return (false, false)
        }
    }

    /// Whether reaching the node finishes the walk well: an outcome, a return, or a place reported apart.
    func isFinish(_ node: Int) -> Bool {
        let (returns, ends) = leaves(node)
        return returns || ends
    }

    /// Where the walk gets stuck after `node`, from which no outcome can be reached: the first
    /// step of the loop it goes round, or a call that never comes back.
    private func trap(from node: Int) -> (node: Int, isLoop: Bool) {
        marks.clear()
        var current = node
        while marks.insert(current) {
            guard let successor = next(current).first else { return (current, false) }
            current = Int(successor)
        }
        return (current, true)
    }

    /// Whether each flow can return and whether it can end the walk: flows in callee-first order,
    /// and within flows that call each other, a flow again each time one it calls changes (each
    /// can change twice at most, so a long ring of flows costs no pass per flow in it).
    private func summarizeFlows() {
        var group = Array(repeating: -1, count: table.flows.count)
        for (index, component) in calls.components.enumerated() { for flow in component { group[flow] = index } }
        var callers = Array(repeating: [Int](), count: table.flows.count)
        for (flow, callees) in calls.callees.enumerated() {
            for callee in callees where group[callee] == group[flow] && callers[callee].last != flow { callers[callee].append(flow) }
        }
        var queued = Array(repeating: false, count: table.flows.count)
        for component in calls.components {
            var pending = Array(component.reversed())
            for flow in component { queued[flow] = true }
            while let flow = pending.popLast() {
                queued[flow] = false
                let (returns, ends) = summary(of: flow)
                guard returns != canReturn[flow] || ends != canEnd[flow] else { continue }
                canReturn[flow] = returns
                canEnd[flow] = ends
                for caller in callers[flow] where !queued[caller] {
                    queued[caller] = true
                    pending.append(caller)
                }
            }
        }
    }

    /// Whether a walk through the flow, as its callees are known so far, can return or end.
    private func summary(of flow: Int) -> (returns: Bool, ends: Bool) {
        marks.clear()
        var queue = [graph.flowEntries[flow]]
        var returns = false
        var ends = false
        while let node = queue.popLast() {
            guard marks.insert(node) else { continue }
            let leaving = leaves(node)
            returns = returns || leaving.returns
            ends = ends || leaving.ends
            queue.append(contentsOf: next(node).map(Int.init))
        }
        return (returns, ends)
    }

    private func buildPredecessors() {
        let edges = graph.edges
        var counts = [Int32](repeating: 0, count: graph.nodes.count + 1)
        for node in graph.nodes.indices { for edge in nextRange(node) { counts[Int(edges[edge]) + 1] += 1 } }
        for index in 1..<counts.count { counts[index] += counts[index - 1] }
        var sources = [Int32](repeating: 0, count: Int(counts.last ?? 0))
        var fill = counts
        for node in graph.nodes.indices {
            for edge in nextRange(node) {
                let successor = Int(edges[edge])
                sources[Int(fill[successor])] = Int32(node)
                fill[successor] += 1
            }
        }
        predecessorStart = counts
        predecessors = sources
    }

    func predecessorsOf(_ node: Int) -> ArraySlice<Int32> { predecessors[predecessorRange(node)] }

    /// Where `predecessorsOf(node)` is in `predecessors` (read by index in loops, as `nextRange`).
    func predecessorRange(_ node: Int) -> Range<Int> {
        Int(predecessorStart[node])..<Int(predecessorStart[node + 1])
    }

    /// Breadth-first from a container's entry, recording the tree of first arrivals.
    private func search(from entry: Int) {
        let edges = graph.edges
        var queue = [entry]
        reachable[entry] = true
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            let range = nextRange(node)
            for edge in range {
                let successor = Int(edges[edge])
                guard !reachable[successor] else { continue }
                reachable[successor] = true
                parent[successor] = Int32(node)
                parentEdge[successor] = Int32(edge - range.lowerBound)
                queue.append(successor)
            }
        }
    }

    private func reportUnreachable() {
        guard !table.stages.isEmpty else { return }
        // Flows called from a reachable call in the stages, or in a flow called so.
        var called = Array(repeating: false, count: table.flows.count)
        var pending = [0]
        while let container = pending.popLast() {
            for node in calls.callNodes[container] where reachable[node] {
                guard let flow = callee(node), flow >= 0, !called[flow] else { continue }
                called[flow] = true
                pending.append(flow + 1)
            }
        }
        for index in table.stages.indices where !reachable[graph.stageEntries[index]] {
            let stage = table.stages[index]
            diagnostics.append(
                Diagnostic(
                    .unreachable, "stage '\(interner.name(stage.name.symbol))' can never be reached", at: stage.name.span,
                    label: "no walk leads here", help: "jump to it from an earlier stage ('-> \(interner.name(stage.name.symbol))'), or remove it"))
        }
        for node in graph.nodes.indices where graph.nodes[node].kind == .step && !reachable[node] && reachable[node - 1] {
            let step = graph.steps[Int(graph.nodes[node].payload)]
            let what = if case .ask(let question) = step { "the question '\(interner.name(question.name.symbol))'" } else { "this step" }
            diagnostics.append(
                Diagnostic(
                    .unreachable, "\(what) can never be reached", at: lineSpan(step.span), label: "no walk leads here",
                    help: "every walk jumps or ends before it; move it, or remove it"))
        }
        guard let mainFile = table.stages.first?.span.file else { return }
        for (index, flow) in table.flows.enumerated() where !called[index] && flow.span.file == mainFile {
            diagnostics.append(
                Diagnostic(
                    .unusedFlow, "flow '\(interner.name(flow.name.symbol))' is never called", at: flow.name.span,
                    label: "no reachable 'call \(interner.name(flow.name.symbol))'", help: "call it from a stage ('call \(interner.name(flow.name.symbol))'), or remove it"))
        }
    }

    /// Every reachable point must be able to reach an outcome (or, in a flow, a `return`).
    private func reportDeadEnds() {
        let predecessors = self.predecessors
        var finishing = Array(repeating: false, count: graph.nodes.count)
        var queue = graph.nodes.indices.filter(isFinish)
        for node in queue { finishing[node] = true }
        while let node = queue.popLast() {
            for index in predecessorRange(node) {
                let predecessor = Int(predecessors[index])
                guard !finishing[predecessor] else { continue }
                finishing[predecessor] = true
                queue.append(predecessor)
            }
        }
        var reported = Array(repeating: 0, count: table.flows.count + 1)
        var trapsSeen = Set<Int>()
        for node in graph.nodes.indices where reachable[node] && !finishing[node] {
            let container = Int(graph.nodes[node].container)
            let isEntry = graph.entry(of: container) == node
            guard isEntry || predecessorsOf(node).contains(where: { reachable[Int($0)] && finishing[Int($0)] }),
                reported[container] < 10
            else { continue }
            let (trap, isLoop) = self.trap(from: node)
            guard trapsSeen.insert(trap).inserted else { continue }
            reported[container] += 1
            let goal = container == 0 ? "no outcome" : "neither an outcome nor 'return'"
            var label = "every walk from here goes round in a loop"
            if !isLoop, let flow = callee(trap), flow >= 0 {
                label = "flow '\(interner.name(table.flows[flow].name.symbol))' never returns and never ends the walk"
            }
            diagnostics.append(
                Diagnostic(
                    .noOutcome, "\(goal) can be reached from here", at: span(of: trap), label: label,
                    notes: ["a walk that gets here: \(path(to: trap))"],
                    help: "give the loop a way out: a branch that leads to 'end <outcome>'\(container == 0 ? " or to a later stage" : " or 'return'")"))
        }
        for node in graph.nodes.indices where reachable[node] {
            let kind = graph.nodes[node].kind
            guard kind == .fallOffLast || kind == .fallOffFlow else { continue }
            let notes = ["a walk that gets there: \(path(to: node))"]
            if kind == .fallOffLast {
                let stage = table.stages[Int(graph.nodes[node].payload)]
                let last = parent[node] >= 0 ? Int(parent[node]) : graph.stageEntries[Int(graph.nodes[node].payload)]
                diagnostics.append(
                    Diagnostic(
                        .fallsOffLastStage, "the walk can pass the end of the last stage without an outcome",
                        at: span(of: last), label: "after this the playbook runs out",
                        secondary: [Label(stage.name.span, "'\(interner.name(stage.name.symbol))' is the last stage")],
                        notes: notes, help: "end every walk through the last stage with: end <outcome> \"why\""))
            } else {
                let flow = table.flows[Int(graph.nodes[node].payload)]
                diagnostics.append(
                    Diagnostic(
                        .flowFallsOff, "flow '\(interner.name(flow.name.symbol))' can reach its end without 'return'",
                        at: flow.name.span, label: "this flow", notes: notes,
                        help: "add 'return' as the flow's last line (or end the walk with 'end <outcome>')"))
            }
        }
    }
}
