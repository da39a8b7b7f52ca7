/// A set of node numbers that empties in O(1): each search takes a new generation.
struct Marks {
    private var stamps: [UInt32]
    private var generation: UInt32 = 1

    init(count: Int) { stamps = Array(repeating: 0, count: count) }

    mutating func clear() {
        generation &+= 1
        if generation == 0 {
            stamps = Array(repeating: 0, count: stamps.count)
            generation = 1
        }
    }

    /// Marks `node`; false when it was marked already.
    mutating func insert(_ node: Int) -> Bool {
        if stamps[node] == generation { return false }
        stamps[node] = generation
        return true
    }

    func contains(_ node: Int) -> Bool { stamps[node] == generation }
}
