/// The walk page: one question at a time, as `playbook run` asks it.
///
/// The forms are the contract with the server; their names are kept exactly:
///
/// - Every form posts to `/walk/ID` (the session's id, percent-encoded) with hidden fields
///   `turn` (the turn the page shows: the server refuses a form from an older page), `lease`
///   (the tab's token) and `action`, one of:
///   - `answer`, with `value=yes|no` (a yes/no question), `option=N` (a choice: the option's
///     number from 1), or `value=TEXT` (a number as typed, such as `1,5` in Vietnamese; a scale's
///     value; a text's words). The server reads and checks it, and refuses one that does not fit
///     with a `.problem` item (the page then shows `WalkScreen.typed` in the field again).
///   - `note`, with `note=TEXT`.
///   - `back`: undo the last answer.
///   - `pause`: save and stop here.
///   - `end`, with `outcome=NAME` and `reason=TEXT` (empty when none). Without JavaScript the
///     server answers with the page's confirmation (`WalkScreen.pendingEnd`); `app.js` asks
///     first in the page and then sends `confirmed=yes` too, and the server ends the deal at once.
///   - `confirm-end` or `cancel-end`: the answer to that confirmation (the buttons carry `action`).
/// - Elsewhere: `POST /walk/ID/open` with `lease` resumes a session (home page); `POST /start`
///   starts one (`startPage`); `GET /session/ID` reads one (`transcriptPage`); `GET /` is home,
///   `GET /report` the team report, `GET /start?playbook=ID` a playbook's start page.
///
/// Keyboard shortcuts (`app.js`) press the element whose `data-key` lists the key: the digits
/// the options (a scale's buttons: their own value), `y`/`n` yes and no (and the confirmation),
/// `b` Back, `enter` the answer's submit button.
public func walkPage(_ screen: WalkScreen) -> String {
    var page = WalkPage(screen)
    return page.render()
}

/// Writes one walk page; glossary words are marked once each, in the order the page reads.
struct WalkPage {
    let screen: WalkScreen
    let words: WebWords
    let strings: RunnerStrings
    let numbers: NumberStyle
    var marks: GlossaryMarks
    var out = ""
    /// The `id`s of the problems shown, for the answer field's `aria-describedby`.
    var problems: [String] = []

    init(_ screen: WalkScreen) {
        self.screen = screen
        words = WebWords(language: screen.language)
        strings = RunnerStrings(language: screen.language)
        numbers = NumberStyle(language: strings.language)
        marks = GlossaryMarks(screen.glossary)
    }

    func h(_ text: String) -> String { WebPage.escape(text) }

    /// The form's start, posting to the session with the fields every form carries.
    func form(_ action: String?, className: String, extra: String = "") -> String {
        var out = "<form method=\"post\" action=\"/walk/\(h(WebPage.component(screen.session)))\" class=\"\(className)\"\(extra)>"
        out += WebPage.hidden("turn", String(screen.turn)) + WebPage.hidden("lease", screen.lease)
        if let action { out += WebPage.hidden("action", action) }
        return out + "\n"
    }

    mutating func render() -> String {
        let waiting = !screen.ended && screen.pendingEnd == nil ? screen.question : nil
        if waiting != nil { out += "<a class=\"skip\" href=\"#question\">\(h(words(.skipToQuestion)))</a>\n" }
        header()
        out += "<main>\n"
        stagePanel()
        out += "<div class=\"feed\" aria-live=\"polite\">\n"
        for item in screen.items { self.item(item) }
        out += "</div>\n"
        if screen.ended {
            ended()
        } else if let pending = screen.pendingEnd {
            confirmation(pending)
        } else {
            if let waiting { question(waiting) }
            tools()
        }
        notes()
        keys()
        out += "</main>\n"
        let bodyClass = "walk" + (screen.isPractice ? " practice" : "")
        return WebPage.document(title: screen.title, language: screen.language, bodyClass: bodyClass, body: out)
    }

