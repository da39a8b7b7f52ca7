/// The dominator tree of the nodes reachable from one entry, by Cooper, Harvey and Kennedy's
/// "A Simple, Fast Dominance Algorithm". A node dominates another when every walk from the entry
/// to the other passes through it: a value set at a node is set at every node it dominates.
struct Dominators {
    /// The reachable nodes in reverse postorder, the entry first.
    let order: [Int]
    /// Immediate dominator of each position of `order`, as a position.
    private let immediate: [Int32]
    private let childStart: [Int32]
    private let children: [Int32]

    /// `position` must hold -1 for every node; it is left holding each reached node's position in
    /// `order` (call `forget` to put the -1s back).
    init(
        entry: Int, position: inout [Int32], successors: (Int) -> ArraySlice<Int32>,
        predecessors: (Int) -> ArraySlice<Int32>
    ) {
        let order = Self.reversePostorder(from: entry, position: &position, successors: successors)

        var immediate = [Int32](repeating: -1, count: order.count)
        immediate[0] = 0
        func intersect(_ first: Int32, _ second: Int32) -> Int32 {
            var a = first
            var b = second
            while a != b {
                while a > b { a = immediate[Int(a)] }
                while b > a { b = immediate[Int(b)] }
            }
            return a
        }
        var changed = order.count > 1
        while changed {
            changed = false
            for index in 1..<order.count {
                var candidate: Int32 = -1
                for predecessor in predecessors(order[index]) {
                    let other = position[Int(predecessor)]
                    guard other >= 0, immediate[Int(other)] >= 0 else { continue }
                    candidate = candidate < 0 ? other : intersect(other, candidate)
                }
                if candidate >= 0, immediate[index] != candidate {
                    immediate[index] = candidate
                    changed = true
                }
            }
        }

        var start = [Int32](repeating: 0, count: order.count + 1)
        for index in 1..<max(1, order.count) { start[Int(immediate[index]) + 1] += 1 }
        for index in 0..<order.count { start[index + 1] += start[index] }
        var fill = start
        var children = [Int32](repeating: 0, count: max(0, order.count - 1))
        for index in 1..<max(1, order.count) {
            let parent = Int(immediate[index])
            children[Int(fill[parent])] = Int32(index)
            fill[parent] += 1
        }
        self.order = order
        self.immediate = immediate
        self.childStart = start
        self.children = children
    }

    /// The nodes reachable from `entry`, in reverse postorder (a depth-first search without
    /// recursion); `position` (all -1 before) is left holding each one's place in the result.
    static func reversePostorder(
        from entry: Int, position: inout [Int32], successors: (Int) -> ArraySlice<Int32>
    ) -> [Int] {
        var postorder: [Int] = []
        var stack = [(node: entry, next: 0)]
        position[entry] = -2
        while let (node, next) = stack.last {
            let successors = successors(node)
            if next < successors.count {
                stack[stack.count - 1].next += 1
                let successor = Int(successors[successors.startIndex + next])
                if position[successor] == -1 {
                    position[successor] = -2
                    stack.append((successor, 0))
                }
            } else {
                stack.removeLast()
                postorder.append(node)
            }
        }
        let order = Array(postorder.reversed())
        for (index, node) in order.enumerated() { position[node] = Int32(index) }
        return order
    }

    /// Puts back -1 for the nodes this tree numbered.
    func forget(_ position: inout [Int32]) {
        for node in order { position[node] = -1 }
    }

    /// Visits the tree depth first: `enter` on the way down, `leave` on the way back, each with a
    /// position in `order`.
    func walk(enter: (Int) -> Void, leave: (Int) -> Void) {
        guard !order.isEmpty else { return }
        var stack = [(position: 0, next: Int(childStart[0]))]
        enter(0)
        while let (position, next) = stack.last {
            if next < Int(childStart[position + 1]) {
                stack[stack.count - 1].next += 1
                let child = Int(children[next])
                enter(child)
                stack.append((child, Int(childStart[child])))
            } else {
                stack.removeLast()
                leave(position)
            }
        }
    }
}
