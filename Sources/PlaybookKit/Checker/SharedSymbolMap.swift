/// An immutable map from symbols to values that shares its unchanged parts with the maps it was
/// made from (a persistent bitmapped trie over the symbols' indices: leaves of 64 keys, branches
/// of 32). Adding a key costs a path of a few nodes, and the union, intersection or difference of
/// two maps costs only what differs between them, so a flow's summary can be made from the
/// summaries of the flows it calls without copying them: in a chain of flows each calling the
/// next, the summaries together stay linear in the chain's length instead of quadratic.
struct SharedSymbolMap<Value> {
    fileprivate final class Node {
        /// A leaf: one bit per key of its 64. A branch: one bit per child of its 32.
        let bits: UInt64
        /// A branch's children, in the order of their bits.
        let children: [Node]
        /// A leaf's values, in the order of their bits.
        let values: [Value]
        /// Keys under this node.
        let count: Int

        init(leaf bits: UInt64, values: [Value]) {
            self.bits = bits
            children = []
            self.values = values
            count = bits.nonzeroBitCount
        }

        init(branch bits: UInt64, children: [Node]) {
            self.bits = bits
            self.children = children
            values = []
            count = children.reduce(0) { $0 + $1.count }
        }
    }

    private static var leafShift: Int { 6 }
    private static var branchShift: Int { 5 }

    private var root: Node?
    /// Levels of branches above the leaves.
    private var height = 0

    init() {}

    private init(root: Node?, height: Int) {
        self.root = root
        self.height = height
    }

    var count: Int { root?.count ?? 0 }

    /// The nodes that hold the map, by identity: the maps made from one another share them,
    /// which is what keeps summaries small (for tests that measure it).
    func forEachNode(_ body: (ObjectIdentifier) -> Void) {
        guard let root else { return }
        var pending = [root]
        while let node = pending.popLast() {
            body(ObjectIdentifier(node))
            pending += node.children
        }
    }
    var isEmpty: Bool { root == nil }

    /// The value of a key, in a few steps whatever the size.
    subscript(symbol: Symbol) -> Value? {
        guard let (leaf, bit) = locate(symbol), leaf.bits & (1 << bit) != 0 else { return nil }
        return leaf.values[Self.rank(leaf.bits, bit)]
    }

    func contains(_ symbol: Symbol) -> Bool {
        guard let (leaf, bit) = locate(symbol) else { return false }
        return leaf.bits & (1 << bit) != 0
    }

    /// The leaf that would hold the key, and the key's bit in it.
    private func locate(_ symbol: Symbol) -> (Node, UInt64)? {
        let key = Int(symbol.index)
        guard key >= 0, var node = root, key >> Self.shift(of: height + 1) == 0 else { return nil }
        var level = height
        while level > 0 {
            let bit = UInt64((key >> Self.shift(of: level)) & 31)
            guard node.bits & (1 << bit) != 0 else { return nil }
            node = node.children[Self.rank(node.bits, bit)]
            level -= 1
        }
        return (node, UInt64(key & 63))
    }

    /// The map with the key set to the value (replacing any value it had).
    func setting(_ symbol: Symbol, to value: Value) -> Self {
        let key = Int(symbol.index)
        guard key >= 0 else { return self }
        var map = self
        while key >> Self.shift(of: map.height + 1) != 0 { map = map.raised() }
        return Self(root: Self.set(key, value, in: map.root, level: map.height), height: map.height)
    }

    /// Every key with its value, in the order of the keys.
    func forEach(_ body: (Symbol, Value) -> Void) {
        guard let root else { return }
        Self.visit(root, level: height, prefix: 0, body)
    }

    /// The keys of both; for a key in both, the value of `self`, and `common` (when given) is told.
    func union(_ other: Self, common: ((Symbol, Value, Value) -> Void)? = nil) -> Self {
        let (left, right) = Self.level(self, other)
        return Self(root: Self.union(left.root, right.root, level: left.height, prefix: 0, common), height: left.height)
    }

    /// The keys of `self` that `keys` does not hold.
    func subtracting<Other>(_ keys: SharedSymbolMap<Other>) -> Self {
        guard root != nil else { return self }
        var theirs = keys
        // Keys of `keys` beyond the range of `self` take nothing away: only its lowest part counts.
        while theirs.height > height {
            guard let lower = theirs.lowestChild() else { return self }
            theirs = lower
        }
        while theirs.height < height { theirs = theirs.raised() }
        return Self(root: Self.subtract(root, theirs.root, level: height), height: height)
    }

