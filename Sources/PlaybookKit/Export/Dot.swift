/// The flowchart in Graphviz's DOT language: one `cluster_` subgraph per stage and flow, so that
/// `dot -Tsvg` or `dot -Tpng` draws the stages as boxes.
public enum Dot {
    /// Questions and conditions are wrapped at this many cells: a diamond around one long line is
    /// very wide.
    static let decisionWidth = 22

    public static func render(_ chart: Flowchart) -> String {
        let font = quote("Helvetica,Arial,Noto Sans,Noto Sans CJK SC,sans-serif")
        var out = "digraph playbook {\n"
        out += "  graph [label=\(quote(chart.title)), labelloc=t, fontsize=16, fontname=\(font), rankdir=TB, "
        out += "compound=true, newrank=true, nodesep=0.3, ranksep=0.35];\n"
        out += "  node [fontname=\(font), fontsize=11, style=filled, penwidth=1.2];\n"
        out += "  edge [fontname=\(font), fontsize=10, color=\"#52606d\", fontcolor=\"#1f2933\"];\n"
        let ids = chart.clusterIDs
        let members = chart.nodesByCluster
        for (index, cluster) in chart.clusters.enumerated() {
            out += "  subgraph cluster_\(ids[index]) {\n"
            out += "    label=\(quote(cluster.heading)); labeljust=l; fontsize=13; "
            out += cluster.kind == .stage
                ? "style=\"rounded,filled\"; fillcolor=\"#f7f9fc\"; color=\"#9aa5b1\";\n"
                : "style=\"rounded,filled,dashed\"; fillcolor=\"#fbfaf5\"; color=\"#a8996b\";\n"
            for node in members.inCluster[index] { out += "    " + declaration(node, chart.nodes[node]) + "\n" }
            out += "  }\n"
        }
        for node in members.outside { out += "  " + declaration(node, chart.nodes[node]) + "\n" }
        for edge in chart.edges {
            var attributes: [String] = []
            if !edge.labels.isEmpty { attributes.append("label=\(quote(edge.labels.joined(separator: "\n")))") }
            if edge.kind == .call, let cluster = chart.nodes[edge.to].cluster {
                attributes += ["style=dashed", "color=\"#1f7a70\"", "lhead=cluster_\(ids[cluster])"]
            }
            let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            out += "  n\(edge.from) -> n\(edge.to)\(list);\n"
        }
        return out + "}\n"
    }

    static func declaration(_ node: Int, _ info: Flowchart.Node) -> String {
        let colours = NodeStyle(info.kind).colours
        let lines = info.kind == .question || info.kind == .condition
            ? info.lines.flatMap { ShortLine.wrap($0, width: decisionWidth) } : info.lines
        var attributes = ["label=\(quote(lines.joined(separator: "\n")))"]
        switch info.kind {
        case .question, .condition: attributes.append("shape=diamond")
        case .plainQuestion: attributes.append("shape=box")
        case .say, .buyer, .set: attributes += ["shape=box", "style=\"rounded,filled\""]
        case .call: attributes += ["shape=box", "peripheries=2"]
        case .gate: attributes += ["shape=hexagon", "style=\"dashed,filled\""]
        case .outcome, .return: attributes += ["shape=box", "style=\"rounded,filled\""]
        case .stub: attributes += ["shape=cds", "style=\"dashed,filled\""]
        case .empty: attributes += ["shape=box", "style=\"dashed,filled\""]
        }
        attributes += ["fillcolor=\"\(colours.fill)\"", "color=\"\(colours.stroke)\"", "fontcolor=\"\(colours.text)\""]
        return "n\(node) [\(attributes.joined(separator: ", "))];"
    }

    /// A DOT double-quoted string: `"` and `\` escaped with a backslash, and `&` written `&amp;`,
    /// since Graphviz reads HTML entities such as `&lt;` even in plain labels. A line break of the
    /// model becomes `\n`, which centres the line.
    /// Control and bidirectional characters are shown as `<U+1B>` (TerminalText).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for character in TerminalText.safe(text, lines: true) {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "&": out += "&amp;"
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
