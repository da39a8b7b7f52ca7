/// Where each part of a flowchart goes in the SVG picture, the same for the same chart every time:
///
/// - Each stage is a column, headed by a chevron with its number and title; the columns stand
///   left to right in the stages' order, like the steps of a sales process on a slide, and each
///   flow drawn gets a column after them. Each column is laid out alone (`SVGColumn`): an arrow
///   to another stage ends at a small stub in its own column (`Flowchart.columns`).
/// - The columns are set in one band, or in several one under the other, whichever brings the
///   picture nearest to a 16:9 slide; the flows share the stages' last band or start one of their
///   own, whichever fits better. A seven-stage playbook is one band of seven columns.
/// - Texts are wrapped to a few lines (a decision's narrower, so that its diamond stays small) and
///   shortened beyond them; the SVG shows each whole text as a tooltip. Widths are estimated from
///   `ShortLine.cells` (CJK 2 cells, marks 0).
/// - A picture of a right-to-left playbook (Hebrew) is drawn mirrored: the first stage on the
///   right, the ends beside a decision on its left.
struct SVGLayout {
    struct Point {
        var x: Double
        var y: Double
    }

    /// A box by its centre and size.
    struct Box {
        var x: Double
        var y: Double
        var width: Double
        var height: Double

        var top: Double { y - height / 2 }
        var bottom: Double { y + height / 2 }
        var left: Double { x - width / 2 }
        var right: Double { x + width / 2 }
    }

    /// A column: its heading's box on top, its body below.
    struct Lane {
        var cluster: Int
        var left: Double
        var right: Double
        var top: Double
        var headingBottom: Double
        var bottom: Double
        var heading: [String]
    }

    static let cell = 7.0
    static let headingCell = 7.5
    static let labelCell = 6.5
    static let lineHeight = 16.0
    static let labelLineHeight = 14.0
    static let headingLineHeight = 17.0
    static let margin = 16.0
    static let columnGap = 14.0
    static let bandGap = 22.0
    static let titleHeight = 44.0
    static let legendHeight = 36.0
    static let minimumColumn = 170.0
    /// A decision's diamond, height over width.
    static let flatness = 0.4
    /// A label's lines, in cells.
    static let labelWidth = 16
    /// The lines of a box that a choice fans out to, among others, in cells.
    static let fannedWidth = 14
    /// The shape of a 16:9 slide, which the bands are chosen to come near.
    static let slide = 16.0 / 9.0

    /// The chart as drawn: each cluster on its own (`Flowchart.columns`).
    let chart: Flowchart
    private(set) var nodes: [Box] = []
    /// The lines drawn in each node, wrapped.
    private(set) var nodeLines: [[String]] = []
    private(set) var edges: [[Point]] = []
    private(set) var labels: [Box?] = []
    /// The lines drawn in each label, wrapped.
    private(set) var labelLines: [[String]] = []
    private(set) var lanes: [Lane] = []
    /// What the legend shows, and where: the colours of the outcomes the chart has, and the call box.
    private(set) var legend: [(style: NodeStyle, text: String, box: Box)] = []
    private(set) var width = 0.0
    private(set) var height = 0.0

