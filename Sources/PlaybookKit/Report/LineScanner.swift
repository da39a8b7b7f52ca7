/// One pass over a record line's bytes that finds the fields a report needs, without building a
/// JSON value. It is sure only of the common case: a flat object (no nested object or array),
/// strings without escapes, each field once, `"v":1`. For anything else it says `uncertain`, and
/// the caller reads the line the slow, exact way (`SessionEvent.read`), so that both ways skip
/// exactly the same lines.
struct LineScanner {
    /// The fields a report reads, by slot.
    enum Field: Int, CaseIterable {
        case v, event, time, stage, question, value, shown, seconds, number, title, text, type
    }

    enum ValueKind: UInt8 {
        case absent, string, number, yes, no, null
    }

    /// Per field: its kind and the bytes of its value (a string's without the quotes).
    private(set) var kinds = [ValueKind](repeating: .absent, count: Field.allCases.count)
    private(set) var starts = [Int](repeating: 0, count: Field.allCases.count)
    private(set) var ends = [Int](repeating: 0, count: Field.allCases.count)

    /// Scans `bytes[start..<end]`; false when the line must be read the slow way (it may still be
    /// a good line, or it may be torn).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        for index in kinds.indices { kinds[index] = .absent }
        var at = start
        func skipSpace() {
            while at < end {
                let byte = bytes[at]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
                at += 1
            }
        }
        skipSpace()
        guard at < end, bytes[at] == UInt8(ascii: "{") else { return false }
        at += 1
        skipSpace()
        if at < end, bytes[at] == UInt8(ascii: "}") {
            at += 1
            skipSpace()
            return at == end
        }
        while true {
            guard at < end, bytes[at] == UInt8(ascii: "\"") else { return false }
            let keyStart = at + 1
            guard let keyEnd = stringEnd(bytes, from: keyStart, to: end) else { return false }
            at = keyEnd + 1
            skipSpace()
            guard at < end, bytes[at] == UInt8(ascii: ":") else { return false }
            at += 1
            skipSpace()
            guard at < end else { return false }
            let kind: ValueKind
            var valueStart = at
            var valueEnd: Int
            switch bytes[at] {
            case UInt8(ascii: "\""):
                valueStart = at + 1
                guard let close = stringEnd(bytes, from: valueStart, to: end) else { return false }
                kind = .string
                valueEnd = close
                at = close + 1
            case UInt8(ascii: "t"):
                guard literal(bytes, "true", at: at, end: end) else { return false }
                kind = .yes
                at += 4
                valueEnd = at
            case UInt8(ascii: "f"):
                guard literal(bytes, "false", at: at, end: end) else { return false }
                kind = .no
                at += 5
                valueEnd = at
            case UInt8(ascii: "n"):
                guard literal(bytes, "null", at: at, end: end) else { return false }
                kind = .null
                at += 4
                valueEnd = at
            default:
                guard let close = numberEnd(bytes, from: at, to: end) else { return false }
                kind = .number
                valueEnd = close
                at = close
            }
            if let field = Self.field(bytes, from: keyStart, to: keyEnd) {
                // A field given twice: the slow reader decides which counts.
                guard kinds[field.rawValue] == .absent else { return false }
                kinds[field.rawValue] = kind
                starts[field.rawValue] = valueStart
                ends[field.rawValue] = valueEnd
            }
            skipSpace()
            guard at < end else { return false }
            if bytes[at] == UInt8(ascii: ",") {
                at += 1
                skipSpace()
                continue
            }
            guard bytes[at] == UInt8(ascii: "}") else { return false }
            at += 1
            skipSpace()
            return at == end
        }
    }

    func kind(_ field: Field) -> ValueKind { kinds[field.rawValue] }

    func range(_ field: Field) -> Range<Int> { starts[field.rawValue]..<ends[field.rawValue] }

    /// The closing quote of a string that starts at `from`, or nil for one that is torn, holds a
    /// control character or bytes that are not UTF-8, or has an escape (the slow reader decodes those).
    private func stringEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int? {
        var at = from
        while at < end {
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
        return nil
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
        if at < end, bytes[at] | 0x20 == UInt8(ascii: "e") {
            at += 1
            if at < end, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") { at += 1 }
            guard digits() > 0 else { return nil }
        }
        return at
    }

    private func literal(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString, at: Int, end: Int) -> Bool {
        let count = word.utf8CodeUnitCount
        guard at + count <= end else { return false }
        let letters = word.utf8Start
        for offset in 0..<count where bytes[at + offset] != letters[offset] { return false }
        return true
    }

    /// The field a key names, or nil for a key the report does not read.
    private static func field(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Field? {
        func `is`(_ word: StaticString) -> Bool {
            guard end - from == word.utf8CodeUnitCount else { return false }
            let letters = word.utf8Start
            for offset in 0..<(end - from) where bytes[from + offset] != letters[offset] { return false }
            return true
        }
        switch end - from {
        case 1: return `is`("v") ? .v : nil
        case 4: return `is`("time") ? .time : `is`("type") ? .type : `is`("text") ? .text : nil
        case 5:
            return `is`("event") ? .event : `is`("stage") ? .stage : `is`("value") ? .value : `is`("shown") ? .shown
                : `is`("title") ? .title : nil
        case 6: return `is`("number") ? .number : nil
        case 7: return `is`("seconds") ? .seconds : nil
        case 8: return `is`("question") ? .question : nil
        default: return nil
        }
    }
}
