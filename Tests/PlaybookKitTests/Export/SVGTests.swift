import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import PlaybookKit

/// The SVG is well-formed XML with a viewBox, shows each text as written, and its layout keeps
/// boxes apart, inside their lanes and inside the picture.
struct SVGTests {
    /// What an XML parser finds in a document.
    struct Parsed {
        var root = ""
        var attributes: [String: String] = [:]
        /// The content of each `<text>`, in order.
        var texts: [String] = []
        var elements = 0
    }

    static func parse(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Parsed {
        final class Reader: NSObject, XMLParserDelegate {
            var parsed = Parsed()
            var text: String?
            func parser(
                _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]
            ) {
                if parsed.elements == 0 {
                    parsed.root = name
                    parsed.attributes = attributes
                }
                parsed.elements += 1
                if name == "text" { text = "" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "text", let text {
                    parsed.texts.append(text)
                    self.text = nil
                }
            }
        }
        let parser = XMLParser(data: Data(svg.utf8))
        let reader = Reader()
        parser.delegate = reader
        let ok = parser.parse()
        try #require(ok, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")", sourceLocation: sourceLocation)
        return reader.parsed
    }

    static func expectWellFormed(_ chart: Flowchart, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let svg = SVG.render(chart)
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "), sourceLocation: sourceLocation)
        let parsed = try parse(svg, sourceLocation: sourceLocation)
        #expect(parsed.root == "svg", sourceLocation: sourceLocation)
        #expect(parsed.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
        let layout = SVGLayout(chart)
        let size = "\(Int(layout.width.rounded())) \(Int(layout.height.rounded()))"
        #expect(parsed.attributes["viewBox"] == "0 0 \(size)", sourceLocation: sourceLocation)
        // Every line of every node and label is drawn, as written, in logical order.
        for lines in layout.nodeLines { for line in lines { #expect(parsed.texts.contains(line), "missing \(line)", sourceLocation: sourceLocation) } }
        for edge in chart.edges { for line in edge.labels { #expect(parsed.texts.contains(line), sourceLocation: sourceLocation) } }
    }

    @Test(arguments: ["discovery", "seven-stages", "languages"])
    func svgIsWellFormed(_ name: String) throws {
        let program = try GraphFixtures.named(name)
        try Self.expectWellFormed(Flowchart(program))
        for stage in program.stages.indices { try Self.expectWellFormed(Flowchart(program, stage: stage)) }
    }

    @Test func textInEveryScriptIsKeptAsWritten() throws {
        let chart = Flowchart(try GraphFixtures.fixture("languages"))
        let parsed = try Self.parse(SVG.render(chart))
        #expect(parsed.texts.first == "Đa ngôn ngữ <&> \"quoted\" 'apos' #1 [x] \\ back")
        #expect(parsed.texts.contains("say “Tom & Jerry <b>bold</b> \"quoted\"…”"))
        #expect(parsed.texts.contains("✗ 丢单: 没有预算 <none> & \"无\""))
        // Hebrew stays in logical order: the first letters written are the first in the file.
        #expect(parsed.texts.contains("האם יש ללקוח תקציב?"))
        #expect(parsed.texts.contains { $0.hasPrefix("ลูกค้ามีงบประมาณ") })
        #expect(parsed.texts.contains { $0.contains("Vie\u{0323}\u{0302}t") })
        let svg = SVG.render(chart)
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;b&gt;bold&lt;/b&gt;"))
    }

    @Test func twoHundredStagesAreDrawn() throws {
        let program = try GraphFixtures.program(GraphFixtures.generated(stages: 200))
        #expect(program.stages.count == 200)
        let chart = Flowchart(program)
        #expect(chart.clusters.count == 202)
        try Self.expectWellFormed(chart)
        Self.expectTidy(chart)
    }

    /// Boxes do not overlap one another or any label; each box is inside its lane and the picture;
    /// each arrow ends on the top of its target.
    static func expectTidy(_ chart: Flowchart, sourceLocation: SourceLocation = #_sourceLocation) {
        let layout = SVGLayout(chart)
        typealias Box = SVGLayout.Box
        func overlap(_ a: Box, _ b: Box) -> Bool {
            abs(a.x - b.x) * 2 < a.width + b.width - 0.5 && abs(a.y - b.y) * 2 < a.height + b.height - 0.5
        }
        // Sorted by top, so only near neighbours are compared.
        let boxes = (layout.nodes.map { ($0, "node") } + layout.labels.compactMap { $0.map { ($0, "label") } })
            .sorted { $0.0.top < $1.0.top }
        for (index, (box, kind)) in boxes.enumerated() {
            for (other, otherKind) in boxes[(index + 1)...] {
                if other.top > box.bottom { break }
                #expect(!overlap(box, other), "\(kind) at \(box) overlaps \(otherKind) at \(other)", sourceLocation: sourceLocation)
            }
            #expect(box.left >= 0 && box.left + box.width <= layout.width, sourceLocation: sourceLocation)
            #expect(box.top >= 0 && box.bottom <= layout.height, sourceLocation: sourceLocation)
        }
        for (index, node) in chart.nodes.enumerated() {
            let lane = layout.lanes.first { $0.cluster == node.cluster }
            let box = layout.nodes[index]
            #expect(lane.map { $0.top <= box.top && box.bottom <= $0.bottom } == true, "node \(index) outside its lane", sourceLocation: sourceLocation)
        }
        for (index, edge) in chart.edges.enumerated() {
            let end = layout.edges[index].last
            #expect(end?.x == layout.nodes[edge.to].x && end?.y == layout.nodes[edge.to].top, sourceLocation: sourceLocation)
        }
        // Lanes follow one another without overlapping.
        for (upper, lower) in zip(layout.lanes, layout.lanes.dropFirst()) {
            #expect(upper.bottom < lower.top, sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: ["discovery", "seven-stages", "languages"])
    func layoutIsTidy(_ name: String) throws {
        let program = try GraphFixtures.named(name)
        Self.expectTidy(Flowchart(program))
        for stage in program.stages.indices { Self.expectTidy(Flowchart(program, stage: stage)) }
    }

    @Test func stagesAreStackedInOrder() throws {
        let layout = SVGLayout(Flowchart(try GraphFixtures.discovery()))
        #expect(layout.lanes.map(\.cluster) == [0, 1, 2, 3, 4, 5])
        #expect(layout.lanes.map(\.top) == layout.lanes.map(\.top).sorted())
        #expect(layout.lanes[1].heading == ["2 · Problem"])
    }
    /// A choice whose 400 options jump to 400 questions below it: arrows crossing many rows go
    /// round by a channel, with a few points each. Drawn through a point per row crossed, they
    /// took 400 × 400 points, and the picture grew with the square of the options.
    @Test func arrowsToFarPlacesHaveAFewPointsEach() throws {
        var text = "stage s \"S\"\n  ask pick \"Pick\" choice\n"
        for index in 0..<400 { text += "    \"O\(index)\" -> q\(index)\n" }
        for index in 0..<400 { text += "  ask q\(index) \"Q\(index)?\" yes/no\n" }
        let chart = Flowchart(try WalkTests.program(text + "  end won \"w\"\n"))
        let layout = SVGLayout(chart)
        #expect(layout.edges.count == chart.edges.count)
        #expect(layout.edges.map(\.count).reduce(0, +) <= 60 * 40 + 8 * chart.edges.count)
        try Self.expectWellFormed(chart)
    }
}
