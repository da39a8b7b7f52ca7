/// The shortest walks to an outcome, shortest first: fewest questions asked, then fewest steps.
///
/// First the distance from every node to the outcome (and, in flows, to `return`) is found
/// backwards from the ends: one pass over the nodes off loops, Dijkstra's algorithm inside each
/// loop, each flow solved once and used at each `call`. With those exact distances a best-first search (A*) grows walks from the first stage
/// and finishes them in order of length without trying any that leads nowhere; each is a different
/// sequence of answers and sides, loops included (a walk round a loop is longer, so it comes later).
struct ShortestWalks {
    private let paths: PathGraph
    /// From each node of a flow, the shortest walk to a `return` of the flow.
    private var toReturn: [WalkLength]

    init(_ paths: PathGraph) {
        self.paths = paths
        toReturn = []
        // Without flows nothing returns, and nothing reads this.
        if !paths.program.flows.isEmpty { toReturn = distances(to: paths.returnTarget) }
    }

    /// From each node, the shortest walk to the target: an outcome, or `return` of its flow.
    func distances(to target: Int) -> [WalkLength] {
        var distance = [WalkLength](repeating: .none, count: paths.nodeCount)
        for group in paths.flowGroups {
            guard paths.recursiveGroup[group[0]] >= 0 else {
                solve(container: group[0] + 1, target: target, distance: &distance)
                continue
            }
            // Flows that call each other: again until their entries settle. Distances only
            // shrink, and each round makes every equation hold for the entries it read.
            var entries = group.map { distance[paths.graph.flowEntries[$0]] }
            for _ in 0...(group.count * (paths.outcomes.count + 1) + 1) {
                for flow in group { solve(container: flow + 1, target: target, distance: &distance) }
                let settled = group.map { distance[paths.graph.flowEntries[$0]] }
                if settled == entries { break }
                entries = settled
            }
        }
        if target != paths.returnTarget { solve(container: 0, target: target, distance: &distance) }
        return distance
    }

    private struct Reached: Comparable {
        var length: WalkLength
        var node: Int32

        static func < (lhs: Reached, rhs: Reached) -> Bool {
            lhs.length != rhs.length ? lhs.length < rhs.length : lhs.node < rhs.node
        }
    }

    /// One container, its components sinks first: a node off any loop takes the best of its
    /// successors; the nodes of a loop are settled together by Dijkstra's algorithm, backwards from
    /// the ways out of the loop.
    private func solve(container: Int, target: Int, distance: inout [WalkLength]) {
        let paths = self.paths
        let toOwnReturn = target == paths.returnTarget
        // Solving `return` itself reads the distances being solved (the entries of callees).
        func returning(_ entry: Int) -> WalkLength { toOwnReturn ? distance[entry] : toReturn[entry] }
        /// The shortest walk from the node, through what is solved already.
        func direct(_ node: Int) -> WalkLength {
            var best = WalkLength.none
            switch paths.role[node] {
            case .end: if Int(paths.detail[node]) == target { best = .zero }
            case .ret: if toOwnReturn { best = .zero }
            case .call:
                let entry = paths.graph.flowEntries[paths.callee(node)]
                if !toOwnReturn { best = distance[entry] }
                let onward = returning(entry) + distance[paths.after(node)]
                if onward < best { best = onward }
            case .plain:
                for successor in paths.graph.successors(node) where distance[Int(successor)] < best {
                    best = distance[Int(successor)]
                }
            case .sink: break
            }
            return best.isNone ? best : paths.length(of: node) + best
        }
        var heap = MinHeap<Reached>()
        for component in paths.componentsOf[container].lazy.map(Int.init) {
            let members = paths.components.members(of: component)
            for node in members.lazy.map(Int.init) {
                let best = direct(node)
                if best < distance[node] { distance[node] = best }
            }
            guard paths.components.cyclic[component] else { continue }
            for node in members where !distance[Int(node)].isNone { heap.push(Reached(length: distance[Int(node)], node: node)) }
            while let reached = heap.pop() {
                let node = Int(reached.node)
                guard reached.length == distance[node] else { continue }
                for predecessor in paths.predecessorsOf(node).lazy.map(Int.init)
                where paths.components.component[predecessor] == component {
                    let candidate: WalkLength
                    switch paths.role[predecessor] {
                    case .plain: candidate = paths.length(of: predecessor) + reached.length
                    case .call:
                        candidate = paths.length(of: predecessor) + returning(paths.graph.flowEntries[paths.callee(predecessor)]) + reached.length
                    case .end, .ret, .sink: continue
                    }
                    if candidate < distance[predecessor] {
                        distance[predecessor] = candidate
                        heap.push(Reached(length: candidate, node: Int32(predecessor)))
                    }
                }
            }
        }
    }

