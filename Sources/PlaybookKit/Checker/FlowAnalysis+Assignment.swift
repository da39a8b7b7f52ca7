/// Definite assignment, as Swift does for `let`: a value may be read only where every walk from the
/// start has asked the question or set the variable. Flows are summarized (what every return sets,
/// what they read first) so that a `call` sets and reads as the flow does.
extension FlowAnalysis {
    struct Read {
        var node: Int
        var symbol: Symbol
        var span: Span
        /// For a `call`: the flow that reads the value, and where.
        var flow: Int = -1
        var inner: Span?
    }

    func checkAssignments() {
        // Callees first; within flows that call each other, a recursive call counts as setting
        // nothing and reading nothing.
        for flow in calls.components.joined() { summarize(flow: flow) }
        guard let entry = graph.entry(of: 0) else { return }
        let stageNodes = graph.nodes.indices.lazy.filter { self.reachable[$0] && self.graph.nodes[$0].container == 0 }
        for (symbol, reads) in unsafeReads(reads(stageNodes), from: entry) {
            for read in unassignedReads(symbol, reads, entry: entry).prefix(10) { report(read) }
        }
    }

    /// The reads that some walk from `entry` may reach before their value is set, by name.
    ///
    /// Most reads sit just after their `ask` or `set`, and a search back from them stops at once;
    /// those searches run first, within a budget of a few visits per node. When a file has many
    /// reads far from their values (all questions asked first, all read later), the budget runs
    /// out, and the rest are settled by the dominator tree in one walk, leaving a search only for
    /// reads that no single `ask` or `set` dominates.
    private func unsafeReads(_ all: [Read], from entry: Int) -> [(Symbol, ArraySlice<Read>)] {
        var budget = 4 * graph.nodes.count + 1_000
        var unsafe: [(Symbol, ArraySlice<Read>)] = []
        var unsettled: [Read] = []
        for (symbol, reads) in group(all) {
            guard budget > 0, let reached = reaches(entry, from: reads.map(\.node), avoiding: symbol, budget: &budget) else {
                unsettled += reads
                continue
            }
            if reached { unsafe.append((symbol, reads)) }
        }
        guard !unsettled.isEmpty else { return unsafe }
        return unsafe + group(unassignedByDataflow(undominated(unsettled, from: entry), from: entry))
    }

    /// The reads that some walk from `entry` reaches before their value is set, by the classic
    /// must-dataflow over bit sets, 64 values at a time: for the reads left when neither a short
    /// search nor a dominating `ask` or `set` settles them (a value set in every branch of a
    /// question and read much later), in time proportional to nodes × values / 64.
    private func unassignedByDataflow(_ reads: [Read], from entry: Int) -> [Read] {
        guard !reads.isEmpty else { return [] }
        if position.isEmpty { position = Array(repeating: -1, count: graph.nodes.count) }
        let order = Dominators.reversePostorder(from: entry, position: &position, successors: next)
        defer { for node in order { position[node] = -1 } }
        var symbols: [Symbol] = []
        var seen = SymbolMap<Bool>()
        for read in reads where !seen.contains(read.symbol) {
            seen[read.symbol] = true
            symbols.append(read.symbol)
        }
        var unsafe = [Bool](repeating: false, count: reads.count)
        var assigned = [UInt64](repeating: 0, count: order.count)
        var generated = [UInt64](repeating: 0, count: order.count)
        for chunkStart in stride(from: 0, to: symbols.count, by: 64) {
            var bit = SymbolMap<Int>()
            for (offset, symbol) in symbols[chunkStart..<min(chunkStart + 64, symbols.count)].enumerated() {
                bit[symbol] = offset
            }
            let chunk = symbols[chunkStart..<min(chunkStart + 64, symbols.count)]
            for index in order.indices {
                var mask: UInt64 = 0
                forEachOwnDefinition(order[index]) { if let offset = bit[$0] { mask |= 1 << UInt64(offset) } }
                // A call sets what its flow sets: asked of the chunk's values, not listed whole.
                let called = setByCall(order[index])
                if !called.isEmpty {
                    for (offset, symbol) in chunk.enumerated() where called.contains(symbol) { mask |= 1 << UInt64(offset) }
                }
                generated[index] = mask
                assigned[index] = index == 0 ? 0 : ~0
            }
            // Assigned on entry to a node: assigned on leaving every predecessor that a walk reaches.
            var changed = true
            while changed {
                changed = false
                for index in 1..<max(1, order.count) {
                    var value: UInt64 = ~0
                    for predecessor in predecessorsOf(order[index]) {
                        let from = Int(position[Int(predecessor)])
                        if from >= 0 { value &= assigned[from] | generated[from] }
                    }
                    if value != assigned[index] {
                        assigned[index] = value
                        changed = true
                    }
                }
            }
            for (index, read) in reads.enumerated() {
                guard let offset = bit[read.symbol], position[read.node] >= 0 else { continue }
                if assigned[Int(position[read.node])] & (1 << UInt64(offset)) == 0 { unsafe[index] = true }
            }
        }
        return reads.indices.filter { unsafe[$0] }.map { reads[$0] }
    }