    init(_ original: Flowchart) {
        chart = original.columns()
        // The boxes a choice fans out to stand side by side: they are wrapped narrower.
        var fanned = Array(repeating: false, count: chart.nodes.count)
        var targets: [Int: Set<Int>] = [:]
        for edge in chart.edges { targets[edge.from, default: []].insert(edge.to) }
        for (_, set) in targets where set.count >= 3 { for node in set { fanned[node] = true } }
        for (index, node) in chart.nodes.enumerated() {
            var wrapping = Self.wrapping(node.kind)
            if fanned[index] { wrapping = (min(wrapping.cells, Self.fannedWidth), max(wrapping.lines, 3)) }
            let lines = node.text.flatMap { ShortLine.wrap($0, width: wrapping.cells, maxLines: wrapping.lines) }
            nodeLines.append(lines)
            nodes.append(Self.size(node.kind, lines: lines))
        }
        var labelSizes: [Box?] = []
        for edge in chart.edges {
            // With `--detail` a label also carries the `set`s on the way: a line more.
            let lines = edge.labels.flatMap { ShortLine.wrap($0, width: Self.labelWidth, maxLines: chart.detail ? 3 : 2) }
            labelLines.append(lines)
            let textWidth = Double(lines.map(ShortLine.cells).max() ?? 0) * Self.labelCell
            labelSizes.append(
                lines.isEmpty ? nil : Box(x: 0, y: 0, width: textWidth + 8, height: Double(lines.count) * Self.labelLineHeight + 4))
        }

        // Each column alone.
        let members = chart.nodesByCluster.inCluster
        var edgesOf = Array(repeating: [Int](), count: chart.clusters.count)
        for (index, edge) in chart.edges.enumerated() { if let cluster = chart.nodes[edge.from].cluster { edgesOf[cluster].append(index) } }
        let sizes = SVGColumn.Sizes(nodes: nodes, labels: labelSizes)
        let columns = chart.clusters.indices.map { SVGColumn(nodes: members[$0], edges: edgesOf[$0], chart: chart, sizes: sizes) }
        let columnWidth = columns.map { max($0.width, Self.minimumColumn) }
        let headings = chart.clusters.indices.map { cluster in
            ShortLine.wrap(
                chart.clusters[cluster].detail, width: Int((columnWidth[cluster] - 30) / Self.headingCell), maxLines: 3)
        }
        let headingHeight = headings.map { Double($0.count) * Self.headingLineHeight + 16 }
        let bodyHeight = columns.map { $0.height + 12 }

        // Bands, nearest to a slide.
        let bands = Self.bands(
            widths: columnWidth, headings: headingHeight, bodies: bodyHeight,
            firstFlow: chart.clusters.firstIndex { $0.kind == .flow })
        edges = Array(repeating: [], count: chart.edges.count)
        labels = Array(repeating: nil, count: chart.edges.count)
        var top = Self.titleHeight
        var right = 0.0
        for band in bands {
            let header = band.map { headingHeight[$0] }.max() ?? 0
            let body = band.map { bodyHeight[$0] }.max() ?? 0
            var left = Self.margin
            for cluster in band {
                lanes.append(
                    Lane(
                        cluster: cluster, left: left, right: left + columnWidth[cluster], top: top, headingBottom: top + header,
                        bottom: top + header + 6 + body, heading: headings[cluster]))
                let column = columns[cluster]
                let dx = left + (columnWidth[cluster] - column.width) / 2
                let dy = top + header + 12
                for (index, node) in members[cluster].enumerated() {
                    nodes[node].x = column.centers[index].x + dx
                    nodes[node].y = column.centers[index].y + dy
                }
                for (index, edge) in edgesOf[cluster].enumerated() {
                    edges[edge] = column.routes[index].map { Point(x: $0.x + dx, y: $0.y + dy) }
                    labels[edge] = column.labels[index].map { Box(x: $0.x + dx, y: $0.y + dy, width: $0.width, height: $0.height) }
                }
                left += columnWidth[cluster] + Self.columnGap
            }
            right = max(right, left - Self.columnGap)
            top += header + 6 + body + Self.bandGap
        }
        height = (top - Self.bandGap + Self.legendHeight).rounded(.up)

        // The legend: the outcome colours the chart uses, and what a call's box does.
        var entries: [(NodeStyle, String)] = []
        let kinds = chart.nodes.map(\.kind)
        let words = chart.words
        if kinds.contains(.outcome(.good)) { entries.append((.won, words(.won))) }
        if kinds.contains(.outcome(.bad)) { entries.append((.lost, words(.lost))) }
        if kinds.contains(.outcome(.other)) { entries.append((.other, words(.otherOutcome))) }
        if kinds.contains(.call) { entries.append((.callStep, words(.callLegend))) }
        var x = Self.margin
        for (style, text) in entries {
            let size = Double(ShortLine.cells(text)) * Self.labelCell + 20
            legend.append((style, text, Box(x: x + size / 2, y: height - Self.legendHeight / 2, width: size, height: 18)))
            x += size + 10
        }
        width = max(right + Self.margin, x + Self.margin, Double(ShortLine.cells(chart.title)) * 9 + 2 * Self.margin, 560).rounded(.up)
        if chart.words.rightToLeft { mirror() }
    }

