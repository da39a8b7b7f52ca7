/// Writes a template's entries straight from text units, as `POWriter` writes the entries
/// `POTemplate.entries` makes of them, without making them: the template of a big playbook
/// is written in a fraction of the time.
struct TemplateWriter {
    private let fileName: [UInt8]
    private let source: SourceFile
    private(set) var out: [UInt8] = []
    /// How many entries are written.
    private(set) var count = 0
    /// The line of the last text, to find the next one's from.
    private var line = 0
    /// The group being written: the index of each entry's first text, its line, and the lines
    /// of the texts written again (by entry).
    private var firsts: [Int] = []
    private var lines: [Int] = []
    private var again: [(entry: Int, line: Int)] = []

    init(fileName: String, source: SourceFile) {
        self.fileName = Array(fileName.utf8)
        self.source = source
    }

    /// Writes the entries of `units`, a blank line between each two.
    mutating func write(_ units: [TextUnit]) {
        out.reserveCapacity(units.count * 130)
        var start = 0
        while start < units.count {
            var end = start + 1
            while end < units.count, units[end].group == units[start].group { end += 1 }
            write(group: units[start..<end])
            start = end
        }
    }

    /// The texts of one group, where every text written twice with one context is: an entry
    /// for each context and text, in order, with the lines of all its texts.
    private mutating func write(group units: ArraySlice<TextUnit>) {
        firsts.removeAll(keepingCapacity: true)
        lines.removeAll(keepingCapacity: true)
        again.removeAll(keepingCapacity: true)
        // A small group is searched; a big one (a long glossary) is indexed.
        var index: [POKey: Int] = [:]
        for at in units.indices {
            let unit = units[at]
            line = source.lineIndex(of: Int(unit.span.start), from: line) + 1
            let earlier: Int?
            if units.count <= 16 {
                earlier = firsts.firstIndex { units[$0].context == unit.context && units[$0].source == unit.source }
            } else {
                let key = POKey(context: unit.context, id: unit.source)
                earlier = index[key]
                if earlier == nil { index[key] = firsts.count }
            }
            if let earlier {
                if lines[earlier] != line, !again.contains(where: { $0.entry == earlier && $0.line == line }) { again.append((earlier, line)) }
                continue
            }
            firsts.append(at)
            lines.append(line)
        }
        for number in firsts.indices { entry(units[firsts[number]], number: number) }
    }

    /// The entry of `unit`, the group's entry `number`.
    private mutating func entry(_ unit: TextUnit, number: Int) {
        if count > 0 { out.append(UInt8(ascii: "\n")) }
        count += 1
        POWriter.comment("#. ", unit.what, into: &out)
        if let note = POTemplate.placeholderNote(unit) { POWriter.comment("#. ", note, into: &out) }
        out.append("#: ")
        reference(lines[number])
        for other in again where other.entry == number {
            out.append(UInt8(ascii: " "))
            reference(other.line)
        }
        out.append(UInt8(ascii: "\n"))
        if POTemplate.isBraceFormat(unit) { POWriter.comment("#, ", POTemplate.braceFormat, into: &out) }
        POWriter.field("", "msgctxt", unit.context, into: &out)
        POWriter.field("", "msgid", unit.source, into: &out)
        out.append("msgstr \"\"\n")
    }

    /// `main.playbook:12`.
    private mutating func reference(_ line: Int) {
        out += fileName
        out.append(UInt8(ascii: ":"))
        var divisor = 1
        while divisor <= line / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(line / divisor % 10))
            divisor /= 10
        }
    }
}
