/// One pass over a record line's bytes that finds the fields a report needs, without building a
/// JSON value. It is sure only of the common case: an object whose values are strings without
/// escapes, numbers, `true`, `false`, `null` and the start line's `playbook` object, each field
/// once. For anything else it says no, and the caller reads the line the slow, exact way
/// (`SessionEvent.read`), so that both ways skip exactly the same lines.
struct LineScanner {
    /// The fields a report reads, by slot; the last four are inside the start line's `playbook`.
    enum Field: Int, CaseIterable {
        case v, event, time, stage, question, value, shown, seconds, number, title, text, type
        case session, mode, language, rep, deal, seed
        case outcome, reason, score
        case playbookTitle, playbookPath, playbookVersion, playbookHash
    }

    enum ValueKind: UInt8 {
        case absent, string, number, yes, no, null
    }

    /// A field's kind and the bytes of its value, small: the scanner is read for every field of
    /// every line. Offsets within a record of up to 4 GiB.
    private struct Slot {
        var kind = ValueKind.absent
        var start: UInt32 = 0
        var end: UInt32 = 0
    }

    private var slots = InlineArray<25, Slot>(repeating: Slot())
    /// The line has a `playbook` object (the start line's).
    private(set) var hasPlaybook = false

    func kind(_ field: Field) -> ValueKind { slots[field.rawValue].kind }

    func range(_ field: Field) -> Range<Int> { Int(slots[field.rawValue].start)..<Int(slots[field.rawValue].end) }

