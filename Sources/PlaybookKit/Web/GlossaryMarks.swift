/// The playbook's glossary words where its texts use them: the first use of each on a page is
/// marked `<abbr class="term" title="definition" tabindex="0">`, so a hover, a tap or the Tab key
/// shows what it means (`app.css` draws the definition under it). Later uses stay plain: a page
/// full of underlines, each a stop for the Tab key, would be harder to read, not easier.
struct GlossaryMarks {
    private struct Term {
        /// The word's characters, lowercased one by one (so that positions match the text's).
        let word: [String]
        let key: String
        let definition: String
        /// A word written with spaces around it (Latin, Hebrew...) is matched only as a whole
        /// word; one in a script without spaces (Thai, Chinese) anywhere.
        let wordStart: Bool
        let wordEnd: Bool
    }

    private let terms: [Term]
    private var marked: Set<String> = []

    init(_ glossary: [GlossaryEntry]) {
        terms = glossary.filter { !$0.word.isEmpty }
            .map { entry in
                let characters = Array(entry.word)
                return Term(
                    word: characters.map { String($0).lowercased() }, key: entry.word.lowercased(), definition: entry.definition,
                    wordStart: Self.isSpacedWordCharacter(characters[0]), wordEnd: Self.isSpacedWordCharacter(characters[characters.count - 1]))
            }
            // The longest first: "decision maker" before "decision".
            .sorted { $0.word.count > $1.word.count }
    }

    /// `text` escaped for HTML, its line breaks as `<br>`, with the glossary words not marked yet
    /// on this page marked.
    mutating func html(_ text: String) -> String {
        guard terms.contains(where: { !marked.contains($0.key) }) else { return WebPage.lines(text) }
        let characters = Array(text)
        let lowered = characters.map { String($0).lowercased() }
        var out = ""
        var plainStart = 0
        var index = 0
        scanning: while index < characters.count {
            for term in terms where !marked.contains(term.key) && matches(term, lowered, characters, at: index) {
                out += WebPage.lines(String(characters[plainStart..<index]))
                let end = index + term.word.count
                out += "<abbr class=\"term\" tabindex=\"0\" title=\"\(WebPage.escape(term.definition))\">"
                out += WebPage.escape(String(characters[index..<end])) + "</abbr>"
                marked.insert(term.key)
                index = end
                plainStart = end
                continue scanning
            }
            index += 1
        }
        return out + WebPage.lines(String(characters[plainStart...]))
    }

    private func matches(_ term: Term, _ lowered: [String], _ characters: [Character], at index: Int) -> Bool {
        guard index + term.word.count <= lowered.count else { return false }
        for offset in term.word.indices where lowered[index + offset] != term.word[offset] { return false }
        if term.wordStart, index > 0, Self.isWordCharacter(characters[index - 1]) { return false }
        let end = index + term.word.count
        if term.wordEnd, end < characters.count, Self.isWordCharacter(characters[end]) { return false }
        return true
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    /// A letter or digit of a script that puts spaces between words.
    private static func isSpacedWordCharacter(_ character: Character) -> Bool {
        guard isWordCharacter(character), let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        // Thai, Lao, Myanmar, Khmer; CJK, kana and their symbols and compatibility forms.
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x1780...0x17FF, 0x2E80...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return false
        default: return true
        }
    }
}
