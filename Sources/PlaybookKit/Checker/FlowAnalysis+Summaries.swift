/// What a `call` does to definite assignment: the values every return of the flow has set
/// (`assigns`) and the values it reads before setting them (`needs`), found by a must-dataflow
/// over the flow's nodes whose sets share structure with the summaries of the flows it calls.
///
/// A flow's summary holds everything its callees set or need, so summaries copied into their
/// callers would grow with the square of a chain of flows that call each other; shared, each
/// flow adds only what it does itself.
extension FlowAnalysis {
    /// A read of `symbol` at a `call` of `flow`: the value the flow reads first, at `inner`.
    private struct InducedReads {
        var node: Int
        var flow: Int
        /// The callee's needs that may be unset at the call, by name, with where the flow reads each.
        var unset: SharedSymbolMap<Span>
    }

    /// Summarizes `flow` from the summaries known so far of the flows it calls (a flow not yet
    /// summarized, in a group of flows that call each other, counts as setting and reading nothing).
    func summarize(flow: Int) {
        let entry = graph.flowEntries[flow]
        if position.isEmpty { position = Array(repeating: -1, count: graph.nodes.count) }
        let order = Dominators.reversePostorder(from: entry, position: &position, successors: next)
        defer { for node in order { position[node] = -1 } }

        // Set on every walk from the entry to the node's end; nil before it is known, which
        // counts as setting everything for the intersection at a loop's head.
        var out = [SharedSymbolSet?](repeating: nil, count: order.count)
        // The nodes that lead back round a loop: their values from one pass are used by the next.
        let loopEnds = order.indices.filter { index in next(order[index]).contains { Int(position[Int($0)]) <= index } }
        var atExits: SharedSymbolSet?
        var unsafe: [Read] = []
        var induced: [InducedReads] = []
        var settled = false
        while !settled {
            // One pass in reverse postorder settles a flow without loops; with loops the passes
            // go on until no value carried back round a loop changes.
            let carried = loopEnds.map { out[$0] }
            atExits = nil
            unsafe.removeAll(keepingCapacity: true)
            induced.removeAll(keepingCapacity: true)
            for index in order.indices {
                let node = order[index]
                var into: SharedSymbolSet? = index == 0 ? SharedSymbolSet() : nil
                for predecessor in predecessorsOf(node) {
                    let from = Int(position[Int(predecessor)])
                    guard from >= 0, let value = out[from] else { continue }
                    into = into.map { $0.intersection(value) } ?? value
                }
                let assigned = into ?? SharedSymbolSet()
                out[index] = adding(definitionsOf: node, to: assigned)
                notice(node, assigned: assigned, unsafe: &unsafe, induced: &induced, atExits: &atExits)
            }
            settled = zip(loopEnds, carried).allSatisfy { index, before in
                guard let before, let after = out[index] else { return false }
                return before == after
            }
        }
        if let atExits {
            assigns[flow] = atExits
        } else {
            // No walk returns: every value the flow sets counts as set (the caller goes on only
            // when the flow returns).
            var defined = SharedSymbolSet()
            for node in order { defined = adding(definitionsOf: node, to: defined) }
            assigns[flow] = defined
        }
        needs[flow] = firstReads(unsafe, induced, entry: entry)
    }

    /// `assigned` with what the node sets added.
    func adding(definitionsOf node: Int, to assigned: SharedSymbolSet) -> SharedSymbolSet {
        switch graph.step(node) {
        case .ask(let question)?: return assigned.inserting(question.name.symbol)
        case .set(let assignment)?: return assigned.inserting(assignment.name.symbol)
        case .call?:
            guard let flow = callee(node), flow >= 0 else { return assigned }
            return assigned.union(assigns[flow])
        default: return assigned
        }
    }

    /// Notes the reads at the node of values that `assigned` (set on every walk to it) lacks, and
    /// what an exit has set.
    private func notice(
        _ node: Int, assigned: SharedSymbolSet, unsafe: inout [Read], induced: inout [InducedReads],
        atExits: inout SharedSymbolSet?
    ) {
        if isExit(node) {
            atExits = atExits.map { $0.intersection(assigned) } ?? assigned
        }
        if case .call? = graph.step(node) {
            guard let flow = callee(node), flow >= 0, !needs[flow].isEmpty else { return }
            let unset = needs[flow].subtracting(assigned)
            if !unset.isEmpty { induced.append(InducedReads(node: node, flow: flow, unset: unset)) }
            return
        }
        forEachRead(node) { read in
            if values.contains(read.symbol), !assigned.contains(read.symbol) { unsafe.append(read) }
        }
    }

    private func isExit(_ node: Int) -> Bool {
        if graph.nodes[node].kind == .fallOffFlow { return true }
        if case .return? = graph.step(node) { return true }
        return false
    }

    /// What the flow reads before setting it, each with where it is read first: on the first walk
    /// a breadth-first search from the entry finds to a read of it (as `unassignedReads` orders
    /// them). Only a value read at more than one place, with different places to show, needs
    /// the search.
    private func firstReads(_ unsafe: [Read], _ induced: [InducedReads], entry: Int) -> SharedSymbolMap<Span> {
        var first = SharedSymbolMap<Span>()
        var contested = SymbolMap<Bool>()
        var contestedOrder: [Symbol] = []
        func contest(_ symbol: Symbol) {
            guard !contested.contains(symbol) else { return }
            contested[symbol] = true
            contestedOrder.append(symbol)
        }
        for reads in induced {
            first = first.union(reads.unset) { symbol, mine, theirs in if mine != theirs { contest(symbol) } }
        }
        var own = SymbolMap<ArraySlice<Read>>()
        for (symbol, reads) in group(unsafe) {
            own[symbol] = reads
            let node = reads[reads.startIndex].node
            if first.contains(symbol) || reads.contains(where: { $0.node != node }) {
                contest(symbol)
            } else {
                first = first.setting(symbol, to: reads[reads.startIndex].span)
            }
        }
        for symbol in contestedOrder {
            var reads = Array(own[symbol] ?? [])
            for call in induced {
                guard let inner = call.unset[symbol] else { continue }
                reads.append(Read(node: call.node, symbol: symbol, span: inner, flow: call.flow, inner: inner))
            }
            guard let read = unassignedReads(symbol, reads[...], entry: entry).first else { continue }
            first = first.setting(symbol, to: read.inner ?? read.span)
        }
        return first
    }
}
