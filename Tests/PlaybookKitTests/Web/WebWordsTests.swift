import Testing

@testable import PlaybookKit

/// The pages' own words: every phrase in every language, with the placeholders of the English.
struct WebWordsTests {
    @Test(arguments: WebWords.languages)
    func everyPhraseIsTranslatedWithItsPlaceholders(_ language: String) throws {
        let table = try #require(WebWords.tables[language])
        for phrase in WebWords.Phrase.allCases {
            let text = try #require(table[phrase], "\(language) has no '\(phrase)'")
            #expect(!text.isEmpty, "\(language) '\(phrase)' is empty")
            let english = WebWords.english[phrase] ?? ""
            for number in 1...4 {
                #expect(
                    text.contains("{\(number)}") == english.contains("{\(number)}"),
                    "\(language) '\(phrase)' has not the placeholders of the English: \(text)")
            }
            if language != "en", !["yes", "no"].contains(phrase.rawValue) {
                // A phrase left in English is a phrase not translated (the shortcut names stay).
                #expect(text != english || english.allSatisfy { !$0.isLetter }, "\(language) '\(phrase)' is the English: \(text)")
            }
        }
        #expect(table.count == WebWords.Phrase.allCases.count)
    }

    @Test func anUnknownLanguageFallsBackToEnglish() {
        #expect(WebWords(language: "fr").language == "en")
        #expect(WebWords(language: "fr")(.start) == "Start")
        #expect(WebWords(language: "vi-VN")(.back) == "Quay lại")
        #expect(WebWords(language: "he")(.endConfirm, "זכייה").contains("זכייה"))
        #expect(WebWords(language: "zh").colon == "：")
    }

    @Test func languagesAreNamedInThemselves() {
        #expect(WebWords.languageName("vi") == "Tiếng Việt")
        #expect(WebWords.languageName("he-IL") == "עברית")
        #expect(WebWords.languageName("fr") == "fr")
    }
}
