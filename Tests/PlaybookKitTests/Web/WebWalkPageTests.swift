import Testing

@testable import PlaybookKit

/// The walk page: the right control for each kind of question, with the field names the server
/// reads; the confirmation, the end, and the page in each language.
struct WebWalkPageTests {
    static func read(_ screen: WalkScreen, sourceLocation: SourceLocation = #_sourceLocation) -> HTMLCheck.Reading {
        let reading = HTMLCheck.read(walkPage(screen))
        #expect(reading.problems.isEmpty, "\(reading.problems)", sourceLocation: sourceLocation)
        return reading
    }

    /// The forms of the page, each with the fields and buttons in it.
    static func forms(_ reading: HTMLCheck.Reading) -> [[HTMLCheck.Element]] {
        reading.elements.indices.filter { reading.elements[$0].name == "form" }.map { form in
            [reading.elements[form]]
                + reading.elements.filter { ["input", "button", "select", "textarea"].contains($0.name) && $0.ancestors.contains(form) }
        }
    }

    static func form(_ reading: HTMLCheck.Reading, action: String) -> [HTMLCheck.Element]? {
        forms(reading).first { form in form.contains { $0.name == "input" && $0["name"] == "action" && $0["value"] == action } }
    }

    /// The answer form of the page at `kind`'s question, in the English sample.
    static func answer(_ kind: QuestionView.Kind, sourceLocation: SourceLocation = #_sourceLocation) throws -> [HTMLCheck.Element] {
        try #require(form(read(WebSamples.english(WebSamples.question(kind)), sourceLocation: sourceLocation), action: "answer"))
    }

    static func hidden(_ form: [HTMLCheck.Element], _ name: String) -> String? {
        form.first { $0.name == "input" && $0["type"] == "hidden" && $0["name"] == name }?["value"]
    }

