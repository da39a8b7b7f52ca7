import Testing

@testable import PlaybookKit

/// `formatScenarios` keeps what a scenario file means (the same scenarios, answers and
/// expectations, line numbers aside, and the same problems), gives the same text when run again,
/// and refuses a file with lines it does not understand.
struct ScenarioFormatterTests {
    static func format(_ text: String) -> String? { formatScenarios(SourceFile(path: "main.scenarios", bytes: Array(text.utf8))).text }

    @Test func theCorpusHoldsTheShippedFilesTheFixturesAndTheDocs() {
        let names = FormatCorpus.scenarios.map(\.name)
        #expect(names.count { $0.hasPrefix("playbooks/") } > 10)
        #expect(names.contains { $0.hasPrefix("Tests/PlaybookKitTests/Fixtures/") })
        #expect(names.contains("docs/running.md scenario file"))
    }

    @Test(arguments: FormatCorpus.scenarios)
    func meaningIsKeptAndFormattingTwiceChangesNothing(_ input: FormatInput) {
        switch formatScenarios(SourceFile(path: "main.scenarios", bytes: input.bytes)) {
        case .refused(let diagnostics):
            #expect(!diagnostics.isEmpty, "\(input.name)")
        case .formatted(let text):
            let after = Array(text.utf8)
            let before = SyntaxDump.scenarios(input.bytes)
            let dumped = SyntaxDump.scenarios(after)
            #expect(dumped == before, "\(input.name): the scenarios changed:\n\(Golden.diff(before, dumped, context: 2))")
            let again = formatScenarios(SourceFile(path: "main.scenarios", bytes: after)).text
            #expect(again == text, "\(input.name): not idempotent:\n\(Golden.diff(text, again ?? "<refused>", context: 2))")
        }
    }

    @Test func linesAreLaidOutCanonically() {
        let input = """
            # answers for run --answers
              go   =yes
            scenario   "A"   # first
                role = "Economic buyer"  ,  "Champion"
            # about the outcome
                expect   won
            scenario "B"


                expect not   stage x
                expect score=5
            """
        let expected = """
            # answers for run --answers
            go = yes

            scenario "A"  # first
              role = "Economic buyer", "Champion"
              # about the outcome
              expect won

            scenario "B"
              expect not stage x
              expect score = 5

            """
        #expect(Self.format(input) == expected)
    }

    @Test func tabsInQuotesBecomeEscapes() {
        #expect(Self.format("scenario \"A\"\r\n  note = \"a\tb\"\r\n") == "scenario \"A\"\n  note = \"a\\tb\"\n")
    }

    @Test func linesNotUnderstoodAreRefused() {
        let outcome = formatScenarios(SourceFile(path: "main.scenarios", bytes: Array("scenario \"A\"\nexpect won\n".utf8)))
        guard case .refused(let diagnostics) = outcome else {
            Issue.record("a line outside its scenario was formatted")
            return
        }
        #expect(diagnostics.map(\.code) == [.scenarioIndentation])
        #expect(Self.format("scenario \"A\"\n  go = \"open\n") == nil)  // PB0105
    }

    @Test func problemsWithUnderstoodLinesDoNotStopIt() {
        // Two scenarios of one name (PB0703) and a question given twice (PB0708).
        #expect(Self.format("scenario \"A\"\n  go = yes\n  go  = no\nscenario \"A\"\n  expect won\n")
            == "scenario \"A\"\n  go = yes\n  go = no\n\nscenario \"A\"\n  expect won\n")
    }
}
