import Synchronization

/// An interner that the threads parsing parts of one file share. Each thread reaches it through
/// an `InternerClient`, whose cache answers for most names without taking the lock.
final class SharedInterner: Sendable {
    private let table: Mutex<Interner>

    init(_ interner: Interner) { table = Mutex(interner) }

    func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        // The hash is computed before taking the lock: two parsing threads wait less on each other.
        let hash = Interner.hash(bytes)
        return table.withLock { $0.intern(bytes, hash: hash) }
    }

    func intern(_ text: String) -> Symbol { table.withLock { $0.intern(text) } }

    func name(_ symbol: Symbol) -> String { table.withLock { $0.name(symbol) } }

    /// The names interned so far.
    var interner: Interner { table.withLock { $0 } }
}

/// One thread's way into a `SharedInterner`: a direct-mapped cache of the short ASCII names it
/// met (keywords, most variables), keyed by their bytes read as one word.
struct InternerClient {
    let shared: SharedInterner
    private var words = [UInt64](repeating: 0, count: 1024)
    private var symbols = [Int32](repeating: 0, count: 1024)

    init(_ shared: SharedInterner) { self.shared = shared }

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        guard bytes.count <= 8, let base = bytes.baseAddress else { return shared.intern(bytes) }
        var word: UInt64 = 0
        for offset in 0..<bytes.count { word |= UInt64(base[offset]) << (8 * UInt64(offset)) }
        let slot = Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> 54)
        if words[slot] == word, word != 0 { return Symbol(index: symbols[slot]) }
        let symbol = shared.intern(bytes)
        if word & 0x8080_8080_8080_8080 == 0 {
            words[slot] = word
            symbols[slot] = symbol.index
        }
        return symbol
    }

    mutating func intern(_ text: String) -> Symbol { shared.intern(text) }

    func name(_ symbol: Symbol) -> String { shared.name(symbol) }
}
