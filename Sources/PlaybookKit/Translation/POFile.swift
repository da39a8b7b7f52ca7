/// Which message an entry of a translation file translates: gettext's `msgctxt` and `msgid`.
public struct POKey: Sendable, Hashable {
    public var context: String?
    public var id: String

    public init(context: String?, id: String) {
        self.context = context
        self.id = id
    }
}

/// One entry of a gettext PO file, with its comments, as translation tools read and write it.
public struct POEntry: Sendable, Hashable {
    /// `# ...`: the translator's own notes, which updates keep.
    public var translatorComments: [String] = []
    /// `#. ...`: what the text is, written by `playbook translate`.
    public var extractedComments: [String] = []
    /// `#: file:line`.
    public var references: [String] = []
    /// `#, fuzzy, python-brace-format`.
    public var flags: [String] = []
    /// `#| msgctxt` and `#| msgid`: the source a fuzzy translation was made for.
    public var previousContext: String?
    public var previousID: String?
    public var context: String?
    public var id: String
    /// `msgid_plural`, kept as read; playbooks make no plural entries.
    public var pluralID: String?
    /// `msgstr`, or `msgstr[0]`, `msgstr[1]`... after a `msgid_plural`.
    public var translations: [String]
    /// Written `#~`: a text the playbook no longer has, kept for its translation.
    public var isObsolete = false
    /// Where the entry's `msgid` and `msgstr` are in the file it was read from.
    public var idSpan: Span?
    public var translationSpan: Span?

    public init(context: String?, id: String, translation: String = "") {
        self.context = context
        self.id = id
        self.translations = [translation]
    }

    public var key: POKey { POKey(context: context, id: id) }
    /// The `msgstr` (the first, after a `msgid_plural`).
    public var translation: String {
        get { translations.first ?? "" }
        set { translations = [newValue] }
    }
    public var isFuzzy: Bool { flags.contains("fuzzy") }
    /// The header: `msgid ""` with no context.
    public var isHeader: Bool { id.isEmpty && context == nil }
    /// Translated and not fuzzy: what a run shows.
    public var isTranslated: Bool { !isFuzzy && !translation.isEmpty }

    mutating func setFuzzy(_ fuzzy: Bool) {
        flags.removeAll { $0 == "fuzzy" }
        if fuzzy { flags.insert("fuzzy", at: 0) }
        if !fuzzy {
            previousContext = nil
            previousID = nil
        }
    }
}

/// A PO file: its header and its entries, in file order.
public struct POFile: Sendable, Hashable {
    public var header: POEntry?
    public var entries: [POEntry]

    public init(header: POEntry?, entries: [POEntry]) {
        self.header = header
        self.entries = entries
    }

    /// The header's fields (`Language: vi`), in order.
    public var headerFields: [(name: String, value: String)] {
        guard let header else { return [] }
        return header.translation.utf8.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            var value = line[line.index(after: colon)...].drop { $0 == UInt8(ascii: " ") }
            if value.last == UInt8(ascii: "\r") { value = value.dropLast() }
            return (String(decoding: line[..<colon], as: UTF8.self), String(decoding: value, as: UTF8.self))
        }
    }

    /// The header's `Language`, if it has one.
    public var language: String? { headerFields.first { $0.name == "Language" }?.value }

    /// The entries a run can use, by key: neither obsolete nor the header.
    public var live: [POKey: POEntry] {
        var byKey: [POKey: POEntry] = [:]
        for entry in entries where !entry.isObsolete { byKey[entry.key] = entry }
        return byKey
    }
}
