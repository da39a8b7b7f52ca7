/// Bars of block characters, a cell each, for a terminal and for Markdown.
enum TextBars {
    /// `total` as a bar of at most `cells` cells against `most`, its first `part` dark (`█`) and the
    /// rest light (`░`). A count above 0 takes at least one cell; the light part is padded with
    /// spaces to `cells`, so that bars in a column of a table line up.
    static func twoTone(_ total: Int, part: Int, most: Int, cells: Int) -> (dark: String, light: String) {
        guard most > 0, total > 0 else { return ("", String(repeating: " ", count: cells)) }
        let length = max(1, Int((Double(total) / Double(most) * Double(cells)).rounded()))
        var dark = Int((Double(min(part, total)) / Double(most) * Double(cells)).rounded())
        if part > 0 { dark = max(1, dark) }
        if part < total { dark = min(dark, length - 1) }
        dark = min(dark, length)
        let light = String(repeating: "░", count: max(0, length - dark)) + String(repeating: " ", count: max(0, cells - length))
        return (String(repeating: "█", count: max(0, dark)), light)
    }

    /// A share from 0 to 1 as a bar of eighths of a cell, at most `cells` cells.
    static func eighths(_ share: Double, cells: Int) -> String {
        guard share.isFinite, share > 0 else { return "" }
        let eighths = max(1, Int((min(share, 1) * Double(cells * 8)).rounded()))
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
    }
}
