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
        /// The content of each `<text>`, in order, and its attributes.
        var texts: [String] = []
        var textAttributes: [[String: String]] = []
        /// The name of each element, in order.
        var names: [String] = []
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
                parsed.names.append(name)
                if name == "text" {
                    text = ""
                    parsed.textAttributes.append(attributes)
                }
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
        for lines in layout.nodeLines + layout.labelLines {
            for line in lines { #expect(parsed.texts.contains(line), "missing \(line)", sourceLocation: sourceLocation) }
        }
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
        // Each text wrapped over a few lines, in its order.
        #expect(parsed.texts.contains("say “Tom & Jerry"))
        #expect(parsed.texts.contains("<b>bold</b> \"quoted\""))
        #expect(parsed.texts.contains("✗ 丢单: 没有预算"))
        #expect(parsed.texts.contains("<none> & \"无\""))
        // Hebrew stays in logical order: the first letters written are the first in the file.
        #expect(parsed.texts.contains("האם יש ללקוח"))
        #expect(parsed.texts.contains("תקציב? שאלה ארוכה"))
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
    }

    /// Columns in the stages' order, left to right in each band, the bands top to bottom.
    @Test func stagesStandInColumnsInOrder() throws {
        for name in ["discovery", "seven-stages"] {
            let layout = SVGLayout(Flowchart(try GraphFixtures.named(name)))
            #expect(layout.lanes.map(\.cluster) == Array(layout.chart.clusters.indices))
            let reading = layout.lanes.sorted { ($0.top, $0.left) < ($1.top, $1.left) }.map(\.cluster)
            #expect(reading == layout.lanes.map(\.cluster))
            #expect(layout.lanes[1].heading == [name == "discovery" ? "2 · Problem" : "2 · Economic buyer"])
        }
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
