extension Flowchart {
    /// Leaves out the `if`s that do not branch. Without `--detail` a `set` is not drawn, so an `if`
    /// that only sets values leads both ways to the same step: it is left out, and the arrows into
    /// it go straight on. Arrows that then leave one box for the same place are merged; a box with
    /// one way on has an arrow without labels, and a question whose answers all go one way is a
    /// plain box.
    mutating func leaveOutConditionsThatDoNotBranch() {
        var outgoing = Array(repeating: [Int](), count: nodes.count)
        for (index, edge) in edges.enumerated() { outgoing[edge.from].append(index) }
        var through = Array(repeating: -1, count: nodes.count)
        for (node, info) in nodes.enumerated() where info.kind == .condition {
            let out = outgoing[node]
            if out.count == 1, edges[out[0]].kind == .flow, edges[out[0]].labels.isEmpty, edges[out[0]].to != node {
                through[node] = edges[out[0]].to
            }
        }
        guard through.contains(where: { $0 >= 0 }) else { return }
        // Where an arrow into a left-out `if` goes on; nil in a loop of them, which is kept.
        func onward(_ start: Int) -> Int? {
            var node = start
            for _ in 0...nodes.count {
                guard through[node] >= 0 else { return node }
                node = through[node]
            }
            return nil
        }
        for node in nodes.indices where through[node] >= 0 && onward(node) == nil { through[node] = -1 }
        var renumbered = Array(repeating: -1, count: nodes.count)
        var kept: [Node] = []
        for (node, info) in nodes.enumerated() where through[node] < 0 {
            renumbered[node] = kept.count
            kept.append(info)
        }
        // Each box's arrows, merged by where they go, in the order of the first to each place.
        var merged: [Edge] = []
        var mergedIndex: [Int: [Int: Int]] = [:]
        for edge in edges where through[edge.from] < 0 {
            guard let target = onward(edge.to) else { continue }
            var moved = edge
            moved.from = renumbered[edge.from]
            moved.to = renumbered[target]
            if edge.kind == .flow, let index = mergedIndex[moved.from]?[moved.to] {
                merged[index].labels = words.capped(merged[index].labels + moved.labels)
                continue
            }
            if edge.kind == .flow { mergedIndex[moved.from, default: [:]][moved.to] = merged.count }
            merged.append(moved)
        }
        for (from, targets) in mergedIndex where targets.count == 1 {
            for index in targets.values { merged[index].labels = [] }
            if kept[from].kind == .question { kept[from].kind = .plainQuestion }
        }
        nodes = kept
        edges = merged
    }
}
