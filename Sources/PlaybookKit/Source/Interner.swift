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
public struct Interner: Sendable {
    private var names: [String] = []
    private var hashes: [UInt64] = []
    private var byteStarts: [Int] = []
    private var arena: [UInt8] = []
    /// Open addressing: slot holds symbol index + 1, 0 when empty.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)

    public init() {}

    public var count: Int { names.count }

    public func name(_ symbol: Symbol) -> String { names[Int(symbol.index)] }

    /// The symbol for `text`, interning it when new.
    public mutating func intern(_ text: String) -> Symbol {
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { intern(UnsafeBufferPointer($0)) }
    }

    /// The symbol for `text` when it was interned already.
    public func lookup(_ text: String) -> Symbol? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let hash = Self.hash(buffer)
            var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
            while slots[slot] != 0 {
                let candidate = Int(slots[slot] - 1)
                if hashes[candidate] == hash, equals(candidate, buffer) { return Symbol(index: Int32(candidate)) }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// The symbol for the bytes, interning them when new.
    public mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Symbol {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let candidate = Int(slots[slot] - 1)
            if hashes[candidate] == hash, equals(candidate, bytes) { return Symbol(index: Int32(candidate)) }
            slot = (slot + 1) & (slots.count - 1)
        }
        let index = names.count
        names.append(String(decoding: bytes, as: UTF8.self))
        hashes.append(hash)
        byteStarts.append(arena.count)
        arena.append(contentsOf: bytes)
        slots[slot] = Int32(index + 1)
        if names.count * 2 > slots.count { grow() }
        return Symbol(index: Int32(index))
    }

    private func equals(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = byteStarts[index]
        let end = index + 1 < byteStarts.count ? byteStarts[index + 1] : arena.count
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { arena in
            bytes.isEmpty || memcmp(arena.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
        }
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        for index in 0..<names.count {
            var slot = Int(truncatingIfNeeded: hashes[index]) & (bigger.count - 1)
            while bigger[slot] != 0 { slot = (slot + 1) & (bigger.count - 1) }
            bigger[slot] = Int32(index + 1)
        }
        slots = bigger
    }

    /// FNV-1a, then a final mix so that low bits spread.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash ^= hash >> 29
        hash &*= 0xbf58_476d_1ce4_e5b9
        return hash ^ (hash >> 32)
    }
}
