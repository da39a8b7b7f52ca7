import Foundation
import Testing

@testable import PlaybookKit

/// One picture to compare with its golden file in `Fixtures/graph/`.
struct GraphGolden: Sendable, CustomTestStringConvertible {
    enum Format: String, Sendable {
        case mermaid, dot, svg
    }

    var playbook: String
    var format: Format
    /// The stage id, for a picture of one stage.
    var stage: String?
    var detail = false

    var file: String {
        let base = playbook + (stage.map { "-\($0)" } ?? "") + (detail ? "-detail" : "")
        return format == .mermaid ? "\(base).mermaid.md" : "\(base).\(format.rawValue)"
    }

    var testDescription: String { file }

    func render(_ program: Program) throws -> String {
        let index = try stage.map { try #require(program.stage(named: $0)) }
        let chart = Flowchart(program, stage: index, detail: detail)
        switch format {
        case .mermaid: return Mermaid.render(chart)
        case .dot: return Dot.render(chart)
        case .svg: return SVG.render(chart)
        }
    }
}

/// Golden pictures: re-record with PLAYBOOK_RECORD=1 after a change meant to alter them, and look
/// at the SVGs before committing them (rsvg-convert FILE.svg -o FILE.png). Besides the fixtures,
/// the shipped seven-step processes in Vietnamese, Hebrew and Chinese, the Thai sales cycle and the
/// objection library.
struct GraphGoldenTests {
    static let cases: [GraphGolden] =
        ["discovery", "seven-stages", "languages"].flatMap { name in
            [GraphGolden.Format.mermaid, .dot, .svg].map { GraphGolden(playbook: name, format: $0) }
        } + [
            GraphGolden(playbook: "discovery", format: .mermaid, stage: "problem"),
            GraphGolden(playbook: "discovery", format: .svg, stage: "problem"),
            GraphGolden(playbook: "discovery", format: .mermaid, detail: true),
            GraphGolden(playbook: "discovery", format: .dot, detail: true),
            GraphGolden(playbook: "discovery", format: .svg, detail: true),
        ] + ["sales-process-vi", "sales-process-he", "sales-process-zh", "sales-cycle-th", "objection-library"].map {
            GraphGolden(playbook: $0, format: .svg)
        }

    @Test(arguments: cases)
    func pictureMatchesGolden(_ golden: GraphGolden) throws {
        let program = try GraphFixtures.named(golden.playbook)
        Golden.assert(try golden.render(program), matches: GraphFixtures.folder.appendingPathComponent(golden.file))
    }

    /// The example of docs/graph.md is what the tool prints for the playbook shown there.
    @Test func docsExampleIsTheToolsOutput() throws {
        let text = try String(contentsOf: Golden.root.appendingPathComponent("docs/graph.md"), encoding: .utf8)
        let example = try #require(text.components(separatedBy: "## Example\n").last)
        let playbook = try #require(example.components(separatedBy: "```playbook\n").dropFirst().first?
            .components(separatedBy: "```\n").first)
        let mermaid = try #require(example.components(separatedBy: "```mermaid\n").dropFirst().first?
            .components(separatedBy: "```\n").first)
        let program = try GraphFixtures.program(playbook)
        #expect(Mermaid.render(Flowchart(program)) == "```mermaid\n" + mermaid + "```\n")
    }

    @Test func picturesAreTheSameEveryTime() throws {
        let program = try GraphFixtures.discovery()
        let first = SVG.render(Flowchart(program))
        for _ in 0..<3 { #expect(SVG.render(Flowchart(program)) == first) }
        #expect(Mermaid.render(Flowchart(program)) == Mermaid.render(Flowchart(program)))
    }
}