    // MARK: - The trie's nodes

    /// The lowest bit of the keys that select a child at `level` (1 and up), or that are beyond
    /// a root at `level - 1` (at `height + 1`).
    private static func shift(of level: Int) -> Int { leafShift + branchShift * (level - 1) }

    /// How many of the bits below `bit` are set: the place of `bit`'s entry in a compact array.
    private static func rank(_ bits: UInt64, _ bit: UInt64) -> Int {
        (bits & ((1 << bit) &- 1)).nonzeroBitCount
    }

    /// The same map with one more level above its root.
    private func raised() -> Self {
        guard let root else { return Self(root: nil, height: height + 1) }
        return Self(root: Node(branch: 1, children: [root]), height: height + 1)
    }

    /// The keys under the root's first child, one level lower; nil when there are none.
    private func lowestChild() -> Self? {
        guard height > 0, let root, root.bits & 1 != 0 else { return nil }
        return Self(root: root.children[0], height: height - 1)
    }

    /// Both maps at the same height.
    private static func level(_ first: Self, _ second: Self) -> (Self, Self) {
        var a = first
        var b = second
        while a.height < b.height { a = a.raised() }
        while b.height < a.height { b = b.raised() }
        return (a, b)
    }

    private static func set(_ key: Int, _ value: Value, in node: Node?, level: Int) -> Node {
        if level == 0 {
            let bit = UInt64(key & 63)
            guard let node else { return Node(leaf: 1 << bit, values: [value]) }
            var values = node.values
            let index = rank(node.bits, bit)
            if node.bits & (1 << bit) != 0 {
                values[index] = value
            } else {
                values.insert(value, at: index)
            }
            return Node(leaf: node.bits | (1 << bit), values: values)
        }
        let bit = UInt64((key >> shift(of: level)) & 31)
        guard let node else { return Node(branch: 1 << bit, children: [set(key, value, in: nil, level: level - 1)]) }
        var children = node.children
        let index = rank(node.bits, bit)
        if node.bits & (1 << bit) != 0 {
            children[index] = set(key, value, in: children[index], level: level - 1)
        } else {
            children.insert(set(key, value, in: nil, level: level - 1), at: index)
        }
        return Node(branch: node.bits | (1 << bit), children: children)
    }

    private static func visit(_ node: Node, level: Int, prefix: Int, _ body: (Symbol, Value) -> Void) {
        var bits = node.bits
        var index = 0
        while bits != 0 {
            let bit = bits.trailingZeroBitCount
            bits &= bits - 1
            if level == 0 {
                body(Symbol(index: Int32(prefix << leafShift | bit)), node.values[index])
            } else {
                visit(node.children[index], level: level - 1, prefix: prefix << branchShift | bit, body)
            }
            index += 1
        }
    }

    private static func union(
        _ left: Node?, _ right: Node?, level: Int, prefix: Int, _ common: ((Symbol, Value, Value) -> Void)?
    ) -> Node? {
        guard let left else { return right }
        guard let right, left !== right else { return left }
        let bits = left.bits | right.bits
        if level == 0 {
            if let common {
                var both = left.bits & right.bits
                while both != 0 {
                    let bit = UInt64(both.trailingZeroBitCount)
                    both &= both - 1
                    common(
                        Symbol(index: Int32(prefix << leafShift | Int(bit))), left.values[rank(left.bits, bit)],
                        right.values[rank(right.bits, bit)])
                }
            }
            if bits == left.bits { return left }
            var values: [Value] = []
            values.reserveCapacity(bits.nonzeroBitCount)
            var rest = bits
            while rest != 0 {
                let bit = UInt64(rest.trailingZeroBitCount)
                rest &= rest - 1
                values.append(left.bits & (1 << bit) != 0 ? left.values[rank(left.bits, bit)] : right.values[rank(right.bits, bit)])
            }
            return Node(leaf: bits, values: values)
        }
        var children: [Node] = []
        children.reserveCapacity(bits.nonzeroBitCount)
        var unchanged = bits == left.bits
        var rest = bits
        while rest != 0 {
            let bit = UInt64(rest.trailingZeroBitCount)
            rest &= rest - 1
            let mine = left.bits & (1 << bit) != 0 ? left.children[rank(left.bits, bit)] : nil
            let theirs = right.bits & (1 << bit) != 0 ? right.children[rank(right.bits, bit)] : nil
            // Both are nil for no bit of `bits`: one of them is a node.
            guard let child = union(mine, theirs, level: level - 1, prefix: prefix << branchShift | Int(bit), common) else { continue }
            if child !== mine { unchanged = false }
            children.append(child)
        }
        return unchanged ? left : Node(branch: bits, children: children)
    }

