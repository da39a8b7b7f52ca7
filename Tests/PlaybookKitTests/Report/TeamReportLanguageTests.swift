import Foundation
import Testing

@testable import PlaybookKit

/// Reports of playbooks in Chinese, Thai, Hebrew and Vietnamese: tables aligned by terminal
/// cells, CSV that reads back exactly, HTML that fetches nothing and is right to left in Hebrew.
struct TeamReportLanguageTests {
    struct Team: Sendable, CustomTestStringConvertible {
        var language: String
        var title: String
        var stages: [String]
        var question: String
        var options: [String]
        var reps: [String]
        var win: String
        var loss: String
        var testDescription: String { language }
    }

    static let teams = [
        Team(
            language: "zh", title: "七步销售流程", stages: ["寻找潜在客户", "方案展示", "促成交易"], question: "客户从哪里来？",
            options: ["老客户推荐", "展会，行业活动", "网站"], reps: ["王芳", "李雷", "Zoë"], win: "赢单", loss: "丢单"),
        Team(
            language: "th", title: "วงจรการขาย", stages: ["การรับรู้", "ความตั้งใจซื้อ", "การซื้อ"], question: "ลูกค้ามาจากไหน",
            options: ["ลูกค้าเก่าแนะนำ", "งานแสดงสินค้า", "เว็บไซต์"], reps: ["สมชาย", "น้ำผึ้ง", "Ana"], win: "ชนะ", loss: "แพ้"),
        Team(
            language: "he", title: "תהליך מכירה", stages: ["איתור לקוחות", "מצגת", "סגירת העסקה"], question: "מאיפה הגיע הליד?",
            options: ["הפניה מלקוח", "תערוכה, כנס", "אתר"], reps: ["דנה", "יוסי", "Ana"], win: "זכייה", loss: "הפסד"),
        Team(
            language: "vi", title: "Quy trình bán hàng", stages: ["Tìm kiếm, sàng lọc", "Trình bày", "Chốt giao dịch"],
            question: "Khách hàng đến từ đâu?", options: ["Giới thiệu, \"bạn cũ\"\nmiền Nam", "Hội thảo", "Website"],
            reps: ["Lan", "Đức", "=HYPERLINK(\"x\")"], win: "thắng", loss: "thua"),
    ]

    /// Fourteen sessions: each goes as far as `index % 4` stages, and ends won past the last,
    /// lost before it, or stays open.
    static func records(_ team: Team) -> [String] {
        (0..<14).map { index in
            var record = RecordLines(
                session: "20260105-09000\(index % 10)-\(1000 + index)", playbook: team.title, language: team.language,
                rep: team.reps[index % team.reps.count], deal: "deal \(index)", version: index % 3 == 0 ? "2.0" : "1.0",
                start: ReportFixture.asOf - Int64(60 - index * 3) * 86_400_000)
            let reached = index % 4
            for (number, title) in team.stages.prefix(max(1, reached)).enumerated() {
                record.enter("s\(number)", title, number: number + 1, after: 5)
                if number == 0 {
                    let option = team.options[index % team.options.count]
                    record.answer("q", team.question, type: "choice", stage: "s0", value: .string(option), shown: option)
                }
                if number + 1 < max(1, reached) || reached == 3 { record.leave("s\(number)", after: Int64(60 * (index + 1))) }
            }
            if reached == 3 {
                record.end(team.win, after: 10)
            } else if index % 2 == 0 {
                record.end(team.loss, after: 10)
            } else {
                record.pause()
            }
            return record.text
        }
    }

    @Test(arguments: teams)
    func textTablesAlignByCells(_ team: Team) throws {
        let report = ReportFixture.report(Self.records(team))
        let playbook = try #require(report.playbooks.first)
        #expect(playbook.language == team.language)
        for color in [false, true] {
            let (lines, tables) = playbook.textLines(asOf: report.asOf, paint: Paint(enabled: color))
            #expect(tables.count >= 8, "funnel, times, stalls, answers, reps, versions and their stages, trend")
            for table in tables {
                let widths = lines[table].map { DisplayWidth.of(TeamReportRenderTests.withoutStyles($0)) }
                #expect(Set(widths).count == 1, "\(team.language): rows of \(widths) cells:\n\(lines[table].joined(separator: "\n"))")
            }
            #expect(lines.contains { $0.contains(team.stages[1]) })
        }
        // The report's own words are the language's.
        #expect(report.text(color: false).contains(ReportWords(language: team.language)(.teamFunnel)))
    }

