/// Finds the first byte that is not valid UTF-8, or the first NUL byte of a binary file.
enum UTF8Validation {
    enum Problem: Equatable {
        case invalid(offset: Int, length: Int)
        case nul(offset: Int)
    }

    static func firstProblem(_ bytes: [UInt8]) -> Problem? {
        // Binary formats (images, archives, office files) put a NUL in their first bytes; say
        // "binary" for them rather than pointing at their first byte that is not UTF-8.
        if let nul = bytes.prefix(8192).firstIndex(of: 0) { return .nul(offset: nul) }
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            let base = UnsafeRawPointer(buffer.baseAddress)
            while index < count {
                // Eight ASCII bytes at a time, none of them NUL: the common case.
                if let base, index + 8 <= count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let hasHighBit = word & 0x8080_8080_8080_8080 != 0
                    let hasZeroByte = (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
                    if !hasHighBit, !hasZeroByte {
                        index += 8
                        continue
                    }
                }
                let lead = buffer[index]
                if lead < 0x80 {
                    if lead == 0 { return .nul(offset: index) }
                    index += 1
                    continue
                }
                switch sequence(in: buffer, at: index) {
                case .valid(let length): index += length
                case .invalid(let length): return .invalid(offset: index, length: length)
                }
            }
            return nil
        }
    }

    /// What starts at a byte of UTF-8: a well-formed sequence of `length` bytes, or an ill-formed
    /// one whose first `length` bytes are the most that could begin a character.
    enum Sequence: Equatable {
        case valid(length: Int)
        case invalid(length: Int)
    }

    /// The sequence at `index` (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    static func sequence<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes, at index: Int) -> Sequence
    where Bytes.Index == Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return .valid(length: 1)
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return .invalid(length: 1)
        }
        let end = bytes.endIndex
        guard index + length <= end else { return .invalid(length: end - index) }
        guard (low...high).contains(bytes[index + 1]) else { return .invalid(length: 1) }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return .invalid(length: offset) }
        return .valid(length: length)
    }
}
