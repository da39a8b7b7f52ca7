/// Gives each distinct byte string a small number, and its `String` made once: the report meets the
/// same stage, question and option names millions of times, and makes each `String` only once.
/// One per thread.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var hashes: [UInt64] = []
    private var texts: [String] = []
    /// Open addressing: an entry's id + 1, or 0 for an empty slot.
    private var table = [Int32](repeating: 0, count: 1024)

    var count: Int { texts.count }

    func string(_ id: Int32) -> String { texts[Int(id)] }

    mutating func id(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = table[slot]
            if entry == 0 { break }
            let id = Int(entry - 1)
            if hashes[id] == hash, equal(id, bytes, range) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = texts.count
        offsets.append(arena.count)
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        hashes.append(hash)
        texts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
        table[slot] = Int32(id + 1)
        if texts.count * 2 > table.count { grow() }
        return Int32(id)
    }

    mutating func id(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { id($0, 0..<$0.count) }
    }

    private func equal(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let start = offsets[id]
        let end = id + 1 < offsets.count ? offsets[id + 1] : arena.count
        guard end - start == range.count else { return false }
        var at = start
        for index in range {
            if arena[at] != bytes[index] { return false }
            at += 1
        }
        return true
    }

    private mutating func grow() {
        table = [Int32](repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for id in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(id + 1)
        }
    }
}
