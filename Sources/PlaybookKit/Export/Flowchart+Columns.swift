extension Flowchart {
    /// The chart with each cluster on its own, as the SVG draws it, one column per cluster: an
    /// arrow to another cluster ends at a stub in its own (`→ 2 · Preparation`, one per cluster it
    /// leads to), the stubs of a picture of one stage move into that stage, and the dashed arrows
    /// of calls are left out (a call's box names its flow, drawn in a column of its own). So no
    /// arrow crosses from one column to another, and each column can be laid out alone.
    func columns() -> Flowchart {
        var split = self
        split.nodes = []
        split.edges = []
        // New stubs per cluster, in the order of the first arrow to each place.
        var stubs = Array(repeating: [(key: Int, node: Node)](), count: clusters.count)
        var stubIndex = Array(repeating: [Int: Int](), count: clusters.count)
        var edgeTarget: [(cluster: Int, stub: Int)?] = Array(repeating: nil, count: edges.count)
        for (index, edge) in edges.enumerated() where edge.kind == .flow {
            guard let from = nodes[edge.from].cluster else { continue }
            let target = nodes[edge.to]
            if target.cluster == from { continue }
            // A place is a cluster (key ≥ 0) or an old stub (key < 0).
            let key = target.cluster ?? (-1 - edge.to)
            if stubIndex[from][key] == nil {
                stubIndex[from][key] = stubs[from].count
                stubs[from].append((key, stub(to: edge.to, in: from)))
            }
            edgeTarget[index] = (from, stubIndex[from][key] ?? 0)
        }
        // Nodes cluster by cluster, each cluster's stubs after its own nodes.
        var renumbered = Array(repeating: -1, count: nodes.count)
        var stubNumbers = stubs.map { Array(repeating: -1, count: $0.count) }
        let members = nodesByCluster.inCluster
        for cluster in clusters.indices {
            for node in members[cluster] {
                renumbered[node] = split.nodes.count
                split.nodes.append(nodes[node])
            }
            for (number, stub) in stubs[cluster].enumerated() {
                stubNumbers[cluster][number] = split.nodes.count
                split.nodes.append(stub.node)
            }
        }
        for (index, edge) in edges.enumerated() where edge.kind == .flow && renumbered[edge.from] >= 0 {
            var moved = edge
            moved.from = renumbered[edge.from]
            if let (cluster, stub) = edgeTarget[index] {
                moved.to = stubNumbers[cluster][stub]
            } else {
                guard renumbered[edge.to] >= 0 else { continue }
                moved.to = renumbered[edge.to]
            }
            split.edges.append(moved)
        }
        return split
    }

    /// A stub in `cluster` for an arrow to `target`: the target's own stub, or one naming the
    /// target's cluster.
    private func stub(to target: Int, in cluster: Int) -> Node {
        var node = nodes[target]
        if node.kind != .stub, let home = node.cluster {
            let heading = clusters[home].detail
            let text = words.onward + " " + heading
            node = Node(
                kind: .stub, lines: [ShortLine.shorten(text)], text: [text],
                detail: words(.goesOnIn, heading), cluster: nil)
        }
        node.cluster = cluster
        return node
    }
}
