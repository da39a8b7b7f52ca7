/// Where each part of a flowchart goes in the SVG picture. A simple layered layout, the same for
/// the same chart every time:
///
/// - Each cluster is a lane, the lanes stacked top to bottom in the chart's order (stages, then
///   flows, then the stubs of a one-stage picture), with the lane's heading in a column on the left.
/// - In a lane, a node's layer is the longest path to it along arrows that go forward in the
///   playbook's order; a jump back does not count. Every layer is followed by a row for arrow labels.
/// - An arrow that goes down has a point in every row it crosses (its label in the first), and
///   those points are placed like nodes, so an arrow never passes through a box.
/// - Each row is placed left to right: every item wants to sit under the items that lead to it,
///   and the nearest placement without overlap is taken (weighted isotonic regression, pool
///   adjacent violators). Each node's arrow to its deepest continuation is its main path and
///   weighs most, so a chain of steps stays straight and side branches move aside; without this
///   a long playbook drifts sideways a little at every branch.
/// - An arrow back up runs in a channel on the right; a call runs in a channel on the left, one per
///   flow. Their horizontal parts run in the gaps between rows, each on a track of its own.
/// - Widths of text are estimated from `PictureText.cells` (CJK 2 cells, marks 0).
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
    }

    struct Lane {
        var cluster: Int?
        var top: Double
        var bottom: Double
        var heading: [String]
    }

    static let cell = 7.0
    static let labelCell = 6.5
    static let lineHeight = 16.0
    static let labelLineHeight = 14.0
    static let decisionWidth = 20
    static let track = 6.0
    /// Rows an arrow down may cross with a point in each (two rows a layer): beyond, a channel.
    static let longestDrop = 60
    static let lanePad = 14.0
    static let laneGap = 10.0
    static let titleHeight = 44.0
    static let legendHeight = 34.0

    private(set) var nodes: [Box] = []
    /// The lines drawn in each node (questions wrapped).
    private(set) var nodeLines: [[String]] = []
    private(set) var edges: [[Point]] = []
    private(set) var labels: [Box?] = []
    private(set) var lanes: [Lane] = []
    private(set) var width = 0.0
    private(set) var height = 0.0
    private(set) var laneLeft = 12.0
    private(set) var headerWidth = 0.0

    private enum Route {
        case down([Int])
        /// Up a channel on the right (a jump back) or on the left (a call): the label's point if
        /// any, the channel's index, the tracks in the gaps below the start and above the end.
        case channel(label: Int?, right: Bool, index: Int, exit: (gap: Int, track: Int), entry: (gap: Int, track: Int))
    }

    private struct Item {
        var node: Int?
        var width: Double
        var height: Double
        var margin: Double
        /// Order among items that want the same place: the side their arrow goes to (a call's
        /// channel is on the left, a jump back's on the right), then the node, then the arrow.
        var key: (side: Int, node: Int, edge: Int)
        var weight = 1.0
        var desired = 0.0
        var x = 0.0
        var row = 0
    }

    init(_ chart: Flowchart) {
        let count = chart.nodes.count
        let hasStubs = chart.nodes.contains { $0.cluster == nil }
        let laneCount = chart.clusters.count + (hasStubs ? 1 : 0)
        let laneOf = chart.nodes.map { $0.cluster ?? chart.clusters.count }

        // Sizes.
        for node in chart.nodes {
            let decision = node.kind == .question || node.kind == .condition
            let lines = decision ? node.lines.flatMap { PictureText.wrap($0, width: Self.decisionWidth) } : node.lines
            nodeLines.append(lines)
            let textWidth = Double(lines.map(PictureText.cells).max() ?? 0) * Self.cell
            let textHeight = Double(lines.count) * Self.lineHeight
            var size: (Double, Double)
            if decision {
                let halfHeight = textHeight / 2 + 18
                let halfWidth = (textWidth / 2 + 4) * halfHeight / 18
                size = (2 * halfWidth, 2 * halfHeight)
            } else {
                let extra: Double =
                    switch node.kind {
                    case .gate: 16
                    case .call: 14
                    case .stub: 10
                    default: 0
                    }
                size = (max(textWidth + 24 + extra, 48), textHeight + 14)
            }
            nodes.append(Box(x: 0, y: 0, width: size.0, height: size.1))
        }

        // Layers: the longest forward path inside the lane.
        var incoming = Array(repeating: [Int](), count: count)
        for (index, edge) in chart.edges.enumerated() { incoming[edge.to].append(index) }
        var rank = Array(repeating: 0, count: count)
        var layers = Array(repeating: 1, count: laneCount)
        for node in 0..<count {
            for edge in incoming[node] {
                let from = chart.edges[edge].from
                if chart.edges[edge].kind == .flow, from < node, laneOf[from] == laneOf[node] {
                    rank[node] = max(rank[node], rank[from] + 1)
                }
            }
            layers[laneOf[node]] = max(layers[laneOf[node]], rank[node] + 1)
        }
        var laneStart = [0]
        for lane in 0..<laneCount { laneStart.append(laneStart[lane] + 2 * layers[lane]) }
        let rowCount = laneStart[laneCount]
        let rowOf = (0..<count).map { laneStart[laneOf[$0]] + 2 * rank[$0] }

        // Main paths: from each node, the arrow down to the deepest continuation (then the
        // shortest), as the heavy spine of the placement.
        var outgoing = Array(repeating: [Int](), count: count)
        for (index, edge) in chart.edges.enumerated()
        where edge.kind == .flow && rowOf[edge.to] > rowOf[edge.from] {
            outgoing[edge.from].append(index)
        }
        var depth = Array(repeating: 0, count: count)
        for node in (0..<count).sorted(by: { rowOf[$0] > rowOf[$1] }) {
            for edge in outgoing[node] { depth[node] = max(depth[node], depth[chart.edges[edge].to] + 1) }
        }
        var main = Array(repeating: false, count: chart.edges.count)
        for node in 0..<count {
            var best: (edge: Int, score: (Int, Int))?
            for edge in outgoing[node] {
                let to = chart.edges[edge].to
                let score = (depth[to], rowOf[node] - rowOf[to])
                if best == nil || score > best!.score { best = (edge, score) }
            }
            if let best { main[best.edge] = true }
        }
        // Where main paths join, the one from the nearest row goes on; the others bend to it.
        var mainInto = Array(repeating: -1, count: count)
        for (index, edge) in chart.edges.enumerated() where main[index] {
            let kept = mainInto[edge.to]
            if kept < 0 || rowOf[chart.edges[kept].from] < rowOf[edge.from] {
                if kept >= 0 { main[kept] = false }
                mainInto[edge.to] = index
            } else {
                main[index] = false
            }
        }
        let heavy = 1000.0

        // Items: nodes, and the points of arrows that go down or carry a label.
        var items: [Item] = []
        for node in 0..<count {
            items.append(
                Item(node: node, width: nodes[node].width, height: nodes[node].height, margin: 14, key: (0, node, -1), row: rowOf[node]))
        }
        var routes: [Route] = []
        var exits = Array(repeating: 0, count: rowCount + 1)
        var entries = Array(repeating: 0, count: rowCount + 1)
        var rightChannels = 0
        var flowChannels: [Int] = []
        var flowChannel: [Int: Int] = [:]
        for (index, edge) in chart.edges.enumerated() {
            let (from, to) = (rowOf[edge.from], rowOf[edge.to])
            var labelItem: Int?
            let side = edge.kind == .call ? -1 : to > from ? 0 : 1
            if !edge.labels.isEmpty {
                let labelWidth = Double(edge.labels.map(PictureText.cells).max() ?? 0) * Self.labelCell + 10
                let labelHeight = Double(edge.labels.count) * Self.labelLineHeight + 4
                labelItem = items.count
                items.append(
                    Item(
                        node: nil, width: labelWidth, height: labelHeight, margin: 6, key: (side, edge.from, index),
                        weight: main[index] ? heavy : 1, row: from + 1))
            }
            // An arrow down is drawn through a point in each row it crosses; one that would cross
            // more than `longestDrop` rows goes round by a channel instead, so that arrows from
            // one question to many far places cost a few points each, not a point per row.
            if edge.kind == .flow, to > from, to - from <= Self.longestDrop {
                var chain: [Int] = []
                for row in (from + 1)..<to {
                    if row == from + 1, let labelItem {
                        chain.append(labelItem)
                    } else {
                        chain.append(items.count)
                        items.append(
                            Item(
                                node: nil, width: 0, height: 0, margin: 5, key: (side, edge.from, index),
                                weight: main[index] ? heavy : 1, row: row))
                    }
                }
                routes.append(.down(chain))
            } else {
                let right = edge.kind == .flow
                var channel: Int
                if right {
                    channel = rightChannels
                    rightChannels += 1
                } else {
                    let flow = chart.nodes[edge.to].cluster ?? -1
                    if let known = flowChannel[flow] {
                        channel = known
                    } else {
                        channel = flowChannels.count
                        flowChannel[flow] = channel
                        flowChannels.append(flow)
                    }
                }
                let exitGap = from + (labelItem == nil ? 1 : 2)
                let exit = (exitGap, exits[exitGap])
                exits[exitGap] += 1
                let entry = (to, entries[to])
                entries[to] += 1
                routes.append(.channel(label: labelItem, right: right, index: channel, exit: exit, entry: entry))
            }
        }

        // Columns, row by row from the top.
        var rows = Array(repeating: [Int](), count: rowCount)
        for (index, item) in items.enumerated() { rows[item.row].append(index) }
        var previous = Array(repeating: -1, count: items.count)
        var lastPoint = Array(repeating: [(item: Int, weight: Double)](), count: count)
        for (index, edge) in chart.edges.enumerated() {
            guard case .down(let chain) = routes[index] else {
                if case .channel(let label?, _, _, _, _) = routes[index] { previous[label] = edge.from }
                continue
            }
            var before = edge.from
            for point in chain {
                previous[point] = before
                before = point
            }
            lastPoint[edge.to].append((before, main[index] ? heavy : 1))
            if main[index] { items[edge.to].weight = heavy }
        }
        for row in rows.indices {
            for item in rows[row] {
                if let node = items[item].node {
                    let sources = lastPoint[node]
                    let total = sources.reduce(0) { $0 + $1.weight }
                    items[item].desired = sources.isEmpty ? 0 : sources.reduce(0) { $0 + items[$1.item].x * $1.weight } / total
                } else if previous[item] >= 0 {
                    items[item].desired = items[previous[item]].x
                }
            }
            rows[row].sort {
                let (a, b) = (items[$0], items[$1])
                return (a.desired, a.key.side, a.key.node, a.key.edge) < (b.desired, b.key.side, b.key.node, b.key.edge)
            }
            Self.place(rows[row], in: &items)
        }

        // Horizontal extent: headings on the left, call channels, the nodes, jump channels.
        let contentLeft = items.map { $0.x - $0.width / 2 }.min() ?? 0
        let contentRight = items.map { $0.x + $0.width / 2 }.max() ?? 0
        var headings: [[String]] = []
        for lane in 0..<laneCount {
            let text = lane < chart.clusters.count ? chart.clusters[lane].heading : "other stages"
            var lines = PictureText.wrap(text, width: 22)
            if lines.count > 2 { lines = [lines[0], PictureText.shorten(lines[1...].joined(separator: " "), to: 22)] }
            headings.append(lines)
        }
        headerWidth = Double(headings.flatMap { $0 }.map(PictureText.cells).max() ?? 0) * 7.5 + 20
        let leftChannels = flowChannels.isEmpty ? 0 : Double(flowChannels.count) * 12 + 8
        let shift = laneLeft + headerWidth + 16 + leftChannels - contentLeft
        let right = contentRight + shift
        let rightZone = rightChannels == 0 ? 0 : Double(rightChannels) * 12 + 8
        width = (right + rightZone + 16 + laneLeft).rounded(.up)
        // Wide enough for the title and the legend.
        width = max(width, Double(PictureText.cells(chart.title)) * 9 + 2 * laneLeft, 560)
        for index in items.indices { items[index].x += shift }
        let leftChannelX = { (index: Int) in contentLeft + shift - 16 - Double(index) * 12 }
        let rightChannelX = { (index: Int) in right + 16 + Double(index) * 12 }

        // Rows and gaps, top to bottom.
        var rowHeight = Array(repeating: 0.0, count: rowCount)
        for item in items { rowHeight[item.row] = max(rowHeight[item.row], item.height) }
        var laneEndsAt = Array(repeating: false, count: rowCount + 1)
        var laneStartsAt = Array(repeating: false, count: rowCount + 1)
        for lane in 0..<laneCount {
            laneStartsAt[laneStart[lane]] = true
            laneEndsAt[laneStart[lane + 1]] = true
        }
        // A row of nodes (even) or of labels (odd) is never flat, so that arrows keep a length.
        for row in 0..<rowCount { rowHeight[row] = max(rowHeight[row], row % 2 == 0 ? 20 : 18) }
        var rowTop = Array(repeating: 0.0, count: rowCount)
        var exitY = Array(repeating: 0.0, count: rowCount + 1)
        var entryY = Array(repeating: 0.0, count: rowCount + 1)
        var laneTops: [Double] = []
        var laneBottoms: [Double] = []
        var cursor = Self.titleHeight
        for gap in 0...rowCount {
            exitY[gap] = cursor + 5
            if exits[gap] > 0 { cursor += Double(exits[gap]) * Self.track + 4 }
            if laneEndsAt[gap] {
                cursor += Self.lanePad
                laneBottoms.append(cursor)
            }
            if laneStartsAt[gap] {
                if laneEndsAt[gap] { cursor += Self.laneGap }
                laneTops.append(cursor)
                cursor += Self.lanePad
            }
            entryY[gap] = cursor + 3
            if entries[gap] > 0 { cursor += Double(entries[gap]) * Self.track + 2 }
            cursor += laneStartsAt[gap] || laneEndsAt[gap] ? 4 : 8
            if gap < rowCount {
                rowTop[gap] = cursor
                cursor += rowHeight[gap]
            }
        }
        height = (cursor + Self.legendHeight).rounded(.up)
        for lane in 0..<laneCount {
            let bottom = max(laneBottoms[lane], laneTops[lane] + Double(headings[lane].count) * 17 + 16)
            lanes.append(
                Lane(
                    cluster: lane < chart.clusters.count ? lane : nil, top: laneTops[lane], bottom: bottom,
                    heading: headings[lane]))
        }

        // Final boxes and the points of every arrow.
        for item in items {
            guard let node = item.node else { continue }
            nodes[node].x = item.x
            nodes[node].y = rowTop[item.row] + rowHeight[item.row] / 2
        }
        func through(_ item: Int) -> [Point] {
            let row = items[item].row
            return [Point(x: items[item].x, y: rowTop[row]), Point(x: items[item].x, y: rowTop[row] + rowHeight[row])]
        }
        for (index, edge) in chart.edges.enumerated() {
            let start = Point(x: nodes[edge.from].x, y: nodes[edge.from].bottom)
            let end = Point(x: nodes[edge.to].x, y: nodes[edge.to].top)
            var label: Int?
            var points = [start]
            switch routes[index] {
            case .down(let chain):
                label = edge.labels.isEmpty ? nil : chain.first
                for item in chain { points += through(item) }
            case .channel(let labelItem, let right, let channel, let exit, let entry):
                label = labelItem
                if let labelItem { points += through(labelItem) }
                let x = right ? rightChannelX(channel) : leftChannelX(channel)
                let down = exitY[exit.gap] + Double(exit.track) * Self.track
                let across = entryY[entry.gap] + Double(entry.track) * Self.track
                points += [
                    Point(x: points[points.count - 1].x, y: down), Point(x: x, y: down), Point(x: x, y: across),
                    Point(x: end.x, y: across),
                ]
            }
            points.append(end)
            edges.append(points)
            labels.append(
                label.map { item in
                    Box(x: items[item].x, y: rowTop[items[item].row] + rowHeight[items[item].row] / 2,
                        width: items[item].width, height: items[item].height)
                })
        }
    }

    /// Places one row's items, in order, as near their wished-for centres as their widths allow.
    private static func place(_ row: [Int], in items: inout [Item]) {
        guard !row.isEmpty else { return }
        var offsets = [0.0]
        for position in 1..<row.count {
            let (left, right) = (items[row[position - 1]], items[row[position]])
            offsets.append(offsets[position - 1] + left.width / 2 + left.margin + right.width / 2 + right.margin)
        }
        // Blocks of items that touch, each at the weighted mean of what its items want.
        var blocks: [(sum: Double, count: Double, first: Int)] = []
        for position in row.indices {
            let item = items[row[position]]
            blocks.append(((item.desired - offsets[position]) * item.weight, item.weight, position))
            while blocks.count > 1 {
                let last = blocks[blocks.count - 1]
                let before = blocks[blocks.count - 2]
                guard before.sum / before.count > last.sum / last.count else { break }
                blocks.removeLast()
                blocks[blocks.count - 1] = (before.sum + last.sum, before.count + last.count, before.first)
            }
        }
        for (index, block) in blocks.enumerated() {
            let end = index + 1 < blocks.count ? blocks[index + 1].first : row.count
            for position in block.first..<end {
                items[row[position]].x = block.sum / block.count + offsets[position]
            }
        }
    }
}
