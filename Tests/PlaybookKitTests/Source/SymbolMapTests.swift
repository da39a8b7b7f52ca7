import Testing

@testable import PlaybookKit

/// A map keyed by symbols, stored by index: keys keep the order they were first set in.
struct SymbolMapTests {
    static func symbol(_ index: Int32) -> Symbol { Symbol(index: index) }

    @Test func setGetAndKeysInOrder() {
        var map = SymbolMap<String>()
        #expect(map.count == 0 && map[Self.symbol(0)] == nil)
        map[Self.symbol(7)] = "seven"
        map[Self.symbol(2)] = "two"
        map[Self.symbol(700)] = "far"
        #expect(map[Self.symbol(7)] == "seven" && map[Self.symbol(2)] == "two" && map[Self.symbol(700)] == "far")
        #expect(map[Self.symbol(3)] == nil && map[Self.symbol(5000)] == nil)
        #expect(map.keys == [Self.symbol(7), Self.symbol(2), Self.symbol(700)])
        // Setting again replaces the value and keeps the key where it was.
        map[Self.symbol(7)] = "SEVEN"
        #expect(map[Self.symbol(7)] == "SEVEN")
        #expect(map.keys == [Self.symbol(7), Self.symbol(2), Self.symbol(700)])
        #expect(map.count == 3)
        #expect(map.contains(Self.symbol(2)) && !map.contains(Self.symbol(1)))
    }

    @Test func nilAndNegativeSymbolsChangeNothing() {
        var map = SymbolMap<Int>()
        map[Self.symbol(1)] = 1
        map[Self.symbol(1)] = nil
        map[Self.symbol(-1)] = 5
        #expect(map[Self.symbol(1)] == 1)
        #expect(map[Self.symbol(-1)] == nil)
        #expect(map.keys == [Self.symbol(1)])
    }
}
