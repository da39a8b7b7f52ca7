import Foundation
import Testing

@testable import PlaybookKit

/// The renderings of a team report: goldens of the fixture's (re-record with PLAYBOOK_RECORD=1,
/// and look at the HTML in a browser before committing it), and what each must hold whatever the
/// records say.
struct TeamReportRenderTests {
    @Test func textMatchesGolden() throws {
        Golden.assert(try ReportFixture.renewal().text(color: false), matches: ReportFixture.golden("expected.txt"))
    }

    @Test func markdownMatchesGolden() throws {
        let markdown = try ReportFixture.renewal().markdown()
        Golden.assert(markdown, matches: ReportFixture.golden("expected.md"))
        // A stage title's `|` would split a table's row; a rep's `<script>` would be HTML.
        #expect(markdown.contains("| Propose \\| price |"))
        #expect(markdown.contains("| \\<script\\>alert(1)\\</script\\> |"))
    }

    @Test(arguments: TeamReport.Table.allCases)
    func csvMatchesGolden(_ table: TeamReport.Table) throws {
        let csv = try ReportFixture.renewal(keepDeals: table == .deals).csv(table: table)
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        // Without the byte order mark, which a reader of the golden file may take away.
        Golden.assert(String(csv.unicodeScalars.dropFirst()), matches: ReportFixture.golden("expected-\(table.rawValue).csv"))
        let rows = try CSVReader.rows(csv)
        #expect(rows.first == TeamReport.csvColumns(table))
        #expect(rows.dropFirst().allSatisfy { $0.count == TeamReport.csvColumns(table).count })
    }

    @Test func htmlMatchesGolden() throws {
        Golden.assert(try ReportFixture.renewal().html(), matches: ReportFixture.golden("expected.html"))
    }

    /// Colour is only escape sequences around the plain report's text: without them, the same.
    @Test func colourOnlyAddsStyles() throws {
        let report = try ReportFixture.renewal()
        let coloured = report.text(color: true)
        #expect(coloured.contains("\u{1B}[1;36m"))
        #expect(Self.withoutStyles(coloured) == report.text(color: false))
    }

    static func withoutStyles(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                out.append(scalar)
                continue
            }
            while let next = scalars.next(), next != "m" {}
        }
        return String(out)
    }

    /// A record's texts cannot move the cursor, retitle the terminal or reorder a line: every
    /// control and bidirectional override is shown as `<U+…>`, in colour too.
    @Test func recordTextsAreMadeSafeForATerminal() {
        var record = RecordLines(
            session: "20260105-090000-0009", playbook: "Hostile\u{1B}]0;owned\u{07}", language: "en", rep: "Eve\u{1B}[2J", deal: "D\u{202E}cba",
            start: ReportFixture.asOf - 86_400_000 * 30)
        record.enter("s", "Stage\u{1B}[31m", number: 1)
        record.answer("q", "Why\u{9B}31m?", type: "choice", stage: "s", value: .string("x\u{0D}y"), shown: "x\u{0D}y")
        record.end("lost", after: 5)
        let report = ReportFixture.report([record.text])
        for color in [false, true] {
            let text = Self.withoutStyles(report.text(color: color))
            #expect(!text.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" }, "\(text)")
            for shown in ["Hostile<U+1B>]0;owned<U+7>", "Eve<U+1B>[2J", "Stage<U+1B>[31m", "Why<U+9B>31m?", "x<U+D>y"] {
                #expect(text.contains(shown), "\(shown) in \(text)")
            }
        }
        #expect(!report.markdown().unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    }
}

/// A small RFC 4180 reader: fields split by commas, a quoted field may hold commas, CR, LF and
/// doubled quotes; every record ends with CRLF. It throws on anything else, so that a test fails.
enum CSVReader {
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    static func rows(_ text: String) throws -> [[String]] {
        var scalars = Array(text.unicodeScalars)
        guard scalars.first == "\u{FEFF}" else { throw Malformed(description: "no byte order mark") }
        scalars.removeFirst()
        var rows: [[String]] = []
        var row: [String] = []
        var field = String.UnicodeScalarView()
        var index = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }
        while index < scalars.count {
            if scalars[index] == "\"" {
                guard field.isEmpty else { throw Malformed(description: "a quote inside an unquoted field") }
                index += 1
                while true {
                    guard let scalar = peek() else { throw Malformed(description: "an unclosed quote") }
                    index += 1
                    if scalar == "\"" {
                        if peek() == "\"" {
                            field.append("\"")
                            index += 1
                        } else {
                            break
                        }
                    } else {
                        field.append(scalar)
                    }
                }
                guard peek() == "," || peek() == "\r" else { throw Malformed(description: "text after a closing quote") }
            }
            guard let scalar = peek() else { break }
            switch scalar {
            case ",":
                row.append(String(field))
                field = String.UnicodeScalarView()
                index += 1
            case "\r":
                guard peek(1) == "\n" else { throw Malformed(description: "a CR without LF") }
                row.append(String(field))
                rows.append(row)
                (row, field) = ([], String.UnicodeScalarView())
                index += 2
            case "\n":
                throw Malformed(description: "an LF without CR outside quotes")
            default:
                field.append(scalar)
                index += 1
            }
        }
        guard row.isEmpty, field.isEmpty else { throw Malformed(description: "the last record does not end with CRLF") }
        return rows
    }
}
