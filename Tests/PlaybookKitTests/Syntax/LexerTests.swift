import Testing

@testable import PlaybookKit

/// One line into tokens: each kind, numbers, strings with escapes and interpolations, names in
/// every script the playbooks are written in, comments, and the errors with their spans.
struct LexerTests {
    struct Lexed {
        var tokens: [Token]
        var texts: [Text]
        var diagnostics: [Diagnostic]
        var bytes: [UInt8]
        var interner: SharedInterner

        /// Each token as `kind` or `kind:text`, the text as written.
        var shown: [String] {
            tokens.map { token in
                let text = String(decoding: bytes[token.start..<token.end], as: UTF8.self)
                return text.isEmpty ? "\(token.kind)" : "\(token.kind):\(text)"
            }
        }

        var kinds: [TokenKind] { tokens.map(\.kind) }

        func text(_ span: Span) -> String { String(decoding: bytes[Int(span.start)..<Int(span.end)], as: UTF8.self) }
    }

    /// Lexes `line`, or the part `range` of the bytes of `line`.
    static func lex(_ line: String, range: Range<Int>? = nil) -> Lexed {
        let bytes = Array(line.utf8)
        let range = range ?? 0..<bytes.count
        let shared = SharedInterner(Interner())
        var client = InternerClient(shared)
        var tokens: [Token] = []
        var texts: [Text] = []
        var diagnostics: [Diagnostic] = []
        let last = bytes.withUnsafeBufferPointer { buffer in
            Lexer(bytes: buffer, file: 3).tokenize(
                range.lowerBound, range.upperBound, interner: &client, tokens: &tokens, texts: &texts, diagnostics: &diagnostics)
        }
        let count = tokens[...last].filter { $0.kind == .string }.count
        return Lexed(tokens: Array(tokens[...last]), texts: Array(texts.prefix(count)), diagnostics: diagnostics, bytes: bytes, interner: shared)
    }

