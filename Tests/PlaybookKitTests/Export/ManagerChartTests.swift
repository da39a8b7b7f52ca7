import Foundation
import Testing

@testable import PlaybookKit

/// The chart a manager reads, drawn by default: decisions only where the walk branches, plain
/// questions as boxes, conditions in words, no `set`s or exit criteria; `--detail` keeps them.
struct ManagerChartTests {
    static let shapes = """
        playbook "Shapes"
          outcomes won, lost

        stage opening "Opening"
          exit when fit "Not a fit yet"
          ask notes "What did they say?" text
          ask size "How many users?" number 1..
          ask mood "How do they feel?" scale 1..5
          ask pick "Pick one" choice
            "A"
              set c = 1
            "B"
              set c = 2
          ask fit "Is it a fit?" yes/no
            no -> end lost "No fit"
          if size > 100
            set big = yes
          if size > 1000 and mood <= 2 -> end won "Large"
          end lost "Small"
        """

    @Test func questionsThatDoNotBranchAreBoxes() throws {
        let chart = Flowchart(try GraphFixtures.program(Self.shapes))
        for text in ["What did they say?", "How many users?", "How do they feel?", "Pick one"] {
            #expect(chart.nodes[try FlowchartTests.node(chart, text)].kind == .plainQuestion, "\(text)")
        }
        let fit = try FlowchartTests.node(chart, "Is it a fit?")
        #expect(chart.nodes[fit].kind == .question)
        #expect(FlowchartTests.edges(chart, from: fit).map(\.labels) == [["yes"], ["no"]])
        // In every format: a box, not a diamond.
        let pick = try FlowchartTests.node(chart, "Pick one")
        #expect(Mermaid.render(chart).contains("n\(pick)[\"Pick one\"]"))
        #expect(Mermaid.render(chart).contains("n\(fit){\"Is it a fit?\"}"))
        #expect(Dot.render(chart).contains("n\(pick) [label=\"Pick one\", shape=box"))
        let svg = SVG.render(chart)
        let box = try #require(svg.components(separatedBy: "<title>Pick one</title>").dropFirst().first)
        #expect(box.hasPrefix("<rect"))
        let diamond = try #require(svg.components(separatedBy: "<title>Is it a fit?</title>").dropFirst().first)
        #expect(diamond.hasPrefix("<polygon"))
        // With --detail, a choice whose options set different values still goes one way: a box
        // whose arrow carries the sets.
        let detail = Flowchart(try GraphFixtures.program(Self.shapes), detail: true)
        let detailPick = try FlowchartTests.node(detail, "Pick one")
        #expect(detail.nodes[detailPick].kind == .plainQuestion)
        #expect(FlowchartTests.edges(detail, from: detailPick).map(\.labels) == [["A · set c = 1", "B · set c = 2"]])
    }

    @Test func setsExitCriteriaAndIfsThatOnlySetAreLeftOut() throws {
        let chart = Flowchart(try GraphFixtures.program(Self.shapes))
        #expect(!chart.nodes.contains { $0.kind == .set || $0.kind == .gate })
        #expect(!chart.edges.contains { $0.labels.contains { $0.contains("set ") } })
        #expect(!chart.nodes.contains { $0.lines.contains { $0.contains("big") } })
        let check = try FlowchartTests.node(chart, "check size, mood")
        #expect(chart.nodes[check].kind == .condition)
        #expect(FlowchartTests.edges(chart, from: check).map(\.labels) == [["yes"], ["no"]])
        // The question before the `if` that only sets goes straight on to the next `if`.
        let fit = try FlowchartTests.node(chart, "Is it a fit?")
        #expect(FlowchartTests.edges(chart, from: fit).contains { $0.to == check })

        let detail = Flowchart(try GraphFixtures.program(Self.shapes), detail: true)
        #expect(detail.nodes.contains { $0.kind == .gate && $0.lines == ["exit when fit"] })
        #expect(detail.nodes.contains { $0.kind == .condition && $0.lines == ["if size > 100"] })
        #expect(detail.nodes.contains { $0.kind == .condition && $0.lines == ["if size > 1000 and mood <= 2"] })
    }

    @Test func outcomeNamesReadAsWords() throws {
        let chart = Flowchart(try GraphFixtures.named("sales-process-en"))
        #expect(chart.nodes.contains { $0.lines.first?.hasPrefix("○ nurture: ") == true })
        #expect(chart.nodes.contains { $0.detail.hasPrefix("disqualified: ") })
        let vi = Flowchart(try GraphFixtures.named("sales-process-vi"))
        #expect(vi.nodes.contains { $0.lines.first?.hasPrefix("○ nuôi dưỡng: ") == true })
        let detail = Flowchart(try GraphFixtures.named("sales-process-vi"), detail: true)
        #expect(detail.nodes.contains { $0.lines.first?.hasPrefix("○ nuôi_dưỡng: ") == true })
    }

    /// A library has flows and no stages: its chart is its flows, each a cluster, under its file's
    /// name.
    @Test func aLibraryDrawsItsFlows() throws {
        let program = try GraphFixtures.named("objection-library")
        #expect(program.stages.isEmpty)
        let chart = Flowchart(program)
        #expect(chart.title == "objection-library")
        #expect(chart.clusters.count == program.flows.count)
        #expect(chart.clusters.allSatisfy { $0.kind == .flow })
        #expect(chart.clusters.first?.heading == "flow · Handle an objection")
        #expect(chart.nodes.count > 40)
        #expect(chart.nodes.filter { $0.kind == .return }.count == program.flows.count)
        let layout = SVGLayout(chart)
        #expect(layout.lanes.count == program.flows.count)
        #expect(layout.height > 200)
    }
}
