import Testing

@testable import PlaybookKit

/// `persona` lines and what goes under them, and `feedback` under `yes` and `no`.
struct PersonaParserTests {
    private func parsed(_ text: String) -> (PlaybookFile, [Diagnostic], Interner) {
        var interner = Interner()
        let (file, diagnostics) = parse(SourceFile(path: "t.playbook", bytes: Array(text.utf8)), file: 0, interner: &interner)
        return (file, diagnostics, interner)
    }

    /// The source text a span covers.
    private func slice(_ text: String, _ span: Span) -> String {
        String(decoding: Array(text.utf8)[Int(span.start)..<Int(span.end)], as: UTF8.self)
    }

    @Test func aPersonaHasANameATitleARoleAndAContext() throws {
        let text = """
            playbook "Renewal"

            persona dana "Dana Levi"
              role "CFO at a 200-person logistics company"
              context "Has met three vendors this quarter and expects a discount."

            stage renewal "Renewal"
              end won "Renewed"

            persona minh "Trần Văn Minh"
              context "Uses the product every day."
            persona lan "Lan"
            """
        let (file, diagnostics, interner) = parsed(text)
        #expect(diagnostics.isEmpty)
        #expect(file.personas.map { interner.name($0.name.symbol) } == ["dana", "minh", "lan"])
        #expect(file.personas.map(\.title.value) == ["Dana Levi", "Trần Văn Minh", "Lan"])
        #expect(file.personas.map(\.role?.value) == ["CFO at a 200-person logistics company", nil, nil])
        #expect(
            file.personas.map(\.context?.value)
                == ["Has met three vendors this quarter and expects a discount.", "Uses the product every day.", nil])
        let dana = try #require(file.personas.first)
        #expect(slice(text, dana.span) == #"persona dana "Dana Levi""#)
        #expect(slice(text, dana.name.span) == "dana")
        #expect(slice(text, dana.title.span) == #""Dana Levi""#)
        #expect(file.stages.count == 1)
    }

    @Test func personaNamesInEveryScript() {
        let (file, diagnostics, interner) = parsed(
            """
            persona chị_lan "Nguyễn Thị Lan"
              role "Giám đốc tài chính"
              context "Đã gặp ba nhà cung cấp trong quý này."
            persona 陈静 "陈静"
              role "采购经理"
              context "本季度已经见过三家供应商，期待折扣。"
            persona สมชาย "สมชาย ใจดี"
              role "ผู้จัดการฝ่ายปฏิบัติการ"
            persona דנה "דנה לוי"
              role "סמנכ״לית כספים"
              context "מצפה להנחה."

            stage 发现 "发现"
              end won "好"
            """)
        #expect(diagnostics.isEmpty)
        #expect(file.personas.map { interner.name($0.name.symbol) } == ["chị_lan", "陈静", "สมชาย", "דנה"])
        #expect(file.personas.map(\.title.value) == ["Nguyễn Thị Lan", "陈静", "สมชาย ใจดี", "דנה לוי"])
        #expect(file.personas.map(\.role?.value) == ["Giám đốc tài chính", "采购经理", "ผู้จัดการฝ่ายปฏิบัติการ", "סמנכ״לית כספים"])
        #expect(file.personas.map { $0.context == nil } == [false, false, true, false])
    }

    @Test func linesUnderAPersonaAreCheckedAndTheRestIsKept() throws {
        let (file, diagnostics, _) = parsed(
            """
            persona dana "Dana Levi"
              role "CFO"
              role "Head of finance"
              context "Expects a discount."
              context "Again."
              tip "Lead with last year's savings."
              ask budget "Budget?" yes/no
              "A line on its own"
              contxt "Typo."
              stage inner
            persona sam "Sam"
              role "Buyer"
                say "Nested under role."
            """)
        #expect(
            diagnostics.map(\.code) == [
                .notAllowedHere, .notAllowedHere, .notAllowedHere, .notAllowedHere, .notAllowedHere, .unknownKeyword,
                .notAllowedHere, .badIndentation,
            ])
        #expect(diagnostics[0].message == "a second 'role' for persona 'dana'")
        #expect(diagnostics[2].message == "'tip' does not belong under a persona")
        #expect(diagnostics[2].help == "to tell the rep more about the buyer, write: context \"...\"")
        #expect(diagnostics[3].help == "steps go in a stage or a flow; a persona only describes the buyer")
        #expect(diagnostics[4].message == "a string on its own under a persona")
        #expect(diagnostics[5].help == "did you mean 'context'?")
        #expect(diagnostics[6].help == "a 'stage' line starts at the beginning of the line: remove its indentation")
        let dana = try #require(file.personas.first)
        #expect(dana.role?.value == "CFO")
        #expect(dana.context?.value == "Expects a discount.")
        #expect(file.personas.count == 2)
        #expect(file.stages.isEmpty)
    }

    @Test func theIdAndTheDisplayNameAreRequired() {
        let (file, diagnostics, _) = parsed(
            """
            persona "Dana Levi"
            persona dana
            persona yes "Yes-man"
            persona sam "Sam" "Smith"
            """)
        #expect(diagnostics.map(\.code) == [.unexpectedToken, .unexpectedToken, .unexpectedToken, .unexpectedToken])
        #expect(diagnostics[0].message == "expected the persona's name after 'persona', found a string")
        #expect(diagnostics[1].message == "expected the persona's display name after 'dana', found the end of the line")
        #expect(diagnostics[1].help == "write: persona dana \"Dana Levi\"")
        #expect(diagnostics[2].message == "'yes' is a word of the language and cannot name a persona")
        #expect(diagnostics[3].message == "unexpected string after the display name")
        #expect(file.personas.map(\.title.value) == ["dana", "Yes-man", "Sam"])
    }

    @Test func aPersonaCannotShowValues() {
        let text = #"""
            persona dana "Dana {surname}"
              role "CFO of {company} and {parent}"
              context "Expects {discount} percent; braces \{kept\} when escaped."
            """#
        let (file, diagnostics, _) = parsed(text)
        #expect(diagnostics.map(\.code) == [.badStringContent, .badStringContent, .badStringContent])
        #expect(diagnostics.map { slice(text, $0.primary.span) } == ["{surname}", "{company}", "{discount}"])
        #expect(diagnostics.map(\.message) == [
            "a persona's display name cannot show '{surname}'", "a persona's role cannot show '{company}'",
            "a persona's context cannot show '{discount}'",
        ])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(file.personas.first?.context?.value == "Expects {discount} percent; braces {kept} when escaped.")
    }

    @Test func personaLinesOutsideAPersonaSayWhereTheyBelong() {
        let (_, diagnostics, _) = parsed(
            """
            role "CFO"
            stage close
              context "Expects a discount."
              persona dana "Dana Levi"
              end won "Closed"
            persna sam "Sam"
            """)
        #expect(diagnostics.map(\.code) == [.notAllowedHere, .notAllowedHere, .notAllowedHere, .unknownKeyword])
        #expect(diagnostics[0].message == "'role' belongs under a 'persona' line")
        #expect(diagnostics[1].message == "'context' belongs under a 'persona' line")
        #expect(diagnostics[2].message == "a persona is declared at the top level, not in a stage")
        #expect(diagnostics[3].help == "did you mean 'persona'?")
    }

    @Test func personasInBothHalvesOfALargeFileAreKept() {
        // Past `parallelParseThreshold` lines a file is parsed in two halves; the second starts at
        // the first top-level line after the middle, here the last persona.
        var lines = ["persona first \"First\"", "stage big"]
        lines += Array(repeating: "  say \"Line\"", count: parallelParseThreshold)
        lines += ["persona last \"Last\"", "  role \"Buyer\""]
        let (file, diagnostics, interner) = parsed(lines.joined(separator: "\n"))
        #expect(diagnostics.isEmpty)
        #expect(file.personas.map { interner.name($0.name.symbol) } == ["first", "last"])
        #expect(file.personas.last?.role?.value == "Buyer")
    }

    @Test func feedbackUnderYesOrNoIsKeptForTheChecker() throws {
        let (file, diagnostics, _) = parsed(
            """
            stage problem
              ask pain "Did the buyer describe a problem?" yes/no
                yes
                  feedback "Good."
                  say "Ask how much it costs them."
                no
                  feedback "Ask about the last time it went wrong."
                  feedback "Twice."
                  score +1
                  best
                  end lost "No problem"
            """)
        #expect(diagnostics.map(\.code) == [.notAllowedHere, .notAllowedHere, .notAllowedHere])
        #expect(diagnostics[0].message == "a second 'feedback' for one branch")
        #expect(diagnostics[1].message == "'score' belongs under an option of a choice question")
        #expect(diagnostics[2].message == "'best' belongs under an option of a choice question")
        guard case .ask(let pain)? = file.stages.first?.body.first else {
            Issue.record("no question")
            return
        }
        #expect(pain.branches.map(\.feedback?.value) == ["Good.", "Ask about the last time it went wrong."])
        #expect(pain.branches.map(\.score) == [nil, nil])
        #expect(pain.branches.map(\.isBest) == [false, false])
        #expect(pain.branches.map(\.body.count) == [1, 1])
    }
}
