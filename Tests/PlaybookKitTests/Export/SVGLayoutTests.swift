import Foundation
import Testing

@testable import PlaybookKit

/// The geometry of the SVG picture, measured on the layout: boxes and labels never overlap, no
/// arrow runs through a box or a label, each label stands by its own arrow, arrows keep to right
/// angles, and a seven-stage playbook comes out the shape of a slide.
struct SVGLayoutTests {
    typealias Box = SVGLayout.Box
    typealias Point = SVGLayout.Point

    /// A box shrunk by `by` on every side: touching is not overlapping.
    static func inner(_ box: Box, by: Double = 1) -> Box {
        Box(x: box.x, y: box.y, width: max(0, box.width - 2 * by), height: max(0, box.height - 2 * by))
    }

    static func overlap(_ a: Box, _ b: Box) -> Bool {
        abs(a.x - b.x) * 2 < a.width + b.width && abs(a.y - b.y) * 2 < a.height + b.height
    }

    /// Whether the segment from `a` to `b` (horizontal or vertical) passes through the box.
    static func crosses(_ a: Point, _ b: Point, _ box: Box) -> Bool {
        let (left, right) = (min(a.x, b.x), max(a.x, b.x))
        let (top, bottom) = (min(a.y, b.y), max(a.y, b.y))
        return left < box.right && right > box.left && top < box.bottom && bottom > box.top
    }

    /// What a layout placed, as values a test may change.
    struct Drawing {
        var chart: Flowchart
        var nodes: [Box]
        var labels: [Box?]
        var edges: [[Point]]
        var lanes: [SVGLayout.Lane]
        var width: Double
        var height: Double

        init(_ chart: Flowchart) {
            let layout = SVGLayout(chart)
            self.chart = layout.chart
            nodes = layout.nodes
            labels = layout.labels
            edges = layout.edges
            lanes = layout.lanes
            width = layout.width
            height = layout.height
        }
    }

    static func problems(_ chart: Flowchart) -> [String] { problems(Drawing(chart)) }

    /// Everything `expectTidy` checks, as messages; empty when the layout is tidy.
    static func problems(_ layout: Drawing) -> [String] {
        let chart = layout.chart
        var found: [String] = []
        let named = layout.nodes.enumerated().map { ($0.element, "node \($0.offset) '\(chart.nodes[$0.offset].lines.first ?? "")'") }
            + layout.labels.enumerated().compactMap { index, box in box.map { ($0, "label '\(chart.edges[index].labels.first ?? "")'") } }
        // Sorted by top, so that only near neighbours are compared.
        let boxes = named.sorted { $0.0.top < $1.0.top }
        for (index, (box, name)) in boxes.enumerated() {
            for (other, otherName) in boxes[(index + 1)...] {
                if other.top >= box.bottom { break }
                if overlap(inner(box), inner(other)) { found.append("\(name) overlaps \(otherName)") }
            }
            if box.left < 0 || box.right > layout.width || box.top < 0 || box.bottom > layout.height {
                found.append("\(name) is outside the picture")
            }
        }
        for (index, node) in chart.nodes.enumerated() {
            let box = layout.nodes[index]
            guard let lane = layout.lanes.first(where: { $0.cluster == node.cluster }) else {
                found.append("node \(index) has no column")
                continue
            }
            if box.left < lane.left || box.right > lane.right || box.top < lane.headingBottom || box.bottom > lane.bottom {
                found.append("node \(index) '\(node.lines.first ?? "")' is outside its column")
            }
        }
        for (index, edge) in chart.edges.enumerated() {
            let points = layout.edges[index]
            guard let first = points.first, let last = points.last, points.count >= 2 else {
                found.append("arrow \(index) has no line")
                continue
            }
            let (from, to) = (layout.nodes[edge.from], layout.nodes[edge.to])
            let onTop = abs(last.x - to.x) < 0.01 && abs(last.y - to.top) < 0.01
            let onSide = abs(last.y - to.y) < 0.01 && (abs(last.x - to.left) < 0.01 || abs(last.x - to.right) < 0.01)
            if !onTop && !onSide { found.append("arrow \(index) does not end on its target") }
            if !(abs(first.y - from.bottom) < 0.01 || abs(first.y - from.y) < 0.01) { found.append("arrow \(index) does not start on its box") }
            for (a, b) in zip(points, points.dropFirst()) {
                if a.x != b.x && a.y != b.y { found.append("arrow \(index) has a slanted part \(a) → \(b)") }
                for (other, box) in layout.nodes.enumerated() where crosses(a, b, inner(box, by: 2)) {
                    if (other == edge.from && a.x == first.x && a.y == first.y) || (other == edge.to && b.x == last.x && b.y == last.y) { continue }
                    found.append("arrow \(index) runs through node \(other) '\(chart.nodes[other].lines.first ?? "")'")
                }
                for (other, box) in layout.labels.enumerated() {
                    guard let box, crosses(a, b, inner(box)) else { continue }
                    found.append("arrow \(index) runs through the label '\(chart.edges[other].labels.first ?? "")'")
                }
            }
            // A label stands by its own arrow, near where it leaves its box.
            if let label = layout.labels[index] {
                let near = points.prefix(4).contains { abs($0.x - label.left) <= 8 || abs($0.x - label.right) <= 8 }
                if !near { found.append("the label '\(edge.labels.first ?? "")' is not by its arrow") }
            }
        }
        // A decision's two answers are never set side by side under it: one goes on below, the
        // other leaves from a side corner.
        for (node, info) in chart.nodes.enumerated() where info.kind == .question || info.kind == .condition {
            let below = chart.edges.indices.filter { chart.edges[$0].from == node }.compactMap { layout.labels[$0] }
                .filter { $0.top >= layout.nodes[node].bottom - 0.5 }
            let answers = chart.edges.filter { $0.from == node && !$0.labels.isEmpty }.count
            if answers <= 3, below.count > 1 { found.append("node \(node) '\(info.lines.first ?? "")' has \(below.count) labels side by side under it") }
        }
        for (upper, lower) in zip(layout.lanes, layout.lanes.dropFirst()) where upper.top == lower.top {
            if upper.right > lower.left && !chart.words.rightToLeft { found.append("columns overlap") }
        }
        return found
    }

