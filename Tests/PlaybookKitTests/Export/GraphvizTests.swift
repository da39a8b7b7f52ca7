import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import PlaybookKit

/// The DOT output is drawn by Graphviz itself, and the texts Graphviz draws are the texts of the
/// chart: what DOT escaping promises, checked by the program that reads it.
struct GraphvizTests {
    static let dot = "/usr/bin/dot"
    static let installed = FileManager.default.isExecutableFile(atPath: dot)

    /// Runs `dot -Tsvg` on the text; its exit status, standard output and standard error.
    static func graphviz(_ source: String) throws -> (status: Int32, svg: String, errors: String) {
        let run = try ChildProcess.run(URL(fileURLWithPath: dot), ["-Tsvg"], input: source)
        return (run.status, run.stdout, run.stderr)
    }

    @Test(
        .enabled(if: installed, "Graphviz is not installed (no /usr/bin/dot): apt-get install graphviz to run this test"),
        arguments: ["discovery", "seven-stages", "languages"])
    func graphvizDrawsTheDot(_ name: String) throws {
        let program = try GraphFixtures.named(name)
        for stage in [nil] + program.stages.indices.map(Optional.some) {
            let chart = Flowchart(program, stage: stage)
            let run = try Self.graphviz(Dot.render(chart))
            #expect(run.status == 0, "dot failed: \(run.errors)")
            #expect(run.errors.isEmpty, "dot warned: \(run.errors)")
            let drawn = try SVGTests.parse(run.svg).texts
            // Graphviz draws each line of a label as a text of its own.
            var expected = [chart.title] + chart.clusters.map(\.heading) + chart.edges.flatMap(\.labels)
            for node in chart.nodes {
                expected += node.kind == .question || node.kind == .condition
                    ? node.lines.flatMap { ShortLine.wrap($0, width: Dot.decisionWidth) } : node.lines
            }
            for text in expected { #expect(drawn.contains(text), "Graphviz drew no '\(text)'") }
        }
    }
}
