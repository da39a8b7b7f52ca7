/// Draws the runner's `DisplayItem`s as terminal text: in the rep's language, painted when the
/// terminal wants colour, wrapped to its width, and every outside text made safe to print.
public struct TerminalPresenter: Sendable {
    public let strings: RunnerStrings
    public let paint: Paint
    /// The width in terminal cells to wrap at (the caller knows the screen; it may change
    /// between turns); nil shows each line as written.
    public var width: Int?
    let words: YesNoWords
    let numbers: NumberStyle

    /// For a playbook in `language` (the runner's words fall back to English).
    public init(language: String, paint: Paint, width: Int? = nil) {
        strings = RunnerStrings(language: language)
        numbers = NumberStyle(language: strings.language)
        words = YesNoWords(language: language)
        self.paint = paint
        self.width = width
    }

    /// The text of the items, in order.
    public func text(_ items: [DisplayItem]) -> String { items.map(text).joined() }

    /// The text of one item, ended with a line break.
    public func text(_ item: DisplayItem) -> String {
        switch item {
        case .title(let title):
            return wrapped(paint.bold(TerminalText.safe(title)), hanging: 0)
        case .stage(let index, let count, let title):
            return "\n" + banner(strings(.stageBanner, String(index + 1), String(count), safe(title)))
        case .goal(let goal):
            return wrapped(paint.bold(strings(.goal)) + strings.colon + safe(goal))
        case .tip(let tip):
            return wrapped(paint.dim(strings(.tip) + strings.colon + safe(tip)))
        case .say(let line):
            return wrapped(paint.bold(strings(.say)) + strings.colon + paint.spoken(safe(line)))
        case .persona(let persona):
            let name = TerminalText.safe(persona.name)
            let intro = persona.role.map { strings(.personaWithRole, name, TerminalText.safe($0)) } ?? strings(.personaIntro, name)
            var text = "\n" + wrapped(paint.bold(intro))
            if let context = persona.context { text += wrapped(paint.dim(safe(context)), hanging: 0) }
            return text
        case .buyer(let speaker, let line):
            let label = speaker.map { TerminalText.safe($0) } ?? strings(.buyer)
            return wrapped(paint.bold(label) + strings.colon + paint.buyer("“\(safe(line))”"))
        case .question(let question):
            return "\n" + describe(question)
        case .problem(let text):
            return wrapped(paint.problem(safe(text)))
        case .chosen(let option):
            return wrapped(paint.dim("→ " + TerminalText.safe(option)))
        case .message(let text, .plain):
            return wrapped(safe(text))
        case .message(let text, .quiet):
            return wrapped(paint.dim(safe(text)))
        case .unmet(let stage, let message, let outcomes):
            return "\n" + wrapped(paint.problem(strings(.unmet, safe(stage), safe(message))))
                + wrapped(strings(.unmetHelp, outcomes.joined(separator: ", ")))
        case .outcome(let name, let reason, let score):
            var text = "\n" + wrapped(paint.heading(strings(.outcome) + strings.colon + TerminalText.safe(name)))
            if let reason { text += wrapped(strings(.reason) + strings.colon + safe(reason)) }
            if let score { text += wrapped(strings(.score) + strings.colon + Value.format(score, style: numbers)) }
            return text
        case .fault(let message, let place):
            return "\n" + wrapped(paint.problem(strings(.fault, safe(message), TerminalText.safe(place))))
        case .feedback(let feedback):
            return text(feedback)
        case .practiceSummary(let summary):
            return text(summary)
        case .help(let help):
            return text(help)
        case .whereNow(let done, let current, let count, let title, let toCome):
            var text = ""
            if !done.isEmpty { text += wrapped(strings(.whereDone) + strings.colon + done.map(safe).joined(separator: ", ")) }
            let banner = strings(.stageBanner, String(current + 1), String(count), safe(title))
            text += wrapped(paint.bold(strings(.whereNow) + strings.colon + banner))
            if !toCome.isEmpty { text += wrapped(strings(.whereToCome) + strings.colon + toCome.map(safe).joined(separator: ", ")) }
            return text
        case .definitions(let entries):
            return entries.map {
                wrapped(paint.bold(TerminalText.safe($0.word)) + strings.colon + safe($0.definition))
            }.joined()
        case .confirmEnd(let outcome, let reason):
            let shown = reason.map { "\(outcome) · \(safe($0))" } ?? outcome
            return wrapped(paint.bold(strings(.confirmEnd, shown, words.yes[0], words.no[0])))
        }
    }