    static func expectTidy(_ chart: Flowchart, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let found = problems(chart)
        #expect(found.isEmpty, "\(name): \(found.prefix(8).joined(separator: "; "))", sourceLocation: sourceLocation)
    }

    /// The programs of every shipped playbook, libraries included.
    static func shipped(_ name: String) throws -> Program {
        try #require(Program(ShippedPlaybooksTests.checked(name)), "\(name) does not check")
    }

    @Test(arguments: ShippedPlaybooksTests.playbooks)
    func everyShippedPictureIsTidy(_ name: String) throws {
        let program = try Self.shipped(name)
        for detail in [false, true] {
            Self.expectTidy(Flowchart(program, detail: detail), name + (detail ? " --detail" : ""))
            for stage in program.stages.indices {
                Self.expectTidy(Flowchart(program, stage: stage, detail: detail), "\(name) --stage \(stage + 1)")
            }
        }
    }

    /// The seven-step processes of every language, and the other seven-stage playbooks, come out
    /// near the shape of a 16:9 slide: one band of seven columns, the flows under them. Drawn as a
    /// lane per stage, one under the other, the Vietnamese one was 1649 × 7180.
    @Test(arguments: ShippedPlaybooksTests.playbooks)
    func sevenStagesFitASlide(_ name: String) throws {
        let program = try Self.shipped(name)
        guard program.stages.count == 7 else { return }
        let layout = SVGLayout(Flowchart(program))
        let ratio = layout.width / layout.height
        #expect((1.3...2.2).contains(ratio), "\(name): \(Int(layout.width)) × \(Int(layout.height)), \(ratio)")
        #expect(Set(layout.lanes.filter { layout.chart.clusters[$0.cluster].kind == .stage }.map(\.top)).count == 1, "\(name): the stages are not in one band")
    }

    @Test(arguments: ["discovery", "seven-stages", "languages"])
    func fixturePicturesAreTidy(_ name: String) throws {
        let program = try GraphFixtures.named(name)
        Self.expectTidy(Flowchart(program), name)
        Self.expectTidy(Flowchart(program, detail: true), name + " --detail")
    }

    @Test func twoHundredStagesAreTidy() throws {
        let program = try GraphFixtures.program(GraphFixtures.generated(stages: 200))
        Self.expectTidy(Flowchart(program), "200 stages")
    }

    /// The tidiness check finds what it looks for: a label moved onto its arrow, a box moved onto
    /// another, and a slanted arrow are each reported.
    @Test func theCheckCanFail() throws {
        let tidy = Drawing(Flowchart(try GraphFixtures.discovery()))
        #expect(Self.problems(tidy).isEmpty)
        var labelOnLine = tidy
        let labelled = try #require(tidy.labels.firstIndex { $0 != nil })
        let line = tidy.edges[labelled]
        labelOnLine.labels[labelled]?.x = line[line.count - 1].x
        labelOnLine.labels[labelled]?.y = line[line.count - 1].y - 12
        #expect(Self.problems(labelOnLine).contains { $0.contains("runs through the label") })
        var stacked = tidy
        stacked.nodes[1] = tidy.nodes[0]
        #expect(Self.problems(stacked).contains { $0.contains("overlaps") })
        var slanted = tidy
        slanted.edges[0][0].x -= 5
        #expect(Self.problems(slanted).contains { $0.contains("slanted") || $0.contains("does not start") })
    }
}
