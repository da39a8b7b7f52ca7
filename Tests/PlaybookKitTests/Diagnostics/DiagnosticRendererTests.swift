import Foundation
import Testing

@testable import PlaybookKit

/// The three renderings of `DiagnosticRenderer`, over hand-made diagnostics and sources, so that
/// they do not depend on the checker's words. Expected cell counts are worked out by hand (and
/// noted beside each case), never with `DisplayWidth`, so a wrong width table fails here.
struct DiagnosticRendererTests {
    // MARK: Helpers

    /// A source file from text, as the loader would give it.
    static func file(_ path: String, _ text: String) -> SourceFile {
        SourceFile(path: path, bytes: Array(text.utf8))
    }

    /// `example.playbook` with this text.
    static func file(_ text: String) -> SourceFile { file("example.playbook", text) }

    /// The byte span of `target` in the file `prefix + target + suffix`, written after `before`.
    static func span(before: String = "", prefix: String, target: String, file: Int = 0) -> Span {
        let start = before.utf8.count + prefix.utf8.count
        return Span(file: file, start: start, end: start + target.utf8.count)
    }

    /// Renders one error on the one-line file `prefix + target + suffix`, the span on `target`.
    static func humanLines(prefix: String, target: String, suffix: String = "") -> [String] {
        let source = file(prefix + target + suffix + "\n")
        let diagnostic = Diagnostic(.unknownTarget, "a message", at: span(prefix: prefix, target: target))
        let text = DiagnosticRenderer(sources: [source], color: false).human(diagnostic)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The caret line under line 1 (gutter of one digit): `indent` blank cells, then `width` carets.
    static func carets(indent: Int, width: Int, label: String = "") -> String {
        "  | " + String(repeating: " ", count: indent) + String(repeating: "^", count: width)
            + (label.isEmpty ? "" : " " + label)
    }

    // MARK: Carets under wide, combining, right-to-left characters and tabs

    @Test func chineseTakesTwoCellsPerCharacter() {
        // "  ask " is 6 cells; 预算 is 2 wide characters, 4 cells.
        let lines = Self.humanLines(prefix: "  ask ", target: "预算", suffix: " \"客户有预算吗？\" yes/no")
        #expect(lines[3] == "1 |   ask 预算 \"客户有预算吗？\" yes/no")
        #expect(lines[4] == "  |       ^^^^")
        #expect(lines[4] == Self.carets(indent: 6, width: 4))
    }

    @Test func chineseBeforeTheSpanShiftsTheCarets() {
        // "  ask 预算 " = 6 + 4 + 1 = 11 cells; the string: 2 quotes + 7 wide characters = 16 cells.
        let lines = Self.humanLines(prefix: "  ask 预算 ", target: "\"客户有预算吗？\"", suffix: " yes/no")
        #expect(lines[4] == Self.carets(indent: 11, width: 16))
        // Then " " and yes/no: 11 + 16 + 1 = 28 cells before it.
        let after = Self.humanLines(prefix: "  ask 预算 \"客户有预算吗？\" ", target: "yes/no")
        #expect(after[4] == Self.carets(indent: 28, width: 6))
    }

    @Test func thaiVowelsAndToneMarksAboveAndBelowTakeNoCells() {
        // งบประมาณ: 8 spacing letters (ะ and า are spacing vowels), so the prefix is 6 + 8 + 1 = 15.
        // The string: ล ู ก ค ้ า ม ี ง บ ป ร ะ ม า ณ ไ ห ม is 19 scalars of which ู ้ ี
        // (U+0E39, U+0E49, U+0E35) sit above or below: 16 cells, plus 2 quotes = 18.
        let onString = Self.humanLines(
            prefix: "  ask งบประมาณ ", target: "\"ลูกค้ามีงบประมาณไหม\"", suffix: " yes/no")
        #expect(onString[3] == "1 |   ask งบประมาณ \"ลูกค้ามีงบประมาณไหม\" yes/no")
        #expect(onString[4] == Self.carets(indent: 15, width: 18))
        // The marks are now before the span: 15 + 18 + 1 = 34 cells (37 scalars).
        let afterMarks = Self.humanLines(prefix: "  ask งบประมาณ \"ลูกค้ามีงบประมาณไหม\" ", target: "yes/no")
        #expect(afterMarks[4] == Self.carets(indent: 34, width: 6))
    }

    @Test func hebrewCaretsFollowLogicalOrder() {
        // The second תקציב, inside the string: "  ask " 6 + תקציב 5 + " " 1 + '"' 1 + האם 3 + " " 1
        // + יש 2 + " " 1 = 20 cells, counted in logical (memory) order from the left.
        let lines = Self.humanLines(prefix: "  ask תקציב \"האם יש ", target: "תקציב", suffix: "?\" yes/no")
        #expect(lines[3] == "1 |   ask תקציב \"האם יש תקציב?\" yes/no")
        #expect(lines[4] == Self.carets(indent: 20, width: 5))
    }

    @Test func hebrewPointsTakeNoCells() {
        // שָׁלוֹם: ש ָ ׁ ל ו ֹ ם, 3 points (Mn), 4 cells; prefix 6 + 1 + 4 + 1 = 12.
        // לְקוֹחַ: ל ְ ק ו ֹ ח ַ, 4 cells.
        let lines = Self.humanLines(prefix: "  say \"שָׁלוֹם ", target: "לְקוֹחַ", suffix: "\"")
        #expect(lines[4] == Self.carets(indent: 12, width: 4))
    }

    static let vietnamesePrefix = "  ask ngân_sách \"Người mua đã có ngân sách chưa?\" "

    @Test func vietnamesePrecomposedLettersTakeOneCell() {
        // NFC: 50 scalars, 50 cells (ườ, ư, đ, ã, ó, â, á are single letters).
        let lines = Self.humanLines(prefix: Self.vietnamesePrefix, target: "yes/no")
        #expect(lines[4] == Self.carets(indent: 50, width: 6))
    }

    @Test func vietnameseDecomposedAccentsTakeNoCells() {
        // NFD: the same 50 cells over 60 scalars; the 10 extra are U+0300..U+036F marks.
        let prefix = Self.vietnamesePrefix.decomposedStringWithCanonicalMapping
        let marks = prefix.unicodeScalars.filter { (0x300...0x36F).contains($0.value) }
        #expect(marks.count == 10)
        #expect(prefix.unicodeScalars.count == 60)
        let lines = Self.humanLines(prefix: prefix, target: "yes/no")
        #expect(Array(lines[3].unicodeScalars) == Array(("1 | " + prefix + "yes/no").unicodeScalars))
        #expect(lines[4] == Self.carets(indent: 50, width: 6))
    }

    @Test func emojiTakesTwoCells() {
        // "  say " 6 + '"' 1 + Great 5 + " " 1 + news 4 + " " 1 + 🎉 2 + " " 1 = 21 cells.
        let lines = Self.humanLines(prefix: "  say \"Great news 🎉 ", target: "{deal}", suffix: "\"")
        #expect(lines[4] == Self.carets(indent: 21, width: 6))
        // On the emoji itself: two carets.
        let on = Self.humanLines(prefix: "  say \"Great news ", target: "🎉", suffix: "\"")
        #expect(on[4] == Self.carets(indent: 18, width: 2))
    }

    @Test func tabsGoToTheNextStopOfFour() {
        // "  ask" is 5 cells; the tab fills to 8, shown as 3 spaces.
        let lines = Self.humanLines(prefix: "  ask\t", target: "budget", suffix: " \"Budget?\" yes/no")
        #expect(lines[3] == "1 |   ask   budget \"Budget?\" yes/no")
        #expect(lines[4] == Self.carets(indent: 8, width: 6))
        // "  if" ends on a stop: the tab is a whole 4 cells.
        let onStop = Self.humanLines(prefix: "  if\t", target: "pain", suffix: " -> next")
        #expect(onStop[3] == "1 |   if    pain -> next")
        #expect(onStop[4] == Self.carets(indent: 8, width: 4))
        // After wide characters: "  ask 预算x" is 6 + 4 + 1 = 11 cells; the tab fills to 12.
        let afterWide = Self.humanLines(prefix: "  ask 预算x\t", target: "b")
        #expect(afterWide[3] == "1 |   ask 预算x b")
        #expect(afterWide[4] == Self.carets(indent: 12, width: 1))
        // A tab inside the span widens it to its stop: "a\tb" from cell 6 is 1 + 1 + 1 = 3 cells.
        let inside = Self.humanLines(prefix: "  ask ", target: "a\tb", suffix: " x")
        #expect(inside[3] == "1 |   ask a b x")
        #expect(inside[4] == Self.carets(indent: 6, width: 3))
    }

    // MARK: Span shapes and layout

    static let folowupBefore = "playbook \"P\"\n  outcomes won, lost\n\nstage qualify \"Qualify\"\n"
        + "  ask budget \"Is there a budget?\" yes/no\n"
    static let folowup = folowupBefore + "    yes -> folowup\n    no -> end lost \"No budget\"\n"
    static let folowupSpan = span(before: folowupBefore, prefix: "    yes -> ", target: "folowup")

    @Test func fullRenderingOfASpanAtTheEndOfALine() {
        let source = Self.file("main.playbook", Self.folowup)
        let diagnostic = Diagnostic(
            .unknownTarget, "there is no stage or question 'folowup' to jump to",
            at: Self.folowupSpan, label: "unknown target",
            help: "did you mean 'followup'?")
        let expected = """
            error[PB0202]: there is no stage or question 'folowup' to jump to
             --> main.playbook:6:12
              |
            6 |     yes -> folowup
              |            ^^^^^^^ unknown target
              |
              = help: did you mean 'followup'?

            """
        #expect(DiagnosticRenderer(sources: [source], color: false).human(diagnostic) == expected)
    }

    @Test func anEmptySpanGetsOneCaret() {
        let lines = Self.humanLines(prefix: "  ask ", target: "", suffix: "budget yes/no")
        #expect(lines[4] == Self.carets(indent: 6, width: 1))
        // Empty, at the end of the line (on its line break): one caret after the last cell.
        let atEnd = Self.humanLines(prefix: "  ask 预算", target: "")
        #expect(atEnd[3] == "1 |   ask 预算")
        #expect(atEnd[4] == Self.carets(indent: 10, width: 1))
    }

    @Test func anEmptySpanInAnEmptyFile() {
        let source = Self.file("")
        let diagnostic = Diagnostic(.noStages, "this file has no stages or flows", at: Span(file: 0, start: 0, end: 0))
        let lines = DiagnosticRenderer(sources: [source], color: false).human(diagnostic).split(separator: "\n")
        #expect(lines[1] == " --> example.playbook:1:1")
        #expect(lines[3] == "1 | ")
        #expect(lines[4] == "  | ^")
    }

    @Test func aSpanPastTheLineEndIsCutAtTheLineEnd() {
        let text = "    yes -> folowup\n    no -> end lost\n"
        let source = Self.file(text)
        let diagnostic = Diagnostic(
            .unknownTarget, "a message", at: Span(file: 0, start: 11, end: text.utf8.count), label: "here")
        let lines = DiagnosticRenderer(sources: [source], color: false).human(diagnostic)
            .split(separator: "\n").map(String.init)
        #expect(lines[3] == "1 |     yes -> folowup")
        #expect(lines[4] == Self.carets(indent: 11, width: 7, label: "here"))
        #expect(!lines.contains { $0.contains("no -> end lost") })
    }

    @Test func crlfLineEndingsLeaveNoCarriageReturn() {
        let text = "stage qualify \"Q\"\r\n  ask budget \"B?\" yes/no\r\n    yes -> folowup\r\n"
        let source = Self.file(text)
        let before = "stage qualify \"Q\"\r\n  ask budget \"B?\" yes/no\r\n"
        // The span takes in the line's "\r\n" too: the carets stop at the last letter.
        let start = before.utf8.count + "    yes -> ".utf8.count
        let diagnostic = Diagnostic(
            .unknownTarget, "a message", at: Span(file: 0, start: start, end: text.utf8.count), label: "unknown target")
        let renderer = DiagnosticRenderer(sources: [source], color: false)
        let output = renderer.human(diagnostic)
        #expect(!output.unicodeScalars.contains("\r"))
        #expect(!output.contains("\u{FFFD}"))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[1] == " --> example.playbook:3:12")
        #expect(lines[3] == "3 |     yes -> folowup")
        #expect(lines[4] == Self.carets(indent: 11, width: 7, label: "unknown target"))
        #expect(!renderer.short(diagnostic).unicodeScalars.contains("\r"))
        #expect(renderer.short(diagnostic) == "example.playbook:3:12: error: a message [PB0202]")
    }

    @Test func secondaryLabelsOnAnotherLineAndInAnotherFile() {
        let main = "use \"objections.playbook\"\n\nstage a \"A\"\n  ask kind \"Which kind?\" yes/no\n"
        let library = "flow objections \"O\"\n  ask kind \"What is it?\" choice\n"
        let sources = [Self.file("main.playbook", main), Self.file("objections.playbook", library)]
        let diagnostic = Diagnostic(
            .duplicateName, "the name 'kind' is used twice",
            at: Self.span(before: "use \"objections.playbook\"\n\nstage a \"A\"\n", prefix: "  ask ", target: "kind"),
            label: "defined again here",
            secondary: [
                Label(Self.span(prefix: "  ask ", target: "kind", file: 1).shifted(by: "flow objections \"O\"\n"),
                      "first defined here"),
                Label(Self.span(prefix: "use ", target: "\"objections.playbook\""), "brought in here"),
            ],
            notes: ["stages, flows and questions share one namespace"],
            help: "rename one of them")
        let expected = """
            error[PB0201]: the name 'kind' is used twice
             --> main.playbook:4:7
              |
            1 | use "objections.playbook"
              |     --------------------- brought in here
            ...
            4 |   ask kind "Which kind?" yes/no
              |       ^^^^ defined again here
             ::: objections.playbook:2:7
              |
            2 |   ask kind "What is it?" choice
              |       ---- first defined here
              |
              = note: stages, flows and questions share one namespace
              = help: rename one of them

            """
        let output = DiagnosticRenderer(sources: sources, color: false).human(diagnostic)
        #expect(output == expected, "\(Golden.diff(expected, output))")
    }

    @Test func twoLabelsOnOneLineRightmostFirst() {
        let line = "  if budget == \"High\" -> next\n"
        let diagnostic = Diagnostic(
            .mismatchedComparison, "cannot compare a number with text", at: Span(file: 0, start: 5, end: 11),
            label: "a number", secondary: [Label(Span(file: 0, start: 15, end: 21), "text")])
        let lines = DiagnosticRenderer(sources: [Self.file(line)], color: false).human(diagnostic)
            .split(separator: "\n").map(String.init)
        #expect(lines[3] == "1 |   if budget == \"High\" -> next")
        #expect(lines[4] == "  |                ------ text")
        #expect(lines[5] == "  |      ^^^^^^ a number")
    }

    @Test func notesAndHelpComeLastInOrder() {
        let diagnostic = Diagnostic(
            .possiblyUnset, "'authority' may be read before it is set", at: Span(file: 0, start: 5, end: 14),
            label: "read here", notes: ["first note", "second note: role = \"End user\""], help: "set it first")
        let output = DiagnosticRenderer(sources: [Self.file("  if authority >= 2 -> next\n")], color: false)
            .human(diagnostic)
        #expect(output.hasSuffix("""
              |      ^^^^^^^^^ read here
              |
              = note: first note
              = note: second note: role = "End user"
              = help: set it first

            """))
    }

    @Test func noTrailingBarWithoutNotesOrHelp() {
        let lines = Self.humanLines(prefix: "  ask ", target: "x")
        #expect(lines.count == 6)
        #expect(lines[5] == "")
    }

    @Test func gutterWidensForTwoDigitLineNumbers() {
        let text = (1...8).map { "  say \"line \($0)\"\n" }.joined()
            + "    yes -> end won \"A\"\n" + "    yes -> end lost \"B\"\n"
        let line9 = (1...8).map { "  say \"line \($0)\"\n" }.joined()
        let line10 = line9 + "    yes -> end won \"A\"\n"
        let diagnostic = Diagnostic(
            .duplicateBranch, "the answer 'yes' has two branches",
            at: Self.span(before: line10, prefix: "    ", target: "yes"), label: "second branch",
            secondary: [Label(Self.span(before: line9, prefix: "    ", target: "yes"), "first branch")],
            help: "keep one")
        let expected = """
            error[PB0209]: the answer 'yes' has two branches
              --> example.playbook:10:5
               |
             9 |     yes -> end won "A"
               |     --- first branch
            10 |     yes -> end lost "B"
               |     ^^^ second branch
               |
               = help: keep one

            """
        let output = DiagnosticRenderer(sources: [Self.file(text)], color: false).human(diagnostic)
        #expect(output == expected, "\(Golden.diff(expected, output))")
    }

    // MARK: Colour

    @Test func colourOnlyWhenAskedFor() {
        let source = Self.file("main.playbook", Self.folowup)
        let diagnostic = Diagnostic(
            .unknownTarget, "there is no stage or question 'folowup' to jump to",
            at: Self.folowupSpan, label: "unknown target", help: "did you mean 'followup'?")
        let coloured = DiagnosticRenderer(sources: [source], color: true).human(diagnostic)
        #expect(coloured.hasPrefix("\u{1B}[1;31merror[PB0202]\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1m: there is no stage or question 'folowup' to jump to\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m^^^^^^^ unknown target\u{1B}[0m"))
        let plain = DiagnosticRenderer(sources: [source], color: false).human(diagnostic)
        #expect(!plain.contains("\u{1B}"))
        // Stripping the escapes from the coloured text gives the plain text.
        let stripped = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == plain)
    }

    @Test func warningsAreYellow() {
        let diagnostic = Diagnostic(.unreachable, "this step can never be reached", at: Span(file: 0, start: 2, end: 5))
        let coloured = DiagnosticRenderer(sources: [Self.file("  say \"x\"\n")], color: true).human(diagnostic)
        #expect(coloured.hasPrefix("\u{1B}[1;33mwarning[PB0402]\u{1B}[0m"))
    }

    @Test func escapesInTheSourceNeverReachTheTerminal() {
        // A source line holding ESC: shown as U+FFFD, so it cannot colour or move the terminal.
        let lines = Self.humanLines(prefix: "  say \"\u{1B}[31m", target: "red", suffix: "\"")
        #expect(!lines.joined().contains("\u{1B}"))
        #expect(lines[3] == "1 |   say \"\u{FFFD}[31mred\"")
        // "  say " 6 + '"' 1 + U+FFFD 1 + "[31m" 4 = 12 cells.
        #expect(lines[4] == Self.carets(indent: 12, width: 3))
    }

    /// Scalars a terminal acts on instead of printing: C0 controls (but the line breaks the
    /// renderer writes itself), DEL and C1 controls (U+009B is an 8-bit CSI).
    static func terminalControls(in text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter {
            ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || (0x80..<0xA0).contains($0.value)
        }
    }

    /// Messages quote the user's text: PB0305 quotes a string literal as written, and the lexer
    /// accepts a raw ESC inside a string (`if role == "X<ESC>[31mred" -> ...` gives the message
    /// `"X<ESC>[31mred" is not an option of 'role'`); PB0115 quotes a C1 control as it is. The source
    /// line is made safe by `displayable`, but message, labels, notes and help are printed raw, so
    /// `--color never` and NO_COLOR still send escape sequences to the terminal.
    @Test func userTextInMessagesNeverReachesTheTerminalAsControls() {
        let hostile = "\"X\u{1B}[31mred\u{9B}2J\u{7}\""
        let diagnostic = Diagnostic(
            .notAnOption, "\(hostile) is not an option of 'role'", at: Span(file: 0, start: 12, end: 16),
            label: "never equal \(hostile)", notes: ["the options are: \(hostile), \"Two\""], help: "write \(hostile)")
        let source = Self.file("  if role == \"X\" -> end won\n")
        for color in [false, true] {
            let renderer = DiagnosticRenderer(sources: [source], color: color)
            let human = renderer.human(diagnostic)
            // With colour, the renderer's own escapes are expected (the user's "\e[31m" is none of them).
            var rest = human
            for own in ["\u{1B}[1;31m", "\u{1B}[1;33m", "\u{1B}[1;36m", "\u{1B}[1;34m", "\u{1B}[1m", "\u{1B}[0m"] {
                rest = rest.replacing(own, with: "")
            }
            let raw = Self.terminalControls(in: rest).map { String($0.value, radix: 16) }
            #expect(raw.isEmpty, "human (color: \(color)) prints raw controls: \(raw)")
        }
        let short = DiagnosticRenderer(sources: [source], color: false).short(diagnostic)
        #expect(Self.terminalControls(in: short).isEmpty,
                "short prints raw controls: \(Self.terminalControls(in: short).map { String($0.value, radix: 16) })")
    }

    @Test func shortAndJSONHaveNoColour() {
        let diagnostic = Diagnostic(.unknownTarget, "a message", at: Span(file: 0, start: 0, end: 1))
        let renderer = DiagnosticRenderer(sources: [Self.file("x\n")], color: true)
        #expect(!renderer.short(diagnostic).contains("\u{1B}"))
        #expect(!renderer.json(diagnostic).text.contains("\u{1B}"))
    }

    // MARK: Short

    @Test func shortColumnCountsUnicodeScalars() {
        // Line 3; before yes/no: "  ask " 6 + 预算 2 + " " 1 + '"' 1 + 7 characters + '"' 1 + " " 1 = 19 scalars.
        let before = "stage a \"A\"\n  say \"x\"\n"
        let prefix = "  ask 预算 \"客户有预算吗？\" "
        let source = Self.file(before + prefix + "yes/no\n")
        let diagnostic = Diagnostic(
            .unknownTarget, "there is no stage or question 'x' to jump to",
            at: Self.span(before: before, prefix: prefix, target: "yes/no"))
        let renderer = DiagnosticRenderer(sources: [source], color: false)
        #expect(renderer.short(diagnostic) == "example.playbook:3:20: error: there is no stage or question 'x' to jump to [PB0202]")
        // The human header agrees.
        #expect(renderer.human(diagnostic).contains(" --> example.playbook:3:20\n"))
    }

    @Test func shortColumnOfDecomposedTextCountsEveryScalar() {
        let precomposed = Self.file(Self.vietnamesePrefix + "yes/no\n")
        let decomposedPrefix = Self.vietnamesePrefix.decomposedStringWithCanonicalMapping
        let decomposed = Self.file(decomposedPrefix + "yes/no\n")
        let first = Diagnostic(.unknownTarget, "m", at: Self.span(prefix: Self.vietnamesePrefix, target: "yes/no"))
        let second = Diagnostic(.unknownTarget, "m", at: Self.span(prefix: decomposedPrefix, target: "yes/no"))
        #expect(DiagnosticRenderer(sources: [precomposed], color: false).short(first) == "example.playbook:1:51: error: m [PB0202]")
        #expect(DiagnosticRenderer(sources: [decomposed], color: false).short(second) == "example.playbook:1:61: error: m [PB0202]")
    }

    @Test func shortShowsWarningsAndBOMIsNotAColumn() {
        let source = SourceFile(path: "w.playbook", bytes: [0xEF, 0xBB, 0xBF] + Array("stage a\n".utf8))
        let diagnostic = Diagnostic(.unreachable, "this step can never be reached", at: Span(file: 0, start: 0, end: 5))
        #expect(DiagnosticRenderer(sources: [source], color: false).short(diagnostic)
            == "w.playbook:1:1: warning: this step can never be reached [PB0402]")
    }

    // MARK: JSON

    static func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func jsonIsExactWithSortedKeys() throws {
        let source = Self.file("main.playbook", "a\n    yes -> folowup\n")
        let diagnostic = Diagnostic(
            .unknownTarget, "there is no stage or question 'folowup' to jump to",
            at: Span(file: 0, start: 13, end: 20), label: "unknown target", help: "did you mean 'followup'?")
        let text = DiagnosticRenderer(sources: [source], color: false).json(diagnostic).text
        let expected = #"{"code":"PB0202","column":12,"docs":"docs/diagnostics/PB0202-unknown-target.md","#
            + #""file":"main.playbook","help":"did you mean 'followup'?","labels":[{"byteEnd":20,"byteStart":13,"#
            + #""column":12,"endColumn":19,"endLine":2,"file":"main.playbook","line":2,"message":"unknown target","#
            + #""primary":true}],"line":2,"message":"there is no stage or question 'folowup' to jump to","#
            + #""notes":[],"severity":"error"}"#
        #expect(text == expected)
        let top = text.firstRange(of: "\"code\"")!.lowerBound
        #expect(top < text.firstRange(of: "\"column\"")!.lowerBound)
        #expect(text.firstRange(of: "\"column\"")!.lowerBound < text.firstRange(of: "\"docs\"")!.lowerBound)
        let object = try Self.parse(text)
        #expect(object["line"] as? Int == 2)
        #expect(object["column"] as? Int == 12)
    }

    @Test func jsonKeysAreSortedEverywhere() throws {
        let sources = [Self.file("a.playbook", "x y\nz\n"), Self.file("b.playbook", "w\n")]
        let diagnostic = Diagnostic(
            .duplicateName, "m", at: Span(file: 0, start: 2, end: 3), label: "again",
            secondary: [Label(Span(file: 1, start: 0, end: 1), "first")], notes: ["n"])
        let text = DiagnosticRenderer(sources: sources, color: false).json(diagnostic).text
        let keys = text.matches(of: /"([A-Za-z]+)":/).map { String($0.output.1) }
        let label = ["byteEnd", "byteStart", "column", "endColumn", "endLine", "file", "line", "message", "primary"]
        #expect(keys == ["code", "column", "docs", "file", "help", "labels"] + label + label
            + ["line", "message", "notes", "severity"])
        let object = try Self.parse(text)
        #expect(object["help"] is NSNull)
        let labels = try #require(object["labels"] as? [[String: Any]])
        #expect(labels.count == 2)
        #expect(labels[1]["file"] as? String == "b.playbook")
        #expect(labels[1]["primary"] as? Bool == false)
        #expect(labels[0]["primary"] as? Bool == true)
    }

    @Test func jsonEscapesRoundTrip() throws {
        let tricky = "say \"hi\" \\ back\\slash\nnew line\r\ttab \u{0}\u{1}\u{8}\u{C}\u{1B}\u{1F}\u{7F}\u{85} "
            + "预算 ลูกค้า שָׁלוֹם ngân nga\u{0302}n 🎉 \u{2028}\u{2029} \u{FEFF} end"
        let source = Self.file("dir/\"odd\\name\".playbook", "x\n")
        let diagnostic = Diagnostic(
            .unknownName, tricky, at: Span(file: 0, start: 0, end: 1), label: tricky, notes: [tricky, "plain"],
            help: tricky)
        let text = DiagnosticRenderer(sources: [source], color: false).json(diagnostic).text
        // Nothing below U+0020 is written raw, nor the line and paragraph separators.
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 || $0.value == 0x2029 })
        #expect(text.contains(#"\"hi\" \\ back\\slash\nnew line\r\ttab \u0000\u0001\u0008\u000c\u001b\u001f"#))
        #expect(text.contains(#"\u2028\u2029"#))
        let object = try Self.parse(text)
        func same(_ value: Any?) -> Bool {
            guard let string = value as? String else { return false }
            return Array(string.unicodeScalars) == Array(tricky.unicodeScalars)
        }
        #expect(same(object["message"]))
        #expect(same(object["help"]))
        let notes = try #require(object["notes"] as? [String])
        #expect(notes.count == 2 && same(notes[0]) && notes[1] == "plain")
        let labels = try #require(object["labels"] as? [[String: Any]])
        #expect(same(labels.first?["message"]))
        #expect(object["file"] as? String == "dir/\"odd\\name\".playbook")
    }

    @Test func jsonByteOffsetsCountTheByteOrderMark() throws {
        let body = "stage a\n  ask budget \"B?\" yes/no\n"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(body.utf8)
        let source = SourceFile(path: "bom.playbook", bytes: bytes)
        #expect(source.byteOrderMarkLength == 3)
        // "budget" is at 8 + 6 = 14 in the text without the mark, so 17 in the file.
        let diagnostic = Diagnostic(
            .unknownName, "m", at: Self.span(before: "stage a\n", prefix: "  ask ", target: "budget"),
            secondary: [Label(Span(file: 0, start: 0, end: 5), "first line")])
        let object = try Self.parse(DiagnosticRenderer(sources: [source], color: false).json(diagnostic).text)
        let labels = try #require(object["labels"] as? [[String: Any]])
        let start = try #require(labels[0]["byteStart"] as? Int)
        let end = try #require(labels[0]["byteEnd"] as? Int)
        #expect((start, end) == (17, 23))
        #expect(String(decoding: bytes[start..<end], as: UTF8.self) == "budget")
        #expect(labels[0]["line"] as? Int == 2)
        #expect(labels[0]["column"] as? Int == 7)
        #expect(labels[1]["byteStart"] as? Int == 3)
        #expect(labels[1]["byteEnd"] as? Int == 8)
        #expect(labels[1]["column"] as? Int == 1)
        #expect(String(decoding: bytes[3..<8], as: UTF8.self) == "stage")
    }
}

extension Span {
    /// The same span, moved past `text` (the lines before it in its file).
    fileprivate func shifted(by text: String) -> Span {
        Span(file: Int(file), start: Int(start) + text.utf8.count, end: Int(end) + text.utf8.count)
    }
}
