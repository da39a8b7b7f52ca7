/// Splits one line of source into tokens. Works on bytes; builds strings only for string literals.
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: Int

    /// Tokenizes `bytes[start..<end]` (one line, without its line break) into the first elements of
    /// `tokens` (and of `texts`, for string literals), reusing the arrays from line to line; returns
    /// the index of the final `.endOfLine` token.
    func tokenize(
        _ start: Int, _ end: Int, interner: inout InternerClient, tokens: inout [Token], texts: inout [Text],
        diagnostics: inout [Diagnostic]
    ) -> Int {
        var count = 0
        var textCount = 0
        func emit(_ token: Token) {
            if count < tokens.count { tokens[count] = token } else { tokens.append(token) }
            count += 1
        }
        var index = start
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
                continue
            case UInt8(ascii: "#"):
                index = end
                continue
            case UInt8(ascii: "\""):
                let text = lexString(from: index, to: end, interner: &interner, diagnostics: &diagnostics)
                if textCount < texts.count { texts[textCount] = text } else { texts.append(text) }
                emit(Token(kind: .string, start: index, end: Int(text.span.end), textIndex: textCount))
                textCount += 1
                index = Int(text.span.end)
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var token = Token(kind: .number, start: index, end: index)
                index = lexNumber(from: index, to: end, into: &token)
                emit(token)
                continue
            default:
                break
            }
            if byte >= 0x80 || !Self.isASCIIIdentifierContinue(byte), let (kind, length) = punctuation(at: index, end: end) {
                emit(Token(kind: kind, start: index, end: index + length))
                index += length
                continue
            }
            let (scalar, length) = decode(at: index, end: end)
            if Self.isIdentifierStart(scalar) {
                var cursor = index + length
                while cursor < end {
                    let next = bytes[cursor]
                    if next < 0x80 {
                        guard Self.isASCIIIdentifierContinue(next) else { break }
                        cursor += 1
                        continue
                    }
                    let (scalar, nextLength) = decode(at: cursor, end: end)
                    guard Self.isIdentifierContinue(scalar) else { break }
                    cursor += nextLength
                }
                let symbol = interner.intern(UnsafeBufferPointer(rebasing: bytes[index..<cursor]))
                emit(Token(kind: .identifier, start: index, end: cursor, symbol: symbol))
                index = cursor
                continue
            }
            emit(Token(kind: .invalid, start: index, end: index + length))
            let shown = TerminalText.isUnsafe(scalar) || scalar.properties.generalCategory == .format
                ? TerminalText.code(scalar) : "'\(Character(scalar))'"
            diagnostics.append(
                Diagnostic(
                    .invalidCharacter, "unexpected character \(shown)",
                    at: Span(file: file, start: index, end: index + length), label: "not part of the language",
                    help: Self.plainForm(of: scalar).map { "write \($0) instead" }
                        ?? "names are made of letters, digits and '_'; text goes between double quotes"))
            index += length
        }
        emit(Token(kind: .endOfLine, start: end, end: end))
        return count - 1
    }

    /// The operator at `index` and its length in bytes.
    private func punctuation(at index: Int, end: Int) -> (TokenKind, Int)? {
        let next: UInt8 = index + 1 < end ? bytes[index + 1] : 0
        let equals = next == UInt8(ascii: "=")
        switch bytes[index] {
        case UInt8(ascii: "-"):
            if next == UInt8(ascii: ">") { return (.arrow, 2) }
            return equals ? (.minusAssign, 2) : (.minus, 1)
        case UInt8(ascii: "+"): return equals ? (.plusAssign, 2) : (.plus, 1)
        case UInt8(ascii: "."): return next == UInt8(ascii: ".") ? (.dotDot, 2) : nil
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: "*"): return (.star, 1)
        case UInt8(ascii: "/"): return (.slash, 1)
        case UInt8(ascii: "="): return equals ? (.equal, 2) : (.assign, 1)
        case UInt8(ascii: "!"): return equals ? (.notEqual, 2) : nil
        case UInt8(ascii: "<"): return equals ? (.lessOrEqual, 2) : (.less, 1)
        case UInt8(ascii: ">"): return equals ? (.greaterOrEqual, 2) : (.greater, 1)
        default: return nil
        }
    }

    /// `123` or `12.5`; `1..5` lexes as 1, `..`, 5.
    private func lexNumber(from start: Int, to end: Int, into token: inout Token) -> Int {
        var index = start
        var value: Double = 0
        while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            value = value * 10 + Double(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        if index + 1 < end, bytes[index] == UInt8(ascii: "."),
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index + 1])
        {
            index += 1
            var scale = 0.1
            while index < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                value += Double(bytes[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            // Digit by digit sums drift (0.1 + 0.2); the standard parser rounds correctly.
            value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) ?? value
        }
        token.end = index
        token.number = value
        return index
    }

    /// A double-quoted string on one line (`StringLiteral`), with `{name}` interpolations.
    private func lexString(
        from start: Int, to end: Int, interner: inout InternerClient, diagnostics: inout [Diagnostic]
    ) -> Text {
        var plain = start + 1
        // 0xC2 and 0xE2 lead the UTF-8 of the C1 controls and of the bidirectional controls:
        // the slow path looks at those scalars.
        while plain < end, bytes[plain] != UInt8(ascii: "\""), bytes[plain] != UInt8(ascii: "\\"),
            bytes[plain] != UInt8(ascii: "{"), bytes[plain] >= 0x20, bytes[plain] != 0x7F, bytes[plain] != 0xC2,
            bytes[plain] != 0xE2
        {
            plain += 1
        }
        if plain < end, bytes[plain] == UInt8(ascii: "\"") {
            // The common case: no escapes, no interpolation.
            return Text(
                value: String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<plain]), as: UTF8.self),
                span: Span(file: file, start: start, end: plain + 1), interpolations: [])
        }
        var value: [UInt8] = []
        var interpolations: [Name] = []
        var bracesReported = false
        var index = start + 1
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                return Text(
                    value: String(decoding: value, as: UTF8.self), span: Span(file: file, start: start, end: index + 1),
                    interpolations: interpolations)
            }
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                let (scalar, length) = decode(at: index + 1, end: end)
                guard let meant = StringLiteral.unescaped(scalar) else {
                    diagnostics.append(
                        StringLiteral.unknownEscape(scalar, at: Span(file: file, start: index, end: index + 1 + length)))
                    value.append(contentsOf: bytes[(index + 1)..<(index + 1 + length)])
                    index += 1 + length
                    continue
                }
                value.append(UInt8(meant.value))
                index += 2
                continue
            }
            if byte == UInt8(ascii: "{"), !bracesReported {
                var close = index + 1
                while close < end, bytes[close] != UInt8(ascii: "}"), bytes[close] != UInt8(ascii: "\"") { close += 1 }
                let nameRange = (index + 1)..<close
                let isName = close < end && bytes[close] == UInt8(ascii: "}") && isIdentifier(nameRange)
                if isName {
                    let symbol = interner.intern(UnsafeBufferPointer(rebasing: bytes[nameRange]))
                    interpolations.append(
                        Name(symbol: symbol, span: Span(file: file, start: nameRange.lowerBound, end: nameRange.upperBound)))
                    value.append(contentsOf: bytes[index...close])
                    index = close + 1
                    continue
                }
                // One report per string: the rest of its braces are taken as written.
                let closed = close < end && bytes[close] == UInt8(ascii: "}")
                bracesReported = true
                diagnostics.append(
                    Diagnostic(
                        .badStringContent,
                        closed ? "'{...}' in a string must hold one name" : "'{' in a string is not closed",
                        at: Span(file: file, start: index, end: closed ? close + 1 : index + 1),
                        label: closed ? "not a name" : "opened here",
                        help: "write {name} to show an answer or a variable, or \\{ for a literal brace"))
                value.append(byte)
                index += 1
                continue
            }
            if byte == 0xC2 || byte == 0xE2 {
                let (scalar, length) = decode(at: index, end: end)
                if TerminalText.isUnsafe(scalar) {
                    diagnostics.append(StringLiteral.unsafeCharacter(scalar, at: Span(file: file, start: index, end: index + length)))
                }
                value.append(contentsOf: bytes[index..<(index + length)])
                index += length
                continue
            }
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                diagnostics.append(
                    StringLiteral.unsafeCharacter(Unicode.Scalar(byte), at: Span(file: file, start: index, end: index + 1)))
            }
            value.append(byte)
            index += 1
        }
        diagnostics.append(StringLiteral.unterminated(at: Span(file: file, start: start, end: start + 1)))
        return Text(
            value: String(decoding: value, as: UTF8.self), span: Span(file: file, start: start, end: end),
            interpolations: interpolations)
    }

    private func isIdentifier(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        var index = range.lowerBound
        var first = true
        while index < range.upperBound {
            let (scalar, length) = decode(at: index, end: range.upperBound)
            guard first ? Self.isIdentifierStart(scalar) : Self.isIdentifierContinue(scalar) else { return false }
            first = false
            index += length
        }
        return true
    }

    /// The scalar at `index` and its length in bytes; the file was validated as UTF-8 before.
    func decode(at index: Int, end: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard length > 1, index + length <= end else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// What to type for a sign that word processors put in place of a plain one.
    static func plainForm(of scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "≥": "'>='"
        case "≤": "'<='"
        case "≠": "'!='"
        case "→", "⟶", "➔": "'->'"
        case "–", "—", "−": "'-'"
        case "“", "”", "„", "«", "»", "「", "」": "a straight double quote '\"'"
        case "×": "'*'"
        case "÷": "'/'"
        case "＝": "'='"
        default: nil
        }
    }

    static func isASCIIIdentifierContinue(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }

    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || scalar == "_"
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return isIdentifierStart(scalar) || (scalar >= "0" && scalar <= "9")
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
            return true
        default: return false
        }
    }
}
