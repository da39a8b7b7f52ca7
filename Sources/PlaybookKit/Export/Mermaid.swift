/// The flowchart as a Mermaid block for Markdown: a ```mermaid fence around a `flowchart TB`, one
/// subgraph per stage and flow, classes for the colours.
public enum Mermaid {
    public static func render(_ chart: Flowchart) -> String {
        var out = "```mermaid\nflowchart TB\n"
        let ids = chart.clusterIDs
        let members = chart.nodesByCluster
        for (index, cluster) in chart.clusters.enumerated() {
            out += "  subgraph \(ids[index])[\(label(cluster.heading))]\n"
            for node in members.inCluster[index] { out += "    " + declaration(node, chart.nodes[node]) + "\n" }
            out += "  end\n"
        }
        for node in members.outside { out += "  " + declaration(node, chart.nodes[node]) + "\n" }
        for edge in chart.edges {
            let arrow = edge.kind == .call ? "-.->" : "-->"
            let text = edge.labels.isEmpty ? "" : "|\(label(edge.labels.joined(separator: "\n")))|"
            out += "  n\(edge.from) \(arrow)\(text) n\(edge.to)\n"
        }
        for style in NodeStyle.allCases {
            let styled = chart.nodes.indices.filter { NodeStyle(chart.nodes[$0].kind) == style }
            guard !styled.isEmpty else { continue }
            out += "  classDef \(style.rawValue) \(css(style))\n"
            out += "  class \(styled.map { "n\($0)" }.joined(separator: ",")) \(style.rawValue)\n"
        }
        for (index, cluster) in chart.clusters.enumerated() {
            let css = cluster.kind == .stage
                ? "fill:#f7f9fc,stroke:#9aa5b1" : "fill:#fbfaf5,stroke:#a8996b,stroke-dasharray:5 4"
            out += "  style \(ids[index]) \(css)\n"
        }
        return out + "```\n"
    }

    static func declaration(_ node: Int, _ info: Flowchart.Node) -> String {
        let text = label(info.lines.joined(separator: "\n"))
        let id = "n\(node)"
        switch info.kind {
        case .question, .condition: return "\(id){\(text)}"
        case .plainQuestion: return "\(id)[\(text)]"
        case .say, .buyer, .set: return "\(id)(\(text))"
        case .call: return "\(id)[[\(text)]]"
        case .gate: return "\(id){{\(text)}}"
        case .outcome, .return: return "\(id)([\(text)])"
        case .stub: return "\(id)>\(text)]"
        case .empty: return "\(id)[\(text)]"
        }
    }

    /// A quoted Mermaid label. Mermaid reads `#name;` and `#123;` as characters, so every character
    /// that its parser or its HTML labels could take for syntax is written that way: quotes as
    /// `#quot;`, and `#`, `&`, `<`, `>`, `\` (Mermaid turns `\n` into a line break), `%` (`%%{`
    /// starts a directive anywhere), a backtick (a markdown string) and `|` as numeric codes. A
    /// line break of the model becomes `<br>`. Mermaid also drops the `;` of `#x;` on a line that
    /// has `style`/`classDef` and a colon before it, so in such a text `:` is coded too.
    /// Control and bidirectional characters are shown as `<U+1B>` (TerminalText), then coded.
    public static func label(_ text: String) -> String {
        let text = TerminalText.safe(text, lines: true)
        let codeColons = text.lowercased().contains("style") || text.lowercased().contains("classdef")
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#38;"
            case "<": out += "#60;"
            case ">": out += "#62;"
            case "\\": out += "#92;"
            case "%": out += "#37;"
            case "`": out += "#96;"
            case "|": out += "#124;"
            case ":" where codeColons: out += "#58;"
            case "\n": out += "<br>"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    static func css(_ style: NodeStyle) -> String {
        let colours = style.colours
        let dashes = style == .gate || style == .muted ? ",stroke-dasharray:4 3" : ""
        return "fill:\(colours.fill),stroke:\(colours.stroke),color:\(colours.text)\(dashes)"
    }
}
