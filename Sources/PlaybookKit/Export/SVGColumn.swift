/// One cluster of the flowchart laid out as a column of the SVG picture, in the column's own
/// coordinates (x from its left edge, y from the top of its body). A simple layered layout, the
/// same for the same chart every time:
///
/// - A node's row is the longest path to it along arrows that go forward in the playbook's order;
///   a jump back does not count. Every row of nodes is followed by a row for arrow labels.
/// - Each node's arrow to its deepest continuation is its main path and weighs most, so a chain
///   of steps stays straight and side branches move aside.
/// - A decision's branch to an end of its own (an outcome, a stub, a return that nothing else
///   leads to) sits beside it in the same row, reached by a short arrow from its side corner. Its
///   main path leaves from the bottom corner, one more branch from each side corner (a jump back
///   from the right, where the channel is), any others from the bottom too.
/// - A label stands beside its own arrow just after the arrow leaves its box: above the arrow by a
///   side corner, to the right of it in the row of labels below a bottom corner. So two answers of
///   a decision never stand side by side under it, and no label lies on a line.
/// - An arrow that goes down has a point in every row it crosses, and those points are placed like
///   nodes, so an arrow never passes through a box or a label. Each row is placed left to right:
///   every item wants to sit under the item before it on its arrow, and the nearest placement
///   without overlap is taken (weighted isotonic regression, pool adjacent violators); then, from
///   the bottom up, each point in a row of labels moves towards where its arrow goes next, so that
///   an arrow drops straight into a box that was pushed aside.
/// - Arrows keep to right angles: the arrows fanning out of a box run along one line in the gap
///   under it, and those meeting at a box along one line in the gap above it.
/// - An arrow back up, or down across very many rows, runs in a channel on the column's right;
///   its horizontal parts run in the gaps between rows, each on a track of its own.
struct SVGColumn {
    typealias Box = SVGLayout.Box
    typealias Point = SVGLayout.Point

    /// The size of each label, by edge (nil: no label).
    struct Sizes {
        var nodes: [Box]
        var labels: [Box?]
    }

    /// The centre of each node of the column, in the order given.
    private(set) var centers: [Point] = []
    /// The points of each edge of the column, in the order given.
    private(set) var routes: [[Point]] = []
    /// Each edge's label, where it is drawn.
    private(set) var labels: [Box?] = []
    private(set) var width = 0.0
    private(set) var height = 0.0

    static let rowGap = 12.0
    static let track = 6.0
    static let channelGap = 12.0
    static let labelGap = 5.0
    static let nodeMargin = 14.0
    static let pad = 12.0
    /// Rows an arrow down may cross with a point in each (two rows a layer): beyond, a channel.
    static let longestDrop = 60

    /// Where an arrow leaves its box.
    private enum Exit {
        case bottom, left, right
        /// From a decision's side corner to the end beside it.
        case beside
    }

    private enum Route {
        /// Through a point in each row it crosses.
        case down([Int])
        case beside
        /// By the channel on the right: the first point, the channel's index, the tracks in the
        /// gaps below the start and above the end.
        case channel(first: Int, index: Int, exit: (gap: Int, track: Int), entry: (gap: Int, track: Int))
    }

    private struct Item {
        var node: Int?
        /// How far the item reaches left and right of its `x`.
        var left: Double
        var right: Double
        var height: Double
        var margin: Double
        /// Order among items that want the same place: the node, then the arrow.
        var key: (node: Int, edge: Int)
        /// For a point of an arrow, the node it goes to: bare points of arrows into the same node
        /// may meet, as they join anyway.
        var into = -1
        var weight = 1.0
        /// How far from the item before it (on the arrow) it wants to be.
        var offset = 0.0
        var desired = 0.0
        var x = 0.0
        var row = 0
    }

