import Testing

@testable import PlaybookKit

/// The model every format is drawn from: what becomes a node, what an arrow, and with which words.
struct FlowchartTests {
    static func node(_ chart: Flowchart, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        try #require(chart.nodes.firstIndex { $0.lines.joined(separator: " ").contains(text) }, "no node with '\(text)'", sourceLocation: sourceLocation)
    }

    static func edges(_ chart: Flowchart, from: Int) -> [Flowchart.Edge] {
        chart.edges.filter { $0.from == from }
    }

    @Test func discoveryHasAClusterPerStageThenTheCalledFlow() throws {
        let chart = Flowchart(try GraphFixtures.discovery())
        #expect(chart.title == "Discovery Call (SPIN)")
        #expect(chart.clusters.map(\.heading) == [
            "1 · Situation", "2 · Problem", "3 · Implication", "4 · Need-payoff", "5 · Follow-up",
            "flow · Handle an objection",
        ])
        #expect(chart.clusters.map(\.kind) == [.stage, .stage, .stage, .stage, .stage, .flow])
        // Nodes come cluster by cluster.
        let clusters = chart.nodes.compactMap(\.cluster)
        #expect(clusters == clusters.sorted())
        #expect(chart.nodes.allSatisfy { $0.cluster != nil })
        for node in chart.nodes { for line in node.lines { #expect(ShortLine.cells(line) <= ShortLine.maxCells) } }
    }

    /// Flows declared in the reverse of the order they call each other in are all drawn, in the
    /// order they are declared, and one never called is not; a choice with many options to
    /// different outcomes has an arrow per outcome, in the order of the options.
    @Test func calledFlowsAndManyArrowsAreDrawnInOrder() throws {
        var text = "playbook \"P\"\n  outcomes won, lost\n\nstage s \"S\"\n  ask pick \"Pick\" choice\n"
        for index in 0..<300 { text += "    \"O\(index)\" -> end \(index % 2 == 0 ? "won" : "lost") \"r\(index)\"\n" }
        text += "    \"Call\"\n      call f0\n  end won \"after\"\n\nflow spare\n  return\n\n"
        for index in (0..<50).reversed() {
            text += "flow f\(index)\n" + (index + 1 < 50 ? "  call f\(index + 1)\n" : "") + "  return\n\n"
        }
        let chart = Flowchart(try WalkTests.program(text))
        #expect(chart.clusters.map(\.name) == ["s"] + (0..<50).reversed().map { "f\($0)" })
        let pick = try Self.node(chart, "Pick")
        let arrows = Self.edges(chart, from: pick)
        #expect(arrows.count == 301)
        #expect(arrows.prefix(300).map { chart.nodes[$0.to].detail } == (0..<300).map { "\($0 % 2 == 0 ? "won" : "lost"): r\($0)" })
    }

    @Test func setsReachedByOneArrowAreWrittenOnItWithDetail() throws {
        let chart = Flowchart(try GraphFixtures.discovery(), detail: true)
        #expect(!chart.nodes.contains { $0.kind == .set })
        let role = try Self.node(chart, "Who are you talking to?")
        let tool = try Self.node(chart, "Do they already use a competing product?")
        let edges = Self.edges(chart, from: role)
        #expect(edges.count == 2)
        let merged = try #require(edges.first { $0.to == tool })
        #expect(merged.labels == [
            "Economic buyer · set authority = 3", "Champion · set authority = 2", "End user · set authority = 1",
        ])
        let out = try #require(edges.first { $0.to != tool })
        #expect(out.labels == ["Not the right person"])
        #expect(chart.nodes[out.to].kind == .outcome(.bad))
        #expect(chart.nodes[out.to].lines == ["✗ disqualified: No access to the buying…"])
        #expect(chart.nodes[out.to].detail == "disqualified: No access to the buying group")
    }

    @Test func questionsAndConditionsBranchWithTheirAnswers() throws {
        let chart = Flowchart(try GraphFixtures.discovery(), detail: true)
        let condition = try Self.node(chart, "if cost < 5000 and urgency <= 2")
        #expect(chart.nodes[condition].kind == .condition)
        let edges = Self.edges(chart, from: condition)
        #expect(edges.map(\.labels) == [["yes"], ["no · set deal_size = team_size * 120"]])
        #expect(chart.nodes[edges[0].to].kind == .outcome(.other))
        // A question whose answers all go to the next step has one plain arrow.
        let size = try Self.node(chart, "How many people would use it?")
        #expect(Self.edges(chart, from: size).map(\.labels) == [[]])
        // `no -> next` in the last-but-one stage goes to the next stage's first question.
        let demo = try Self.node(chart, "Did the buyer agree to a demo?")
        let later = try Self.node(chart, "Will the buyer talk again next quarter?")
        #expect(Self.edges(chart, from: demo).contains { $0.to == later && $0.labels == ["no"] })
    }

    @Test func callsPointAtTheFlowAndJumpsBack() throws {
        let chart = Flowchart(try GraphFixtures.discovery())
        let call = try Self.node(chart, "call Handle an objection")
        #expect(chart.nodes[call].kind == .call)
        let pain = try Self.node(chart, "Did the buyer describe")
        let kind = try Self.node(chart, "What is the objection?")
        let edges = Self.edges(chart, from: call)
        #expect(edges.contains { $0.to == pain && $0.kind == .flow }, "the jump back to 'pain'")
        #expect(edges.contains { $0.to == kind && $0.kind == .call })
        #expect(chart.nodes[kind].cluster == chart.clusters.count - 1)
        let returns = chart.nodes.filter { $0.kind == .return }
        #expect(returns.count == 1)
    }

    @Test func leavingAStageWithExitCriteriaPassesItsGateWithDetail() throws {
        let chart = Flowchart(try GraphFixtures.discovery(), detail: true)
        let gate = try Self.node(chart, "exit when pain")
        #expect(chart.nodes[gate].kind == .gate)
        #expect(chart.nodes[gate].cluster == 1)
        #expect(chart.nodes[gate].detail == "exit when pain: The buyer has not described a problem yet.")
        let note = try Self.node(chart, "Write the problem down")
        #expect(chart.edges.filter { $0.to == gate }.map(\.from) == [note])
        let cost = try Self.node(chart, "Yearly cost of the problem")
        #expect(Self.edges(chart, from: gate).map(\.to) == [cost])
    }

    @Test func oneStageHasStubsForTheStagesItLeadsTo() throws {
        let program = try GraphFixtures.discovery()
        let implication: Int = try #require(program.stage(named: "implication"))
        let chart = Flowchart(program, stage: implication)
        #expect(chart.title == "Discovery Call (SPIN) · stage Implication")
        #expect(chart.clusters.map(\.heading) == ["3 · Implication"])
        let stubs = chart.nodes.filter { $0.kind == .stub }
        #expect(stubs.map(\.lines) == [["→ 5 · Follow-up"], ["→ 4 · Need-payoff"]])
        #expect(stubs.allSatisfy { $0.cluster == nil })
        // Calls stay as nodes, without the flow.
        let problemIndex: Int = try #require(program.stage(named: "problem"))
        let problem = Flowchart(program, stage: problemIndex)
        #expect(problem.clusters.count == 1)
        #expect(problem.nodes.contains { $0.kind == .call })
        #expect(!problem.edges.contains { $0.kind == .call })
        #expect(problem.nodes.filter { $0.kind == .stub }.map(\.lines) == [["→ 3 · Implication"]])
    }

    @Test func unusualShapes() throws {
        let program = try GraphFixtures.program(
            """
            playbook "Shapes"
              outcomes won, lost

            stage empty "Nothing yet"

            stage opening "Opening"
              set a = 1
              set b = a + 1
              buyer
                "One"
                "Two"
                "Three"
              ask pick "Pick one" choice
                "A"
                  set c = 1
                "B"
                  set c = 2
                "C"
                  set c = 3
                "D"
                  set c = 4
                "E"
                  set c = 5
              ask plain "Plain choice" choice
                "X"
                "Y"
              if c > 2 -> end won "Big"
              end lost "Small"

            stage closing "Closing"
              exit when a > 0 "Never checked: nothing leaves the last stage"
              end won "Unreachable"
            """)
        let chart = Flowchart(program, detail: true)
        let empty = try Self.node(chart, "(no steps)")
        #expect(chart.nodes[empty].kind == .empty)
        let first = try Self.node(chart, "set a = 1")
        #expect(Self.edges(chart, from: empty).map(\.to) == [first])
        // Sets at the start of a stage are drawn: no arrow to write them on.
        #expect(chart.nodes.filter { $0.kind == .set }.map(\.lines) == [["set a = 1"], ["set b = a + 1"]])
        let buyer = try Self.node(chart, "buyer “One”")
        #expect(chart.nodes[buyer].lines == ["buyer “One”", "“Two”", "+1 more"])
        #expect(chart.nodes[buyer].detail == "One\nTwo\nThree")
        let pick = try Self.node(chart, "Pick one")
        #expect(Self.edges(chart, from: pick).map(\.labels) == [[
            "A · set c = 1", "B · set c = 2", "C · set c = 3", "+2 more",
        ]])
        let plain = try Self.node(chart, "Plain choice")
        #expect(Self.edges(chart, from: plain).map(\.labels) == [[]])
        // The last stage's exit criteria are never checked, but shown.
        let note = try Self.node(chart, "exit when a > 0")
        #expect(chart.nodes[note].cluster == 2)
        #expect(!chart.edges.contains { $0.from == note || $0.to == note })
        #expect(chart.nodes.filter { if case .outcome = $0.kind { true } else { false } }.count == 3)
    }
}