    /// Calls `body` with what a node sets itself: an `ask` or a `set` (what a `call` sets is
    /// the callee's `assigns`).
    func forEachOwnDefinition(_ node: Int, _ body: (Symbol) -> Void) {
        switch graph.step(node) {
        case .ask(let question)?: body(question.name.symbol)
        case .set(let assignment)?: body(assignment.name.symbol)
        default: break
        }
    }

    /// What a `call` node's flow sets on every return; empty for any other node.
    func setByCall(_ node: Int) -> SharedSymbolSet {
        guard let flow = callee(node), flow >= 0 else { return SharedSymbolSet() }
        return assigns[flow]
    }

    /// The reads that no `ask` or `set` of their value dominates. Most reads are dominated by the
    /// question or variable they read (asked earlier on the way to them), and this finds them in
    /// one walk of the dominator tree; the others need a search of their own.
    private func undominated(_ reads: [Read], from entry: Int) -> [Read] {
        guard !reads.isEmpty else { return [] }
        if position.isEmpty { position = Array(repeating: -1, count: graph.nodes.count) }
        let tree = Dominators(entry: entry, position: &position, successors: next, predecessors: predecessorsOf)
        defer { tree.forget(&position) }
        // The reads of each position of the tree, bucketed.
        var start = [Int](repeating: 0, count: tree.order.count + 1)
        for read in reads where position[read.node] >= 0 { start[Int(position[read.node]) + 1] += 1 }
        for index in 0..<tree.order.count { start[index + 1] += start[index] }
        var fill = start
        var bucket = [Int](repeating: 0, count: start[tree.order.count])
        for (index, read) in reads.enumerated() where position[read.node] >= 0 {
            let at = Int(position[read.node])
            bucket[fill[at]] = index
            fill[at] += 1
        }
        var open = SymbolMap<Int>()
        // What the calls among the dominators set, as one shared set per depth of the walk.
        var called = SharedSymbolSet()
        var outerCalled: [SharedSymbolSet] = []
        var safe = [Bool](repeating: false, count: reads.count)
        tree.walk(
            enter: { at in
                for index in bucket[start[at]..<start[at + 1]]
                where (open[reads[index].symbol] ?? 0) > 0 || called.contains(reads[index].symbol) {
                    safe[index] = true
                }
                forEachOwnDefinition(tree.order[at]) { open[$0] = (open[$0] ?? 0) + 1 }
                let calls = setByCall(tree.order[at])
                if !calls.isEmpty {
                    outerCalled.append(called)
                    called = called.union(calls)
                }
            },
            leave: { at in
                forEachOwnDefinition(tree.order[at]) { open[$0] = (open[$0] ?? 0) - 1 }
                if !setByCall(tree.order[at]).isEmpty, let outer = outerCalled.popLast() { called = outer }
            })
        return reads.indices.filter { !safe[$0] }.map { reads[$0] }
    }

    func defines(_ node: Int, _ symbol: Symbol) -> Bool {
        switch graph.step(node) {
        case .ask(let question)?: return question.name.symbol == symbol
        case .set(let assignment)?: return assignment.name.symbol == symbol
        case .call?: return callee(node).map { $0 >= 0 && assigns[$0].contains(symbol) } ?? false
        default: return false
        }
    }

    /// The values the nodes read.
    private func reads<Nodes: Sequence<Int>>(_ nodes: Nodes) -> [Read] {
        var reads: [Read] = []
        for node in nodes {
            forEachRead(node) { read in
                if values.contains(read.symbol) { reads.append(read) }
            }
        }
        return reads
    }

    /// Reads grouped by name.
    func group(_ unsorted: [Read]) -> [(Symbol, ArraySlice<Read>)] {
        var reads = unsorted
        reads.sort { ($0.symbol.index, $0.node) < ($1.symbol.index, $1.node) }
        var groups: [(Symbol, ArraySlice<Read>)] = []
        var start = 0
        while start < reads.count {
            var end = start + 1
            while end < reads.count, reads[end].symbol == reads[start].symbol { end += 1 }
            groups.append((reads[start].symbol, reads[start..<end]))
            start = end
        }
        return groups
    }

