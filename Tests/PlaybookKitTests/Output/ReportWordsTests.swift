import Testing

@testable import PlaybookKit

/// The reports' own words in each language the runner speaks.
struct ReportWordsTests {
    @Test(arguments: ReportWords.languages)
    func everyPhraseIsTranslatedWithItsPlaceholders(_ language: String) throws {
        let table = try #require(ReportWords.tables[language])
        for phrase in ReportWords.Phrase.allCases {
            let text = try #require(table[phrase], "\(language) has no '\(phrase)'")
            let english = ReportWords.english[phrase] ?? ""
            for number in 1...4 {
                #expect(
                    text.contains("{\(number)}") == english.contains("{\(number)}"),
                    "\(language) '\(phrase)' does not keep English's {\(number)}: \(text)")
            }
        }
        #expect(table.count == ReportWords.Phrase.allCases.count)
    }

    @Test func theReportsSpeakTheRunnersLanguages() {
        #expect(ReportWords.languages == RunnerStrings.languages)
        #expect(ReportWords(language: "fr").language == "en")
        #expect(ReportWords(language: "zh-Hans").language == "zh")
        #expect(ReportWords(language: "vi_VN")(.error) == "lỗi")
    }

    /// An argument is put in as it is, even when it reads like a placeholder.
    @Test func argumentsAreFilledInOnePass() {
        let words = ReportWords(language: "en")
        #expect(words(.testSummary, "{2}", "3", "{1}") == "{2}: 3 passed, {1} failed")
        #expect(words(.labelled, "a {x}", "{") == "a {x}: {")
    }

    @Test func countsTakeThePhraseForOneOrForMore() {
        let hebrew = ReportWords(language: "he")
        #expect(hebrew.count(1, .questionOne, .questionMany) == "שאלה אחת")
        #expect(hebrew.count(18, .questionOne, .questionMany) == "18 שאלות")
        let english = ReportWords(language: "en")
        #expect(english.count(1_024, .questionOne, .questionMany, shown: "1,024") == "1,024 questions")
    }
}
