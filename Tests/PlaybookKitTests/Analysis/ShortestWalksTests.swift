import Testing

@testable import PlaybookKit

/// The shortest walk to each outcome, and example walks to one outcome in order of length.
struct ShortestWalksTests {
    static func texts(_ walk: ListedWalk?) -> [String] {
        let say = PathText(words: ReportWords(language: "en"), file: "")
        return walk?.turns.map(say.turn) ?? []
    }

    @Test func theShortestWalkToEachOutcomeOfTheReferenceSample() throws {
        let report = try WalkCounterTests.discovery().report()
        let shortest = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.name, $0.shortest) })
        #expect(shortest["disqualified"]??.questions == 1)
        #expect(Self.texts(shortest["disqualified"] ?? nil) == ["role = \"Not the right person\""])
        // Through the objections flow: its question counts like any other.
        #expect(
            Self.texts(shortest["nurture"] ?? nil) == [
                "role = \"Economic buyer\"", "tool = yes", "team_size (number)", "pain = no", "kind = \"Timing\"",
            ])
        #expect(shortest["lost"]??.questions == 5)
        #expect(
            Self.texts(shortest["won"] ?? nil) == [
                "role = \"Economic buyer\"", "tool = yes", "team_size (number)", "pain = yes", "pain_note (text)",
                "cost (number)", "urgency (scale)", "if cost < 5000 and urgency <= 2 (not taken)",
                "if authority < 2 and not displacement (not taken)", "payoff = \"Recite the feature list\"",
                "demo = yes",
            ])
        #expect(shortest["won"]??.questions == 9)
        #expect(shortest["won"]??.outcome == "won")
    }

    @Test func turnsSayWhereEachQuestionIsWritten() throws {
        let report = try WalkCounterTests.discovery().report()
        let walk = try #require(report.outcomes.first { $0.name == "nurture" }?.shortest)
        let kind = try #require(walk.turns.last)
        #expect(kind.subject == "kind")
        #expect(kind.kind == .option("Timing"))
        #expect(kind.type == "choice")
        #expect(kind.file.hasSuffix("objections.playbook"))
        #expect(kind.line == 5)
        #expect(walk.turns.first?.line == 21)
    }

    @Test func examplesComeShortestFirstThenInTheOrderOfTheAnswers() throws {
        let analysis = try WalkCounterTests.discovery()
        let examples = try #require(analysis.examples(to: "nurture", limit: 8))
        #expect(examples.walks.isInfinite)
        #expect(examples.examples.map(\.questions) == [5, 5, 5, 5, 5, 5, 7, 7])
        // The six walks of 5 questions: 3 roles × 2 tools, each ending with the Timing objection.
        #expect(
            examples.examples.prefix(6).map { Array(Self.texts($0).prefix(2)) } == [
                ["role = \"Economic buyer\"", "tool = yes"], ["role = \"Economic buyer\"", "tool = no"],
                ["role = \"Champion\"", "tool = yes"], ["role = \"Champion\"", "tool = no"],
                ["role = \"End user\"", "tool = yes"], ["role = \"End user\"", "tool = no"],
            ])
        #expect(Set(examples.examples.map(Self.texts)).count == 8)
        #expect(Self.texts(examples.examples[6]).last == "if cost < 5000 and urgency <= 2 (taken)")
    }

    @Test func examplesStopAtTheWalksThereAre() throws {
        let analysis = try WalkCounterTests.discovery()
        let examples = try #require(analysis.examples(to: "disqualified", limit: 10))
        #expect(examples.examples.count == 1)
        #expect(analysis.examples(to: "wom", limit: 10) == nil)
    }

    @Test func examplesGoRoundLoopsOneMoreTimeEach() throws {
        let analysis = try WalkCounterTests.analysis(
            WalkCounterTests.header + """
                stage one "One"
                  ask again "Again?" yes/no
                    yes -> again
                  ask done "Done?" yes/no
                    yes -> end won "done"
                    no -> end lost "not done"
                """)
        let examples = try #require(analysis.examples(to: "won", limit: 3)).examples
        #expect(
            examples.map(Self.texts) == [
                ["again = no", "done = yes"],
                ["again = yes", "again = no", "done = yes"],
                ["again = yes", "again = yes", "again = no", "done = yes"],
            ])
    }

    @Test func examplesThroughAFlowThatCallsItself() throws {
        let analysis = try WalkCounterTests.analysis(WalkCounterTests.recursiveFlow)
        let examples = try #require(analysis.examples(to: "lost", limit: 3)).examples
        #expect(examples.map(Self.texts) == [["x = no", "x = yes"], ["x = no", "x = no", "x = yes"], ["x = no", "x = no", "x = no", "x = yes"]])
        #expect(try #require(analysis.examples(to: "won", limit: 5)).examples.map(Self.texts) == [["x = yes"]])
    }

    @Test func anOutcomeNoWalkReachesHasNoShortestWalk() throws {
        let report = try WalkCounterTests.analysis(
            WalkCounterTests.header + """
                stage one "One"
                  ask ok "OK?" yes/no
                    yes -> end won "yes"
                    no -> end lost "no"
                """
        ).report()
        let nurture = try #require(report.outcomes.first { $0.name == "nurture" })
        #expect(nurture.walks.loopFree.isZero)
        #expect(!nurture.walks.isInfinite)
        #expect(nurture.shortest == nil)
        #expect(nurture.longestLoopFreeQuestions == nil)
    }

    @Test func aLongWalkCanBeAskedForInShort() throws {
        // 60 stages of one question each: 60 turns, kept as the first 20 and the last 5.
        var text = WalkCounterTests.header
        for index in 0..<60 { text += "stage s\(index) \"S\(index)\"\n  ask q\(index) \"Q?\" yes/no\n" }
        text += "  end won \"done\"\n"
        let analysis = try WalkCounterTests.analysis(text)
        let full = try #require(analysis.report().outcomes.first?.shortest)
        #expect(full.turns.count == 60)
        #expect(full.omittedTurns == 0)
        let short = try #require(analysis.report(turnsPerWalk: 25).outcomes.first?.shortest)
        #expect(short.questions == 60)
        #expect(short.turns.count == 25)
        #expect(short.omittedTurns == 35)
        #expect(short.omittedAt == 20)
        #expect(short.turns[19].subject == "q19")
        #expect(short.turns[20].subject == "q55")
        #expect(short.turns.last?.subject == "q59")
    }
}
