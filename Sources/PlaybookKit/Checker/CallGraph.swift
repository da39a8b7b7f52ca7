/// Which flows call which, and the flows grouped so that a group comes after every group it calls
/// (strongly connected components: flows that call each other, directly or not, share a group).
struct CallGraph {
    /// For each container (0: the stages, 1 + flow: a flow), the `call` nodes in it.
    let callNodes: [[Int]]
    /// For each flow, the flows it calls.
    let callees: [[Int]]
    /// Groups of flows, callees first.
    let components: [[Int]]

    init(graph: FlowGraph, flowCount: Int) {
        var callNodes = Array(repeating: [Int](), count: flowCount + 1)
        var callees = Array(repeating: [Int](), count: flowCount)
        for node in graph.calls {
            let container = Int(graph.nodes[node].container)
            callNodes[container].append(node)
            if container > 0, let flow = graph.callee(node), flow >= 0 { callees[container - 1].append(flow) }
        }
        self.callNodes = callNodes
        self.callees = callees
        components = Self.stronglyConnected(callees)
    }

    /// Tarjan's algorithm without recursion; it yields components callees first.
    static func stronglyConnected(_ edges: [[Int]]) -> [[Int]] {
        let count = edges.count
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var components: [[Int]] = []
        var nextIndex = 0
        for root in 0..<count where index[root] < 0 {
            var work = [(node: root, edge: 0)]
            index[root] = nextIndex
            lowLink[root] = nextIndex
            nextIndex += 1
            stack.append(root)
            onStack[root] = true
            while let (node, edge) = work.last {
                if edge < edges[node].count {
                    work[work.count - 1].edge += 1
                    let next = edges[node][edge]
                    if index[next] < 0 {
                        index[next] = nextIndex
                        lowLink[next] = nextIndex
                        nextIndex += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == index[node] {
                    var component: [Int] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(member)
                        if member == node { break }
                    }
                    components.append(component)
                }
            }
        }
        return components
    }
}