    mutating func header() {
        out += "<header class=\"top\">\n" + WebPage.homeLink(words) + "<h1>\(h(screen.title))</h1>\n"
        var facts: [String] = []
        if screen.isPractice { facts.append("<span class=\"badge\">\(h(words(.practice)))</span>") }
        if let persona = screen.persona { facts.append(h(words(.persona)) + h(words.colon) + "<bdi>\(h(persona))</bdi>") }
        if let rep = screen.rep { facts.append(h(words(.rep)) + h(words.colon) + "<bdi>\(h(rep))</bdi>") }
        if let deal = screen.deal { facts.append(h(words(.deal)) + h(words.colon) + "<bdi>\(h(deal))</bdi>") }
        if !facts.isEmpty { out += "<p class=\"meta\">\(facts.joined(separator: " <span aria-hidden=\"true\">·</span> "))</p>\n" }
        if !screen.stages.isEmpty {
            out += "<nav aria-label=\"\(h(words(.stages)))\"><ol class=\"stages\">\n"
            for (index, title) in screen.stages.enumerated() {
                let state: (class: String, word: String?)
                if index == screen.currentStage {
                    state = ("current", strings(.whereNow))
                } else if screen.done.contains(index) {
                    state = ("done", strings(.whereDone))
                } else {
                    state = ("todo", index > screen.currentStage ? strings(.whereToCome) : nil)
                }
                out += "<li class=\"\(state.class)\"\(index == screen.currentStage ? " aria-current=\"step\"" : "")>"
                if let word = state.word { out += "<span class=\"vh\">\(h(word + strings.colon))</span>" }
                out += "<span class=\"label\">\(h(title))</span></li>\n"
            }
            out += "</ol></nav>\n"
        }
        out += "</header>\n"
    }

    mutating func stagePanel() {
        guard screen.stages.indices.contains(screen.currentStage) else { return }
        let banner = strings(.stageBanner, String(screen.currentStage + 1), String(screen.stages.count), screen.stages[screen.currentStage])
        out += "<section class=\"stage\" aria-labelledby=\"stage-title\">\n<h2 id=\"stage-title\">\(h(banner))</h2>\n"
        if let goal = screen.goal {
            out += "<p class=\"goal\"><strong>\(h(strings(.goal) + strings.colon))</strong>\(marks.html(goal))</p>\n"
        }
        if !screen.tips.isEmpty {
            out += "<ul class=\"tips\">\n"
            for tip in screen.tips {
                out += "<li><span class=\"label\">\(h(strings(.tip) + strings.colon))</span>\(marks.html(tip))</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</section>\n"
    }

    // MARK: The question

    mutating func question(_ question: QuestionView) {
        out += "<section class=\"question\" id=\"question\" aria-labelledby=\"q\">\n"
        out += form("answer", className: "answer")
        out += "<h2 class=\"q\" id=\"q\">\(marks.html(question.text))</h2>\n"
        switch question.kind {
        case .yesNo:
            // The playbook's language's own letters too, where its keyboard has them.
            let extra: (yes: String, no: String) = ["vi": (" c", " k"), "he": (" כ", " ל")][words.language] ?? ("", "")
            out += "<div class=\"yesno\" role=\"group\" aria-labelledby=\"q\">"
            out += "<button type=\"submit\" name=\"value\" value=\"yes\" class=\"primary\" data-key=\"y\(extra.yes)\" autofocus>\(h(words(.yes)))</button>"
            out += "<button type=\"submit\" name=\"value\" value=\"no\" class=\"primary\" data-key=\"n\(extra.no)\">\(h(words(.no)))</button></div>\n"
        case .choice(let options):
            out += "<ol class=\"options\" role=\"group\" aria-labelledby=\"q\">\n"
            for (index, option) in options.enumerated() {
                let number = index + 1
                out += "<li><button type=\"submit\" name=\"option\" value=\"\(number)\" class=\"option\""
                out += (number <= 9 ? " data-key=\"\(number)\"" : "") + (number == 1 ? " autofocus" : "") + ">"
                out += "<span class=\"n\" aria-hidden=\"true\">\(number)</span><span class=\"text\">\(WebPage.lines(option))</span></button></li>\n"
            }
            out += "</ol>\n"
        case .number(let low, let high):
            field(range: numberRange(low: low, high: high), multiline: false, negative: (low ?? -1) < 0)
        case .scale(let low, let high):
            if let high, high >= low, high - low <= 10 {
                let range = strings(.scaleBetween, Value.format(low, style: numbers), Value.format(high, style: numbers))
                out += "<p class=\"hint\" id=\"q-range\">(\(h(range)))</p>\n"
                out += "<div class=\"scale\" role=\"group\" aria-labelledby=\"q q-range\">"
                var value = low
                while value <= high {
                    let key = value >= 0 && value <= 9 ? " data-key=\"\(Value.format(value))\"" : ""
                    out += "<button type=\"submit\" name=\"value\" value=\"\(Value.format(value))\" class=\"primary\"\(key)\(value == low ? " autofocus" : "")>"
                    out += h(Value.format(value, style: numbers)) + "</button>"
                    value += 1
                }
                out += "</div>\n"
            } else {
                field(range: numberRange(low: low, high: high), multiline: false, negative: low < 0)
            }
        case .text:
            field(range: nil, multiline: true, negative: false)
        }
        out += "</form>\n"
        if let why = question.why {
            out += "<details class=\"coach\"><summary>\(h(words(.whyThisQuestion)))</summary><p>\(marks.html(why))</p></details>\n"
        }
        if let tip = question.tip {
            out += "<details class=\"coach\"><summary>\(h(strings(.tip)))</summary><p>\(marks.html(tip))</p></details>\n"
        }
        out += "</section>\n"
    }

    /// "a number from 1 to 10", as the terminal says it.
    func numberRange(low: Double?, high: Double?) -> String {
        guard let low else { return strings(.anyNumber) }
        guard let high else { return strings(.numberAtLeast, Value.format(low, style: numbers)) }
        return strings(.numberBetween, Value.format(low, style: numbers), Value.format(high, style: numbers))
    }

    /// The answer typed: a one-line field for a number (text, not `number`: Vietnamese writes
    /// `1,5`, and the server reads it as the terminal does), a box for text. A phone's decimal
    /// keypad has no minus sign: a number that may be negative gets the whole keyboard.
    mutating func field(range: String?, multiline: Bool, negative: Bool) {
        let label = words(.yourAnswer) + (range.map { " (\($0))" } ?? "")
        var described = "q"
        var invalid = ""
        if let problem = problems.last {
            described += " " + problem
            invalid = " aria-invalid=\"true\""
        }
        out += "<p class=\"field\"><label for=\"answer\">\(h(label))</label>"
        let common = "name=\"value\" id=\"answer\" dir=\"auto\" aria-describedby=\"\(described)\"\(invalid) autofocus"
        if multiline {
            out += "<textarea \(common) rows=\"3\">\(h(screen.typed))</textarea></p>\n"
        } else {
            let mode = negative ? "" : " inputmode=\"decimal\""
            out += "<input type=\"text\" \(common)\(mode) autocomplete=\"off\" value=\"\(h(screen.typed))\"></p>\n"
        }
        out += "<p class=\"actions\"><button type=\"submit\" class=\"primary\" data-key=\"enter\">\(h(words(.answer)))</button></p>\n"
    }

    // MARK: What else the rep can do

    mutating func tools() {
        out += "<section class=\"tools\">\n<div class=\"row\">"
        out += form("back", className: "inline")
        out += "<button type=\"submit\" data-key=\"b\"\(screen.canGoBack ? "" : " disabled")>\(h(words(.back)))</button></form>\n"
        out += form("pause", className: "inline") + "<button type=\"submit\">\(h(words(.pause)))</button></form>\n</div>\n"
        if !screen.outcomes.isEmpty { endForm() }
        out += "</section>\n"
    }

    /// The end of the deal, folded away while a question waits and open when none does (an
    /// unmet exit criterion: going back or ending are the ways on).
    mutating func endForm() {
        out += "<details class=\"end\"\(screen.question == nil ? " open" : "")><summary>\(h(words(.endDeal)))</summary>\n"
        out += form("end", className: "fields end-form", extra: " data-confirm=\"\(h(words(.endConfirm)))\"")
        out += "<p class=\"field\"><label for=\"end-outcome\">\(h(strings(.outcome)))</label><select name=\"outcome\" id=\"end-outcome\">"
        for outcome in screen.outcomes {
            out += "<option value=\"\(h(outcome.name))\">\(h(outcome.tone.symbol + " " + outcome.name))</option>"
        }
        out += "</select></p>\n"
        out += "<p class=\"field\"><label for=\"end-reason\">\(h(words(.optional, strings(.reason))))</label>"
        out += "<input type=\"text\" name=\"reason\" id=\"end-reason\" dir=\"auto\" autocomplete=\"off\"></p>\n"
        out += "<p class=\"actions first-step\"><button type=\"submit\" class=\"danger\">\(h(words(.endDeal)))</button></p>\n"
        // Shown by app.js in place of the server's confirmation; hidden without it.
        out += "<div class=\"confirm-step\" hidden><p class=\"confirm-text\" role=\"alert\"></p>"
        out += "<p class=\"quiet\">\(h(words(.endConfirmNote)))</p><p class=\"actions\">"
        out += "<button type=\"submit\" name=\"confirmed\" value=\"yes\" class=\"danger\" data-key=\"y\">\(h(words(.confirm)))</button>"
        out += "<button type=\"button\" class=\"cancel-step\" data-key=\"n\">\(h(words(.cancel)))</button></p></div>\n"
        out += "</form>\n</details>\n"
    }

    /// "End the deal now as X?", asked by the server (the page had no script, or it was sent
    /// without its confirmation).
    mutating func confirmation(_ pending: WalkScreen.PendingEnd) {
        let shown = pending.reason.map { pending.outcome + " · " + $0 } ?? pending.outcome
        out += "<section class=\"confirm\" aria-labelledby=\"confirm-q\">\n" + form(nil, className: "fields")
        out += "<h2 id=\"confirm-q\">\(h(words(.endConfirm, shown)))</h2>\n<p class=\"quiet\">\(h(words(.endConfirmNote)))</p>\n"
        out += "<p class=\"actions\"><button type=\"submit\" name=\"action\" value=\"confirm-end\" class=\"danger\" data-key=\"y\">\(h(words(.confirm)))</button>"
        // Focus on the way that loses nothing.
        out += "<button type=\"submit\" name=\"action\" value=\"cancel-end\" data-key=\"n\" autofocus>\(h(words(.cancel)))</button></p>\n"
        out += "</form>\n</section>\n"
    }

    mutating func ended() {
        let path = h(WebPage.component(screen.session))
        out += "<section class=\"finished\">\n<h2>\(h(words(.ended)))</h2>\n<p class=\"actions\">"
        out += "<a class=\"button primary\" href=\"/session/\(path)\">\(h(words(.readTranscript)))</a>"
        out += "<a class=\"button\" href=\"/\">\(h(words(.home)))</a></p>\n</section>\n"
    }

    mutating func notes() {
        guard !(screen.ended && screen.notes.isEmpty) else { return }
        out += "<section class=\"notes\" aria-labelledby=\"notes-title\">\n<h2 id=\"notes-title\">\(h(words(.notes)))</h2>\n"
        if screen.notes.isEmpty {
            out += "<p class=\"empty\">\(h(words(.noNotes)))</p>\n"
        } else {
            out += "<ul>\n" + screen.notes.map { "<li dir=\"auto\">\(WebPage.lines($0))</li>\n" }.joined() + "</ul>\n"
        }
        // No note while a confirmation waits: the terminal reads any line then as its answer.
        if !screen.ended, screen.pendingEnd == nil {
            out += form("note", className: "fields")
            out += "<p class=\"field\"><label for=\"note\">\(h(words(.newNote)))</label>"
            out += "<textarea name=\"note\" id=\"note\" rows=\"2\" dir=\"auto\"></textarea></p>\n"
            out += "<p class=\"actions\"><button type=\"submit\">\(h(words(.saveNote)))</button></p>\n</form>\n"
        }
        out += "</section>\n"
    }

    /// The shortcuts, for the `?` key: hidden until app.js, which makes them work, shows it.
    mutating func keys() {
        guard !screen.ended else { return }
        out += "<details class=\"keys\" id=\"keys\" hidden><summary>\(h(words(.keysTitle)))</summary>\n<ul>\n"
        for phrase in [WebWords.Phrase.keysDigits, .keysYesNo, .keysBack, .keysEnter, .keysHelp] {
            out += "<li>\(h(words(phrase)))</li>\n"
        }
        out += "</ul>\n<p class=\"quiet\">\(h(words(.keysWhen)))</p>\n</details>\n"
    }
}
