import Testing

@testable import PlaybookKit

/// The warnings about `score`, `best` and `feedback`: PB0601, PB0602 and PB0603.
struct PracticeChecksTests {
    /// A stage that asks `question` (indented as a step) and then ends.
    private func stage(_ question: String) -> String {
        "stage pitch \"Pitch\"\n" + question + "  end won \"Done\"\n"
    }

    /// The source text a span covers.
    private func slice(_ text: String, _ span: Span) -> String {
        String(decoding: Array(text.utf8)[Int(span.start)..<Int(span.end)], as: UTF8.self)
    }

    @Test func aScoredQuestionWithoutBestIsReportedAtTheQuestion() throws {
        let text = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                  score -1
                "With the buyer's problem"
                  score +2
                "With small talk"

            """)
        let result = check(text)
        #expect(result.diagnostics.map(\.code) == [.scoredWithoutBest])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "the question 'opener' scores its options but marks none as best")
        #expect(slice(text, warning.primary.span) == "opener")
        #expect(warning.secondary.map { slice(text, $0.span) } == [#""With the buyer's problem""#])
        #expect(warning.secondary.map(\.message) == ["the highest score (+2)"])
        #expect(warning.help == "mark the option a rep should pick with 'best', on a line of its own under the option")
    }

    @Test func aScoreOfZeroStillScoresTheQuestion() {
        let text = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                  score 0
                "With the buyer's problem"

            """)
        #expect(check(text).diagnostics.map(\.code) == [.scoredWithoutBest])
    }

    @Test func feedbackOrBestWithoutScoresIsFine() {
        let feedbackOnly = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                  feedback "The agenda is yours."
                "With the buyer's problem"

            """)
        let bestOnly = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                "With the buyer's problem"
                  best

            """)
        #expect(check(feedbackOnly).diagnostics.isEmpty)
        #expect(check(bestOnly).diagnostics.isEmpty)
    }

    @Test func severalBestOptionsOfTheTopScoreAreFine() {
        let text = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                  score -1
                "With the buyer's problem"
                  best
                  score +2
                "With a question about their last quarter"
                  score +2
                  best

            """)
        #expect(check(text).diagnostics.isEmpty)
    }

    @Test func aBestWithoutScoreIsFineWhenNothingScoresMore() {
        let text = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                  score -1
                "With the buyer's problem"
                  best

            """)
        #expect(check(text).diagnostics.isEmpty)
    }

    @Test func aBestThatScoresLowerIsReportedAtTheBestOption() throws {
        let text = stage(
            """
              ask payoff "How do you answer?" choice
                "Recite the feature list"
                  score -1
                "Ask what it is worth"
                  score +3
                "Offer a discount"
                  best
                  score -2

            """)
        let result = check(text)
        #expect(result.diagnostics.map(\.code) == [.bestScoresLower])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == #""Offer a discount" is marked best but scores -2, less than "Ask what it is worth" (+3)"#)
        #expect(slice(text, warning.primary.span) == #""Offer a discount""#)
        #expect(warning.primary.message == "marked best, scores -2")
        #expect(warning.secondary.map { slice(text, $0.span) } == [#""Ask what it is worth""#])
        #expect(warning.secondary.map(\.message) == ["scores +3"])
        #expect(warning.notes.isEmpty)
        #expect(warning.help == #"give the best option the highest score, or mark "Ask what it is worth" as best instead"#)
    }

    @Test func aBestWithoutScoreScoresZero() throws {
        let text = stage(
            """
              ask opener "How do you open?" choice
                "With our agenda"
                  best
                "With the buyer's problem"
                  score 1.5

            """)
        let warning = try #require(check(text).diagnostics.first)
        #expect(warning.code == .bestScoresLower)
        #expect(warning.message == #""With our agenda" is marked best but scores 0, less than "With the buyer's problem" (+1.5)"#)
        #expect(warning.notes == ["an option without 'score' scores 0"])
    }

    @Test func eachBestBelowTheTopIsReported() {
        let text = stage(
            """
              ask opener "How do you open?" choice
                "A"
                  best
                  score +1
                "B"
                  score +4
                "C"
                  best
                  score +4
                "D"
                  best

            """)
        let result = check(text)
        #expect(result.diagnostics.map(\.code) == [.bestScoresLower, .bestScoresLower])
        #expect(result.diagnostics.map { slice(text, $0.primary.span) } == [#""A""#, #""D""#])
    }

    @Test func feedbackUnderYesOrNoIsAWarningAtTheFeedback() throws {
        let text = stage(
            """
              ask pain "Did the buyer describe a problem?" yes/no
                no
                  feedback "Ask about the last time it went wrong."
                  end nurture "No problem"

            """)
        let result = check(text)
        #expect(result.diagnostics.map(\.code) == [.feedbackNotOnChoice])
        #expect(!result.hasErrors)
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "feedback under 'no' is never shown: practice shows feedback for the options of choice questions")
        #expect(slice(text, warning.primary.span) == #""Ask about the last time it went wrong.""#)
        #expect(warning.secondary.map { slice(text, $0.span) } == ["pain"])
        #expect(warning.help == #"make 'pain' a choice with "Yes" and "No" as options, and put the feedback under the option"#)
    }

    @Test func scoreAndBestUnderYesOrNoStayErrors() {
        let text = stage(
            """
              ask pain "Did the buyer describe a problem?" yes/no
                yes
                  score +1
                  best

            """)
        #expect(codes(text) == ["PB0114", "PB0114"])
    }

    @Test func questionsInFlowsAndUsedLibrariesAreChecked() {
        let library = """
            flow pricing "Pricing"
              ask discount "Did the buyer ask for a discount?" yes/no
                yes
                  feedback "Ask what it would be worth first."
              ask answer "How do you answer?" choice
                "Give it"
                  score -2
                "Ask what it is worth"
                  score +2
              return
            """
        let main = """
            use "pricing.playbook"

            stage close "Close"
              call pricing
              ask signed "Signed?" choice
                "Yes"
                  best
                "No"
                  score +1
              end won "Done"
            """
        let result = check(main, files: ["pricing.playbook": library])
        #expect(result.diagnostics.map(\.code) == [.bestScoresLower, .feedbackNotOnChoice, .scoredWithoutBest])
        #expect(result.diagnostics.map { Int($0.primary.span.file) } == [0, 1, 1])
    }
}
