/// The HTML report's charts, as inline SVG (no script, nothing fetched): the funnel (a bar per
/// stage, as long as the deals that entered it, the part that left it dark), the outcomes (a bar
/// per outcome, by its share of the ended deals) and the trend (a column per week, the won part
/// dark). A right-to-left playbook's charts are drawn mirrored, bars growing from the right, and
/// their texts laid out right to left. Labels too long for their room are shortened by cells, with
/// the whole text in the row's `<title>`, shown on hover.
enum HTMLCharts {
    static let dark = "#2f5d9b"
    static let light = "#c9d6e8"
    static let win = "#1e7b34"
    static let loss = "#b3261e"
    static let neither = "#b07d0f"
    static let ink = "#1f2933"
    static let muted = "#52606d"

    /// The width of every chart, in the units of its view box (pixels at full width).
    static let width = 960.0

    /// Pixels a terminal cell of label text takes at the charts' font size, near enough to lay
    /// labels out without measuring them (a Latin letter is one cell, a Chinese character two).
    static let pixelsPerCell = 7.4

    static func funnel(_ sheet: ReportSheet, rightToLeft: Bool) -> String {
        let titles = sheet.funnel.rows.map { $0.first ?? "" }
        let rows = sheet.funnelBars.indices.map { index in
            let row = sheet.funnel.rows[index]
            // "300 → 212 · 71%": entered, left, next-step conversion.
            let arrow = rightToLeft ? " ← " : " → "
            let label = row.count > 3 ? row[1] + arrow + row[2] + " · " + row[3] : ""
            return BarRow(title: titles[index], total: sheet.funnelBars[index].total, part: sheet.funnelBars[index].part,
                          label: label, colour: dark)
        }
        return bars(rows, rightToLeft: rightToLeft, role: sheet.words(.teamFunnel))
    }

    static func outcomes(_ sheet: ReportSheet, rightToLeft: Bool) -> String {
        // Against all the ended deals: a bar of 100% fills the room.
        let rows = sheet.outcomes.map { outcome in
            let colour = outcome.tone == .good ? win : outcome.tone == .bad ? loss : neither
            let scaled = Int((outcome.share * 10_000).rounded())
            return BarRow(title: outcome.tone.symbol + " " + outcome.name, total: scaled, part: scaled,
                          label: outcome.count + " · " + outcome.percent, colour: colour)
        }
        return bars(rows, most: 10_000, rightToLeft: rightToLeft, role: sheet.words(.teamOutcomes))
    }

    fileprivate struct BarRow {
        var title: String
        var total: Int
        var part: Int
        var label: String
        var colour: String
    }

    /// Horizontal bars, one a row: the title, the bar (`part` of it in `colour`, the rest light),
    /// and the label after the bar.
    fileprivate static func bars(_ rows: [BarRow], most: Int? = nil, rightToLeft: Bool, role: String) -> String {
        let rowHeight = 30.0
        let titleCells = min(34, rows.map { ShortLine.cells($0.title) }.max() ?? 0)
        let titleWidth = Double(titleCells) * pixelsPerCell + 28
        let labelWidth = 150.0
        let room = width - titleWidth - labelWidth
        let most = Double(max(1, most ?? rows.map(\.total).max() ?? 1))
        let height = Double(rows.count) * rowHeight + 8
        var canvas = Canvas(width: width, height: height, rightToLeft: rightToLeft, label: role)
        for (index, row) in rows.enumerated() {
            let top = 4 + Double(index) * rowHeight
            let total = Double(row.total) / most * room
            let part = Double(min(row.part, row.total)) / most * room
            canvas.open(title: row.title + " · " + row.label)
            canvas.text(ShortLine.shorten(row.title, to: 34), x: titleWidth - 10, y: top + 19, anchor: .end, fill: ink)
            if row.total > 0 {
                canvas.rect(x: titleWidth, y: top + 4, width: max(2, total), height: rowHeight - 10, fill: light)
                if row.part > 0 { canvas.rect(x: titleWidth, y: top + 4, width: max(2, part), height: rowHeight - 10, fill: row.colour) }
            }
            canvas.text(row.label, x: titleWidth + max(2, total) + 8, y: top + 19, anchor: .start, fill: muted)
            canvas.close()
        }
        return canvas.finish()
    }