    func forEachRead(_ node: Int, _ visit: (Read) -> Void) {
        func names(_ text: Text?) {
            text?.interpolations.forEach { visit(Read(node: node, symbol: $0.symbol, span: $0.span)) }
        }
        func names(_ expr: Expr) { expr.forEachName { visit(Read(node: node, symbol: $0.symbol, span: $0.span)) } }
        let info = graph.nodes[node]
        switch info.kind {
        case .stageEntry:
            let stage = table.stages[Int(info.payload)]
            names(stage.goal)
            stage.tips.forEach(names)
        case .leave:
            for exit in table.stages[Int(info.payload)].exits {
                names(exit.condition)
                names(exit.message)
            }
        case .endTarget:
            names(graph.endings[Int(info.payload)].reason)
        case .step:
            switch graph.steps[Int(info.payload)] {
            case .ask(let question):
                names(question.text)
                names(question.why)
                names(question.tip)
            case .say(let text, _): names(text)
            case .buyer(let lines, _): lines.forEach { names($0.text) }
            case .set(let assignment):
                names(assignment.value)
                if assignment.op != .assign { visit(Read(node: node, symbol: assignment.name.symbol, span: assignment.name.span)) }
            case .jumpIf(let condition, _, _), .ifBlock(let condition, _, _, _): names(condition)
            case .end(let ending, _): names(ending.reason)
            case .call(_, let span):
                guard let flow = callee(node), flow >= 0 else { return }
                needs[flow].forEach { symbol, inner in
                    visit(Read(node: node, symbol: symbol, span: span, flow: flow, inner: inner))
                }
            case .jump, .return: break
            }
        case .flowEntry, .fallOffLast, .fallOffFlow, .unresolved:
            break
        }
    }

    /// Whether `entry` reaches one of `targets` on a walk that never sets `symbol`.
    /// Whether a walk from `entry` reaches one of `targets` without setting `symbol`; nil when the
    /// search used up `budget` (node visits) first.
    private func reaches(_ entry: Int, from targets: [Int], avoiding symbol: Symbol, budget: inout Int) -> Bool? {
        let predecessors = self.predecessors
        marks.clear()
        var stack = targets
        while let node = stack.popLast() {
            guard marks.insert(node) else { continue }
            if node == entry { return true }
            budget -= 1
            if budget < 0 { return nil }
            for index in predecessorRange(node) {
                let predecessor = Int(predecessors[index])
                if reachable[predecessor] && !defines(predecessor, symbol) { stack.append(predecessor) }
            }
        }
        return false
    }

    /// The reads of `symbol` (known to be unsafe) that a walk from `entry` reaches without setting
    /// it, in the order a breadth-first walk meets them; `parent` then holds the walks that show it.
    func unassignedReads(_ symbol: Symbol, _ reads: ArraySlice<Read>, entry: Int) -> [Read] {
        var readsAt: [Int: [Read]] = [:]
        for read in reads { readsAt[read.node, default: []].append(read) }
        var found: [Read] = []
        marks.clear()
        _ = marks.insert(entry)
        parent[entry] = -1
        var queue = [entry]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            found += readsAt[node] ?? []
            if defines(node, symbol) { continue }
            for (index, successor) in next(node).enumerated() where marks.insert(Int(successor)) {
                parent[Int(successor)] = Int32(node)
                parentEdge[Int(successor)] = Int32(index)
                queue.append(Int(successor))
            }
        }
        return found
    }

    /// Whether the node is a question (or an `if`) with a block that sets `symbol` (or is its
    /// question): the answer or the condition there is what left the value unset.
    private func asksAround(_ node: Int, _ symbol: Symbol) -> Bool {
        guard let step = graph.step(node) else { return false }
        if case .ask(let question) = step, question.name.symbol == symbol { return true }
        return step.blocks.contains { block in
            block.contains { step in
                switch step {
                case .set(let assignment): assignment.name.symbol == symbol
                case .ask(let inner): inner.name.symbol == symbol
                default: false
                }
            }
        }
    }

    private func report(_ read: Read) {
        let word = interner.name(read.symbol)
        let isQuestion = table.questions[read.symbol] != nil
        let unset = isQuestion ? "asked" : "set"
        let walk = "a walk on which it is not \(unset): \(path(to: read.node) { asksAround($0, read.symbol) })"
        let help = isQuestion
            ? "ask '\(word)' on every walk that leads here, or read it only after it is asked"
            : "give '\(word)' a value on every walk that leads here (e.g. 'set \(word) = ...' in an earlier stage)"
        if read.flow >= 0, let inner = read.inner {
            let flow = interner.name(table.flows[read.flow].name.symbol)
            diagnostics.append(
                Diagnostic(
                    .possiblyUnset, "flow '\(flow)' reads '\(word)', which may not be \(unset) when it is called here",
                    at: read.span, label: "'\(word)' may not be \(unset) yet", secondary: [Label(inner, "read here")],
                    notes: [walk], help: help))
            return
        }
        diagnostics.append(
            Diagnostic(
                .possiblyUnset, "'\(word)' may be read before it is \(unset)", at: read.span,
                label: "read here", notes: [walk], help: help))
    }
}
