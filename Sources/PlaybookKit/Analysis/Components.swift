/// Strongly connected components by Tarjan's algorithm, without recursion (a generated playbook
/// nests 450,000 nodes deep). Components are numbered in the order found, which puts each
/// component after every component it leads to: sinks first.
struct Components {
    /// The component of each vertex.
    let component: [Int32]
    /// Where each component's members start in `members`; one more entry than components.
    let start: [Int32]
    let members: [Int32]
    /// More than one vertex, or one with an edge to itself: a loop.
    let cyclic: [Bool]

    var count: Int { cyclic.count }

    func members(of component: Int) -> ArraySlice<Int32> {
        members[Int(start[component])..<Int(start[component + 1])]
    }

    /// Over the graph whose vertex `v` has the edges `targets[start[v]..<start[v + 1]]`.
    init(start edgeStart: [Int32], targets: [Int32]) {
        let count = edgeStart.count - 1
        var index = [Int32](repeating: -1, count: count)
        var lowLink = [Int32](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int32] = []
        // Each vertex being explored, with its next edge (an index into `targets`).
        var work: [(vertex: Int32, edge: Int32)] = []
        var nextIndex: Int32 = 0
        var component = [Int32](repeating: -1, count: count)
        var start: [Int32] = [0]
        var members: [Int32] = []
        members.reserveCapacity(count)
        var cyclic: [Bool] = []
        func visit(_ vertex: Int) {
            index[vertex] = nextIndex
            lowLink[vertex] = nextIndex
            nextIndex += 1
            stack.append(Int32(vertex))
            onStack[vertex] = true
            work.append((Int32(vertex), edgeStart[vertex]))
        }
        for root in 0..<count where index[root] < 0 {
            visit(root)
            while let (vertex, edge) = work.last {
                if edge < edgeStart[Int(vertex) + 1] {
                    work[work.count - 1].edge += 1
                    let successor = Int(targets[Int(edge)])
                    if index[successor] < 0 {
                        visit(successor)
                    } else if onStack[successor] {
                        lowLink[Int(vertex)] = min(lowLink[Int(vertex)], index[successor])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last?.vertex { lowLink[Int(parent)] = min(lowLink[Int(parent)], lowLink[Int(vertex)]) }
                guard lowLink[Int(vertex)] == index[Int(vertex)] else { continue }
                let id = Int32(cyclic.count)
                let first = members.count
                while let member = stack.popLast() {
                    onStack[Int(member)] = false
                    component[Int(member)] = id
                    members.append(member)
                    if member == vertex { break }
                }
                let selfLoop = targets[Int(edgeStart[Int(vertex)])..<Int(edgeStart[Int(vertex) + 1])].contains(vertex)
                cyclic.append(members.count - first > 1 || selfLoop)
                start.append(Int32(members.count))
            }
        }
        self.component = component
        self.start = start
        self.members = members
        self.cyclic = cyclic
    }

    /// The same components with the members of each reordered by `areInIncreasingOrder`.
    func sortingMembers(by areInIncreasingOrder: (Int32, Int32) -> Bool) -> Components {
        var sorted = members
        for component in 0..<count where start[component + 1] - start[component] > 1 {
            sorted[Int(start[component])..<Int(start[component + 1])].sort(by: areInIncreasingOrder)
        }
        return Components(component: component, start: start, members: sorted, cyclic: cyclic)
    }

    private init(component: [Int32], start: [Int32], members: [Int32], cyclic: [Bool]) {
        self.component = component
        self.start = start
        self.members = members
        self.cyclic = cyclic
    }
}
