import Foundation
import Testing

@testable import PlaybookKit

/// What `playbook paths` prints: the report for a person and the JSON for tools.
struct PathReportTests {
    static let english = ReportWords(language: "en")

    @Test func theReferenceSampleForAPerson() throws {
        let text = try WalkCounterTests.discovery().report(turnsPerWalk: PathReport.turnsShown).text(words: Self.english)
        #expect(
            text == """
                Discovery Call (SPIN): walks from the first stage to each outcome

                walks to each outcome
                  won           infinitely many (loop at line 48); 18 loop-free
                  lost          infinitely many (loop at line 48); 36 loop-free
                  nurture       infinitely many (loop at line 48); 36 loop-free
                  disqualified  1
                  in all        infinitely many (loop at line 48); 91 loop-free
                  loop at line 48: '-> pain' goes back to question 'pain' (line 45)

                shortest walk to each outcome (fewest questions asked)
                  won: 9 questions (at most 9 on a loop-free walk)
                    role = "Economic buyer" → tool = yes → team_size (number) → pain = yes → pain_note (text)
                    → cost (number) → urgency (scale) → if cost < 5000 and urgency <= 2 (not taken)
                    → if authority < 2 and not displacement (not taken) → payoff = "Recite the feature list"
                    → demo = yes
                  lost: 5 questions (at most 10 on a loop-free walk)
                    role = "Economic buyer" → tool = yes → team_size (number) → pain = no → kind = "No need"
                  nurture: 5 questions (at most 10 on a loop-free walk)
                    role = "Economic buyer" → tool = yes → team_size (number) → pain = no → kind = "Timing"
                  disqualified: 1 question (at most 1 on a loop-free walk)
                    role = "Not the right person"

                longest loop-free walk: 10 questions, to lost
                    role = "Economic buyer" → tool = yes → team_size (number) → pain = yes → pain_note (text)
                    → cost (number) → urgency (scale) → if cost < 5000 and urgency <= 2 (not taken)
                    → if authority < 2 and not displacement (not taken) → payoff = "Recite the feature list"
                    → demo = no → later = no

                asked on every walk: role (line 21)

                """)
    }

    @Test func theReferenceSampleForATool() throws {
        let json = try WalkCounterTests.discovery().report().json()
        #expect(json["version"] == .int(1))
        #expect(json["file"] == .string("main.playbook"))
        #expect(json["title"] == .string("Discovery Call (SPIN)"))
        let outcomes = try #require(json["outcomes"]?.array)
        #expect(outcomes.compactMap { $0["outcome"]?.string } == ["won", "lost", "nurture", "disqualified"])
        // Infinite: no exact number of walks, but the loop-free ones as a decimal string.
        let won = outcomes[0]
        #expect(won["walks"] == .null)
        #expect(won["infinite"] == .bool(true))
        #expect(won["loopFreeWalks"] == .string("18"))
        #expect(won["loop"]?["line"] == .int(48))
        #expect(won["loop"]?["kind"] == .string("jump back"))
        #expect(won["loop"]?["source"] == .string("-> pain"))
        #expect(won["loop"]?["target"] == .string("question 'pain'"))
        #expect(won["longestLoopFreeQuestions"] == .int(9))
        #expect(won["shortest"]?["questions"] == .int(9))
        // Finite: walks and loop-free walks agree, and there is no loop.
        let disqualified = outcomes[3]
        #expect(disqualified["walks"] == .string("1"))
        #expect(disqualified["loopFreeWalks"] == .string("1"))
        #expect(disqualified["loop"] == .null)
        #expect(json["total"]?["loopFreeWalks"] == .string("91"))
        #expect(json["total"]?["infinite"] == .bool(true))
        #expect(json["askedOnEveryWalk"] == .array([.object(["question": .string("role"), "file": .string("main.playbook"), "line": .int(21)])]))
        let turns = try #require(json["longestLoopFree"]?["turns"]?.array)
        #expect(turns.count == 12)
        #expect(
            turns[0] == .object([
                "type": .string("choice"), "question": .string("role"), "answer": .string("Economic buyer"),
                "file": .string("main.playbook"), "line": .int(21),
            ]))
        #expect(turns[2] == .object(["type": .string("number"), "question": .string("team_size"), "file": .string("main.playbook"), "line": .int(37)]))
        #expect(
            turns[7] == .object([
                "type": .string("if"), "condition": .string("cost < 5000 and urgency <= 2"), "taken": .bool(false),
                "file": .string("main.playbook"), "line": .int(55),
            ]))
        // Keys sorted, on one line.
        #expect(json.text.hasPrefix("{\"askedOnEveryWalk\":[{\"file\":\"main.playbook\",\"line\":21,\"question\":\"role\"}],\"file\":"))
    }

    @Test func countsBeyondSixtyFourBitsStayExactInJSON() throws {
        var text = WalkCounterTests.header
        for index in 0..<100 { text += "stage s\(index) \"S\(index)\"\n  ask q\(index) \"Q\(index)?\" yes/no\n" }
        text += "  end won \"done\"\n"
        let report = try WalkCounterTests.analysis(text).report(turnsPerWalk: PathReport.turnsShown)
        // 2^100 = 1267650600228229401496703205376: 31 digits, too many to read.
        #expect(report.json()["outcomes"]?.array?.first?["walks"] == .string("1267650600228229401496703205376"))
        #expect(report.text(words: Self.english).contains("  won         ≈ 1.27 × 10^30 (31 digits)\n"))
        // The shortest walk shows 20 turns, the number left out, and the last 5.
        #expect(report.text(words: Self.english).contains("→ q19 = yes → … 75 more … → q95 = yes"))
    }

    @Test func examplesForAPersonAndForATool() throws {
        let examples = try #require(try WalkCounterTests.discovery().examples(to: "disqualified", limit: 10))
        #expect(
            examples.text(words: Self.english) == """
                walks to disqualified: 1
                every one, shortest first:
                  1. 1 question
                     role = "Not the right person"

                """)
        let json = examples.json()
        #expect(json["outcome"] == .string("disqualified"))
        #expect(json["walks"] == .string("1"))
        #expect(json["examples"]?.array?.count == 1)
        let nurture = try #require(try WalkCounterTests.discovery().examples(to: "nurture", limit: 2))
        #expect(
            nurture.text(words: Self.english) == """
                walks to nurture: infinitely many (loop at line 48); 36 loop-free
                loop at line 48: '-> pain' goes back to question 'pain' (line 45)
                the 2 shortest:
                  1. 5 questions
                     role = "Economic buyer" → tool = yes → team_size (number) → pain = no → kind = "Timing"
                  2. 5 questions
                     role = "Economic buyer" → tool = no → team_size (number) → pain = no → kind = "Timing"

                """)
    }

    /// The output shown after `$ command` in docs/analysis.md, up to the end of its block.
    static func documented(_ command: String) -> String? {
        let url = Golden.root.appendingPathComponent("docs/analysis.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "$ " + command[...]) else { return nil }
        let block = lines[(start + 1)...].prefix { $0 != "```" }
        return block.joined(separator: "\n") + "\n"
    }

    @Test func theDocsShowWhatTheCommandPrints() throws {
        let analysis = try WalkCounterTests.discovery()
        #expect(
            Self.documented("playbook paths playbooks/discovery.playbook")
                == analysis.report(turnsPerWalk: PathReport.turnsShown).text(words: Self.english))
        #expect(
            Self.documented("playbook paths --to nurture --limit 3 playbooks/discovery.playbook")
                == analysis.examples(to: "nurture", limit: 3, turnsPerWalk: PathReport.turnsShown)?.text(words: Self.english))
    }
}
