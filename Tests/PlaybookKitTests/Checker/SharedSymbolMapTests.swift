import Testing

@testable import PlaybookKit

/// The persistent map the flow summaries are made of: the same answers as a dictionary, and
/// maps made from one another share their nodes.
struct SharedSymbolMapTests {
    private func symbol(_ index: Int) -> Symbol { Symbol(index: Int32(index)) }

    private func keys(_ set: SharedSymbolSet) -> [Int] {
        var keys: [Int] = []
        set.forEachSymbol { keys.append(Int($0.index)) }
        return keys
    }

    private func set(_ indices: [Int]) -> SharedSymbolSet {
        indices.reduce(SharedSymbolSet()) { $0.inserting(symbol($1)) }
    }

    /// Random sets of keys up to 100,000 (several levels of the trie), against `Set`.
    @Test func setOperationsAgreeWithSet() {
        var random = SeededRandom(seed: 11)
        for round in 0..<200 {
            let range = round % 2 == 0 ? 200 : 100_000
            let first = (0..<random.below(60)).map { _ in random.below(range) }
            let second = (0..<random.below(60)).map { _ in random.below(range) }
            let a = set(first)
            let b = set(second)
            #expect(keys(a) == Set(first).sorted())
            #expect(a.count == Set(first).count)
            #expect(keys(a.union(b)) == Set(first).union(second).sorted())
            #expect(keys(a.intersection(b)) == Set(first).intersection(second).sorted())
            #expect(keys(a.subtracting(b)) == Set(first).subtracting(second).sorted())
            #expect((a == b) == (Set(first) == Set(second)))
            #expect(a.union(b) == b.union(a))
            for probe in 0..<20 {
                let key = probe % 2 == 0 ? random.below(range) : first.first ?? 0
                #expect(a.contains(symbol(key)) == first.contains(key))
            }
        }
    }

    @Test func mapsKeepTheirValuesAndTellWhereTheyMeet() {
        var left = SharedSymbolMap<String>()
        var right = SharedSymbolMap<String>()
        for key in [3, 70, 5_000, 90_000] { left = left.setting(symbol(key), to: "left \(key)") }
        for key in [70, 71, 90_000, 200_000] { right = right.setting(symbol(key), to: "right \(key)") }
        var met: [Int] = []
        let union = left.union(right) { key, mine, theirs in
            #expect(mine == "left \(key.index)" && theirs == "right \(key.index)")
            met.append(Int(key.index))
        }
        #expect(met == [70, 90_000])
        var all: [String] = []
        union.forEach { _, value in all.append(value) }
        #expect(all == ["left 3", "left 70", "right 71", "left 5000", "left 90000", "right 200000"])
        let rest = right.subtracting(set([71, 90_000, 7]))
        #expect(rest[symbol(70)] == "right 70" && rest[symbol(200_000)] == "right 200000")
        #expect(rest[symbol(71)] == nil && rest.count == 2)
        #expect(left.setting(symbol(3), to: "again")[symbol(3)] == "again")
        // A key beyond a small map's range takes nothing away and finds nothing.
        #expect(set([1, 2]).subtracting(set([1_000_000])).count == 2)
        #expect(!set([1, 2]).contains(symbol(1_000_000)))
    }

    /// A chain of sets, each one key more than the last (what a chain of flows each calling
    /// the next gives their summaries): all of them together hold a few nodes per set, where
    /// copies would hold 5,000 keys × 5,000 sets / 2.
    @Test func setsMadeFromOneAnotherShareTheirNodes() {
        var chain = [SharedSymbolSet()]
        for key in 0..<5_000 { chain.append(chain[chain.count - 1].inserting(symbol(key))) }
        var nodes = Set<ObjectIdentifier>()
        for set in chain { set.forEachNode { nodes.insert($0) } }
        #expect(chain.last?.count == 5_000)
        #expect(nodes.count <= 5 * chain.count)
        // A union with a set it holds, and an intersection with itself, make no new node.
        let whole = chain[chain.count - 1]
        var unionNodes: [ObjectIdentifier] = []
        whole.union(chain[2_000]).forEachNode { unionNodes.append($0) }
        var wholeNodes: [ObjectIdentifier] = []
        whole.forEachNode { wholeNodes.append($0) }
        #expect(unionNodes == wholeNodes)
        #expect(whole.intersection(whole) == whole)
    }
}
