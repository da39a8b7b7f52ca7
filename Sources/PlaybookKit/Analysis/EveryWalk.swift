/// A question asked on every walk, with where it is written.
public struct QuestionSite: Sendable, Hashable {
    public var name: String
    public var file: String
    public var line: Int
}

/// The questions every walk from the first stage to an outcome asks.
///
/// In each stage or flow, the nodes every walk to its finish (an outcome, or `return` in a flow)
/// passes are the dominators of a virtual finish node that all the finishing points lead to. They
/// all lie on any one walk there, so they are found along one walk P = p0 … pk (found by a
/// breadth-first search): p(j) is on every walk unless some walk gets past it, which a search
/// from the start that keeps off p(j) … pk and is resumed at each p(j) in turn finds in one pass
/// over the graph in all. Questions there are asked on every walk; a `call` there asks every
/// question every walk through its flow asks (flows solved first, each once). A flow called at
/// several places, none of them on every walk, still asks its questions on every walk when no walk
/// gets round all its calls: one more search per set of such calls.
struct EveryWalk {
    private let paths: PathGraph
    /// For each container, the question nodes every walk through it asks, in walk order.
    private var asked: [[Int]]
    /// Whether reaching the node can finish the walk through its container.
    private var finishes: [Bool]

    init(_ paths: PathGraph) {
        self.paths = paths
        asked = Array(repeating: [], count: paths.program.flows.count + 1)
        finishes = paths.role.indices.map { node in
            switch paths.role[node] {
            case .end, .ret: return true
            case .call:
                let entry = paths.graph.flowEntries[paths.callee(node)]
                return (0..<paths.outcomes.count).contains { paths.has(entry, $0) }
            case .plain, .sink: return false
            }
        }
        var scratch = Scratch(count: paths.nodeCount)
        for flow in paths.flowGroups.joined() { asked[flow + 1] = solve(container: flow + 1, &scratch) }
        asked[0] = solve(container: 0, &scratch)
    }

    /// The questions every walk from the first stage asks, in the order walks ask them.
    var questions: [QuestionSite] {
        asked[0].compactMap { node in
            guard case .ask(let question)? = paths.graph.step(node) else { return nil }
            return QuestionSite(
                name: paths.program.name(question.name.symbol), file: paths.program.path(of: question.span),
                line: paths.line(of: question.span))
        }
    }

    /// Arrays the size of the flowchart, reused from one container to the next.
    private struct Scratch {
        /// For each node the search reached: the node it came from, and when it was reached.
        var parent: [Int32]
        var reached: [Int32]
        /// A node's place on the walk P, or -1.
        var place: [Int32]
        var marks: Marks

        init(count: Int) {
            parent = Array(repeating: -1, count: count)
            reached = Array(repeating: -1, count: count)
            place = Array(repeating: -1, count: count)
            marks = Marks(count: count)
        }
    }

    private func solve(container: Int, _ scratch: inout Scratch) -> [Int] {
        guard let entry = paths.entry(of: container) else { return [] }
        // Breadth first from the entry: the order nodes are reached in, and a shortest walk P to
        // the finish (its last node is the first finishing point reached).
        var queue = [entry]
        scratch.reached[entry] = 0
        var head = 0
        var last = -1
        while head < queue.count {
            let node = queue[head]
            head += 1
            if last < 0, finishes[node] { last = node }
            for next in paths.next(node).lazy.map(Int.init) where scratch.reached[next] < 0 {
                scratch.reached[next] = Int32(queue.count)
                scratch.parent[next] = Int32(node)
                queue.append(next)
            }
        }
        defer {
            for node in queue {
                scratch.reached[node] = -1
                scratch.parent[node] = -1
                scratch.place[node] = -1
            }
        }
        guard last >= 0 else { return [] }
        var walk = [last]
        while scratch.parent[walk[walk.count - 1]] >= 0 { walk.append(Int(scratch.parent[walk[walk.count - 1]])) }
        walk.reverse()
        for (place, node) in walk.enumerated() { scratch.place[node] = Int32(place) }

        // Keep off p(j) … pk (the finish counts as past pk) and note the farthest of them met.
        var onEveryWalk: [Int] = []
        scratch.marks.clear()
        _ = scratch.marks.insert(entry)
        var pending = [entry]
        var farthest = 0
        for j in 1..<walk.count {
            while let node = pending.popLast() {
                // Another finishing point: past all of P.
                if finishes[node] { farthest = walk.count }
                for next in paths.next(node).lazy.map(Int.init) {
                    let place = Int(scratch.place[next])
                    if place >= j {
                        farthest = max(farthest, place)
                    } else if scratch.marks.insert(next) {
                        pending.append(next)
                    }
                }
            }
            // Nothing got past p(j): every walk passes it.
            if farthest <= j { onEveryWalk.append(walk[j]) }
            _ = scratch.marks.insert(walk[j])
            pending.append(walk[j])
        }

        // (when reached, order within a flow's list, question node)
        var found: [(at: Int32, index: Int, node: Int)] = []
        let onChain = Set(onEveryWalk)
        for node in onEveryWalk {
            if paths.asks[node] { found.append((scratch.reached[node], 0, node)) }
            if paths.role[node] == .call, !paths.closesRecursion(node) {
                for (index, question) in asked[paths.callee(node) + 1].enumerated() {
                    found.append((scratch.reached[node], index + 1, question))
                }
            }
        }
        // The calls off the chain whose flow asks a question on every walk through it, by question.
        var callsAsking: [Int: [Int32]] = [:]
        var listIndex: [Int: Int] = [:]
        for node in queue where paths.role[node] == .call && !onChain.contains(node) && !paths.closesRecursion(node) {
            for (index, question) in asked[paths.callee(node) + 1].enumerated() {
                callsAsking[question, default: []].append(Int32(node))
                listIndex[question] = index + 1
            }
        }
        var questionsBySet: [[Int32]: [Int]] = [:]
        for (question, calls) in callsAsking { questionsBySet[calls.sorted(), default: []].append(question) }
        let already = Set(found.map(\.node))
        for (calls, questions) in questionsBySet.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) })
        where !avoidable(calls, from: entry, &scratch.marks) {
            let at = calls.map { scratch.reached[Int($0)] }.min() ?? 0
            for question in questions.sorted() where !already.contains(question) {
                found.append((at, listIndex[question] ?? 0, question))
            }
        }
        found.sort { ($0.at, $0.index, $0.node) < ($1.at, $1.index, $1.node) }
        var seen = Set<Int>()
        return found.map(\.node).filter { seen.insert($0).inserted }
    }

    /// Whether some walk from `entry` finishes without passing any of `calls`.
    private func avoidable(_ calls: [Int32], from entry: Int, _ marks: inout Marks) -> Bool {
        marks.clear()
        for call in calls { _ = marks.insert(Int(call)) }
        guard marks.insert(entry) else { return false }
        var pending = [entry]
        while let node = pending.popLast() {
            if finishes[node] { return true }
            for next in paths.next(node).lazy.map(Int.init) where marks.insert(next) { pending.append(next) }
        }
        return false
    }
}
