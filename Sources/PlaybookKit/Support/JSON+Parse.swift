/// Why a text is not JSON, and the byte where that was found.
public struct JSONParseError: Error, Equatable, Sendable {
    /// One lowercase line that stands alone, e.g. "unterminated string".
    public var message: String
    /// The byte offset into the UTF-8 text (for a string, where it opens).
    public var offset: Int

    /// An error with this message at this byte.
    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }
}

extension JSON {
    /// How deeply arrays and objects may nest before the text is refused.
    public static let maximumDepth = 512

    /// Reads one JSON value (RFC 8259, strictly), with only whitespace around it.
    public static func parse(_ text: String) -> Result<JSON, JSONParseError> {
        var text = text
        return text.withUTF8 { parse(buffer: $0) }
    }

    /// Reads one JSON value (RFC 8259, strictly) from UTF-8 bytes, with only whitespace around it.
    public static func parse(_ bytes: some Collection<UInt8>) -> Result<JSON, JSONParseError> {
        if let result = bytes.withContiguousStorageIfAvailable({ parse(buffer: $0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { parse(buffer: $0) }
    }

    private static func parse(buffer: UnsafeBufferPointer<UInt8>) -> Result<JSON, JSONParseError> {
        var parser = JSONParser(bytes: buffer)
        do {
            return .success(try parser.document())
        } catch {
            return .failure(error)
        }
    }
}

/// A byte-level reader over one UTF-8 buffer.
///
/// Containers are kept on an explicit stack rather than the call stack, so that depth costs
/// heap, not stack: a test thread's stack is small, and the limit only has to bound memory.
private struct JSONParser {
    /// An array or object still open, with what has been read of it so far.
    private struct Container {
        var isObject: Bool
        var elements: [JSON] = []
        var members: [String: JSON] = [:]
        /// The key whose value is being read, in an object.
        var key = ""
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func document() throws(JSONParseError) -> JSON {
        var open: [Container] = []
        while true {
            // Read the start of a value: a scalar is read whole, a container is opened.
            skipWhitespace()
            guard position < bytes.count else { throw endOfInput() }
            var value: JSON
            switch bytes[position] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                let isObject = bytes[position] == UInt8(ascii: "{")
                guard open.count < JSON.maximumDepth else {
                    throw JSONParseError(
                        message: "arrays and objects nest deeper than \(JSON.maximumDepth) levels", offset: position)
                }
                position += 1
                skipWhitespace()
                let close = UInt8(ascii: isObject ? "}" : "]")
                if position < bytes.count, bytes[position] == close {
                    position += 1
                    value = isObject ? .object([:]) : .array([])
                } else {
                    var container = Container(isObject: isObject)
                    if isObject { container.key = try key() }
                    open.append(container)
                    continue
                }
            case UInt8(ascii: "\""): value = .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): value = try number()
            case UInt8(ascii: "t"): value = try literal("true", .bool(true))
            case UInt8(ascii: "f"): value = try literal("false", .bool(false))
            case UInt8(ascii: "n"): value = try literal("null", .null)
            default: throw unexpected("expected a value, found \(found())")
            }

            // Give the value to the innermost open container; each one it closes is a value too.
            while !open.isEmpty {
                let innermost = open.count - 1
                skipWhitespace()
                guard position < bytes.count else { throw endOfInput() }
                let next = bytes[position]
                if open[innermost].isObject {
                    open[innermost].members[open[innermost].key] = value  // the last of duplicate keys wins
                    if next == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        open[innermost].key = try key()
                        break
                    }
                    guard next == UInt8(ascii: "}") else {
                        throw unexpected("expected ',' or '}' after an object member, found \(found())")
                    }
                    value = .object(open.removeLast().members)
                } else {
                    open[innermost].elements.append(value)
                    if next == UInt8(ascii: ",") {
                        position += 1
                        break
                    }
                    guard next == UInt8(ascii: "]") else {
                        throw unexpected("expected ',' or ']' after an array element, found \(found())")
                    }
                    value = .array(open.removeLast().elements)
                }
                position += 1
            }
            if open.isEmpty {
                skipWhitespace()
                guard position == bytes.count else { throw unexpected("unexpected \(found()) after the value") }
                return value
            }
        }
    }

    // MARK: Pieces

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): position += 1
            default: return
            }
        }
    }

    /// An object key and the colon after it; whitespace before the key is already skipped.
    private mutating func key() throws(JSONParseError) -> String {
        guard position < bytes.count else { throw endOfInput() }
        guard bytes[position] == UInt8(ascii: "\"") else {
            throw unexpected("expected a string key, found \(found())")
        }
        let key = try string()
        skipWhitespace()
        guard position < bytes.count else { throw endOfInput() }
        guard bytes[position] == UInt8(ascii: ":") else {
            throw unexpected("expected ':' after an object key, found \(found())")
        }
        position += 1
        return key
    }

    private mutating func literal(_ word: StaticString, _ value: JSON) throws(JSONParseError) -> JSON {
        let start = position
        for index in 0..<word.utf8CodeUnitCount {
            guard position < bytes.count else { throw endOfInput() }
            guard bytes[position] == word.utf8Start[index] else {
                throw JSONParseError(message: "invalid literal, expected '\(word)'", offset: start)
            }
            position += 1
        }
        return value
    }

    private mutating func number() throws(JSONParseError) -> JSON {
        let start = position
        var isInteger = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        guard position < bytes.count else { throw endOfInput() }
        guard isDigit(at: position) else { throw unexpected("expected a digit after '-', found \(found())") }
        if bytes[position] == UInt8(ascii: "0") {
            position += 1
            if position < bytes.count, isDigit(at: position) {
                throw JSONParseError(message: "a number cannot have leading zeros", offset: start)
            }
        } else {
            skipDigits()
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            isInteger = false
            position += 1
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(at: position) else {
                throw unexpected("expected a digit after the decimal point, found \(found())")
            }
            skipDigits()
        }
        if position < bytes.count, bytes[position] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard position < bytes.count else { throw endOfInput() }
            guard isDigit(at: position) else { throw unexpected("expected a digit in the exponent, found \(found())") }
            skipDigits()
        }
        // Short numbers fit in a String's inline storage, so this allocates nothing.
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        // Swift reads numbers the same way whatever the machine's locale.
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(message: "number is too large for a 64-bit float", offset: start)
        }
        return .number(value)
    }

    private func isDigit(at index: Int) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
    }

    private mutating func skipDigits() {
        while position < bytes.count, isDigit(at: position) { position += 1 }
    }

    /// A string starting at its opening quote.
    private mutating func string() throws(JSONParseError) -> String {
        let quote = position
        position += 1
        // Most strings have no escapes and are copied once from the input; `decoded` is only
        // used once an escape is seen.
        var decoded: [UInt8] = []
        var hasEscapes = false
        var runStart = position
        while true {
            position = plainRunEnd(from: position)
            guard position < bytes.count else {
                throw JSONParseError(message: "unterminated string", offset: quote)
            }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<position])
                position += 1
                guard hasEscapes else { return String(decoding: run, as: UTF8.self) }
                decoded.append(contentsOf: run)
                return String(decoding: decoded, as: UTF8.self)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                decoded.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                try escape(into: &decoded, quote: quote)
                runStart = position
            case 0..<0x20:
                throw unexpected("unescaped control character \(Self.scalarName(UInt32(byte))) in string")
            case 0..<0x80:
                position += 1
            default:
                guard case .valid(let length) = UTF8Validation.sequence(in: bytes, at: position) else {
                    throw unexpected("invalid utf-8 in string")
                }
                position += length
            }
        }
    }

    /// The end of the run of plain ASCII from `start` (no quote, backslash, control character
    /// or byte of a longer sequence), read eight bytes at a time: most of a long text is such
    /// runs, and a byte-at-a-time loop was most of the time of reading a 13 MB didOpen.
    private func plainRunEnd(from start: Int) -> Int {
        var index = start
        guard let base = bytes.baseAddress else { return index }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // Each test sets a byte's high bit when it is that kind of byte (the classic tests for
            // a zero byte, on the word xored with '"' and with '\\'); a borrow only runs on from
            // a byte that is special itself, so the first special byte is never missed, and the
            // byte loop below finds it exactly.
            let quotes = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
            let backslashes = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
            let isQuote = (quotes &- ones) & ~quotes
            let isBackslash = (backslashes &- ones) & ~backslashes
            let isControl = word &- (ones &* 0x20)
            let special = (word | isQuote | isBackslash | isControl) & highs
            if special != 0 { break }
            index += 8
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
            index += 1
        }
        return index
    }

    /// One escape, from its backslash, written into `decoded` as UTF-8; `quote` opens the string.
    private mutating func escape(into decoded: inout [UInt8], quote: Int) throws(JSONParseError) {
        let backslash = position
        position += 1
        guard position < bytes.count else { throw JSONParseError(message: "unterminated string", offset: quote) }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): decoded.append(letter)
        case UInt8(ascii: "b"): decoded.append(0x08)
        case UInt8(ascii: "f"): decoded.append(0x0C)
        case UInt8(ascii: "n"): decoded.append(0x0A)
        case UInt8(ascii: "r"): decoded.append(0x0D)
        case UInt8(ascii: "t"): decoded.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexQuad(escapeAt: backslash, quote: quote)
            var value = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate must be followed at once by an escaped low one.
                let low: UInt16?
                if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                {
                    let next = position
                    position += 2
                    low = try hexQuad(escapeAt: next, quote: quote)
                } else {
                    low = nil
                }
                guard let low, (0xDC00...0xDFFF).contains(low) else {
                    throw Self.unpaired(unit, at: backslash)
                }
                value = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(unit) {
                throw Self.unpaired(unit, at: backslash)
            }
            guard let scalar = Unicode.Scalar(value) else { throw Self.unpaired(unit, at: backslash) }
            decoded.append(contentsOf: scalar.utf8)
        default:
            let shown = letter >= 0x21 && letter <= 0x7E ? " '\\\(Character(Unicode.Scalar(letter)))'" : ""
            throw JSONParseError(message: "invalid escape\(shown) in string", offset: backslash)
        }
    }

    /// The four hex digits after `\u`, which start at `position`.
    private mutating func hexQuad(escapeAt backslash: Int, quote: Int) throws(JSONParseError) -> UInt16 {
        var unit: UInt16 = 0
        for _ in 0..<4 {
            guard position < bytes.count else { throw JSONParseError(message: "unterminated string", offset: quote) }
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONParseError(message: "expected four hex digits after '\\u'", offset: backslash)
            }
            unit = unit << 4 | UInt16(digit)
            position += 1
        }
        return unit
    }

    private static func unpaired(_ unit: UInt16, at offset: Int) -> JSONParseError {
        JSONParseError(message: "unpaired surrogate \\u\(hex(UInt32(unit))) in string", offset: offset)
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or nil (overlong forms, surrogates
    /// and values past U+10FFFF included).
    // MARK: Errors

    private func endOfInput() -> JSONParseError {
        JSONParseError(message: "unexpected end of input", offset: position)
    }

    private func unexpected(_ message: String) -> JSONParseError {
        JSONParseError(message: message, offset: position)
    }

    /// What is at `position`, for a message: `']'`, `U+000C`, `'ש' (U+05E9)` or `byte 0xFF`.
    private func found() -> String {
        guard position < bytes.count else { return "the end of the input" }
        let byte = bytes[position]
        if byte >= 0x21 && byte <= 0x7E { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return Self.scalarName(UInt32(byte)) }
        guard case .valid(let length) = UTF8Validation.sequence(in: bytes, at: position) else {
            return "byte 0x\(Self.hex(UInt32(byte), digits: 2))"
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
        return "'\(text)' (\(Self.scalarName(text.unicodeScalars.first?.value ?? 0)))"
    }

    private static func scalarName(_ value: UInt32) -> String { "U+" + hex(value) }

    private static func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