    // MARK: Walks in order

    private struct Frame {
        /// Where `return` goes back to.
        var after: Int32
        var parent: Int32
        /// The shortest way to the outcome from `after`, with the frames below.
        var rest: WalkLength
    }

    /// A walk begun: at `node`, `length` so far, `estimate` its shortest possible length in all.
    private struct Partial: Comparable {
        var estimate: WalkLength
        var length: WalkLength
        var order: Int
        var node: Int32
        var frame: Int32
        var choice: Int32

        /// Shortest estimate first; among equals the longest begun (which finishes soonest), then
        /// the first pushed (so walks as long as each other come in the order of their answers).
        static func < (lhs: Partial, rhs: Partial) -> Bool {
            if lhs.estimate != rhs.estimate { return lhs.estimate < rhs.estimate }
            if lhs.length != rhs.length { return rhs.length < lhs.length }
            return lhs.order < rhs.order
        }
    }

    /// Up to `limit` different walks to the outcome, shortest first. `distance` is
    /// `distances(to: outcome)`.
    func walks(to outcome: Int, limit: Int, distance: [WalkLength], keep: Int? = nil) -> [ListedWalk] {
        guard limit > 0, let start = paths.entry(of: 0), !distance[start].isNone else { return [] }
        var frames: [Frame] = []
        var choices: [(parent: Int32, decision: Decision)] = []
        var heap = MinHeap<Partial>()
        var order = 0
        var found: [ListedWalk] = []
        func estimate(_ node: Int, _ frame: Int32) -> WalkLength {
            guard frame >= 0 else { return distance[node] }
            let returning = toReturn[node] + frames[Int(frame)].rest
            return returning < distance[node] ? returning : distance[node]
        }
        heap.push(Partial(estimate: distance[start], length: .zero, order: 0, node: Int32(start), frame: -1, choice: -1))
        // A bound on the work, far above what a walk's own branches need.
        var budget = 4_000_000 + 64 * limit
        while found.count < limit, budget > 0, let partial = heap.pop() {
            var node = Int(partial.node)
            var frame = partial.frame
            var length = partial.length
            walking: while budget > 0 {
                budget -= 1
                switch paths.role[node] {
                case .end:
                    guard Int(paths.detail[node]) == outcome else { break walking }
                    var decisions: [Decision] = []
                    var choice = partial.choice
                    while choice >= 0 {
                        decisions.append(choices[Int(choice)].decision)
                        choice = choices[Int(choice)].parent
                    }
                    found.append(paths.describe(decisions.reversed(), keep: keep))
                    break walking
                case .ret:
                    guard frame >= 0 else { break walking }
                    length = length + paths.length(of: node)
                    node = Int(frames[Int(frame)].after)
                    frame = frames[Int(frame)].parent
                case .call:
                    let after = paths.after(node)
                    frames.append(Frame(after: Int32(after), parent: frame, rest: estimate(after, frame)))
                    frame = Int32(frames.count - 1)
                    length = length + paths.length(of: node)
                    node = paths.graph.flowEntries[paths.callee(node)]
                    if estimate(node, frame).isNone { break walking }
                case .sink:
                    break walking
                case .plain:
                    let successors = paths.graph.successors(node)
                    let next = length + paths.length(of: node)
                    if successors.count == 1 {
                        length = next
                        node = Int(successors[successors.startIndex])
                        continue walking
                    }
                    for edge in successors.indices {
                        let target = Int(successors[edge])
                        let rest = estimate(target, frame)
                        guard !rest.isNone else { continue }
                        choices.append((partial.choice, Decision(node: Int32(node), edge: Int32(edge - successors.startIndex))))
                        order += 1
                        heap.push(
                            Partial(
                                estimate: next + rest, length: next, order: order, node: Int32(target), frame: frame,
                                choice: Int32(choices.count - 1)))
                    }
                    break walking
                }
            }
        }
        return found
    }
}
