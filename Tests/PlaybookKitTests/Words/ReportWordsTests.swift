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

    /// `check` speaks the language a file declares, errors or not, once the header says it; a
    /// file that fails before that (it is not UTF-8) is told in English. Short and JSON keep English.
    @Test func checkSpeaksTheLanguageTheFileDeclares() throws {
        let declared = check("playbook \"Gọi\"\n  language vi\n  outcomes thắng\n\nstage s \"S\"\n  -> không_có\n")
        #expect(declared.language == "vi")
        let renderer = DiagnosticRenderer(sources: declared.sources, color: false, words: ReportWords(language: declared.language))
        let first = try #require(declared.diagnostics.first)
        #expect(renderer.human(first).hasPrefix("lỗi[PB0202]: there is no stage or question 'không_có' to jump to\n"))
        #expect(renderer.short(first).hasSuffix(": error: there is no stage or question 'không_có' to jump to [PB0202]"))
        #expect(renderer.json(first).text.contains("\"severity\":\"error\""))
        #expect(renderer.summary(path: "main.playbook", diagnostics: declared.diagnostics) == "main.playbook: 1 lỗi\n")

        let utf16 = checkPlaybook(SourceFile(path: "main.playbook", bytes: [0xFF, 0xFE] + Array("playbook \"A\"\n  language vi\n".utf8)), loader: MemoryLoader([:]))
        #expect(utf16.language == "en")
        let english = DiagnosticRenderer(sources: utf16.sources, color: false, words: ReportWords(language: utf16.language))
        #expect(english.human(try #require(utf16.diagnostics.first)).hasPrefix("error[PB0100]"))
    }

    @Test func theSummarySaysErrorsAndWarningsInTheLanguage() {
        // The summary counts severities only; the codes' severities decide them.
        let error = Diagnostic(.unknownTarget, "x", at: Span(file: 0, start: 0, end: 0))
        let warning = Diagnostic(.unreachable, "y", at: Span(file: 0, start: 0, end: 0))
        let chinese = DiagnosticRenderer(sources: [], color: false, words: ReportWords(language: "zh"))
        #expect(chinese.summary(path: "a.playbook", diagnostics: []) == "a.playbook：未发现问题\n")
        #expect(chinese.summary(path: "a.playbook", diagnostics: [error, warning, warning]) == "a.playbook：1 个错误，2 个警告\n")
        let hebrew = DiagnosticRenderer(sources: [], color: false, words: ReportWords(language: "he"))
        #expect(hebrew.summary(path: "a.playbook", diagnostics: [warning]) == "a.playbook: אזהרה אחת\n")
        let english = DiagnosticRenderer(sources: [], color: false)
        #expect(english.summary(path: "a.playbook", diagnostics: [error, error, warning]) == "a.playbook: 2 errors, 1 warning\n")
    }
}
