import Testing

@testable import PlaybookKit

/// Names interned once: the same text is the same symbol, whatever its normalization.
struct InternerTests {
    @Test func sameTextSameSymbolAndBack() {
        var interner = Interner()
        let names = ["stage", "budget", "x", "", "a_much_longer_name_than_eight_bytes", "khách_hàng", "预算", "งบประมาณ", "תקציב"]
        let symbols = names.map { interner.intern($0) }
        #expect(Set(symbols).count == names.count)
        #expect(symbols.map(\.index) == Array(0..<Int32(names.count)))
        #expect(names.map { interner.intern($0) } == symbols)
        #expect(symbols.map(interner.name) == names)
        #expect(interner.count == names.count)
    }

    @Test func bytesAndStringsAgree() {
        var interner = Interner()
        let fromString = interner.intern("ลูกค้า")
        var bytes = Array("ลูกค้า".utf8)
        let fromBytes = bytes.withUnsafeMutableBufferPointer { interner.intern(UnsafeBufferPointer($0)) }
        #expect(fromBytes == fromString)
        var ascii = Array("role".utf8)
        let role = ascii.withUnsafeMutableBufferPointer { interner.intern(UnsafeBufferPointer($0)) }
        #expect(interner.intern("role") == role)
        #expect(interner.count == 2)
    }

    @Test func lookupNeverAdds() {
        var interner = Interner()
        let tier = interner.intern("tier")
        let name = interner.intern("người")
        #expect(interner.lookup("tier") == tier)
        #expect(interner.lookup("người") == name)
        #expect(interner.lookup("tiers") == nil)
        #expect(interner.lookup("預算") == nil)
        #expect(interner.count == 2)
    }

    @Test func precomposedAndDecomposedVietnameseAreOneName() {
        var interner = Interner()
        let precomposed = interner.intern("Người")
        let decomposed = interner.intern("Ngu\u{31B}o\u{31B}\u{300}i")
        #expect(Array("Người".utf8) != Array("Ngu\u{31B}o\u{31B}\u{300}i".utf8))
        #expect(decomposed == precomposed)
        #expect(interner.lookup("Ngu\u{31B}o\u{31B}\u{300}i") == precomposed)
        // The name is shown as first written.
        #expect(Array(interner.name(precomposed).unicodeScalars) == Array("Người".unicodeScalars))
        #expect(interner.count == 1)
        // A different letter is a different name.
        #expect(interner.intern("Ngươi") != precomposed)
    }

    @Test func manyNamesSurviveTheTableGrowing() {
        var interner = Interner()
        let names = (0..<5000).map { $0 % 3 == 0 ? "câu_hỏi_\($0)" : "q\($0)" }
        let symbols = names.map { interner.intern($0) }
        #expect(Set(symbols).count == names.count)
        #expect(names.map { interner.lookup($0) } == symbols)
        #expect(names.map { interner.intern($0) } == symbols)
        #expect(symbols.map(interner.name) == names)
    }

    @Test func symbolsOrderAsInterned() {
        var interner = Interner()
        let b = interner.intern("b")
        let a = interner.intern("a")
        #expect(b < a)
        #expect([a, b].sorted() == [b, a])
    }

    /// Threads that parse parts of a file share names through clients whose caches answer for
    /// short ASCII names: every client gives the shared table's symbol.
    @Test func clientsOfASharedInternerAgree() {
        let shared = SharedInterner(Interner())
        var first = InternerClient(shared)
        var second = InternerClient(shared)
        func intern(_ client: inout InternerClient, _ text: String) -> Symbol {
            var bytes = Array(text.utf8)
            return bytes.withUnsafeMutableBufferPointer { client.intern(UnsafeBufferPointer($0)) }
        }
        let names = (0..<3000).map { "n\($0)" } + ["ask", "set", "ask", "người", "a_name_of_many_bytes", "预算"]
        let one = names.map { intern(&first, $0) }
        let two = names.reversed().map { intern(&second, $0) }
        #expect(one == two.reversed())
        // Again from the caches.
        #expect(names.map { intern(&first, $0) } == one)
        #expect(names.map { shared.interner.lookup($0) } == one)
        #expect(shared.interner.count == Set(names).count)
        #expect(first.name(one[names.count - 3]) == "người")
    }
}
