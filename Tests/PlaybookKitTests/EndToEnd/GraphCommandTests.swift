import Foundation
import Testing

/// `playbook graph` as a user runs it: formats, --stage, --output, and the exit status.
struct GraphCommandTests {
    typealias Workspace = CommandLineTests.Workspace

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: GraphFixtures.folder.appendingPathComponent(name), encoding: .utf8)
    }

    static func discovery() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        return workspace
    }

    @Test func mermaidIsTheDefault() throws {
        let run = try Self.discovery().run(["graph", "discovery.playbook"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("```mermaid\nflowchart TB\n"))
        #expect(run.stdout == (try Self.golden("discovery.mermaid.md")))
    }

    @Test func eachFormatMatchesItsGolden() throws {
        let workspace = try Self.discovery()
        let dot = try workspace.run(["graph", "--format", "dot", "discovery.playbook"])
        #expect(dot.status == 0)
        #expect(dot.stdout == (try Self.golden("discovery.dot")))
        let stage = try workspace.run(["graph", "--stage=problem", "discovery.playbook"])
        #expect(stage.status == 0)
        #expect(stage.stdout == (try Self.golden("discovery-problem.mermaid.md")))
    }

    @Test func outputGoesToAFile() throws {
        let workspace = try Self.discovery()
        let run = try workspace.run(["graph", "--format", "svg", "--output", "discovery.svg", "discovery.playbook"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.isEmpty)
        let written = try String(contentsOf: workspace.folder.appendingPathComponent("discovery.svg"), encoding: .utf8)
        #expect(written == (try Self.golden("discovery.svg")))
        // An existing file is replaced, not appended to.
        let again = try workspace.run(["graph", "--format", "svg", "--output", "discovery.svg", "discovery.playbook"])
        #expect(again.status == 0)
        #expect(try String(contentsOf: workspace.folder.appendingPathComponent("discovery.svg"), encoding: .utf8) == written)
    }

    @Test func detailDrawsTheAuthorsView() throws {
        let workspace = try Self.discovery()
        let run = try workspace.run(["graph", "--detail", "discovery.playbook"])
        #expect(run.status == 0)
        #expect(run.stdout == (try Self.golden("discovery-detail.mermaid.md")))
        #expect(run.stdout.contains("exit when pain"))
        let plain = try workspace.run(["graph", "discovery.playbook"])
        #expect(!plain.stdout.contains("exit when"))
        #expect(!plain.stdout.contains("set authority"))
    }

    /// A library, flows and nothing else, draws its flows.
    @Test func aLibraryDrawsItsFlows() throws {
        let workspace = try Workspace()
        try workspace.copyShipped("objection-library.playbook")
        let run = try workspace.run(["graph", "--format", "svg", "objection-library.playbook"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let texts = try SVGTests.parse(run.stdout).texts
        #expect(texts.first == "objection-library")
        #expect(texts.contains("flow · Handle an objection"))
        #expect(texts.contains { $0.hasPrefix("Which objection") })
        let mermaid = try workspace.run(["graph", "objection-library.playbook"])
        #expect(mermaid.status == 0)
        #expect(mermaid.stdout.contains("subgraph f1[\"flow · Handle an objection\"]"))
    }

    @Test func aPlaybookWithErrorsIsNotDrawn() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["graph", "broken.playbook"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("error[PB0202]: there is no stage or question 'folowup' to jump to"))
        #expect(run.stderr.contains("broken.playbook has 1 error"))
    }

    @Test func badUsageExitsTwo() throws {
        let workspace = try Self.discovery()
        let stage = try workspace.run(["graph", "--stage", "problm", "discovery.playbook"])
        #expect(stage.status == 2)
        #expect(stage.stderr.contains("discovery.playbook has no stage 'problm'; did you mean 'problem'?"))
        #expect(stage.stderr.contains("situation, problem, implication, need_payoff, followup"))
        let format = try workspace.run(["graph", "--format", "png", "discovery.playbook"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("--format takes one of: mermaid, dot, svg (not 'png')"))
        let missing = try workspace.run(["graph", "nowhere.playbook"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read 'nowhere.playbook'"))
        let none = try workspace.run(["graph"])
        #expect(none.status == 2)
        let two = try workspace.run(["graph", "discovery.playbook", "objections.playbook"])
        #expect(two.status == 2)
        try FileManager.default.createDirectory(
            at: workspace.folder.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let unwritable = try workspace.run(["graph", "--output", "folder", "discovery.playbook"])
        #expect(unwritable.status == 2)
        #expect(unwritable.stderr.contains("cannot write 'folder'"))
        for run in [stage, format, missing, none, two, unwritable] { #expect(run.stdout.isEmpty) }
    }

    @Test func helpNamesEveryOption() throws {
        let run = try Workspace().run(["graph", "--help"])
        #expect(run.status == 0)
        for word in ["usage: playbook graph", "--format", "mermaid", "dot", "svg", "--detail", "--stage", "--output"] {
            #expect(run.stdout.contains(word))
        }
        let main = try Workspace().run(["--help"])
        #expect(main.stdout.contains("graph FILE"))
        let typo = try Workspace().run(["grahp"])
        #expect(typo.stderr.contains("did you mean 'graph'?"))
    }
}
