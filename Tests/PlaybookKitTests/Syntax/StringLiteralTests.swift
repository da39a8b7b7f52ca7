import Testing

@testable import PlaybookKit

/// One string-literal codec for every reader and writer: what `StringLiteral.quoted` writes, the
/// playbook lexer and the scenario lexer read back as the same text, for every kind of character
/// a string can hold.
struct StringLiteralTests {
    /// A text of each class: plain ASCII, each escaped character, spaces, Latin with precomposed
    /// and combining accents, Hebrew, Chinese, Thai with its combining vowels, emoji sequences,
    /// invisible but harmless format characters, and a mix of them all.
    static let samples = [
        "Economic buyer", "say \"yes\"", #"C:\deals\new"#, "{role}", "}{", "Line one\nline two", "a\tb",
        "  leading and trailing  ", "Người ký hợp đồng", "Nguo\u{302}\u{300}i", "לא_מתאים, תקציב < 20000",
        "客户说出具体痛点了吗？", "ตัดสินใจซื้อ", "👩🏽‍💼 🇻🇳", "zero\u{200B}width\u{200D}joiner\u{00A0}nbsp",
        "\\n is not a line break here", "mix: \"{x}\"\\\n\tתקציב 客户 ไทย",
    ]

    @Test(arguments: samples) func thePlaybookLexerReadsBackWhatTheCodecWrites(_ text: String) throws {
        var interner = Interner()
        let source = "playbook \(StringLiteral.quoted(text))\n"
        let (file, diagnostics) = parse(SourceFile(path: "t.playbook", bytes: Array(source.utf8)), file: 0, interner: &interner)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(file.header?.title.value == text)
    }

    @Test(arguments: samples) func theScenarioLexerReadsBackWhatTheCodecWrites(_ text: String) throws {
        let file = readScenarios("scenario \(StringLiteral.quoted(text))\n  role = \(StringLiteral.quoted(text))\n")
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics.map(\.message))")
        #expect(file.scenarios.first?.name == text)
        #expect(file.scenarios.first?.answers.first?.values == [.quoted(text)])
    }

    @Test(arguments: samples) func aValueIsWrittenAsTheCodecWritesIt(_ text: String) {
        #expect(Value.text(text).literal == StringLiteral.quoted(text))
    }

    /// The characters no escape writes are refused by both readers alike, not read as something else.
    @Test(arguments: ["\u{7}", "\u{1B}[2J", "\u{7F}", "\u{85}", "\u{9B}", "\u{202E}", "\u{2067}"])
    func bothReadersRefuseWhatNoEscapeWrites(_ control: String) {
        var interner = Interner()
        let source = "playbook \"a\(control)b\"\n"
        let (_, diagnostics) = parse(SourceFile(path: "t.playbook", bytes: Array(source.utf8)), file: 0, interner: &interner)
        #expect(diagnostics.map(\.code) == [.badStringContent])
        let scenario = readScenarios("scenario \"s\"\n  q = \"a\(control)b\"\n")
        #expect(Self.said(scenario.diagnostics) == Self.said(diagnostics))
    }

    @Test func anUnknownEscapeIsReportedAlikeInBothLanguages() {
        var interner = Interner()
        let (_, diagnostics) = parse(
            SourceFile(path: "t.playbook", bytes: Array("playbook \"a\\qb\"\n".utf8)), file: 0, interner: &interner)
        #expect(diagnostics.first?.help?.contains(StringLiteral.escapes) == true)
        let scenario = readScenarios("scenario \"s\"\n  q = \"a\\qb\"\n")
        #expect(Self.said(scenario.diagnostics) == Self.said(diagnostics))
    }

    @Test func anUnterminatedStringIsReportedAlikeInBothLanguages() {
        var interner = Interner()
        let (_, diagnostics) = parse(
            SourceFile(path: "t.playbook", bytes: Array("playbook \"ab\n".utf8)), file: 0, interner: &interner)
        let scenario = readScenarios("scenario \"s\"\n  q = \"ab\n")
        #expect(Self.said(scenario.diagnostics) == Self.said(diagnostics))
        #expect(scenario.diagnostics.map(\.code) == [.unterminatedString])
    }

    /// What diagnostics say, wherever they are: code, message, label and help.
    static func said(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code.rawValue) \($0.message) | \($0.primary.message) | \($0.help ?? "")" }
    }

    /// The bug the shared codec fixes: an option with a line break, written by `--emit-scenarios`,
    /// was read back as an unterminated string.
    @Test func anEmittedScenarioWithALineBreakInAnOptionPasses() throws {
        let program = try WalkTests.program(
            """
            stage s "S"
              ask kind "Which?" choice
                "Line one\\nline two" -> end won "two lines"
                "Say \\"{no}\\" \\{x\\}" -> end lost "quoted"
            """)
        var explorer = Explorer(program: program)
        explorer.finishesNewWalks = true
        let report = explorer.explore()
        let file = readScenarios(scenarioFile(for: report.walks, playbook: "t.playbook"))
        #expect(file.diagnostics.isEmpty, "\(file.diagnostics.map(\.message))")
        #expect(file.scenarios.count == 2)
        for scenario in file.scenarios {
            let result = runScenario(scenario, program: program)
            #expect(result.passed, "\(scenario.name): \(result.failures)")
        }
    }
}
