/// The flowchart as a standalone SVG picture, laid out by `SVGLayout`: no Graphviz, no browser,
/// no script. Colours are presentation attributes, not CSS, so that office programs that import
/// SVG show them too; each box has a `<title>` with its whole text, shown on hover. The texts of a
/// right-to-left playbook are written in their logical order with `direction="rtl"`, so that the
/// viewer lays each line out right to left as Hebrew is read.
public enum SVG {
    static let fonts = "Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Thai', 'Noto Sans Hebrew', sans-serif"
    static let ink = "#1f2933"
    static let line = "#52606d"
    static let labelInk = "#243b53"

    public static func render(_ chart: Flowchart) -> String {
        let layout = SVGLayout(chart)
        let chart = layout.chart
        let rtl = chart.words.rightToLeft
        let text = Writer(rightToLeft: rtl)
        let width = number(layout.width)
        let height = number(layout.height)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(fonts)\" font-size=\"12\" role=\"img\">\n"
        out += "<title>\(escape(chart.title))</title>\n"
        out += "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        out += "orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(line)\"/></marker></defs>\n"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        let titleX = rtl ? layout.width - SVGLayout.margin : SVGLayout.margin
        out += text.line(chart.title, x: titleX, y: 28, attributes: "font-size=\"16\" font-weight=\"bold\" fill=\"\(ink)\"") + "\n"

        for (index, lane) in layout.lanes.enumerated() {
            out += self.lane(lane, chart.clusters[lane.cluster], index: index, text: text)
        }
        for points in layout.edges where points.count > 1 {
            let list = points.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            out += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(line)\" stroke-width=\"1.3\" marker-end=\"url(#arrow)\"/>\n"
        }
        for (index, box) in layout.labels.enumerated() {
            guard let box else { continue }
            // Each line starts at the side of the box next to its arrow.
            let x = rtl ? box.right - 4 : box.left + 4
            out += "<g font-size=\"11\" fill=\"\(labelInk)\">"
            for (line, words) in layout.labelLines[index].enumerated() {
                out += text.line(words, x: x, y: box.top + 2 + Double(line) * SVGLayout.labelLineHeight + 11)
            }
            out += "</g>\n"
        }
        for (index, node) in chart.nodes.enumerated() {
            out += self.node(node, box: layout.nodes[index], lines: layout.nodeLines[index], text: text)
        }
        out += legend(layout, text: text)
        return out + "</svg>\n"
    }

    /// `<text>` elements, with the direction of the playbook's language.
    struct Writer {
        let rightToLeft: Bool

        func line(_ content: String, x: Double, y: Double, anchor: String? = nil, attributes: String = "") -> String {
            var out = "<text x=\"\(number(x))\" y=\"\(number(y))\""
            if let anchor { out += " text-anchor=\"\(anchor)\"" }
            if rightToLeft { out += " direction=\"rtl\" unicode-bidi=\"embed\"" }
            if !attributes.isEmpty { out += " " + attributes }
            return out + ">\(escape(content))</text>"
        }
    }

    /// A column: a chevron for a stage (pointing the way the stages are read), a dashed box for a
    /// flow, with the heading; and the body under it.
    private static func lane(_ lane: SVGLayout.Lane, _ cluster: Flowchart.Cluster, index: Int, text: Writer) -> String {
        let flow = cluster.kind == .flow
        let (left, right, top, bottom) = (lane.left, lane.right, lane.top, lane.headingBottom)
        let middle = (top + bottom) / 2
        var out = "<g><title>\(escape(cluster.detail))</title>"
        let body = flow ? "#fbfaf5" : index % 2 == 0 ? "#f7f9fc" : "#eef2f7"
        out += "<rect x=\"\(number(left))\" y=\"\(number(bottom + 4))\" width=\"\(number(right - left))\" "
        out += "height=\"\(number(lane.bottom - bottom - 4))\" rx=\"6\" fill=\"\(body)\" stroke=\"\(flow ? "#a8996b" : "#c3ccd6")\""
        out += flow ? " stroke-dasharray=\"6 4\"/>" : "/>"
        if flow {
            out += "<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(right - left))\" "
            out += "height=\"\(number(bottom - top))\" rx=\"6\" fill=\"#f3efe0\" stroke=\"#a8996b\" stroke-dasharray=\"6 4\"/>"
        } else {
            // The point on the side the next stage is on, a notch on the other.
            let depth = min(12, (bottom - top) / 2)
            let (back, front, sign) = text.rightToLeft ? (right, left, -1.0) : (left, right, 1.0)
            let points = [
                (back, top), (front - sign * depth, top), (front, middle), (front - sign * depth, bottom), (back, bottom),
                (back + sign * depth, middle),
            ]
            let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
            out += "<polygon points=\"\(list)\" fill=\"#dce6f2\" stroke=\"#7b93b0\"/>"
        }
        let first = middle - Double(lane.heading.count) * SVGLayout.headingLineHeight / 2
        for (line, words) in lane.heading.enumerated() {
            let y = first + Double(line) * SVGLayout.headingLineHeight + 13
            out += text.line(
                words, x: (left + right) / 2, y: y, anchor: "middle", attributes: "font-size=\"13\" font-weight=\"bold\" fill=\"\(ink)\"")
        }
        return out + "</g>\n"
    }