    /// The question with its type made plain: `[y/n]`, numbered options, the allowed range.
    func describe(_ question: QuestionView) -> String {
        let text = "? " + safe(question.text)
        switch question.kind {
        case .yesNo(let yes, let no):
            let shown = strings.language == "en" ? "y/n" : "\(yes)/\(no)"
            return wrapped(paint.bold(text) + " " + paint.dim("[\(shown)]"))
        case .choice(let options):
            var lines = wrapped(paint.bold(text))
            for (index, option) in options.enumerated() {
                let number = "  \(index + 1). "
                lines += wrapped(number + TerminalText.safe(option), hanging: number.count)
            }
            return lines
        case .number(let low, let high):
            return wrapped(paint.bold(text) + " " + paint.dim("(\(describe(low: low, high: high)))"))
        case .scale(let low, let high):
            let top = high.map { Value.format($0, style: numbers) } ?? ""
            return wrapped(paint.bold(text) + " " + paint.dim("(\(strings(.scaleBetween, Value.format(low, style: numbers), top)))"))
        case .text:
            return wrapped(paint.bold(text))
        }
    }

    private func describe(low: Double?, high: Double?) -> String {
        guard let low else { return strings(.anyNumber) }
        guard let high else { return strings(.numberAtLeast, Value.format(low, style: numbers)) }
        return strings(.numberBetween, Value.format(low, style: numbers), Value.format(high, style: numbers))
    }

    private func text(_ help: HelpView) -> String {
        var text = ""
        if help.hasQuestion {
            if let why = help.why { text += wrapped(paint.bold(strings(.why)) + strings.colon + safe(why)) }
            if let tip = help.tip { text += wrapped(paint.bold(strings(.tip)) + strings.colon + safe(tip)) }
            if help.why == nil, help.tip == nil { text += wrapped(paint.dim(strings(.noCoaching))) }
        }
        text += wrapped(strings(.commandsTitle))
        for phrase in [RunnerStrings.Phrase.helpHelp, .helpBack, .helpNote, .helpWhere, .helpDefine, .helpPause] {
            text += wrappedHelp(strings(phrase))
        }
        text += wrappedHelp(strings(.helpEnd, help.outcomes.joined(separator: ", ")))
        if !help.ownWords.isEmpty { text += wrapped(strings(.helpOwnWords, help.ownWords.joined(separator: ", "))) }
        text += wrapped(paint.dim(strings(.helpLiteral)))
        return text
    }

    /// A playbook's or a rep's text, shown as paragraphs: safe to print on a terminal.
    func safe(_ text: String) -> String { TerminalText.safe(text, lines: true) }

    /// One item the runner shows, ended with a line break: as written, or with a `width`, wrapped
    /// to it with the lines after the first indented `hanging` cells, so that a tip, an option or
    /// a move's feedback reads as one block. For the caller's lines shown among the runner's too.
    public func wrapped(_ text: String, hanging: Int = 2) -> String {
        guard let width, width > 0 else { return text + "\n" }
        return Wrap.wrap(text, width: width, hanging: hanging) + "\n"
    }

    /// A banner, `── text ──`, in the heading's style: wrapped lines go on under the text, and
    /// the closing rule stays on the last of them.
    func banner(_ text: String) -> String {
        guard let width, width > 0 else { return paint.heading("── " + text + " ──") + "\n" }
        return paint.heading(Wrap.wrap("── " + text, width: max(1, width - 3), hanging: 3) + " ──") + "\n"
    }

    /// A line of the commands' help (`  back          undo the last answer`): wrapped lines go on
    /// under the description.
    func wrappedHelp(_ text: String) -> String {
        let indented = "  " + text
        guard let gap = indented.dropFirst(2).firstRange(of: "  ") else { return wrapped(indented, hanging: 4) }
        let description = indented[gap.upperBound...].prefix { $0 == " " }.endIndex
        return wrapped(indented, hanging: Wrap.cells(String(indented[..<description])))
    }
}
