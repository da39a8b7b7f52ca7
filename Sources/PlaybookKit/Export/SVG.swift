/// The flowchart as a standalone SVG picture, laid out by `SVGLayout`: no Graphviz, no browser,
/// no script. Colours are presentation attributes, not CSS, so that office programs that import
/// SVG show them too; each box has a `<title>` with its whole text, shown on hover.
public enum SVG {
    static let fonts = "Helvetica, Arial, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans Thai', 'Noto Sans Hebrew', sans-serif"
    static let ink = "#1f2933"
    static let line = "#52606d"
    static let callLine = "#1f7a70"

    public static func render(_ chart: Flowchart) -> String {
        let layout = SVGLayout(chart)
        let width = number(layout.width)
        let height = number(layout.height)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
        out += "viewBox=\"0 0 \(width) \(height)\" font-family=\"\(fonts)\" font-size=\"12\" role=\"img\">\n"
        out += "<title>\(escape(chart.title))</title>\n"
        out += "<defs>\n"
        for (id, colour) in [("arrow", line), ("arrow-call", callLine)] {
            out += "<marker id=\"\(id)\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
            out += "orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(colour)\"/></marker>\n"
        }
        out += "</defs>\n"
        out += "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(number(layout.laneLeft))\" y=\"28\" font-size=\"16\" font-weight=\"bold\" fill=\"\(ink)\">"
        out += "\(escape(chart.title))</text>\n"

        for (index, lane) in layout.lanes.enumerated() {
            let flow = lane.cluster.map { chart.clusters[$0].kind == .flow } ?? false
            let fill = flow ? "#fbfaf5" : lane.cluster == nil ? "#ffffff" : index % 2 == 0 ? "#f7f9fc" : "#eef2f7"
            let stroke = flow ? "#a8996b" : "#c3ccd6"
            out += "<g>"
            if let cluster = lane.cluster { out += "<title>\(escape(chart.clusters[cluster].detail))</title>" }
            out += "<rect x=\"\(number(layout.laneLeft))\" y=\"\(number(lane.top))\" "
            out += "width=\"\(number(layout.width - 2 * layout.laneLeft))\" height=\"\(number(lane.bottom - lane.top))\" rx=\"6\" "
            out += "fill=\"\(fill)\" stroke=\"\(stroke)\"\(flow ? " stroke-dasharray=\"6 4\"" : "")/>"
            for (line, text) in lane.heading.enumerated() {
                out += "<text x=\"\(number(layout.laneLeft + 10))\" y=\"\(number(lane.top + 20 + Double(line) * 17))\" "
                out += "font-size=\"13\" font-weight=\"bold\" fill=\"\(ink)\">\(escape(text))</text>"
            }
            out += "</g>\n"
        }

        for (index, edge) in chart.edges.enumerated() {
            let points = layout.edges[index].map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            let call = edge.kind == .call
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(call ? callLine : line)\" stroke-width=\"1.3\""
            out += call ? " stroke-dasharray=\"5 4\" marker-end=\"url(#arrow-call)\"/>\n" : " marker-end=\"url(#arrow)\"/>\n"
        }
        for (index, edge) in chart.edges.enumerated() {
            guard let box = layout.labels[index] else { continue }
            out += "<g><rect x=\"\(number(box.left))\" y=\"\(number(box.top))\" width=\"\(number(box.width))\" "
            out += "height=\"\(number(box.height))\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.92\"/>"
            for (line, text) in edge.labels.enumerated() {
                let y = box.top + 2 + Double(line) * SVGLayout.labelLineHeight + 11
                out += "<text x=\"\(number(box.x))\" y=\"\(number(y))\" text-anchor=\"middle\" font-size=\"11\" "
                out += "fill=\"\(ink)\">\(escape(text))</text>"
            }
            out += "</g>\n"
        }

        for (index, node) in chart.nodes.enumerated() {
            out += self.node(node, box: layout.nodes[index], lines: layout.nodeLines[index])
        }
        out += legend(chart, layout: layout)
        return out + "</svg>\n"
    }

    private static func node(_ node: Flowchart.Node, box: SVGLayout.Box, lines: [String]) -> String {
        let colours = NodeStyle(node.kind).colours
        let paint = "fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\" stroke-width=\"1.3\""
        let (x, y, w, h) = (box.x, box.y, box.width, box.height)
        let (left, right, top, bottom) = (x - w / 2, x + w / 2, y - h / 2, y + h / 2)
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
            shape = rect(h / 2)
        case .stub:
            shape = polygon([(left, top), (right - 10, top), (right, y), (right - 10, bottom), (left, bottom)], dashed: true)
        case .empty:
            shape = rect(4, dashed: true)
        }
        var out = "<g><title>\(escape(node.detail))</title>\(shape)"
        let textTop = y - Double(lines.count) * SVGLayout.lineHeight / 2
        for (index, line) in lines.enumerated() {
            let baseline = textTop + Double(index) * SVGLayout.lineHeight + 12
            out += "<text x=\"\(number(x))\" y=\"\(number(baseline))\" text-anchor=\"middle\" fill=\"\(colours.text)\">"
            out += "\(escape(line))</text>"
        }
        return out + "</g>\n"
    }

    /// What the outcome colours and the dashed arrow mean, for the tones the chart uses.
    private static func legend(_ chart: Flowchart, layout: SVGLayout) -> String {
        var entries: [(NodeStyle, String)] = []
        let kinds = chart.nodes.map(\.kind)
        if kinds.contains(.outcome(.good)) { entries.append((.won, "✓ won")) }
        if kinds.contains(.outcome(.bad)) { entries.append((.lost, "✗ lost")) }
        if kinds.contains(.outcome(.other)) { entries.append((.other, "○ other outcome")) }
        let y = layout.height - SVGLayout.legendHeight + 8
        var x = layout.laneLeft
        var out = "<g font-size=\"11\">"
        for (style, text) in entries {
            let colours = style.colours
            let width = Double(PictureText.cells(text)) * SVGLayout.labelCell + 20
            out += "<rect x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"18\" rx=\"9\" "
            out += "fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\"/>"
            out += "<text x=\"\(number(x + width / 2))\" y=\"\(number(y + 13))\" text-anchor=\"middle\" fill=\"\(colours.text)\">"
            out += "\(escape(text))</text>"
            x += width + 10
        }
        if chart.edges.contains(where: { $0.kind == .call }) {
            out += "<line x1=\"\(number(x))\" y1=\"\(number(y + 9))\" x2=\"\(number(x + 36))\" y2=\"\(number(y + 9))\" "
            out += "stroke=\"\(callLine)\" stroke-width=\"1.3\" stroke-dasharray=\"5 4\" marker-end=\"url(#arrow-call)\"/>"
            out += "<text x=\"\(number(x + 42))\" y=\"\(number(y + 13))\" fill=\"\(ink)\">call: runs the flow, then goes on</text>"
        }
        return out + "</g>\n"
    }

    /// Text for XML: `&`, `<`, `>`, `"` and `'` as entities, controls and bidirectional controls
    /// shown as `<U+1B>` (TerminalText: XML 1.0 cannot hold most controls at all, and an override
    /// would reorder the picture's text), and U+FFFE and U+FFFF replaced. Right-to-left text is
    /// kept in its logical order; the viewer's bidirectional algorithm displays it.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TerminalText.safe(text, lines: true).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// Coordinates in whole pixels: the same text on every machine, whatever its locale.
    static func number(_ value: Double) -> String {
        value.isFinite ? String(Int(value.rounded())) : "0"
    }
}