    private static func subtract<Other>(_ left: Node?, _ right: SharedSymbolMap<Other>.Node?, level: Int) -> Node? {
        guard let left else { return nil }
        guard let right else { return left }
        if level == 0 {
            let bits = left.bits & ~right.bits
            if bits == left.bits { return left }
            if bits == 0 { return nil }
            var values: [Value] = []
            var rest = bits
            while rest != 0 {
                let bit = UInt64(rest.trailingZeroBitCount)
                rest &= rest - 1
                values.append(left.values[rank(left.bits, bit)])
            }
            return Node(leaf: bits, values: values)
        }
        guard left.bits & right.bits != 0 else { return left }
        var children: [Node] = []
        var bits: UInt64 = 0
        var unchanged = true
        var rest = left.bits
        while rest != 0 {
            let bit = UInt64(rest.trailingZeroBitCount)
            rest &= rest - 1
            let mine = left.children[rank(left.bits, bit)]
            let theirs = right.bits & (1 << bit) != 0 ? right.children[SharedSymbolMap<Other>.rank(right.bits, bit)] : nil
            let child = subtract(mine, theirs, level: level - 1)
            if child !== mine { unchanged = false }
            if let child {
                children.append(child)
                bits |= 1 << bit
            }
        }
        if unchanged { return left }
        return bits == 0 ? nil : Node(branch: bits, children: children)
    }
}

/// A set of symbols with the same sharing: a map whose values are nothing.
typealias SharedSymbolSet = SharedSymbolMap<Void>

extension SharedSymbolMap where Value == Void {
    /// The set with the symbol added; the same set when it holds it already.
    func inserting(_ symbol: Symbol) -> Self {
        contains(symbol) ? self : setting(symbol, to: ())
    }

    /// The keys in both.
    func intersection(_ other: Self) -> Self {
        let (left, right) = Self.level(self, other)
        return Self(root: Self.intersect(left.root, right.root, level: left.height), height: left.height)
    }

    /// Every key, in order.
    func forEachSymbol(_ body: (Symbol) -> Void) {
        forEach { symbol, _ in body(symbol) }
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        let (left, right) = level(lhs, rhs)
        return same(left.root, right.root, level: left.height)
    }

    private static func intersect(_ left: Node?, _ right: Node?, level: Int) -> Node? {
        guard let left, let right else { return nil }
        if left === right { return left }
        let bits = left.bits & right.bits
        if bits == 0 { return nil }
        if level == 0 {
            if bits == left.bits { return left }
            if bits == right.bits { return right }
            return Node(leaf: bits, values: Array(repeating: (), count: bits.nonzeroBitCount))
        }
        var children: [Node] = []
        var kept: UInt64 = 0
        var rest = bits
        while rest != 0 {
            let bit = UInt64(rest.trailingZeroBitCount)
            rest &= rest - 1
            let mine = left.children[rank(left.bits, bit)]
            let theirs = right.children[rank(right.bits, bit)]
            if let child = intersect(mine, theirs, level: level - 1) {
                children.append(child)
                kept |= 1 << bit
            }
        }
        if kept == 0 { return nil }
        if kept == left.bits, zip(children, left.children).allSatisfy({ $0 === $1 }) { return left }
        if kept == right.bits, zip(children, right.children).allSatisfy({ $0 === $1 }) { return right }
        return Node(branch: kept, children: children)
    }

    private static func same(_ left: Node?, _ right: Node?, level: Int) -> Bool {
        guard let left, let right else { return left == nil && right == nil }
        if left === right { return true }
        guard left.bits == right.bits, left.count == right.count else { return false }
        if level == 0 { return true }
        return zip(left.children, right.children).allSatisfy { same($0, $1, level: level - 1) }
    }
}
