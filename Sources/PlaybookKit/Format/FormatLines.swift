/// The lines of a file as the formatter lays them out: statements at their block depth, comment
/// lines, blank lines. Both formatters (playbooks and scenario files) fill one, and it applies the
/// rules they share (docs/format.md): how comment lines are indented and where blank lines go.
struct FormatLines {
    enum Kind: Equatable {
        case blank
        case comment
        /// `grouped`: a top-level line that may sit right under another grouped one (`use` and
        /// `term` lines; the answer lines before the first `scenario`).
        case statement(grouped: Bool)
    }

    struct Line {
        var kind: Kind
        /// The block depth: a statement's own; a comment's is chosen by `render`.
        var depth: Int
        /// The indentation as written, in columns (a tab goes to the next multiple of 4).
        var written: Int
        /// The canonical text after the indentation, in `bytes`.
        var text: Range<Int>
    }

    private(set) var lines: [Line] = []
    /// The text of every line, one after the other.
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        lines.reserveCapacity(capacity)
    }

    mutating func addBlank() {
        lines.append(Line(kind: .blank, depth: 0, written: 0, text: bytes.count..<bytes.count))
    }

    mutating func addComment(written: Int, _ text: some Collection<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: text)
        lines.append(Line(kind: .comment, depth: 0, written: written, text: start..<bytes.count))
    }

    /// A statement whose text `write` appends to the bytes it is given.
    mutating func addStatement(depth: Int, written: Int, grouped: Bool, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        lines.append(Line(kind: .statement(grouped: grouped), depth: depth, written: written, text: start..<bytes.count))
    }

    /// The canonical text: two spaces per level; a comment line at the depth of the statement after
    /// it, or, at the end of a block, of the open block it was written closest to; one blank line
    /// before each top-level block (a grouped line keeps the author's choice next to another); the
    /// author's blank lines elsewhere kept, a run of them as one; none at the start of the file or
    /// of a block, none at the end.
    func render() -> String {
        var depths = lines.map(\.depth)
        var nextGrouped = [Bool](repeating: false, count: lines.count)
        // The written indentation of the last statement at each depth, up to the last statement.
        var open: [Int] = []
        var pending: [Int] = []
        func place(_ comments: [Int], before next: Int, grouped: Bool) {
            let previous = open.count - 1
            for comment in comments {
                nextGrouped[comment] = grouped
                var best = next
                if next <= previous {
                    for depth in next...previous where abs(open[depth] - lines[comment].written) < abs(open[best] - lines[comment].written) {
                        best = depth
                    }
                }
                depths[comment] = best
            }
        }
        for (index, line) in lines.enumerated() {
            switch line.kind {
            case .blank: continue
            case .comment: pending.append(index)
            case .statement(let grouped):
                place(pending, before: line.depth, grouped: grouped)
                pending.removeAll(keepingCapacity: true)
                if open.count > line.depth { open.removeSubrange(line.depth...) }
                // A depth skipped (only in a broken file, which is refused) is filled in.
                while open.count < line.depth { open.append(line.written) }
                open.append(line.written)
            }
        }
        place(pending, before: 0, grouped: false)

        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + lines.count * 8)
        var blankSeen = false
        // The last line written: its depth, and whether it is a grouped top-level statement or a comment.
        var last: (depth: Int, kind: Kind)?
        for (index, line) in lines.enumerated() {
            if line.kind == .blank {
                blankSeen = true
                continue
            }
            let depth = depths[index]
            if let last {
                // None right under the line that opens a block.
                var blank = blankSeen && depth <= last.depth
                if depth == 0, last.depth > 0 {
                    blank = true
                } else if depth == 0, case .statement(let lastGrouped) = last.kind {
                    let grouped: Bool
                    if case .statement(let own) = line.kind { grouped = own } else { grouped = nextGrouped[index] }
                    if !(lastGrouped && grouped) { blank = true }
                }
                if blank { out.append(UInt8(ascii: "\n")) }
            }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
            out.append(contentsOf: bytes[line.text])
            out.append(UInt8(ascii: "\n"))
            last = (depth, line.kind)
            blankSeen = false
        }
        return String(decoding: out, as: UTF8.self)
    }
}
