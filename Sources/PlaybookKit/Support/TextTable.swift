/// The one table renderer: columns padded by terminal cells (so that Chinese and Thai line up),
/// two spaces between them. ANSI escape sequences in a cell take no cells, so a caller may colour
/// cells before they are laid out.
public enum TextTable {
    public enum Alignment: Sendable {
        case left
        /// Numbers: padded on the left, so that their last digits line up.
        case right
    }

    /// Every column left-aligned, the last column not padded.
    public static func render(header: [String], rows: [[String]]) -> String {
        render(header: header, rows: rows, alignments: [])
    }

    /// Each column aligned as `alignments` says (left where it says nothing), every line after
    /// `indent`, and with `rule`, a line of that character under the header as wide as the table.
    /// With `padded`, a last column aligned left is padded too, so that every line of the table
    /// takes the same cells; without, it is not (no spaces at the ends of lines).
    public static func render(
        header: [String], rows: [[String]], alignments: [Alignment], indent: String = "", rule: Character? = nil, padded: Bool = false
    ) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { column < $0.count ? Wrap.cells($0[column]) : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            var out = indent
            for column in header.indices {
                let cell = column < row.count ? row[column] : ""
                let gap = String(repeating: " ", count: widths[column] - Wrap.cells(cell))
                let last = column == header.count - 1
                switch column < alignments.count ? alignments[column] : .left {
                case .right: out += gap + cell
                case .left: out += cell + (last && !padded ? "" : gap)
                }
                if !last { out += "  " }
            }
            return out
        }
        var lines = [line(header)]
        if let rule {
            let total = widths.reduce(0, +) + 2 * max(0, widths.count - 1)
            lines.append(indent + String(repeating: rule, count: total))
        }
        lines += rows.map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}