    @Test func everyFormPostsToTheSessionWithTurnAndLease() throws {
        let reading = Self.read(WebSamples.english(WebSamples.choice))
        let forms = Self.forms(reading)
        #expect(forms.count == 5)
        for form in forms {
            #expect(form[0]["method"] == "post")
            #expect(form[0]["action"] == "/walk/20261122-173512-3fa9")
            #expect(Self.hidden(form, "turn") == "7")
            #expect(Self.hidden(form, "lease") == "lease-7f3a")
        }
        for action in ["answer", "back", "pause", "end", "note"] { #expect(Self.form(reading, action: action) != nil, "no \(action) form") }
    }

    @Test func aChoiceIsOneNumberedButtonAnOption() throws {
        let reading = Self.read(WebSamples.english(WebSamples.choice))
        let answer = try #require(Self.form(reading, action: "answer"))
        let buttons = answer.filter { $0.name == "button" }
        #expect(buttons.map { $0["name"] } == ["option", "option", "option"])
        #expect(buttons.map { $0["value"] } == ["1", "2", "3"])
        #expect(buttons.map { $0["data-key"] } == ["1", "2", "3"])
        #expect(buttons.map { $0.text } == ["1Ask what the budget is", "2Offer a discount", "3Ask who else decides"])
        #expect(buttons[0]["autofocus"] != nil && buttons[1]["autofocus"] == nil)
        // The question's coaching, folded.
        let summaries = reading.elements.filter { $0.name == "summary" }.map(\.text)
        #expect(summaries.contains("Why this question") && summaries.contains("Tip"))
    }

    @Test func onlyTheFirstNineOptionsHaveADigitKey() throws {
        let options = (1...12).map { "Option \($0)" }
        let reading = Self.read(WebSamples.english(WebSamples.question(.choice(options: options))))
        let buttons = try #require(Self.form(reading, action: "answer")).filter { $0.name == "button" }
        #expect(buttons.count == 12)
        #expect(buttons.compactMap { $0["data-key"] } == (1...9).map(String.init))
    }

    @Test func yesNoIsTwoButtonsInTheLanguagesWords() throws {
        let english = try Self.answer(.yesNo(yes: "yes", no: "no"))
        let buttons = english.filter { $0.name == "button" }
        #expect(buttons.map { $0["name"] } == ["value", "value"])
        #expect(buttons.map { $0["value"] } == ["yes", "no"])
        #expect(buttons.map(\.text) == ["Yes", "No"])
        #expect(buttons.map { $0["data-key"] } == ["y", "n"])
        let hebrew = try #require(Self.form(Self.read(WebSamples.hebrew), action: "answer")).filter { $0.name == "button" }
        #expect(hebrew.map(\.text) == ["כן", "לא"])
        #expect(hebrew.map { $0["value"] } == ["yes", "no"])
        #expect(hebrew.map { $0["data-key"] } == ["y כ", "n ל"])
    }

    @Test func aNumberIsATextFieldWithItsRangeInTheLabel() throws {
        let reading = Self.read(WebSamples.english(WebSamples.question(.number(low: 1, high: 10_000))))
        let answer = try #require(Self.form(reading, action: "answer"))
        let field = try #require(answer.first { $0.name == "input" && $0["type"] == "text" })
        #expect(field["name"] == "value" && field["inputmode"] == "decimal" && field["autofocus"] != nil)
        let label = try #require(reading.elements.first { $0.name == "label" && $0["for"] == field["id"] })
        #expect(label.text == "Your answer (a number from 1 to 10,000)")
        #expect(answer.contains { $0.name == "button" && $0["data-key"] == "enter" })
        let atLeast = Self.read(WebSamples.english(WebSamples.question(.number(low: 0, high: nil))))
        #expect(atLeast.elements.contains { $0.name == "label" && $0.text == "Your answer (a number, 0 or more)" })
        // A number that may be below zero: the whole keyboard, which has a minus sign.
        let signed = try Self.answer(.number(low: -5, high: 5)).first { $0.name == "input" && $0["name"] == "value" }
        #expect(signed?["inputmode"] == nil)
    }

    @Test func aVietnameseNumberKeepsWhatWasTypedAndPointsAtTheProblem() throws {
        let reading = Self.read(WebSamples.vietnamese)
        let field = try #require(reading.elements.first { $0.name == "input" && $0["name"] == "value" })
        #expect(field["value"] == "12,5")
        #expect(field["aria-invalid"] == "true")
        #expect(field["aria-describedby"] == "q problem-1")
        let problem = try #require(reading.elements.first { $0["id"] == "problem-1" })
        #expect(problem["role"] == "alert" && problem.text == "Hãy nhập một số từ 0,5 đến 10.")
        #expect(reading.elements.contains { $0.name == "label" && $0.text == "Câu trả lời của bạn (một số từ 0,5 đến 10)" })
        #expect(reading.elements.contains { $0.name == "html" && $0["lang"] == "vi" && $0["dir"] == "ltr" })
    }

    @Test func aShortScaleIsAButtonAValueAndALongOneAField() throws {
        let short = try Self.answer(.scale(low: 0, high: 10))
        let buttons = short.filter { $0.name == "button" }
        #expect(buttons.map { $0["value"] } == (0...10).map(String.init))
        #expect(buttons.allSatisfy { $0["name"] == "value" })
        // A digit presses the button of that value; 10 has none.
        let keys: [String?] = (0...9).map(String.init) + [nil]
        #expect(buttons.map { $0["data-key"] } == keys)
        for (low, high) in [(0.0, 11.0), (1.0, nil)] as [(Double, Double?)] {
            let long = try Self.answer(.scale(low: low, high: high))
            #expect(long.contains { $0.name == "input" && $0["name"] == "value" && $0["type"] == "text" })
            #expect(!long.contains { $0.name == "button" && $0["name"] == "value" })
        }
    }

    @Test func textIsABoxAndASubmit() throws {
        let reading = Self.read(WebSamples.chinese)
        let answer = try #require(Self.form(reading, action: "answer"))
        #expect(answer.contains { $0.name == "textarea" && $0["name"] == "value" && $0["autofocus"] != nil })
        #expect(answer.contains { $0.name == "button" && $0["type"] == "submit" && $0.text == "提交" })
    }

    @Test func theProgressBarMarksDoneCurrentAndToCome() throws {
        let reading = Self.read(WebSamples.english(WebSamples.choice))
        let stages = reading.elements.filter { $0.name == "li" && ["done", "current", "todo"].contains($0["class"] ?? "") }
        #expect(stages.map { $0["class"] } == ["done", "current", "todo", "todo", "todo"])
        #expect(stages.map { $0["aria-current"] } == [nil, "step", nil, nil, nil])
        #expect(stages[0].text == "Done: Preparation" && stages[1].text == "Now: Discovery" && stages[2].text == "To come: Qualification")
        #expect(reading.elements.contains { $0.name == "h2" && $0.text == "Stage 2 of 5 · Discovery" })
        // Shown in the header and the stage panel, not again among the items.
        #expect(walkPage(WebSamples.english(WebSamples.choice)).components(separatedBy: "Learn whether Acme").count == 2)
    }

    @Test func aPendingEndIsConfirmedInsteadOfAsked() throws {
        var screen = WebSamples.english(WebSamples.choice)
        screen.pendingEnd = .init(outcome: "lost", reason: "No budget")
        let reading = Self.read(screen)
        #expect(reading.elements.contains { $0.name == "h2" && $0.text == "End the deal now as “lost · No budget”?" })
        let buttons = reading.elements.filter { $0.name == "button" }
        #expect(buttons.map { $0["value"] } == ["confirm-end", "cancel-end"])
        #expect(buttons.allSatisfy { $0["name"] == "action" })
        #expect(buttons[1]["autofocus"] != nil)
        #expect(Self.form(reading, action: "answer") == nil && Self.form(reading, action: "note") == nil)
    }

    @Test func theEndFormOffersTheOutcomesAndAConfirmStepForTheScript() throws {
        let reading = Self.read(WebSamples.english(WebSamples.choice))
        let end = try #require(Self.form(reading, action: "end"))
        #expect(end[0]["data-confirm"] == "End the deal now as “{1}”?")
        let options = reading.elements.filter { $0.name == "option" }
        #expect(options.map { $0["value"] } == ["won", "lost", "no_decision"])
        #expect(options.map(\.text) == ["✓ won", "✗ lost", "○ no_decision"])
        #expect(end.contains { $0.name == "input" && $0["name"] == "reason" })
        #expect(end.contains { $0.name == "button" && $0["name"] == "confirmed" && $0["value"] == "yes" })
        // Folded while a question waits; open at an unmet criterion, where it is a way on.
        #expect(reading.elements.first { $0.name == "details" && $0["class"] == "end" }?["open"] == nil)
        let unmet = Self.read(WebSamples.english(nil, items: [.unmet(stage: "Discovery", message: "budget unknown", outcomes: ["won", "lost"])]))
        #expect(unmet.elements.first { $0.name == "details" && $0["class"] == "end" }?["open"] != nil)
        #expect(unmet.elements.contains { $0["class"] == "unmet" && $0["role"] == "alert" && $0.text.contains("back") })
    }

    @Test func backIsDisabledWhenThereIsNothingToUndo() throws {
        var screen = WebSamples.english(WebSamples.choice)
        screen.canGoBack = false
        let back = try #require(Self.form(Self.read(screen), action: "back")).first { $0.name == "button" }
        #expect(back?["disabled"] != nil && back?["data-key"] == "b")
    }

    @Test func anEndedDealShowsTheOutcomeAndLinksButNoForms() throws {
        let reading = Self.read(WebSamples.practiceEnded)
        #expect(Self.forms(reading).isEmpty)
        #expect(reading.elements.contains { $0.name == "a" && $0["href"] == "/session/20261122-173512-3fa9" })
        #expect(reading.elements.contains { $0.name == "a" && $0["href"] == "/" })
        let outcome = try #require(reading.elements.first { $0.name == "section" && $0["class"] == "outcome good" })
        #expect(outcome.text.contains("Outcome: won") && outcome.text.contains("Reason: Signed in March"))
        let summary = try #require(reading.elements.first { $0["class"] == "summary" })
        #expect(summary.text.contains("Score: 2 · best on your walk: 6 · best on any walk: 9"))
        #expect(summary.text.contains("Grade: 40%"))
        #expect(summary.text.contains("you chose “Offer a discount” (-1); best: “Ask what the budget is” (+3)"))
        #expect(reading.elements.contains { $0.name == "h3" && $0.text == "Moves to review" })
    }

    @Test func glossaryWordsAreMarkedOnceWithTheirDefinition() throws {
        let reading = Self.read(WebSamples.english(WebSamples.choice))
        let terms = reading.elements.filter { $0.name == "abbr" }
        #expect(terms.map(\.text) == ["procurement", "CFO"])
        #expect(terms.allSatisfy { $0["tabindex"] == "0" && $0["class"] == "term" })
        #expect(terms[1]["title"] == "Chief financial officer: holds the budget.")
        // In a script without spaces, inside a longer run of letters too; in Vietnamese, a
        // whole word of two.
        #expect(HTMLCheck.read(walkPage(WebSamples.thai)).elements.contains { $0.name == "abbr" && $0.text == "งบประมาณ" })
        #expect(HTMLCheck.read(walkPage(WebSamples.chinese)).elements.contains { $0.name == "abbr" && $0.text == "拍板" })
        #expect(HTMLCheck.read(walkPage(WebSamples.vietnamese)).elements.contains { $0.name == "abbr" && $0.text == "ngân sách" })
    }

    @Test func aWordIsMarkedOnlyWhole() {
        var marks = GlossaryMarks([GlossaryEntry(word: "CFO", definition: "d")])
        #expect(marks.html("CFOs and xCFO") == "CFOs and xCFO")
        #expect(marks.html("the cfo, again") == "the <abbr class=\"term\" tabindex=\"0\" title=\"d\">cfo</abbr>, again")
        #expect(marks.html("CFO") == "CFO")
    }

    @Test func hebrewPagesReadRightToLeft() {
        for page in [walkPage(WebSamples.hebrew), startPage(WebOtherPagesTests.start(language: "he")), messagePage(.init(language: "he", title: "t", text: "x"))] {
            #expect(page.contains("<html lang=\"he\" dir=\"rtl\">"))
            #expect(HTMLCheck.problems(page).isEmpty, "\(HTMLCheck.problems(page))")
        }
        #expect(walkPage(WebSamples.english(nil)).contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    @Test func aThaiPracticePageShowsThePersonaAndTheFeedback() throws {
        let reading = Self.read(WebSamples.thai)
        #expect(reading.elements.contains { $0.name == "html" && $0["lang"] == "th" })
        #expect(reading.elements.contains { $0["class"] == "badge" && $0.text == "ฝึกซ้อม" })
        let persona = try #require(reading.elements.first { $0["class"] == "persona" })
        #expect(persona.text.contains("คุณกำลังคุยกับ คุณวิภา (ผู้จัดการฝ่ายจัดซื้อ)"))
        let feedback = try #require(reading.elements.first { $0["class"] == "feedback other" })
        #expect(feedback.text.contains("-1 · การลดราคาเร็วเกินไปทำให้เสียมูลค่า"))
        #expect(feedback.text.contains("ตัวเลือกที่ดีที่สุด: “ถามถึงผลกระทบทางธุรกิจ” (+3) · ทำให้ลูกค้าเห็นคุณค่า"))
        #expect(reading.elements.filter { $0.name == "button" && $0["name"] == "value" }.map(\.text) == ["1", "2", "3", "4", "5"])
        #expect(reading.elements.contains { $0.name == "figcaption" && $0.text == "คุณวิภา" })
    }

    @Test func problemsAndFeedbackAreInALiveRegion() throws {
        let page = walkPage(WebSamples.vietnamese)
        let live = try #require(page.range(of: "<div class=\"feed\" aria-live=\"polite\">"))
        let problem = try #require(page.range(of: "class=\"problem\""))
        let question = try #require(page.range(of: "id=\"question\""))
        #expect(live.upperBound < problem.lowerBound && problem.lowerBound < question.lowerBound)
    }
}