    private static func node(_ node: Flowchart.Node, box: SVGLayout.Box, lines: [String], text: Writer) -> String {
        let colours = NodeStyle(node.kind).colours
        let paint = "fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\" stroke-width=\"1.3\""
        let (x, y, w, h) = (box.x, box.y, box.width, box.height)
        let (left, right, top, bottom) = (box.left, box.right, box.top, box.bottom)
        func rect(_ radius: Double, dashed: Bool = false) -> String {
            "<rect x=\"\(number(left))\" y=\"\(number(top))\" width=\"\(number(w))\" height=\"\(number(h))\" "
                + "rx=\"\(number(radius))\" \(paint)\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
        }
        func polygon(_ points: [(Double, Double)], dashed: Bool = false) -> String {
            let list = points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")
            return "<polygon points=\"\(list)\" \(paint)\(dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
        }
        var shape: String
        switch node.kind {
        case .question, .condition:
            shape = polygon([(x, top), (right, y), (x, bottom), (left, y)])
        case .plainQuestion:
            shape = rect(3)
        case .say, .buyer:
            shape = rect(8)
        case .set:
            shape = rect(2)
        case .call:
            shape = rect(2)
            for side in [left + 7, right - 7] {
                shape += "<line x1=\"\(number(side))\" y1=\"\(number(top))\" x2=\"\(number(side))\" y2=\"\(number(bottom))\" "
                shape += "stroke=\"\(colours.stroke)\" stroke-width=\"1.3\"/>"
            }
        case .gate:
            shape = polygon([(left + 10, top), (right - 10, top), (right, y), (right - 10, bottom), (left + 10, bottom), (left, y)], dashed: true)
        case .outcome, .return:
            shape = rect(min(h / 2, 14))
        case .stub:
            // Pointing the way the stages are read.
            let points = text.rightToLeft
                ? [(right, top), (left + 10, top), (left, y), (left + 10, bottom), (right, bottom)]
                : [(left, top), (right - 10, top), (right, y), (right - 10, bottom), (left, bottom)]
            shape = polygon(points, dashed: true)
        case .empty:
            shape = rect(4, dashed: true)
        }
        var out = "<g><title>\(escape(node.detail))</title>\(shape)"
        let textTop = y - Double(lines.count) * SVGLayout.lineHeight / 2
        for (index, line) in lines.enumerated() {
            let baseline = textTop + Double(index) * SVGLayout.lineHeight + 12
            out += text.line(line, x: x, y: baseline, anchor: "middle", attributes: "fill=\"\(colours.text)\"")
        }
        return out + "</g>\n"
    }

    /// What the outcome colours and the call box mean, for those the chart has.
    private static func legend(_ layout: SVGLayout, text: Writer) -> String {
        var out = "<g font-size=\"11\">"
        for (style, words, box) in layout.legend {
            let colours = style.colours
            out += "<rect x=\"\(number(box.left))\" y=\"\(number(box.top))\" width=\"\(number(box.width))\" height=\"\(number(box.height))\" "
            out += "rx=\"\(style == .callStep ? 2 : 9)\" fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\"/>"
            out += text.line(words, x: box.x, y: box.y + 4, anchor: "middle", attributes: "fill=\"\(colours.text)\"")
        }
        return out + "</g>\n"
    }

    /// Text for XML, by the one rule of markup text (`HTMLText.escape`).
    public static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// Coordinates in whole pixels: the same text on every machine, whatever its locale.
    static func number(_ value: Double) -> String {
        value.isFinite ? String(Int(value.rounded())) : "0"
    }
}
