import Testing

@testable import PlaybookKit

/// The marks after the outcomes of the header, `outcomes won (win), lost (loss), nurture`, and
/// their diagnostics (PB0117, PB0118).
struct OutcomeMarkParserTests {
    private struct Parsed {
        var names: [String]
        /// The mark of each outcome as written (`win`, `loss`) or nil.
        var marks: [String?]
        /// The text under each mark's span, `(win)`.
        var marked: [String]
        var diagnostics: [Diagnostic]
    }

    private func parsed(_ outcomes: String) -> Parsed {
        let text = "playbook \"P\"\n  outcomes \(outcomes)\n"
        let source = SourceFile(path: "t.playbook", bytes: Array(text.utf8))
        var interner = Interner()
        let (file, diagnostics) = parse(source, file: 0, interner: &interner)
        let header = file.header
        return Parsed(
            names: header?.outcomes?.map { interner.name($0.symbol) } ?? [],
            marks: header?.outcomeMarks.map { $0?.kind.rawValue } ?? [],
            marked: header?.outcomeMarks.compactMap { $0.map { source.text(Int($0.span.start)..<Int($0.span.end)) } } ?? [],
            diagnostics: diagnostics)
    }

    @Test func marksFollowOutcomesInEveryScript() {
        let cases: [(String, [String], [String?])] = [
            ("won (win), lost (loss), nurture, disqualified (loss)", ["won", "lost", "nurture", "disqualified"], ["win", "loss", nil, "loss"]),
            ("thắng (win), thua (loss), nuôi_dưỡng, loại (loss)", ["thắng", "thua", "nuôi_dưỡng", "loại"], ["win", "loss", nil, "loss"]),
            ("זכייה (win), הפסד (loss), טיפוח, לא_מתאים (loss)", ["זכייה", "הפסד", "טיפוח", "לא_מתאים"], ["win", "loss", nil, "loss"]),
            ("ซื้อ (win), ไม่ซื้อ (loss), ติดตามต่อ, ไม่ผ่านเกณฑ์ (loss)", ["ซื้อ", "ไม่ซื้อ", "ติดตามต่อ", "ไม่ผ่านเกณฑ์"], ["win", "loss", nil, "loss"]),
            ("成交 (win), 流失 (loss), 培育, 不合格 (loss)", ["成交", "流失", "培育", "不合格"], ["win", "loss", nil, "loss"]),
        ]
        for (line, names, marks) in cases {
            let result = parsed(line)
            #expect(result.diagnostics.isEmpty, "\(line): \(result.diagnostics.map(\.message))")
            #expect(result.names == names)
            #expect(result.marks == marks)
            #expect(result.marked == marks.compactMap { $0.map { "(\($0))" } }, "a mark's span runs from ( to )")
        }
    }

    @Test func withoutMarksEveryOutcomeHasNone() {
        let result = parsed("won, lost, nurture")
        #expect(result.diagnostics.isEmpty)
        #expect(result.marks == [nil, nil, nil])
        // Without spaces, and with spaces inside the parentheses, a mark reads the same.
        #expect(parsed("won(win),lost( loss )").marks == ["win", "loss"])
    }

    @Test func anUnknownMarkIsReportedWithTheNearestMark() {
        let cases: [(String, String)] = [
            ("won (won), lost", "did you mean 'win'?"),
            ("won (winner), lost", "did you mean 'win'?"),
            ("won (Win), lost", "did you mean 'win'?"),
            ("won, lost (lost)", "did you mean 'loss'?"),
            ("won, lost (losses)", "did you mean 'loss'?"),
            ("thắng (thắng), thua", "write thắng (win) for a win or thắng (loss) for a loss"),
            ("won (\"win\"), lost", "a mark is written without quotes: won (win)"),
            ("won (), lost", "write won (win) or won (loss), or remove the parentheses"),
        ]
        for (line, help) in cases {
            let result = parsed(line)
            #expect(result.diagnostics.map(\.code) == [.unknownOutcomeMark], "\(line)")
            #expect(result.diagnostics.first?.help == help, "\(line)")
            // The outcomes are still declared, the badly marked one without a mark.
            #expect(result.names.count == 2, "\(line)")
            #expect(result.marks == [nil, nil], "\(line)")
        }
        #expect(parsed("won (won)").diagnostics.first?.message == "unknown mark 'won' on the outcome 'won'")
    }

    @Test func anUnclosedMarkIsReportedAndTheNextOutcomesAreRead() {
        let atTheComma = parsed("won (win, lost (loss), nurture")
        #expect(atTheComma.diagnostics.map(\.code) == [.unclosedOutcomeMark])
        #expect(atTheComma.diagnostics.first?.message == "the mark on the outcome 'won' is not closed")
        #expect(atTheComma.diagnostics.first?.help == "close it: won (win)")
        #expect(atTheComma.names == ["won", "lost", "nurture"])
        #expect(atTheComma.marks == [nil, "loss", nil])

        let atTheEnd = parsed("won (win), ไม่ซื้อ (loss")
        #expect(atTheEnd.diagnostics.map(\.code) == [.unclosedOutcomeMark])
        #expect(atTheEnd.marks == ["win", nil])

        // Something else where the `)` should be is pointed at, and skipped to the next comma.
        let beforeAName = parsed("won (win lost, nurture")
        #expect(beforeAName.diagnostics.map(\.code) == [.unclosedOutcomeMark])
        #expect(beforeAName.diagnostics.first?.secondary.map(\.message) == ["expected ')' before this"])
        #expect(beforeAName.names == ["won", "nurture"])

        let empty = parsed("won (")
        #expect(empty.diagnostics.map(\.code) == [.unclosedOutcomeMark])
        #expect(empty.diagnostics.first?.help == "close it: won (win) or won (loss)")
    }

    @Test func aMarkIsNotAReservedWordAndAMarkWordMayNameAnOutcome() {
        let result = parsed("win (win), loss (loss)")
        #expect(result.diagnostics.isEmpty)
        #expect(result.names == ["win", "loss"])
        #expect(result.marks == ["win", "loss"])
        // A second mark is left over on the line, as any other token after the last outcome.
        let twice = parsed("won (win) (loss)")
        #expect(twice.diagnostics.map(\.code) == [.unexpectedToken])
        #expect(twice.marks == ["win"])
    }
}
