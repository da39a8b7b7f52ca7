/// A playbook's texts in the language of a run (`--lang vi`): each translated text by where its
/// source text is written. A text with no usable translation is not here, and is shown as written.
public struct Localization: Sendable {
    /// The language the texts are in, as `--lang` named it.
    public let language: String
    private var texts: [Place: TranslatedText] = [:]

    /// Where a source text's literal starts: its file and byte offset.
    private struct Place: Hashable, Sendable {
        var file: Int32
        var start: Int32
    }

    /// No translation: every text as written.
    public static let none = Localization(language: "")

    public init(language: String) {
        self.language = language
    }

    /// How many texts are translated.
    public var count: Int { texts.count }

    /// Whether there is no translated text.
    public var isEmpty: Bool { texts.isEmpty }

    /// The translation of the text written at `span`, if there is one.
    public subscript(span: Span) -> TranslatedText? {
        texts.isEmpty ? nil : texts[Place(file: span.file, start: span.start)]
    }

    /// Sets the translation of the text written at `span`.
    public mutating func add(_ text: TranslatedText, at span: Span) {
        texts[Place(file: span.file, start: span.start)] = text
    }
}

/// A translated text: one that shows no values, or the pieces of one that does (`{name}`).
public enum TranslatedText: Sendable, Hashable {
    case plain(String)
    case template([Piece])

    /// Literal text, or the value of a question or variable.
    public enum Piece: Sendable, Hashable {
        case literal(String)
        case value(Symbol, Span)
    }

    /// The text with its `{name}`s as written, for where no value is known yet.
    public func written(_ name: (Symbol) -> String) -> String {
        switch self {
        case .plain(let text): text
        case .template(let pieces):
            pieces.map { piece in
                switch piece {
                case .literal(let text): text
                case .value(let symbol, _): "{\(name(symbol))}"
                }
            }.joined()
        }
    }
}

extension Localization {
    /// The localization of `units` (every file's), each translated as `translation` gives it
    /// (nil: not translated). A translation whose placeholders are not well formed or name what
    /// the source does not show is left out, so that its text falls back to the source.
    public static func build(
        language: String, units: [TextUnit], interner: Interner, translation: (TextUnit) -> String?
    ) -> Localization {
        var localization = Localization(language: language)
        for unit in units {
            guard let translated = translation(unit), !translated.isEmpty else { continue }
            guard unit.showsValues else {
                localization.add(.plain(translated), at: unit.span)
                continue
            }
            guard case .success(let pieces) = Placeholders.parse(translated) else { continue }
            var parts: [TranslatedText.Piece] = []
            var fits = true
            for piece in pieces {
                switch piece {
                case .literal(let text): parts.append(.literal(text))
                case .name(let name):
                    guard unit.placeholders.contains(name), let symbol = interner.lookup(name) else {
                        fits = false
                        break
                    }
                    parts.append(.value(symbol, unit.span))
                }
            }
            if fits { localization.add(.template(parts), at: unit.span) }
        }
        return localization
    }
}
