import Testing

@testable import PlaybookKit

/// Writing and reading `JSON`: what is written reads back the same, numbers are written the
/// way people write them, and every kind of bad text is refused at the right byte.
struct JSONTests {
    // MARK: Helpers

    /// The value, or nil with the error recorded.
    static func value(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSON? {
        switch JSON.parse(text) {
        case .success(let value): return value
        case .failure(let error):
            Issue.record("\(error.message) at byte \(error.offset)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The error, or nil if the text parsed.
    static func error(_ result: Result<JSON, JSONParseError>) -> JSONParseError? {
        guard case .failure(let error) = result else { return nil }
        return error
    }

    /// Text in the scripts a playbook is written in, with the characters escapes exist for.
    static let tricky = "ngân nga\u{0302}n hàng Tiếng Việt · שָׁלוֹם עולם · 预算审批 · ลูกค้าที่สนใจ · 🎉👩🏽‍💻🇻🇳 · "
        + "say \"hi\" \\ back/slash\nline\r\ttab \u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}\u{85}\u{2028}\u{2029}\u{FEFF}"

    // MARK: Round trips

    @Test func writtenValuesReadBackEqual() throws {
        let original = JSON.object([
            "event": .string("answer"),
            "text": .string(Self.tricky),
            Self.tricky: .array([.string(Self.tricky), .string("")]),
            "count": .int(4800),
            "negative": .int(-3),
            "extremes": .array([.int(Int.max), .int(Int.min), .int(0)]),
            "fractions": .array([.number(2.5), .number(-0.5), .number(0.1), .number(1e20), .number(-1.5e-300),
                .number(.leastNonzeroMagnitude), .number(.greatestFiniteMagnitude), .number(123_456_789.125)]),
            "flags": .array([.bool(true), .bool(false), .null]),
            "empty": .object(["array": .array([]), "object": .object([:]), "string": .string("")]),
            "nested": .array([.array([.object(["a": .array([.int(1), .object(["b": .null])])])])]),
        ])
        let text = original.text
        #expect(!text.contains("\n"))
        #expect(Self.value(text) == original)
        // Writing what was read gives the same bytes: sorted keys make the text canonical.
        #expect(Self.value(text)?.text == text)
    }

    /// A string argument shown escaped, so control characters do not garble the test log.
    struct Text: Sendable, CustomTestStringConvertible {
        let text: String
        var testDescription: String { text.debugDescription }
    }

    @Test(arguments: [
        "", " ", "ASCII only", "Tiếng Việt có dấu: Nguyễn, đường, ở, ự", "שָׁלוֹם, עברית מימין לשמאל",
        "中文预算审批流程", "ภาษาไทย: ลูกค้าที่สนใจ", "emoji 🎉 👩🏽‍💻 🇻🇳 and 𝄞", "\u{0}\u{1}\u{1F}\u{7F}",
        "\"\\/\n\r\t\u{8}\u{C}", "\u{2028}\u{2029}\u{FEFF}\u{FFFF}\u{10FFFF}",
    ].map(Text.init))
    func stringsReadBackEqual(_ sample: Text) throws {
        let text = sample.text
        let written = JSON.string(text).text
        // Nothing below U+0020 is written raw, so a written value is always one line.
        #expect(!written.unicodeScalars.contains { $0.value < 0x20 })
        let read = try #require(Self.value(written)?.string)
        #expect(Array(read.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func everyControlCharacterReadsBack() throws {
        let all = String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        let written = JSON.array([.string(all)]).text
        let read = try #require(Self.value(written)?.array?.first?.string)
        #expect(Array(read.unicodeScalars) == Array(all.unicodeScalars))
    }

    // MARK: Strings

    /// Strings are scanned eight bytes at a time: a quote, an escape, a control character or a
    /// longer UTF-8 sequence is found at every place in a word, and after runs of every length.
    @Test func everyKindOfByteIsFoundWhereverItFallsInAWord() throws {
        for before in 0..<20 {
            let run = String(repeating: "a", count: before)
            for (written, meant) in [("\\\"", "\""), ("\\\\", "\\"), ("\\n", "\n"), ("é", "é"), ("🎉", "🎉"), ("\u{7F}", "\u{7F}"), (" ~", " ~")] {
                let text = "\"" + run + written + String(repeating: "b", count: 19 - before) + "\""
                #expect(try JSON.parse(text).get() == .string(run + meant + String(repeating: "b", count: 19 - before)), "\(text)")
            }
            for control in ["\u{0}", "\u{1F}", "\n"] {
                let text = "\"" + run + control + "bbbbbbbbbbbb\""
                #expect(Self.error(JSON.parse(text))?.offset == 1 + before, "\(text.debugDescription)")
            }
            // Unterminated after a run of any length.
            #expect(Self.error(JSON.parse("\"" + run))?.message == "unterminated string")
        }
    }

    @Test func escapesAreDecoded() {
        #expect(Self.value(#""\"\\\/\b\f\n\r\t""#) == .string("\"\\/\u{8}\u{C}\n\r\t"))
        #expect(Self.value(#""\u0041\u00e9\u00E9\u4e2d\u0000""#) == .string("Aéé中\u{0}"))
        #expect(Self.value(#""plain ngân 中 🎉""#) == .string("plain ngân 中 🎉"))
        #expect(Self.value(#""before \n after""#) == .string("before \n after"))
    }

    @Test func surrogatePairsMakeOneScalar() {
        #expect(Self.value(#""\ud83c\udf89""#) == .string("🎉"))
        #expect(Self.value(#""\uD83D\uDE00 \uD834\uDD1E""#) == .string("😀 𝄞"))
        #expect(Self.value(#""\udbff\udfff""#) == .string("\u{10FFFF}"))
        #expect(Self.value(#""a\ud800\udc00b""#) == .string("a\u{10000}b"))
    }

    // MARK: Numbers

    @Test func numbersReadAsIntWhenTheyFit() {
        #expect(Self.value("0") == .int(0))
        #expect(Self.value("-0") == .int(0))
        #expect(Self.value("4800") == .int(4800))
        #expect(Self.value("-3") == .int(-3))
        #expect(Self.value("9223372036854775807") == .int(Int.max))
        #expect(Self.value("-9223372036854775808") == .int(Int.min))
        #expect(Self.value("9223372036854775808") == .number(0x1p63))
        #expect(Self.value("-9223372036854775809") == .number(-0x1p63))  // the nearest Double
        #expect(Self.value("1.0") == .number(1))
        #expect(Self.value("2.5") == .number(2.5))
        #expect(Self.value("-0.5") == .number(-0.5))
        #expect(Self.value("1e20") == .number(1e20))
        #expect(Self.value("1E+2") == .number(100))
        #expect(Self.value("1.5e-3") == .number(0.0015))
        #expect(Self.value("1e-400") == .number(0))
    }

    @Test func numbersAreWrittenAsPeopleWriteThem() {
        #expect(JSON.number(4800).text == "4800")
        #expect(JSON.number(-3).text == "-3")
        #expect(JSON.number(0).text == "0")
        #expect(JSON.number(-0.0).text == "0")
        #expect(JSON.number(2.5).text == "2.5")
        #expect(JSON.number(-0.5).text == "-0.5")
        #expect(JSON.number(0.1).text == "0.1")
        #expect(JSON.number(1e20).text == "1e+20")
        #expect(JSON.number(999_999_999_999_999).text == "999999999999999")
        // From 1e15 on, Swift's own digits: whole numbers below 2^53 keep ".0", larger ones get an exponent.
        #expect(JSON.number(1e15).text == "1000000000000000.0")
        #expect(JSON.number(-1e15).text == "-1000000000000000.0")
        #expect(JSON.number(1e16).text == "1e+16")
        #expect(JSON.number(1e-7).text == "1e-07")
        #expect(JSON.number(.nan).text == "null")
        #expect(JSON.number(.infinity).text == "null")
        #expect(JSON.number(-.infinity).text == "null")
        #expect(JSON.array([.number(4800), .number(2.5), .int(7)]).text == "[4800,2.5,7]")
    }

    @Test func writtenNumbersReadBackToTheSameDouble() throws {
        let numbers = [2.5, -0.5, 0.1, 1e20, 1e15, 1e-7, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 4800]
        for number in numbers + [1e14 + 0.5] {
            let read = try #require(Self.value(JSON.number(number).text)?.double)
            #expect(read == number, "\(number)")
        }
    }

    // MARK: Structure

    @Test func whitespaceAndTopLevelScalars() {
        #expect(Self.value(" \t\r\n[ 1 , { \"a\" : true } ]\n") == .array([.int(1), .object(["a": .bool(true)])]))
        #expect(Self.value("null") == .null)
        #expect(Self.value(" false ") == .bool(false))
        #expect(Self.value("\"x\"") == .string("x"))
        #expect(Self.value("[]") == .array([]))
        #expect(Self.value("{ }") == .object([:]))
        #expect(Self.value("[[],[[]],{}]") == .array([.array([]), .array([.array([])]), .object([:])]))
    }

    @Test func theLastOfDuplicateKeysWins() {
        #expect(Self.value(#"{"a":1,"b":2,"a":3}"#) == .object(["a": .int(3), "b": .int(2)]))
    }

    @Test func aTornLineFailsCleanly() throws {
        let line = #"{"event":"answer","value":"yes","at":1200}"#
        #expect(Self.value(line)?["event"]?.string == "answer")
        let torn = #"{"event":"answer","val"#
        let error = try #require(Self.error(JSON.parse(torn)))
        #expect(error == JSONParseError(message: "unterminated string", offset: 18))
        // Cut anywhere, the line is refused, never read as something shorter.
        for length in 0..<line.utf8.count {
            #expect(Self.error(JSON.parse(Array(line.utf8.prefix(length)))) != nil, "\(length) bytes")
        }
    }

    // MARK: Errors

    /// A text that is not JSON, with the message and byte offset it is refused with.
    struct Bad: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        let offset: Int
        init(_ text: String, _ message: String, _ offset: Int) {
            self.text = text
            self.message = message
            self.offset = offset
        }
        var testDescription: String { text.debugDescription }
    }

    @Test(arguments: [
        Bad("", "unexpected end of input", 0),
        Bad("   ", "unexpected end of input", 3),
        Bad("[1,", "unexpected end of input", 3),
        Bad(#"{"a":"#, "unexpected end of input", 5),
        Bad("tru", "unexpected end of input", 3),
        Bad("trUe", "invalid literal, expected 'true'", 0),
        Bad("nul!", "invalid literal, expected 'null'", 0),
        Bad(#""abc"#, "unterminated string", 0),
        Bad(#"["a\"#, "unterminated string", 1),
        Bad(#""\u12"#, "unterminated string", 0),
        Bad("\"a\u{1}b\"", "unescaped control character U+0001 in string", 2),
        Bad("\"a\nb\"", "unescaped control character U+000A in string", 2),
        Bad(#""a\qb""#, "invalid escape '\\q' in string", 2),
        Bad(#""\x41""#, "invalid escape '\\x' in string", 1),
        Bad(#""\u12G4""#, "expected four hex digits after '\\u'", 1),
        Bad(#""\ud800""#, "unpaired surrogate \\uD800 in string", 1),
        Bad(#""\ud800 \udc00""#, "unpaired surrogate \\uD800 in string", 1),
        Bad(#""\ud800\u0041""#, "unpaired surrogate \\uD800 in string", 1),
        Bad(#""\ud800\ud800""#, "unpaired surrogate \\uD800 in string", 1),
        Bad(#""x\udc00""#, "unpaired surrogate \\uDC00 in string", 2),
        Bad("[1,]", "expected a value, found ']'", 3),
        Bad("[,1]", "expected a value, found ','", 1),
        Bad("+1", "expected a value, found '+'", 0),
        Bad(".5", "expected a value, found '.'", 0),
        Bad("NaN", "expected a value, found 'N'", 0),
        Bad("'a'", "expected a value, found '''", 0),
        Bad("[\u{C}]", "expected a value, found U+000C", 1),
        Bad("[ש]", "expected a value, found 'ש' (U+05E9)", 1),
        Bad("\u{FEFF}1", "expected a value, found '\u{FEFF}' (U+FEFF)", 0),
        Bad(#"{"a":1,}"#, "expected a string key, found '}'", 7),
        Bad("{1:2}", "expected a string key, found '1'", 1),
        Bad(#"{"a" 1}"#, "expected ':' after an object key, found '1'", 5),
        Bad(#"{"a":1 "b":2}"#, "expected ',' or '}' after an object member, found '\"'", 7),
        Bad("[1 2]", "expected ',' or ']' after an array element, found '2'", 3),
        Bad(#"{"a":[1}"#, "expected ',' or ']' after an array element, found '}'", 7),
        Bad("01", "a number cannot have leading zeros", 0),
        Bad("[-00]", "a number cannot have leading zeros", 1),
        Bad("-", "unexpected end of input", 1),
        Bad("-a", "expected a digit after '-', found 'a'", 1),
        Bad("1.e5", "expected a digit after the decimal point, found 'e'", 2),
        Bad("1e+x", "expected a digit in the exponent, found 'x'", 3),
        Bad("[1e400]", "number is too large for a 64-bit float", 1),
        Bad("[1] x", "unexpected 'x' after the value", 4),
        Bad("{} {}", "unexpected '{' after the value", 3),
        Bad("1 2", "unexpected '2' after the value", 2),
        Bad("truex", "unexpected 'x' after the value", 4),
        Bad(#"{"a":1}}"#, "unexpected '}' after the value", 7),
    ])
    func badTextIsRefusedAtItsByte(_ bad: Bad) throws {
        let error = try #require(Self.error(JSON.parse(bad.text)))
        #expect(error.message == bad.message)
        #expect(error.offset == bad.offset)
    }

    @Test func invalidUTF8IsRefusedAtItsByte() throws {
        let quote = UInt8(ascii: "\"")
        let cases: [([UInt8], String, Int)] = [
            ([quote, 0x61, 0xC3, 0x28, quote], "invalid utf-8 in string", 2),  // lead byte without its continuation
            ([quote, 0xED, 0xA0, 0x80, quote], "invalid utf-8 in string", 1),  // an encoded surrogate
            ([quote, 0xC0, 0xAF, quote], "invalid utf-8 in string", 1),  // overlong '/'
            ([quote, 0xF4, 0x90, 0x80, 0x80, quote], "invalid utf-8 in string", 1),  // past U+10FFFF
            ([quote, 0xE4, 0xB8], "invalid utf-8 in string", 1),  // cut inside a character
            ([UInt8(ascii: "["), 0xFF, UInt8(ascii: "]")], "expected a value, found byte 0xFF", 1),
        ]
        for (bytes, message, offset) in cases {
            let error = try #require(Self.error(JSON.parse(bytes)), "\(bytes)")
            #expect(error == JSONParseError(message: message, offset: offset), "\(bytes)")
        }
        #expect(try JSON.parse([quote, 0xE4, 0xB8, 0xAD, quote]).get() == .string("中"))
    }

    @Test func bytesWithoutContiguousStorageAreRead() throws {
        let text = #"{"a":[1,"ש",2.5]}"#
        let bytes = Array(text.utf8).lazy.map { $0 }
        #expect(try JSON.parse(bytes).get() == JSON.parse(text).get())
    }

    // MARK: Depth

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = JSON.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var value = try JSON.parse(text).get()
        var levels = 0
        while let inner = value.array {
            levels += 1
            value = inner.first ?? .null
        }
        #expect(levels == depth)
        let objects = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(try JSON.parse(objects).get().text == objects)
    }

    @Test(arguments: [JSON.maximumDepth + 1, 100_000])
    func nestingPastTheLimitIsAnError(_ depth: Int) throws {
        let message = "arrays and objects nest deeper than 512 levels"
        let open = String(repeating: "[", count: depth)
        #expect(Self.error(JSON.parse(open)) == JSONParseError(message: message, offset: 512))
        let closed = open + String(repeating: "]", count: depth)
        #expect(Self.error(JSON.parse(closed)) == JSONParseError(message: message, offset: 512))
        let objects = String(repeating: #"{"a":"#, count: depth)
        #expect(Self.error(JSON.parse(objects)) == JSONParseError(message: message, offset: 512 * 5))
    }

    // MARK: Accessors

    @Test func accessorsReadTheirOwnKindOnly() throws {
        let value = try JSON.parse(#"{"s":"x","i":7,"d":2.5,"w":4800.0,"b":true,"a":[null],"o":{"k":1}}"#).get()
        #expect(value["s"]?.string == "x")
        #expect(value["i"]?.int == 7)
        #expect(value["i"]?.double == 7)
        #expect(value["d"]?.double == 2.5)
        #expect(value["d"]?.int == nil)
        #expect(value["w"]?.int == 4800)
        #expect(value["b"]?.bool == true)
        #expect(value["a"]?.array == [.null])
        #expect(value["o"]?.object == ["k": .int(1)])
        #expect(value["o"]?["k"]?.int == 1)
        #expect(value["missing"] == nil)
        #expect(value["s"]?["k"] == nil)
        #expect(value["s"]?.int == nil)
        #expect(value["i"]?.string == nil)
        #expect(value["b"]?.int == nil)
        #expect(value["a"]?.object == nil)
        #expect(value["o"]?.array == nil)
        #expect(JSON.null.bool == nil)
        #expect(JSON.number(1e300).int == nil)
        #expect(JSON.number(.nan).int == nil)
    }
}
