import Foundation
import Testing

@testable import PlaybookKit

/// The chart in the playbook's language: its own words, Hebrew right to left, Thai broken between
/// words, Chinese lines that never start with closing punctuation.
struct ChartLanguageTests {
    static func svg(_ name: String, detail: Bool = false, stage: Int? = nil) throws -> SVGTests.Parsed {
        try SVGTests.parse(SVG.render(Flowchart(try GraphFixtures.named(name), stage: stage, detail: detail)))
    }

    @Test func everyLanguageHasEveryWord() {
        for (language, table) in ChartWords.tables {
            for word in ChartWords.Word.allCases { #expect(table[word] != nil, "\(language) has no \(word)") }
        }
        #expect(Set(ChartWords.tables.keys) == Set(RunnerStrings.languages))
    }

    /// A Vietnamese chart says có and không, nói, kiểm tra, and its legend and flows are in
    /// Vietnamese; none of the English words is left.
    @Test func aVietnameseChartSpeaksVietnamese() throws {
        let texts = try Self.svg("sales-process-vi").texts
        for word in ["có", "không"] { #expect(texts.contains(word), "no '\(word)'") }
        #expect(texts.contains { $0.hasPrefix("nói “") })
        #expect(texts.contains { $0.hasPrefix("kiểm tra ") })
        #expect(texts.contains { $0.hasPrefix("quy trình · ") })
        #expect(texts.contains { $0.hasPrefix("thực hiện ") })
        for legend in ["✓ thắng", "✗ thua", "○ kết quả khác"] { #expect(texts.contains(legend)) }
        let english = ["yes", "no", "other stages", "✓ won", "✗ lost", "○ other outcome", "return"]
        for word in english { #expect(!texts.contains(word), "English '\(word)' in a Vietnamese chart") }
        for prefix in ["say “", "buyer “", "check ", "flow · ", "call ", "set ", "if ", "exit when "] {
            #expect(!texts.contains { $0.hasPrefix(prefix) }, "English '\(prefix)' in a Vietnamese chart")
        }
        let detail = try Self.svg("sales-process-vi", detail: true).texts
        #expect(detail.contains { $0.hasPrefix("đặt ") })
        #expect(detail.contains { $0.hasPrefix("nếu ") })
        #expect(detail.contains { $0.hasPrefix("rời khi ") })
        let program = try GraphFixtures.named("sales-process-vi")
        #expect(Flowchart(program, stage: 1).title == "Quy trình bán hàng bảy bước · giai đoạn Chuẩn bị")
    }

    @Test(arguments: [("sales-process-he", "כן", "לא"), ("sales-process-zh", "是", "否"), ("sales-cycle-th", "ใช่", "ไม่ใช่")])
    func yesAndNoAreThePlaybooks(_ name: String, _ yes: String, _ no: String) throws {
        let texts = try Self.svg(name).texts
        #expect(texts.contains(yes) && texts.contains(no))
        #expect(!texts.contains("yes") && !texts.contains("no"))
    }

    /// Every text of a Hebrew chart is laid out right to left, and written in its logical order:
    /// `set סך_חוזים = 0` stays as typed, so the viewer shows it as a Hebrew reader reads it. The
    /// title stands on the right, the first stage is the rightmost column.
    @Test func hebrewIsRightToLeftInLogicalOrder() throws {
        let parsed = try Self.svg("sales-process-he", detail: true)
        #expect(!parsed.textAttributes.isEmpty)
        for attributes in parsed.textAttributes { #expect(attributes["direction"] == "rtl") }
        #expect(parsed.texts.contains("קבע סך_חוזים = 0"))
        #expect(parsed.texts.contains { $0.hasPrefix("אם תקציב") && $0.contains("<") })
        let layout = SVGLayout(Flowchart(try GraphFixtures.named("sales-process-he")))
        let title = try #require(parsed.textAttributes.first)
        #expect(Double(title["x"] ?? "") ?? 0 > layout.width / 2)
        #expect(title["text-anchor"] == nil)  // "start", which is the right end of right-to-left text
        let stages = layout.lanes.filter { layout.chart.clusters[$0.cluster].kind == .stage }
        #expect(stages.map(\.left) == stages.map(\.left).sorted(by: >))
        // A left-to-right chart has no direction.
        #expect(try Self.svg("sales-process-vi").textAttributes.allSatisfy { $0["direction"] == nil })
    }

    /// Thai lines break between words: the words a wrap at a fixed number of cells cut in two
    /// (ตัดสิ|นใจ, งบประมา|ณ) stay whole at every width that holds the longest (งบประมาณ, 8 cells).
    @Test func thaiIsWrappedBetweenWords() {
        let text = "ลูกค้าตัดสินใจซื้อภายในเดือนนี้ งบประมาณกี่บาท"
        let characters = Array(text)
        // Where each of the two words lies, in characters.
        let words = ["ตัดสินใจ", "งบประมาณ"].map { word -> Range<Int> in
            let start = text.range(of: word).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? 0
            return start..<(start + word.count)
        }
        for width in 8...30 {
            let lines = ShortLine.wrap(text, width: width, maxLines: 20)
            #expect(lines.allSatisfy { ShortLine.cells($0) <= width }, "\(lines)")
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == text.replacingOccurrences(of: " ", with: ""), "\(lines)")
            var position = 0
            for line in lines.dropLast() {
                position += line.count
                if position < characters.count, characters[position] == " " { position += 1 }
                for word in words { #expect(!(word.lowerBound < position && position < word.upperBound), "width \(width) cuts a word: \(lines)") }
            }
        }
    }

    /// In the Thai charts, every wrapped line of every box and label ends where a line may break.
    @Test(arguments: ["sales-cycle-th", "stall-th"])
    func thaiChartsBreakOnlyBetweenWords(_ name: String) throws {
        let layout = SVGLayout(Flowchart(try GraphFixtures.named(name)))
        var checked = 0
        for (index, node) in layout.chart.nodes.enumerated() {
            for text in node.text { checked += Self.expectBreaksAllowed(text, in: layout.nodeLines[index]) }
        }
        #expect(checked > 20)
    }

    /// The lines of `text` found in `lines`, in order: each break between two of them is one the
    /// line breaker allows. Returns how many breaks were checked.
    static func expectBreaksAllowed(_ text: String, in lines: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let characters = Array(text)
        let breaker = LineBreaker(text)
        var position = 0
        var checked = 0
        for line in lines {
            let piece = Array(line.hasSuffix("…") ? line.dropLast() : Substring(line))
            guard !piece.isEmpty, position + piece.count <= characters.count,
                Array(characters[position..<(position + piece.count)]) == piece
            else { continue }
            position += piece.count
            if position < characters.count, !line.hasSuffix("…") {
                #expect(breaker.canBreak(before: position) || LineBreaker.isSpace(characters[position]), "broken inside a word: \(line)|\(String(characters[position...]).prefix(8))", sourceLocation: sourceLocation)
                checked += 1
            }
            while position < characters.count, LineBreaker.isSpace(characters[position]) { position += 1 }
        }
        return checked
    }

    /// No line of a Chinese chart starts with closing punctuation: ？，。、！）： stay with the
    /// character before them.
    @Test(arguments: ["sales-process-zh", "price-objection-zh"])
    func chineseLinesNeverStartWithClosingPunctuation(_ name: String) throws {
        for detail in [false, true] {
            let layout = SVGLayout(Flowchart(try GraphFixtures.named(name), detail: detail))
            let lines = layout.nodeLines.flatMap { $0 } + layout.labelLines.flatMap { $0 } + layout.lanes.flatMap(\.heading)
            #expect(lines.count > 50)
            for line in lines {
                let first = try #require(line.unicodeScalars.first)
                #expect(!LineBreaker.closing.contains(first), "a line starts with \(first): \(line)")
            }
        }
    }

    @Test func chineseWrapKeepsPunctuationWithItsCharacter() {
        let text = "你要联系的人怎么称呼？他们今年有预算吗？如果有，大概是多少。"
        for width in 4...30 {
            let lines = ShortLine.wrap(text, width: width, maxLines: 40)
            #expect(lines.joined() == text, "width \(width): \(lines)")
            for line in lines.dropFirst() {
                #expect(!"？，。、！）：".contains(line.first ?? " "), "width \(width): \(lines)")
            }
        }
        // Where a cut at 20 cells would leave ？ alone on the second line.
        #expect(ShortLine.wrap("你要联系的人怎么称呼？", width: 20, maxLines: 2) == ["你要联系的人怎么称", "呼？"])
    }
}
