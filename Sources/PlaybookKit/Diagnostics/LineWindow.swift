/// The part of a long source line that a diagnostic shows: each label with some context on both
/// sides (a long label by its two ends), cut only between grapheme clusters, with "…" where text
/// is left out. A line of megabytes is shown in a few hundred cells; a line of normal length is
/// not cut at all (`init` gives nil), so its rendering stays as it was.
struct LineWindow {
    /// Lines up to this many cells (and `maximumBytes` bytes) are shown whole.
    static let maximumCells = 240
    static let maximumBytes = 2_000
    /// Cells (and at most as many grapheme clusters) kept on each side of a label.
    static let context = 60
    /// A label up to this many cells (and clusters) is shown whole; a longer one by its first and
    /// last `labelEnd` cells, with "…" between them under the carets.
    static let wholeLabel = 120
    static let labelEnd = 50
    static let gap = " … "

    /// The text to show in place of the line.
    let text: String
    /// The kept byte ranges of the line (offsets from its start), with where each begins in
    /// `text` (a UTF-8 offset).
    private let pieces: [(kept: Range<Int>, at: Int)]

    /// Where a byte offset of the line (from its start) is in `text`, as a UTF-8 offset. Every
    /// label's ends are kept, so their places are exact.
    func position(of offset: Int) -> Int {
        guard var best = pieces.first else { return 0 }
        for piece in pieces where piece.kept.lowerBound <= offset { best = piece }
        return best.at + min(max(0, offset - best.kept.lowerBound), best.kept.count)
    }

    /// The window of `line` around the labels (byte ranges from the line's start, within it);
    /// nil when the line is short enough to show whole.
    init?(line: String, labels: [Range<Int>]) {
        let byteCount = line.utf8.count
        if byteCount <= Self.maximumBytes, Self.cells(line) <= Self.maximumCells { return nil }

        // Where each label starts and ends, as the grapheme cluster (its ordinal) that holds the
        // byte, and the cells before that cluster.
        struct Anchor {
            var cluster = 0
            var cells = 0
            var found = false
        }
        var starts = Array(repeating: Anchor(), count: labels.count)
        var ends = Array(repeating: Anchor(), count: labels.count)
        var clusters = 0
        var cells = 0
        Self.forEachCluster(of: line) { offset, next, width in
            for (index, label) in labels.enumerated() {
                if !starts[index].found, label.lowerBound < next {
                    starts[index] = Anchor(cluster: clusters, cells: cells, found: true)
                }
                if !ends[index].found, label.upperBound <= offset {
                    ends[index] = Anchor(cluster: clusters, cells: cells, found: true)
                }
            }
            clusters += 1
            cells += width
        }
        for index in labels.indices {
            if !starts[index].found { starts[index] = Anchor(cluster: clusters, cells: cells, found: true) }
            if !ends[index].found { ends[index] = Anchor(cluster: clusters, cells: cells, found: true) }
        }

        // The clusters to keep around each label, bounded in clusters and in cells.
        struct Keep {
            var clusters: Range<Int>
            var cells: ClosedRange<Int>
        }
        var keeps: [Keep] = []
        for index in labels.indices {
            let (start, end) = (starts[index], ends[index])
            let (context, side) = (Self.context, Self.labelEnd)
            if end.cells - start.cells <= Self.wholeLabel, end.cluster - start.cluster <= Self.wholeLabel {
                keeps.append(Keep(clusters: start.cluster - context..<end.cluster + context, cells: start.cells - context...end.cells + context))
            } else {
                keeps.append(Keep(clusters: start.cluster - context..<start.cluster + side, cells: start.cells - context...start.cells + side))
                keeps.append(Keep(clusters: end.cluster - side..<end.cluster + context, cells: end.cells - side...end.cells + context))
            }
        }

        // The byte range each keeps: the clusters within both of its bounds, whole.
        var kept = Array(repeating: (lower: Int.max, upper: Int.min), count: keeps.count)
        clusters = 0
        cells = 0
        Self.forEachCluster(of: line) { offset, next, width in
            for (index, keep) in keeps.enumerated()
            where keep.clusters.contains(clusters) && cells >= keep.cells.lowerBound && cells + width <= keep.cells.upperBound {
                kept[index] = (min(kept[index].lower, offset), max(kept[index].upper, next))
            }
            clusters += 1
            cells += width
        }
        // A label at the end of the line keeps its place there even with nothing after it.
        for (index, keep) in keeps.enumerated() where kept[index].lower > kept[index].upper && keep.clusters.contains(clusters) {
            kept[index] = (byteCount, byteCount)
        }

        // Joined where they meet or nearly do (a gap of a few bytes is shown rather than cut).
        var ranges: [Range<Int>] = []
        for range in kept.filter({ $0.lower <= $0.upper }).map({ $0.lower..<$0.upper }).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = ranges.last, range.lowerBound <= last.upperBound + 12 {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        var text = ""
        var pieces: [(kept: Range<Int>, at: Int)] = []
        let utf8 = line.utf8
        for (number, range) in ranges.enumerated() {
            if number > 0 {
                text += Self.gap
            } else if range.lowerBound > 0 {
                text += "… "
            }
            pieces.append((range, text.utf8.count))
            let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let to = utf8.index(from, offsetBy: range.count)
            text += line[from..<to]
        }
        if let last = ranges.last, last.upperBound < byteCount { text += " …" }
        self.text = text
        self.pieces = pieces
    }

    /// Cells as the renderer counts them, near enough to choose where to cut (a tab counts 4):
    /// the carets are placed on the text shown, by the renderer's own count.
    private static func cells<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += cells(scalar) }
        return total
    }

    /// Calls `body` with the start and end (byte offsets) and the cells of each grapheme cluster
    /// of the line, in order. Two ASCII characters in a row are always two clusters (but for
    /// CR LF), so runs of ASCII are taken a byte at a time; the rest by the string's own
    /// segmentation, from a cluster boundary, so a cluster is never split.
    private static func forEachCluster(of line: String, _ body: (Int, Int, Int) -> Void) {
        let utf8 = line.utf8
        var index = line.startIndex
        var offset = 0
        while index < line.endIndex {
            let byte = utf8[index]
            let after = utf8.index(after: index)
            if byte < 0x80, byte != 0x0D, after == utf8.endIndex || utf8[after] < 0x80 {
                body(offset, offset + 1, byte == 0x09 ? 4 : 1)
                index = after
                offset += 1
                continue
            }
            let next = line.index(after: index)
            let count = utf8.distance(from: index, to: next)
            body(offset, offset + count, cells(line[index..<next]))
            index = next
            offset += count
        }
    }

    private static func cells(_ scalar: Unicode.Scalar) -> Int {
        if scalar == "\t" { return 4 }
        if TerminalText.isUnsafe(scalar) { return 1 }
        return DisplayWidth.of(scalar)
    }
}