    @Test func aStatementLine() {
        let lexed = Self.lex("  ask budget \"What is the budget?\" number 1..500")
        #expect(lexed.shown == [
            "identifier:ask", "identifier:budget", "string:\"What is the budget?\"", "identifier:number", "number:1", "dotDot:..",
            "number:500", "endOfLine",
        ])
        #expect(lexed.diagnostics.isEmpty)
        #expect(lexed.texts.map(\.value) == ["What is the budget?"])
        #expect(lexed.tokens.map(\.start) == [2, 6, 13, 35, 42, 43, 45, 48])
        #expect(lexed.tokens.last.map { $0.start == $0.end } == true)
    }

    @Test func everyOperator() {
        let lexed = Self.lex("-> .. , ( ) + - * / = += -= == != < <= > >=")
        #expect(lexed.kinds == [
            .arrow, .dotDot, .comma, .leftParen, .rightParen, .plus, .minus, .star, .slash, .assign, .plusAssign, .minusAssign,
            .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .endOfLine,
        ])
        #expect(lexed.diagnostics.isEmpty)
        // Without spaces: the longest operator wins, and a name's '-' is not part of it.
        #expect(Self.lex("x->y").kinds == [.identifier, .arrow, .identifier, .endOfLine])
        #expect(Self.lex("a-b>=-1").kinds == [.identifier, .minus, .identifier, .greaterOrEqual, .minus, .number, .endOfLine])
        #expect(Self.lex("x+=1").kinds == [.identifier, .plusAssign, .number, .endOfLine])
        #expect(Self.lex("a===b").kinds == [.identifier, .equal, .assign, .identifier, .endOfLine])
    }

    @Test func numbers() {
        let lexed = Self.lex("0 007 42 12.5 0.1 1..5 3.x 2x")
        #expect(lexed.shown == [
            "number:0", "number:007", "number:42", "number:12.5", "number:0.1", "number:1", "dotDot:..", "number:5", "number:3",
            "invalid:.", "identifier:x", "number:2", "identifier:x", "endOfLine",
        ])
        #expect(lexed.tokens.filter { $0.kind == .number }.map(\.number) == [0, 7, 42, 12.5, 0.1, 1, 5, 3, 2])
        // Decimals are read as the standard parser reads them, not summed digit by digit.
        #expect(Self.lex("0.3").tokens[0].number == 0.3)
        #expect(Self.lex("123456789.123456789").tokens[0].number == 123456789.123456789)
        #expect(lexed.diagnostics.map(\.code) == [.invalidCharacter])
    }

    @Test func stringsWithEscapes() {
        let lexed = Self.lex(#"say "a\"b\\c\{d\}e\nf\tg" "plain" """#)
        #expect(lexed.kinds == [.identifier, .string, .string, .string, .endOfLine])
        #expect(lexed.texts.map(\.value) == ["a\"b\\c{d}e\nf\tg", "plain", ""])
        #expect(lexed.tokens[1...3].map(\.textIndex) == [0, 1, 2])
        #expect(lexed.texts.map { lexed.text($0.span) } == [#""a\"b\\c\{d\}e\nf\tg""#, "\"plain\"", "\"\""])
        #expect(lexed.diagnostics.isEmpty)
        // A comment sign inside a string is text; tabs are kept.
        #expect(Self.lex("say \"Room #4\t(2)\" # not this").texts.map(\.value) == ["Room #4\t(2)"])
    }

    @Test func interpolationsKeepTheirBracesAndNameTheirSpans() {
        let lexed = Self.lex(#"say "Hi {name}, {ngân_sách} \{x} {预算}""#)
        let text = lexed.texts[0]
        #expect(text.value == "Hi {name}, {ngân_sách} {x} {预算}")
        #expect(text.interpolations.map { lexed.text($0.span) } == ["name", "ngân_sách", "预算"])
        #expect(text.interpolations.map { lexed.interner.name($0.symbol) } == ["name", "ngân_sách", "预算"])
        #expect(text.interpolations.allSatisfy { $0.span.file == 3 })
        #expect(lexed.diagnostics.isEmpty)
    }

    @Test func badStringContentIsReportedWhereItIs() {
        let escape = Self.lex(#"say "a\qb""#)
        #expect(escape.diagnostics.map(\.message) == ["unknown escape '\\q' in a string"])
        #expect(escape.diagnostics.map { escape.text($0.primary.span) } == [#"\q"#])
        #expect(escape.texts[0].value == "aqb")

        let empty = Self.lex(#"say "a {} {x y} {ok}""#)
        // One report per string: the second bad pair is taken as written.
        #expect(empty.diagnostics.map(\.message) == ["'{...}' in a string must hold one name"])
        #expect(empty.diagnostics.map { empty.text($0.primary.span) } == ["{}"])
        #expect(empty.texts[0].value == "a {} {x y} {ok}")
        #expect(empty.texts[0].interpolations.isEmpty)

        let open = Self.lex(#"say "a {b""#)
        #expect(open.diagnostics.map(\.message) == ["'{' in a string is not closed"])
        #expect(open.diagnostics.map { open.text($0.primary.span) } == ["{"])

        let controls = Self.lex("say \"a\u{1}b\u{85}c\u{202E}d £ — ok\"")
        #expect(controls.diagnostics.map(\.code) == [.badStringContent, .badStringContent, .badStringContent])
        #expect(controls.diagnostics.map(\.message) == [
            "a control character (U+1) in a string", "a control character (U+85) in a string",
            "a bidirectional control (U+202E) in a string",
        ])
        #expect(controls.diagnostics.map { Array(controls.text($0.primary.span).unicodeScalars) } == [["\u{1}"], ["\u{85}"], ["\u{202E}"]])
        // The text is kept as written, marks and all.
        #expect(controls.texts[0].value == "a\u{1}b\u{85}c\u{202E}d £ — ok")
    }

    @Test func unterminatedStringRunsToTheEndOfTheLine() throws {
        let lexed = Self.lex("say \"Hello {who} there")
        #expect(lexed.kinds == [.identifier, .string, .endOfLine])
        let diagnostic = try #require(lexed.diagnostics.first)
        #expect(lexed.diagnostics.count == 1)
        #expect(diagnostic.code == .unterminatedString && diagnostic.message == "unterminated string")
        #expect(diagnostic.primary.span == Span(file: 3, start: 4, end: 5))
        #expect(lexed.texts[0].span == Span(file: 3, start: 4, end: 22))
        #expect(lexed.texts[0].value == "Hello {who} there")
        #expect(lexed.texts[0].interpolations.count == 1)
    }

    @Test(arguments: [
        ("khách_hàng", "Vietnamese"), ("ngu\u{31B}o\u{31B}\u{300}i_mua", "Vietnamese, decomposed"), ("预算", "Chinese"),
        ("ที่ปรึกษา", "Thai, with marks"), ("งบ๒", "Thai, with a Thai digit"), ("תקציב", "Hebrew"), ("שָׁלוֹם", "Hebrew, with points"),
        ("_x2", "underscore and digit"), ("a‿b", "a connector"), ("Ñandú", "Spanish"),
    ])
    func namesInEveryScript(_ name: String, _ script: String) {
        let lexed = Self.lex("set \(name) = 1")
        #expect(lexed.shown == ["identifier:set", "identifier:\(name)", "assign:=", "number:1", "endOfLine"], "\(script)")
        #expect(lexed.diagnostics.isEmpty, "\(script): \(lexed.diagnostics.map(\.message))")
        #expect(lexed.interner.name(lexed.tokens[1].symbol) == name)
    }

    @Test func aNameIsOneSymbolWhereverItIsAndHoweverItIsNormalized() {
        let lexed = Self.lex("if người == người and người_mua != ngu\u{31B}o\u{31B}\u{300}i -> next")
        let symbols = lexed.tokens.filter { $0.kind == .identifier }.map(\.symbol)
        #expect(symbols.count == 7)
        #expect(symbols[1] == symbols[2] && symbols[2] == symbols[5] && symbols[1] != symbols[4])
        #expect(lexed.interner.name(symbols[4]) == "người_mua")
        // A mark cannot start a name, nor a digit.
        #expect(Self.lex("\u{301}a").kinds.first == .invalid)
        #expect(Self.lex("๒งบ").kinds.first == .invalid)
    }

    @Test func commentsAndWhiteSpaceAreSkipped() {
        #expect(Self.lex("# a comment \"with a string").kinds == [.endOfLine])
        #expect(Self.lex("say \"x\" # why: ->").kinds == [.identifier, .string, .endOfLine])
        #expect(Self.lex("a#b").shown == ["identifier:a", "endOfLine"])
        #expect(Self.lex("\t a \t b \r").shown == ["identifier:a", "identifier:b", "endOfLine"])
        #expect(Self.lex("").kinds == [.endOfLine])
    }

    @Test func invalidCharactersAreReportedWithTheirSpanAndAFix() {
        let lexed = Self.lex("if a ≥ 3 → next @ x\u{200B}")
        #expect(lexed.kinds == [.identifier, .identifier, .invalid, .number, .invalid, .identifier, .invalid, .identifier, .invalid, .endOfLine])
        #expect(lexed.diagnostics.map(\.code) == Array(repeating: .invalidCharacter, count: 4))
        #expect(lexed.diagnostics.map(\.message) == [
            "unexpected character '≥'", "unexpected character '→'", "unexpected character '@'", "unexpected character U+200B",
        ])
        #expect(lexed.diagnostics.map(\.help) == [
            "write '>=' instead", "write '->' instead", "names are made of letters, digits and '_'; text goes between double quotes",
            "names are made of letters, digits and '_'; text goes between double quotes",
        ])
        // Each span is the character's bytes, which the invalid token covers too.
        #expect(lexed.diagnostics.map { lexed.text($0.primary.span) } == ["≥", "→", "@", "\u{200B}"])
        #expect(lexed.tokens.filter { $0.kind == .invalid }.map { $0.end - $0.start } == [3, 3, 1, 3])
        // Quotes a word processor makes, and a control character shown by its code.
        let quoted = Self.lex("say “Hi” \u{1B}")
        #expect(quoted.diagnostics.map(\.message) == ["unexpected character '“'", "unexpected character '”'", "unexpected character U+1B"])
        #expect(quoted.diagnostics.first?.help == "write a straight double quote '\"' instead")
    }

    @Test func aLineInsideAFileKeepsItsOffsets() {
        let text = "stage a\n  say \"x\"\n"
        let lexed = Self.lex(text, range: 8..<17)
        #expect(lexed.shown == ["identifier:say", "string:\"x\"", "endOfLine"])
        #expect(lexed.tokens.map(\.start) == [10, 14, 17])
        #expect(lexed.texts[0].span == Span(file: 3, start: 14, end: 17))
    }
}