    /// Lays out `nodes` (chart indices, in the chart's order) and `edges` (chart indices of arrows
    /// between them).
    init(nodes: [Int], edges: [Int], chart: Flowchart, sizes: Sizes) {
        let count = nodes.count
        var local: [Int: Int] = [:]
        for (index, node) in nodes.enumerated() { local[node] = index }
        let ends = edges.map { (from: local[chart.edges[$0].from] ?? 0, to: local[chart.edges[$0].to] ?? 0) }
        let box = nodes.map { sizes.nodes[$0] }
        let labelSize = edges.map { sizes.labels[$0] }
        var incoming = Array(repeating: [Int](), count: count)
        var outgoing = Array(repeating: [Int](), count: count)
        for (edge, end) in ends.enumerated() {
            incoming[end.to].append(edge)
            outgoing[end.from].append(edge)
        }

        // Layers: the longest forward path.
        var rank = Array(repeating: 0, count: count)
        for node in 0..<count {
            for edge in incoming[node] where ends[edge].from < node { rank[node] = max(rank[node], rank[ends[edge].from] + 1) }
        }

        // Main paths: from each node, the arrow down to the deepest continuation (then the
        // shortest), as the heavy spine of the placement.
        var depth = Array(repeating: 0, count: count)
        for node in (0..<count).sorted(by: { rank[$0] > rank[$1] }) {
            for edge in outgoing[node] where rank[ends[edge].to] > rank[node] {
                depth[node] = max(depth[node], depth[ends[edge].to] + 1)
            }
        }
        var main = Array(repeating: false, count: edges.count)
        for node in 0..<count {
            var best: (edge: Int, score: (Int, Int))?
            for edge in outgoing[node] where rank[ends[edge].to] > rank[node] {
                let score = (depth[ends[edge].to], rank[node] - rank[ends[edge].to])
                if best.map({ score > $0.score }) ?? true { best = (edge, score) }
            }
            if let best { main[best.edge] = true }
        }
        // Where main paths join, the one from the nearest row goes on; the others bend to it.
        var mainInto = Array(repeating: -1, count: count)
        for edge in edges.indices where main[edge] {
            let kept = mainInto[ends[edge].to]
            if kept < 0 || rank[ends[kept].from] < rank[ends[edge].from] {
                if kept >= 0 { main[kept] = false }
                mainInto[ends[edge].to] = edge
            } else {
                main[edge] = false
            }
        }

        // How each arrow leaves its box. A decision's branch to an end of its own goes to that end,
        // beside it; its main path leaves from the bottom corner, one more branch from each side
        // corner (a jump back from the right, towards the channel), the rest from the bottom.
        var exit = Array(repeating: Exit.bottom, count: edges.count)
        var beside = Array(repeating: -1, count: count)
        var corner: [(left: Int, right: Int)] = Array(repeating: (-1, -1), count: count)
        let goesRound = { (edge: Int) in
            rank[ends[edge].to] <= rank[ends[edge].from] || 2 * (rank[ends[edge].to] - rank[ends[edge].from]) > Self.longestDrop
        }
        for node in 0..<count where [.question, .condition].contains(chart.nodes[nodes[node]].kind) {
            let others = outgoing[node].filter { !main[$0] }
            for edge in others {
                let end = ends[edge].to
                guard end > node, outgoing[end].isEmpty, incoming[end].count == 1, beside[end] < 0 else { continue }
                beside[end] = node
                exit[edge] = .beside
                corner[node].right = edge
                rank[end] = rank[node]
                break
            }
            for edge in others.filter(goesRound) + others.filter({ !goesRound($0) }) where exit[edge] == .bottom {
                if corner[node].right < 0 {
                    exit[edge] = .right
                    corner[node].right = edge
                } else if corner[node].left < 0, !goesRound(edge) {
                    exit[edge] = .left
                    corner[node].left = edge
                }
            }
        }
        let row = rank.map { 2 * $0 }
        let rowCount = 2 * (rank.max() ?? 0) + 2
        let heavy = 1000.0
        // How far beyond its side corner a decision reaches for the branch leaving there: its
        // label, then the arrow turning down (or the end beside it).
        func reach(_ edge: Int) -> Double {
            guard edge >= 0 else { return 0 }
            let label = labelSize[edge]?.width ?? 0
            return exit[edge] == .beside ? max(30, label + 16) + box[ends[edge].to].width : label + 18
        }

        // Items: nodes (with the end beside them), and the points of arrows that go down.
        var items: [Item] = []
        var itemOf = Array(repeating: -1, count: count)
        for node in 0..<count where beside[node] < 0 {
            var height = box[node].height
            if corner[node].right >= 0, exit[corner[node].right] == .beside {
                height = max(height, box[ends[corner[node].right].to].height)
            }
            // A label by a side corner stands above the arrow: room for it in the row.
            for edge in [corner[node].left, corner[node].right] where edge >= 0 {
                height = max(height, 2 * ((labelSize[edge]?.height ?? 0) + 4))
            }
            itemOf[node] = items.count
            items.append(
                Item(
                    node: node, left: box[node].width / 2 + reach(corner[node].left),
                    right: box[node].width / 2 + reach(corner[node].right), height: height, margin: Self.nodeMargin,
                    key: (node, -1), row: row[node]))
        }
        var ways: [Route] = []
        var exits = Array(repeating: 0, count: rowCount + 1)
        var entries = Array(repeating: 0, count: rowCount + 1)
        var channels = 0
        for (edge, end) in ends.enumerated() {
            if exit[edge] == .beside {
                ways.append(.beside)
                continue
            }
            let (from, to) = (row[end.from], row[end.to])
            let weight = main[edge] ? heavy : 1
            // The first point, in the row of labels: beside it the label of an arrow from the bottom
            // corner; an arrow from a side corner turns down there, its label by the corner.
            let first = items.count
            let size = exit[edge] == .bottom ? labelSize[edge] : nil
            let sign = exit[edge] == .left ? -1.0 : 1.0
            // The point where an arrow from a side corner turns down holds its place: it must stay
            // clear of the corner.
            let offset = exit[edge] == .bottom ? 0 : sign * (box[end.from].width / 2 + reach(edge) - 2)
            items.append(
                Item(
                    node: nil, left: size == nil ? 0 : 1, right: size.map { Self.labelGap + $0.width } ?? 0,
                    height: size?.height ?? 0, margin: size == nil ? 5 : 6, key: (end.from, edge), into: end.to,
                    weight: exit[edge] == .bottom ? weight : heavy, offset: offset, row: from + 1))
            // An arrow down is drawn through a point in each row it crosses; one that would cross
            // more than `longestDrop` rows goes round by the channel instead, so that arrows from
            // one question to many far places cost a few points each, not a point per row.
            if !goesRound(edge) {
                var chain = [first]
                for crossed in (from + 2)..<to {
                    chain.append(items.count)
                    items.append(
                        Item(
                            node: nil, left: 0, right: 0, height: 0, margin: 5, key: (end.from, edge), into: end.to,
                            weight: weight, row: crossed))
                }
                ways.append(.down(chain))
            } else {
                let exitGap = from + 2
                let way = (exitGap, exits[exitGap])
                exits[exitGap] += 1
                let entry = (to, entries[to])
                entries[to] += 1
                ways.append(.channel(first: first, index: channels, exit: way, entry: entry))
                channels += 1
            }
        }

        // Columns, row by row from the top.
        var rows = Array(repeating: [Int](), count: rowCount)
        for (index, item) in items.enumerated() { rows[item.row].append(index) }
        var previous = Array(repeating: -1, count: items.count)
        var lastPoints = Array(repeating: [(item: Int, weight: Double)](), count: count)
        for (edge, end) in ends.enumerated() {
            switch ways[edge] {
            case .beside: continue
            case .channel(let first, _, _, _):
                previous[first] = itemOf[end.from]
            case .down(let chain):
                var before = itemOf[end.from]
                for point in chain {
                    previous[point] = before
                    before = point
                }
                lastPoints[end.to].append((before, main[edge] ? heavy : 1))
                if main[edge], itemOf[end.to] >= 0 { items[itemOf[end.to]].weight = heavy }
            }
        }
        for row in rows.indices {
            for item in rows[row] {
                if let node = items[item].node {
                    let sources = lastPoints[node]
                    let total = sources.reduce(0) { $0 + $1.weight }
                    items[item].desired = sources.isEmpty ? 0 : sources.reduce(0) { $0 + items[$1.item].x * $1.weight } / total
                } else if previous[item] >= 0 {
                    items[item].desired = items[previous[item]].x + items[item].offset
                }
            }
            rows[row].sort {
                let (a, b) = (items[$0], items[$1])
                return (a.desired, a.key.node, a.key.edge) < (b.desired, b.key.node, b.key.edge)
            }
            Self.place(rows[row], in: &items)
        }
        // Then up again: each point in a row of labels moves, in the same order, towards where its
        // arrow goes next, so that an arrow to a box pushed aside drops straight into it instead of
        // running along the gap beside another arrow. One from a side corner stays clear of the
        // corner and of the next box in its decision's row.
        var next = Array(repeating: -1, count: items.count)
        for (edge, end) in ends.enumerated() {
            guard case .down(let chain) = ways[edge] else { continue }
            for (index, point) in chain.enumerated() { next[point] = index + 1 < chain.count ? chain[index + 1] : itemOf[end.to] }
        }
        var bounds = Array(repeating: (low: -Double.infinity, high: Double.infinity), count: items.count)
        for (edge, end) in ends.enumerated() where exit[edge] == .left || exit[edge] == .right {
            guard case .down(let chain) = ways[edge], let first = chain.first else { continue }
            let decision = itemOf[end.from]
            let row = rows[items[decision].row]
            let position = row.firstIndex(of: decision) ?? 0
            if exit[edge] == .right {
                bounds[first].low = items[first].x
                if position + 1 < row.count {
                    let neighbour = items[row[position + 1]]
                    bounds[first].high = neighbour.x - neighbour.left - neighbour.margin
                }
            } else {
                bounds[first].high = items[first].x
                if position > 0 {
                    let neighbour = items[row[position - 1]]
                    bounds[first].low = neighbour.x + neighbour.right + neighbour.margin
                }
            }
        }
        for row in stride(from: rowCount - 1, through: 1, by: -2) {
            for item in rows[row] {
                let wanted = next[item] >= 0 ? items[next[item]].x : items[item].x
                items[item].desired = min(max(wanted, bounds[item].low), max(bounds[item].high, bounds[item].low))
            }
            Self.place(rows[row], in: &items)
        }

        // Horizontal extent: the items, then the channel.
        let contentLeft = items.map { $0.x - $0.left }.min() ?? 0
        let contentRight = items.map { $0.x + $0.right }.max() ?? 0
        let shift = Self.pad - contentLeft
        for index in items.indices { items[index].x += shift }
        let right = contentRight + shift
        width = right + (channels == 0 ? 0 : Double(channels) * Self.channelGap + 4) + Self.pad
        let channelX = { (index: Int) in right + Self.channelGap + Double(index) * Self.channelGap }

        // Rows and gaps, top to bottom. A row of nodes (even) or of labels (odd) is never flat, so
        // that arrows keep a length.
        var rowHeight = Array(repeating: 0.0, count: rowCount)
        for item in items { rowHeight[item.row] = max(rowHeight[item.row], item.height) }
        for row in 0..<rowCount { rowHeight[row] = max(rowHeight[row], row % 2 == 0 ? 20 : 4) }
        var rowTop = Array(repeating: 0.0, count: rowCount + 1)
        var exitY = Array(repeating: 0.0, count: rowCount + 1)
        var entryY = Array(repeating: 0.0, count: rowCount + 1)
        var cursor = 0.0
        for gap in 0...rowCount {
            exitY[gap] = cursor + 4
            if exits[gap] > 0 { cursor += Double(exits[gap]) * Self.track + 4 }
            entryY[gap] = cursor + 3
            if entries[gap] > 0 { cursor += Double(entries[gap]) * Self.track + 2 }
            cursor += gap == 0 || gap == rowCount ? 2 : Self.rowGap
            rowTop[gap] = cursor
            if gap < rowCount { cursor += rowHeight[gap] }
        }
        height = cursor
        // Where arrows turn in the gap above a row: the buses that fan out of a box and into one.
        let bus = { (row: Int) in rowTop[row] - Self.rowGap / 2 }

        // Final centres, and the points of every arrow, at right angles.
        centers = Array(repeating: Point(x: 0, y: 0), count: count)
        for item in items {
            guard let node = item.node else { continue }
            centers[node] = Point(x: item.x, y: rowTop[item.row] + rowHeight[item.row] / 2)
            if corner[node].right >= 0, exit[corner[node].right] == .beside {
                let end = ends[corner[node].right].to
                centers[end] = Point(x: item.x + box[node].width / 2 + reach(corner[node].right) - box[end].width / 2, y: centers[node].y)
            }
        }
        func top(_ item: Int) -> Point { Point(x: items[item].x, y: rowTop[items[item].row]) }
        func bottom(_ item: Int) -> Point { Point(x: items[item].x, y: rowTop[items[item].row] + rowHeight[items[item].row]) }
        for (edge, end) in ends.enumerated() {
            let (from, to) = (centers[end.from], centers[end.to])
            let start = Point(x: from.x, y: from.y + box[end.from].height / 2)
            let finish = Point(x: to.x, y: to.y - box[end.to].height / 2)
            let side = exit[edge] == .left ? -1.0 : 1.0
            let cornerPoint = Point(x: from.x + side * box[end.from].width / 2, y: from.y)
            var points: [Point]
            switch exit[edge] {
            case .bottom: points = [start]
            default: points = [cornerPoint]
            }
            // Into the first point: down to the bus and across, or across from the corner.
            func enter(_ item: Int) {
                let target = top(item)
                let last = points[points.count - 1]
                if last.x != target.x {
                    let y = exit[edge] == .bottom || points.count > 1 ? bus(items[item].row) : last.y
                    points += [Point(x: last.x, y: y), Point(x: target.x, y: y)]
                }
                points += [target, bottom(item)]
            }
            switch ways[edge] {
            case .beside:
                points.append(Point(x: to.x - box[end.to].width / 2, y: to.y))
            case .down(let chain):
                chain.forEach(enter)
                let last = points[points.count - 1]
                points += [Point(x: last.x, y: bus(row[end.to])), Point(x: finish.x, y: bus(row[end.to])), finish]
            case .channel(let first, let index, let out, let entry):
                enter(first)
                let down = exitY[out.gap] + Double(out.track) * Self.track
                let across = entryY[entry.gap] + Double(entry.track) * Self.track
                let x = channelX(index)
                points += [
                    Point(x: points[points.count - 1].x, y: down), Point(x: x, y: down), Point(x: x, y: across),
                    Point(x: finish.x, y: across), finish,
                ]
            }
            routes.append(Self.simplified(points))
            let first: Int? =
                switch ways[edge] {
                case .down(let chain): chain.first
                case .channel(let first, _, _, _): first
                case .beside: nil
                }
            labels.append(
                labelSize[edge].map { size in
                    if exit[edge] == .bottom, let first {
                        // Beside the arrow, where it drops through the row of labels.
                        return Box(
                            x: items[first].x + Self.labelGap + size.width / 2, y: (top(first).y + bottom(first).y) / 2,
                            width: size.width, height: size.height)
                    }
                    // By the side corner, above the arrow.
                    return Box(
                        x: cornerPoint.x + side * (6 + size.width / 2), y: cornerPoint.y - 3 - size.height / 2,
                        width: size.width, height: size.height)
                })
        }
    }

    /// The points without repeats, and without the middle of three on one line.
    static func simplified(_ points: [Point]) -> [Point] {
        var kept: [Point] = []
        for point in points {
            if let last = kept.last, last.x == point.x, last.y == point.y { continue }
            if kept.count >= 2 {
                let (a, b) = (kept[kept.count - 2], kept[kept.count - 1])
                if (a.x == b.x && b.x == point.x) || (a.y == b.y && b.y == point.y) {
                    kept[kept.count - 1] = point
                    continue
                }
            }
            kept.append(point)
        }
        return kept
    }

    /// Places one row's items, in order, as near their wished-for places as their extents allow.
    private static func place(_ row: [Int], in items: inout [Item]) {
        guard !row.isEmpty else { return }
        var offsets = [0.0]
        for position in 1..<row.count {
            let (left, right) = (items[row[position - 1]], items[row[position]])
            let join = left.into >= 0 && left.into == right.into && left.right == 0 && right.left == 0
            offsets.append(offsets[position - 1] + (join ? 0 : left.right + left.margin + right.left + right.margin))
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