    /// A column per week, as tall as the deals started in it, the won part dark; the week's name
    /// under every few columns, so that the names do not run into each other.
    static func trend(_ sheet: ReportSheet, rightToLeft: Bool) -> String {
        let weeks = sheet.trend.rows.map { $0.first ?? "" }
        let bars = sheet.trendBars
        guard !bars.isEmpty else { return "" }
        let chartHeight = 170.0
        let top = 22.0
        // Room at the sides for half a week's name under the first and the last column.
        let left = 36.0
        let slot = min(40, (width - 2 * left) / Double(bars.count))
        let column = max(2, slot * 0.72)
        let most = Double(max(1, bars.map(\.total).max() ?? 1))
        // A week's name is about 8 cells: label every `step`th column.
        let step = max(1, Int(((8 * pixelsPerCell + 16) / slot).rounded(.up)))
        var canvas = Canvas(width: width, height: top + chartHeight + 30, rightToLeft: rightToLeft, label: sheet.words(.teamTrend))
        let base = top + chartHeight
        canvas.line(x1: left, y1: base + 0.5, x2: left + slot * Double(bars.count), y2: base + 0.5, stroke: "#9aa5b1")
        for (index, bar) in bars.enumerated() {
            let x = left + Double(index) * slot + (slot - column) / 2
            let total = Double(bar.total) / most * chartHeight
            let won = Double(min(bar.part, bar.total)) / most * chartHeight
            let row = sheet.trend.rows[index]
            canvas.open(title: weeks[index] + ": " + sheet.words(.teamStarted) + " " + row[1] + " · " + sheet.words(.teamWon) + " " + row[2])
            canvas.rect(x: x, y: base - total, width: column, height: total, fill: light)
            if bar.part > 0 { canvas.rect(x: x, y: base - won, width: column, height: won, fill: win) }
            if slot >= 18 { canvas.text(row[1], x: x + column / 2, y: base - total - 5, anchor: .middle, fill: muted, size: 11, ltr: true) }
            if index % step == 0 {
                canvas.text(weeks[index], x: x + column / 2, y: base + 18, anchor: .middle, fill: muted, size: 11, ltr: true)
            }
            canvas.close()
        }
        return canvas.finish()
    }
}

/// SVG drawn left to right, or mirrored for a right-to-left language: every x is measured from
/// the right edge, and texts are laid out right to left (so a text's start is its right end).
private struct Canvas {
    enum Anchor { case start, middle, end }

    let width: Double
    let height: Double
    let rightToLeft: Bool
    private var out: String

    init(width: Double, height: Double, rightToLeft: Bool, label: String) {
        self.width = width
        self.height = height
        self.rightToLeft = rightToLeft
        let size = "\(Self.number(width)) \(Self.number(height))"
        out = "<figure><svg viewBox=\"0 0 \(size)\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" role=\"img\" "
        out += "aria-label=\"\(HTMLText.escape(label))\" font-size=\"13\">\n"
    }

    private func x(_ x: Double, width: Double = 0) -> Double { rightToLeft ? self.width - x - width : x }

    mutating func open(title: String) { out += "<g><title>\(HTMLText.escape(title))</title>" }
    mutating func close() { out += "</g>\n" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String) {
        out += "<rect x=\"\(Self.number(self.x(x, width: width)))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
        out += "height=\"\(Self.number(height))\" rx=\"2\" fill=\"\(fill)\"/>"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String) {
        out += "<line x1=\"\(Self.number(x(x1)))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x(x2)))\" y2=\"\(Self.number(y2))\" "
        out += "stroke=\"\(stroke)\"/>\n"
    }

    /// With `ltr`, a text that reads left to right in any language (a week, `2026-W02`).
    mutating func text(_ text: String, x: Double, y: Double, anchor: Anchor, fill: String, size: Int? = nil, ltr: Bool = false) {
        // With direction="rtl", `start` is the right end of the text: mirrored, the anchor stays.
        let side: String =
            switch anchor {
            case .middle: "middle"
            case .start: "start"
            case .end: "end"
            }
        out += "<text x=\"\(Self.number(self.x(x)))\" y=\"\(Self.number(y))\" text-anchor=\"\(side)\" fill=\"\(fill)\""
        if let size { out += " font-size=\"\(size)\"" }
        // A page in Hebrew gives its SVG `direction: rtl`; a left-to-right text says so itself.
        if rightToLeft { out += ltr ? " direction=\"ltr\"" : " direction=\"rtl\"" }
        out += ">\(HTMLText.escape(text))</text>"
    }

    func finish() -> String { out + "</svg></figure>\n" }

    /// To a tenth of a pixel, the same on every machine.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return sign + String(magnitude / 10) + (magnitude % 10 == 0 ? "" : "." + String(magnitude % 10))
    }
}
