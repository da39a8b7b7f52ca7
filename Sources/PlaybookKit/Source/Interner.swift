#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A name interned once per check: identifiers compare and hash as integers.
public struct Symbol: Hashable, Sendable, Comparable {
    public let index: Int32
    public static func < (lhs: Symbol, rhs: Symbol) -> Bool { lhs.index < rhs.index }
}

/// Interns identifiers straight from source bytes, without building a `String` per occurrence.
/// Names that differ only in Unicode normalization (a Vietnamese letter typed precomposed or with
/// a combining accent) are the same name.
public struct Interner: Sendable {
    /// Name `i` is `arena[byteStarts[i]..<byteStarts[i + 1]]`.
    private var byteStarts: [Int] = [0]
    private var arena: [UInt8] = []
    /// Open addressing; a slot packs the hash's high 32 bits and the symbol index + 1 (0: empty).
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    /// Names with non-ASCII letters, by their text: `String` equality is canonical equivalence.
    private var unicodeNames: [String: Symbol] = [:]

    public init() {}

    public var count: Int { byteStarts.count - 1 }

    /// The name's text, made when asked (for messages): interning never builds a `String`.
    public func name(_ symbol: Symbol) -> String {
        let index = Int(symbol.index)
        return String(decoding: arena[byteStarts[index]..<byteStarts[index + 1]], as: UTF8.self)
    }

    /// The symbol for `text`, interning it when new.
    public mutating func intern(_ text: String) -> Symbol {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { intern(UnsafeBufferPointer($0)) }
    }

    /// The symbol for `text` when it was interned, without adding it.
    public func lookup(_ text: String) -> Symbol? {
        if text.utf8.contains(where: { $0 >= 0x80 }) { return unicodeNames[text] }
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(buffer)
            return find(bytes, hash: Self.hash(bytes)).symbol
        }
    }

    /// The symbol for the bytes (valid UTF-8), interning them when new.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        intern(bytes, hash: Self.hash(bytes))
    }

    /// The same, with `hash(bytes)` computed by the caller (outside a lock, say).
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Symbol {
        if bytes.contains(where: { $0 >= 0x80 }) {
            let text = String(decoding: bytes, as: UTF8.self)
            if let symbol = unicodeNames[text] { return symbol }
            let symbol = add(bytes, hash: hash, slot: find(bytes, hash: hash).slot)
            unicodeNames[text] = symbol
            return symbol
        }
        let (found, slot) = find(bytes, hash: hash)
        return found ?? add(bytes, hash: hash, slot: slot)
    }

    /// The symbol with these bytes, or the empty slot where it belongs.
    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (symbol: Symbol?, slot: Int) {
        let tag = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let entry = slots[slot]
            if entry >> 32 == tag {
                let candidate = Int(entry & 0xFFFF_FFFF) - 1
                if equals(candidate, bytes) { return (Symbol(index: Int32(candidate)), slot) }
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return (nil, slot)
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int) -> Symbol {
        let index = count
        arena.append(contentsOf: bytes)
        byteStarts.append(arena.count)
        slots[slot] = (hash >> 32) << 32 | UInt64(index + 1)
        if count * 2 > slots.count { grow() }
        return Symbol(index: Int32(index))
    }

    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = byteStarts[index]
        guard byteStarts[index + 1] - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            guard let stored = arena.baseAddress, let given = bytes.baseAddress else { return bytes.isEmpty }
            return memcmp(stored + start, given, bytes.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        for entry in slots where entry != 0 {
            let index = Int(entry & 0xFFFF_FFFF) - 1
            let hash = arena.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[byteStarts[index]..<byteStarts[index + 1]]))
            }
            var slot = Int(truncatingIfNeeded: hash) & (bigger.count - 1)
            while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = entry
        }
        slots = bigger
    }

    /// Eight bytes at a time, multiply and fold: fast for short names, spreads the low bits.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(bytes.count)
        var offset = 0
        while offset < bytes.count {
            var word: UInt64 = 0
            let end = min(offset + 8, bytes.count)
            for index in offset..<end { word |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset = end
        }
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 31)
    }
}