    /// Scans `bytes[start..<end]`; false when the line must be read the slow way (it may still be
    /// a good line, or it may be torn).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        // Offsets are kept in 32 bits: a record larger than that is left to the exact reader.
        guard bytes.count <= Int(UInt32.max) else { return false }
        for index in slots.indices { slots[index].kind = .absent }
        hasPlaybook = false
        var at = start
        guard object(bytes, &at, end, nested: false) else { return false }
        skipSpace(bytes, &at, end)
        return at == end
    }

    private func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Int, _ end: Int) {
        while at < end {
            let byte = bytes[at]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            at += 1
        }
    }

    /// An object from `at`; inside the `playbook` object (`nested`), only its four fields count,
    /// and a further object is left to the slow reader.
    private mutating func object(_ bytes: UnsafeBufferPointer<UInt8>, _ at: inout Int, _ end: Int, nested: Bool) -> Bool {
        skipSpace(bytes, &at, end)
        guard at < end, bytes[at] == UInt8(ascii: "{") else { return false }
        at += 1
        skipSpace(bytes, &at, end)
        if at < end, bytes[at] == UInt8(ascii: "}") {
            at += 1
            return true
        }
        while true {
            guard at < end, bytes[at] == UInt8(ascii: "\"") else { return false }
            let keyStart = at + 1
            guard let keyEnd = stringEnd(bytes, from: keyStart, to: end) else { return false }
            at = keyEnd + 1
            skipSpace(bytes, &at, end)
            guard at < end, bytes[at] == UInt8(ascii: ":") else { return false }
            at += 1
            skipSpace(bytes, &at, end)
            guard at < end else { return false }
            let field = nested ? Self.playbookField(bytes, from: keyStart, to: keyEnd) : Self.field(bytes, from: keyStart, to: keyEnd)
            // The start line's `playbook` must be one object, given once: anything else, the exact reader decides.
            if !nested, field == nil, Self.equals(bytes, keyStart, keyEnd, "playbook"), hasPlaybook || bytes[at] != UInt8(ascii: "{") {
                return false
            }
            var slot = Slot()
            switch bytes[at] {
            case UInt8(ascii: "\""):
                slot.start = UInt32(truncatingIfNeeded: at + 1)
                guard let close = stringEnd(bytes, from: at + 1, to: end) else { return false }
                slot.kind = .string
                slot.end = UInt32(truncatingIfNeeded: close)
                at = close + 1
            case UInt8(ascii: "t"):
                guard literal(bytes, "true", at: at, end: end) else { return false }
                slot.kind = .yes
                at += 4
            case UInt8(ascii: "f"):
                guard literal(bytes, "false", at: at, end: end) else { return false }
                slot.kind = .no
                at += 5
            case UInt8(ascii: "n"):
                guard literal(bytes, "null", at: at, end: end) else { return false }
                slot.kind = .null
                at += 4
            case UInt8(ascii: "{"):
                guard !nested, !hasPlaybook, Self.equals(bytes, keyStart, keyEnd, "playbook") else { return false }
                hasPlaybook = true
                guard object(bytes, &at, end, nested: true) else { return false }
            default:
                slot.start = UInt32(truncatingIfNeeded: at)
                guard let close = numberEnd(bytes, from: at, to: end) else { return false }
                slot.kind = .number
                slot.end = UInt32(truncatingIfNeeded: close)
                at = close
            }
            if let field {
                // A field given twice: the slow reader decides which counts.
                guard slots[field.rawValue].kind == .absent else { return false }
                slots[field.rawValue] = slot
            }
            skipSpace(bytes, &at, end)
            guard at < end else { return false }
            if bytes[at] == UInt8(ascii: ",") {
                at += 1
                skipSpace(bytes, &at, end)
                continue
            }
            guard bytes[at] == UInt8(ascii: "}") else { return false }
            at += 1
            return true
        }
    }

    /// The closing quote of a string that starts at `from`, or nil for one that is torn, holds a
    /// control character or bytes that are not UTF-8, or has an escape (the slow reader decodes those).
    private func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var at = from
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while true {
            // Eight bytes at a time: the first that is a quote, a backslash, a control or above
            // 0x7F. In each test the lowest byte flagged is a true one (a borrow only runs upward),
            // so the lowest flag of all is the first such byte.
            while at + 8 <= end {
                let word = base.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let quote = word ^ 0x2222_2222_2222_2222
                let slash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let special =
                    (((quote &- 0x0101_0101_0101_0101) & ~quote) | ((slash &- 0x0101_0101_0101_0101) & ~slash)
                        | ((word &- 0x2020_2020_2020_2020) & ~word) | word) & 0x8080_8080_8080_8080
                if special != 0 {
                    at += special.trailingZeroBitCount >> 3
                    break
                }
                at += 8
            }
            guard at < end else { return nil }
            let byte = bytes[at]
            if byte == UInt8(ascii: "\"") { return at }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            if byte < 0x80 {
                at += 1
                continue
            }
            guard case .valid(let length) = UTF8Validation.sequence(in: UnsafeBufferPointer(rebasing: bytes[..<end]), at: at)
            else { return nil }
            at += length
        }
    }

    /// The end of a number as JSON writes it: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var at = from
        func digits() -> Int {
            let first = at
            while at < end, bytes[at] &- 0x30 < 10 { at += 1 }
            return at - first
        }
        if at < end, bytes[at] == UInt8(ascii: "-") { at += 1 }
        guard at < end else { return nil }
        if bytes[at] == UInt8(ascii: "0") {
            at += 1
        } else if digits() == 0 {
            return nil
        }
        if at < end, bytes[at] == UInt8(ascii: ".") {
            at += 1
            guard digits() > 0 else { return nil }
        }
        // An exponent, or more digits than a Double holds, may not fit a finite Double, which the
        // exact reader refuses: it decides.
        if at < end, bytes[at] | 0x20 == UInt8(ascii: "e") { return nil }
        guard at - from <= 300 else { return nil }
        return at
    }

    private func literal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString, at: Int, end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= end else { return false }
        let letters = word.utf8Start
        for offset in 0..<count where bytes[at + offset] != letters[offset] { return false }
        return true
    }

    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int, _ word: StaticString) -> Bool {
        guard end - from == word.utf8CodeUnitCount else { return false }
        let letters = word.utf8Start
        for offset in 0..<(end - from) where bytes[from + offset] != letters[offset] { return false }
        return true
    }

    /// The field a key names, or nil for a key the report does not read.
    private static func field(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Field? {
        guard end > from else { return nil }
        func `is`(_ word: StaticString) -> Bool { equals(bytes, from, end, word) }
        switch bytes[from] {
        case UInt8(ascii: "v"): return end - from == 1 ? .v : `is`("value") ? .value : nil
        case UInt8(ascii: "e"): return `is`("event") ? .event : nil
        case UInt8(ascii: "t"): return `is`("time") ? .time : `is`("type") ? .type : `is`("text") ? .text : `is`("title") ? .title : nil
        case UInt8(ascii: "s"):
            return `is`("stage") ? .stage : `is`("shown") ? .shown : `is`("seconds") ? .seconds : `is`("session") ? .session
                : `is`("seed") ? .seed : `is`("score") ? .score : nil
        case UInt8(ascii: "q"): return `is`("question") ? .question : nil
        case UInt8(ascii: "n"): return `is`("number") ? .number : nil
        case UInt8(ascii: "m"): return `is`("mode") ? .mode : nil
        case UInt8(ascii: "l"): return `is`("language") ? .language : nil
        case UInt8(ascii: "r"): return `is`("rep") ? .rep : `is`("reason") ? .reason : nil
        case UInt8(ascii: "o"): return `is`("outcome") ? .outcome : nil
        case UInt8(ascii: "d"): return `is`("deal") ? .deal : nil
        default: return nil
        }
    }

    private static func playbookField(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Field? {
        func `is`(_ word: StaticString) -> Bool { equals(bytes, from, end, word) }
        return `is`("title") ? .playbookTitle : `is`("path") ? .playbookPath : `is`("version") ? .playbookVersion
            : `is`("hash") ? .playbookHash : nil
    }
}
