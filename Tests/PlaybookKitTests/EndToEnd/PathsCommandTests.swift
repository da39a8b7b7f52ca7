import Foundation
import Testing

/// `playbook paths` run as a user runs it: output, errors and exit status.
struct PathsCommandTests {
    typealias Workspace = CommandLineTests.Workspace

    static func sample() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        return workspace
    }

    @Test func theReportOnTheReferenceSample() throws {
        let run = try Self.sample().run(["paths", "discovery.playbook"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Discovery Call (SPIN): walks from the first stage to each outcome\n"))
        #expect(run.stdout.contains("  disqualified  1\n"))
        #expect(run.stdout.contains("  in all        infinitely many (loop at line 48); 91 loop-free\n"))
        // The objection is asked in objections.playbook, and says so only where it matters.
        #expect(run.stdout.contains("pain = no → kind = \"Timing\"\n"))
        #expect(run.stdout.hasSuffix("asked on every walk: role (line 21)\n"))
    }

    @Test func jsonIsOneDocumentWithCountsAsStrings() throws {
        let run = try Self.sample().run(["paths", "--format", "json", "discovery.playbook"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["file"] as? String == "discovery.playbook")
        let total = try #require(document["total"] as? [String: Any])
        #expect(total["loopFreeWalks"] as? String == "91")
        #expect(total["infinite"] as? Bool == true)
        let outcomes = try #require(document["outcomes"] as? [[String: Any]])
        #expect(outcomes.compactMap { $0["outcome"] as? String } == ["won", "lost", "nurture", "disqualified"])
        #expect(outcomes.last?["walks"] as? String == "1")
    }

    @Test func examplesToAnOutcome() throws {
        let run = try Self.sample().run(["paths", "--to", "nurture", "--limit", "3", "discovery.playbook"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("walks to nurture: infinitely many (loop at line 48); 36 loop-free\n"))
        #expect(run.stdout.contains("the 3 shortest:\n  1. 5 questions\n"))
        #expect(run.stdout.contains("  3. 5 questions\n     role = \"Champion\" → tool = yes"))
        #expect(!run.stdout.contains("  4. "))
        let json = try Self.sample().run(["paths", "--to=disqualified", "--format=json", "discovery.playbook"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((document["examples"] as? [Any])?.count == 1)
    }

    @Test func anUnknownOutcomeIsAUsageErrorWithASuggestion() throws {
        let run = try Self.sample().run(["paths", "--to", "wom", "discovery.playbook"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(
            run.stderr.hasPrefix(
                "playbook: 'wom' is not an outcome of discovery.playbook (did you mean 'won'?); its outcomes are: won, lost, nurture, disqualified\n"
            ), "\(run.stderr)")
    }

    @Test func aPlaybookWithErrorsPrintsThemAndExitsOne() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["paths", "broken.playbook"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error[PB0202]: there is no stage or question 'folowup' to jump to"))
        #expect(run.stderr.contains("fix them before analysing its walks ('playbook check broken.playbook')"))
    }

    @Test func badUsageExitsTwo() throws {
        let workspace = try Self.sample()
        let cases: [([String], String)] = [
            (["paths"], "paths needs a playbook file"),
            (["paths", "a.playbook", "b.playbook"], "paths takes one playbook file"),
            (["paths", "--limit", "3", "discovery.playbook"], "--limit goes with --to"),
            (["paths", "--to", "won", "--limit", "0", "discovery.playbook"], "--limit takes a whole number from 1 up (not '0')"),
            (["paths", "--format", "xml", "discovery.playbook"], "--format takes one of: human, json (not 'xml')"),
            (["paths", "missing.playbook"], "cannot read 'missing.playbook'"),
            (["paths", "objections.playbook"], "'objections.playbook' has no stages"),
        ]
        for (words, message) in cases {
            let run = try workspace.run(words)
            #expect(run.status == 2, "\(words)")
            #expect(run.stderr.contains(message), "\(words): \(run.stderr)")
        }
    }

    @Test func helpListsTheOptions() throws {
        let workspace = try Workspace()
        let run = try workspace.run(["paths", "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("usage: playbook paths [options] FILE\n"))
        for option in ["--to OUTCOME", "--limit N", "--format FORMAT"] { #expect(run.stdout.contains(option)) }
        #expect(try workspace.run(["--help"]).stdout.contains("  paths FILE "))
        #expect(try workspace.run(["pahts"]).stderr.contains("did you mean 'paths'?"))
    }
}