    /// Right to left: every x as far from the right edge as it was from the left.
    private mutating func mirror() {
        let width = self.width
        for index in nodes.indices { nodes[index].x = width - nodes[index].x }
        for index in edges.indices { edges[index] = edges[index].map { Point(x: width - $0.x, y: $0.y) } }
        for index in labels.indices { if let x = labels[index]?.x { labels[index]?.x = width - x } }
        for index in legend.indices { legend[index].box.x = width - legend[index].box.x }
        for index in lanes.indices {
            (lanes[index].left, lanes[index].right) = (width - lanes[index].right, width - lanes[index].left)
        }
    }

    /// How a node's text is wrapped: cells a line, and lines at most.
    static func wrapping(_ kind: Flowchart.NodeKind) -> (cells: Int, lines: Int) {
        switch kind {
        case .question, .condition: (18, 4)
        case .plainQuestion: (24, 4)
        case .say: (24, 3)
        case .buyer: (24, 2)
        case .outcome: (16, 3)
        case .stub, .return: (20, 2)
        case .set, .call, .gate, .empty: (24, 2)
        }
    }

    /// The size of a node's shape around its lines: a diamond for a decision (as flat as it can be
    /// with the text inside it), a box otherwise.
    static func size(_ kind: Flowchart.NodeKind, lines: [String]) -> Box {
        let textWidth = Double(lines.map(ShortLine.cells).max() ?? 0) * cell
        let textHeight = Double(lines.count) * lineHeight
        switch kind {
        case .question, .condition:
            // A diamond whose height is `flatness` times its width holds a text of w × h when it
            // is w + h / flatness wide and flatness × w + h high.
            let flat = Self.flatness
            return Box(
                x: 0, y: 0, width: max(textWidth + textHeight / flat + 16, 64), height: max(flat * textWidth + textHeight + 10, 40))
        default:
            let extra: Double =
                switch kind {
                case .gate: 16
                case .call: 14
                case .stub: 10
                default: 0
                }
            return Box(x: 0, y: 0, width: max(textWidth + 22 + extra, 48), height: textHeight + 12)
        }
    }

    /// The columns of each band, in order: of every way to fill bands up to a width (the width of
    /// the first few columns), with the flows in the stages' last band or in their own, the one
    /// whose picture is nearest a 16:9 slide; of equals, the one with fewer bands.
    static func bands(widths: [Double], headings: [Double], bodies: [Double], firstFlow: Int?) -> [[Int]] {
        guard !widths.isEmpty else { return [] }
        // Nil when the flows were to share the stages' last band and do not all fit in it.
        func fill(upTo limit: Double, flowsApart: Bool) -> [[Int]]? {
            var bands: [[Int]] = [[]]
            var used = 0.0
            for column in widths.indices {
                let apart = flowsApart && column == firstFlow && column > 0
                let wider = used + (bands[bands.count - 1].isEmpty ? 0 : columnGap) + widths[column]
                if !bands[bands.count - 1].isEmpty, apart || wider > limit + 0.5 {
                    if !flowsApart, let firstFlow, firstFlow > 0, column > firstFlow { return nil }
                    bands.append([])
                    used = 0
                }
                used += (bands[bands.count - 1].isEmpty ? 0 : columnGap) + widths[column]
                bands[bands.count - 1].append(column)
            }
            return bands
        }
        func distance(_ bands: [[Int]]) -> Double {
            var width = 0.0
            var height = titleHeight + legendHeight
            for band in bands {
                width = max(width, band.map { widths[$0] }.reduce(0, +) + Double(band.count - 1) * columnGap)
                height += (band.map { headings[$0] }.max() ?? 0) + 6 + (band.map { bodies[$0] }.max() ?? 0) + bandGap
            }
            // How far from the slide's shape, either way: 2 is twice as wide or twice as tall.
            let ratio = (width + 2 * margin) / height / slide
            return max(ratio, 1 / ratio)
        }
        var limits: [Double] = []
        var sum = -columnGap
        for width in widths {
            sum += columnGap + width
            limits.append(sum)
        }
        var best: (bands: [[Int]], distance: Double)?
        for limit in limits.reversed() {
            for apart in firstFlow == nil || firstFlow == 0 ? [false] : [false, true] {
                guard let bands = fill(upTo: limit, flowsApart: apart) else { continue }
                let score = distance(bands)
                if best.map({ score < $0.distance - 1e-9 || (abs(score - $0.distance) <= 1e-9 && bands.count < $0.bands.count) }) ?? true {
                    best = (bands, score)
                }
            }
        }
        return best?.bands ?? []
    }
}