    /// Options with commas, quotes and a line break, a stage title with a comma, and a rep's name
    /// that a spreadsheet would run as a formula read back exactly (the name with its guard).
    @Test func csvReadsBackExactly() throws {
        let team = Self.teams[3]
        let report = ReportFixture.report(Self.records(team), keepDeals: true)
        let questions = try CSVReader.rows(report.csv(table: .questions))
        let header = try #require(questions.first)
        let answer = try #require(header.firstIndex(of: "answer"))
        let count = try #require(header.firstIndex(of: "count"))
        let row = try #require(questions.first { $0[answer] == "Giới thiệu, \"bạn cũ\"\nmiền Nam" })
        #expect(row[count] == "5" && row[header.firstIndex(of: "text") ?? 0] == "Khách hàng đến từ đâu?")
        let funnel = try CSVReader.rows(report.csv(table: .funnel))
        #expect(funnel.dropFirst().map { $0[1] } == team.stages)
        let reps = try CSVReader.rows(report.csv(table: .reps))
        #expect(reps.contains { $0[0] == "'=HYPERLINK(\"x\")" })
        #expect(!reps.contains { $0[0].hasPrefix("=") })
        let deals = try CSVReader.rows(report.csv(table: .deals))
        #expect(deals.count == 15 && deals[0].first == "session")
        // Every line ends with CRLF; the line break inside the option stays an LF.
        let text = report.csv(table: .questions)
        #expect(text.hasSuffix("\r\n") && text.contains("\"Giới thiệu, \"\"bạn cũ\"\"\nmiền Nam\""))
    }

    /// Two playbooks: a first column names each row's.
    @Test func csvOfSeveralPlaybooksNamesThePlaybook() throws {
        let report = ReportFixture.report(Self.records(Self.teams[0]) + Self.records(Self.teams[1]))
        let rows = try CSVReader.rows(report.csv(table: .reps))
        #expect(rows.first == ["playbook"] + TeamReport.csvColumns(.reps))
        #expect(Set(rows.dropFirst().map { $0[0] }) == ["七步销售流程", "วงจรการขาย"])
    }

    @Test func htmlIsSelfContainedBalancedAndEscaped() throws {
        let html = try ReportFixture.renewal().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for fetch in ["http://", "https://", "src=", "href=", "url(", "@import", "<link", "<img", "<iframe", "<object"] {
            #expect(!html.contains(fetch), "the page must not fetch anything: \(fetch)")
        }
        for tag in ["html", "head", "body", "article", "header", "section", "table", "thead", "tbody", "tr", "td", "th", "svg", "g", "figure", "p", "div", "h1", "h2", "h3", "h4", "bdi", "title", "style"] {
            let opened = Self.count("<\(tag)>", in: html) + Self.count("<\(tag) ", in: html)
            #expect(opened == Self.count("</\(tag)>", in: html), "<\(tag)> opened \(opened) times")
            #expect(opened > 0 || ["h4"].contains(tag), "no <\(tag)>")
        }
    }

    @Test func hebrewHTMLIsRightToLeft() throws {
        let html = ReportFixture.report(Self.records(Self.teams[2])).html()
        #expect(html.contains("<html lang=\"he\" dir=\"rtl\">"))
        #expect(html.contains("<article lang=\"he\" dir=\"rtl\">"))
        #expect(html.contains("direction=\"rtl\""), "the charts' texts are laid out right to left")
        #expect(html.contains("<p class=\"path\" dir=\"ltr\">"))
        let chinese = ReportFixture.report(Self.records(Self.teams[0])).html()
        #expect(chinese.contains("<html lang=\"zh\" dir=\"ltr\">") && !chinese.contains("direction=\"rtl\""))
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }
}
