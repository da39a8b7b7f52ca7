extension Walk {
    /// The text with each `{name}` replaced by the value's display. The string is read again from
    /// the source, since its value alone cannot tell `{name}` from an escaped `\{name}`.
    public func render(_ text: Text) throws(RuntimeFault) -> String {
        if let translated = program.localization[text.span] { return try render(translated) }
        guard !text.interpolations.isEmpty, program.sources.indices.contains(Int(text.span.file)) else { return text.value }
        let bytes = program.sources[Int(text.span.file)].bytes
        let words = YesNoWords.shown(program.language)
        let numbers = NumberStyle(language: program.language)
        var output: [UInt8] = []
        var index = Int(text.span.start) + 1
        let end = min(Int(text.span.end) - 1, bytes.count)
        var names = text.interpolations[...]
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                output.append(StringLiteral.unescaped(byte: bytes[index + 1]))
                index += 2
            } else if byte == UInt8(ascii: "{"), let name = names.first, Int(name.span.start) == index + 1 {
                names.removeFirst()
                let value = try value(of: name.symbol, at: name.span)
                output += Array(value.display(yes: words.yes, no: words.no, style: numbers).utf8)
                index = Int(name.span.end) + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A translated text with each `{name}` replaced by the value's display.
    private func render(_ text: TranslatedText) throws(RuntimeFault) -> String {
        guard case .template(let pieces) = text else { return text.written(program.name) }
        let words = YesNoWords.shown(program.language)
        let numbers = NumberStyle(language: program.language)
        var output = ""
        for piece in pieces {
            switch piece {
            case .literal(let literal): output += literal
            case .value(let symbol, let span): output += try value(of: symbol, at: span).display(yes: words.yes, no: words.no, style: numbers)
            }
        }
        return output
    }

    /// The value a `{name}` shows.
    private func value(of symbol: Symbol, at span: Span) throws(RuntimeFault) -> Value {
        if symbol == program.scoreSymbol { return .number(state.score) }
        if let known = state.values[symbol] { return known }
        throw fault("'\(program.name(symbol))' has no value yet", at: span)
    }

    /// The text as written, or with `{name}`s left as they are when a value is missing: for
    /// titles and tips shown before anything is known.
    public func renderIfPossible(_ text: Text) -> String {
        (try? render(text)) ?? program.shown(text)
    }
}
