/// What each box and arrow of a flowchart says: the playbook's own texts, and the chart's words
/// in the playbook's language. By default the words a manager reads (`check budget`, outcome
/// names with spaces); with `detail` the conditions and names as written.
struct ChartText {
    let program: Program
    let words: ChartWords
    let detail: Bool

    /// A node whose `lines` are its whole texts shortened to `ShortLine.maxCells` cells.
    func node(_ kind: Flowchart.NodeKind, _ text: [String], detail: String, cluster: Int?) -> Flowchart.Node {
        Flowchart.Node(kind: kind, lines: text.map { ShortLine.shorten($0) }, text: text, detail: detail, cluster: cluster)
    }

    /// The box of a step.
    func step(_ step: Step, cluster: Int) -> Flowchart.Node {
        switch step {
        case .ask(let question):
            let text = ShortLine.oneLine(program.shown(question.text))
            return node(.question, [text], detail: text, cluster: cluster)
        case .say(let text, _):
            let line = ShortLine.oneLine(program.shown(text))
            return node(.say, [quoted(words(.say), line)], detail: line, cluster: cluster)
        case .buyer(let texts, _):
            let who = { (line: BuyerLine) in line.persona.map { program.name($0.symbol) + words.colon } ?? "" }
            var lines = texts.prefix(2).enumerated().map {
                quoted($0.offset == 0 ? words(.buyer) : "", who($0.element) + ShortLine.oneLine(program.shown($0.element.text)))
            }
            if texts.count > 2 { lines.append(words(.more, String(texts.count - 2))) }
            let whole = texts.map { who($0) + ShortLine.oneLine(program.shown($0.text)) }.joined(separator: "\n")
            return node(.buyer, lines, detail: whole, cluster: cluster)
        case .set(let assignment):
            let text = setText(assignment)
            return node(.set, [text], detail: text, cluster: cluster)
        case .jumpIf(let condition, _, _), .ifBlock(let condition, _, _, _):
            let code = words(.if) + " " + sourceText(condition.span)
            return node(.condition, [detail ? code : check(condition)], detail: code, cluster: cluster)
        case .call(let name, _):
            let title = program.flowIndex[name.symbol].map { program.shown(program.flows[$0].title) } ?? program.name(name.symbol)
            let text = words(.call, ShortLine.oneLine(title))
            return node(.call, [text], detail: text, cluster: cluster)
        case .return:
            return node(.return, [words(.return)], detail: words(.returnDetail), cluster: cluster)
        case .end(let ending, _):
            return outcome(ending, cluster: cluster)
        case .jump(let target, _):
            return node(.empty, ["-> " + sourceText(target.span)], detail: sourceText(target.span), cluster: cluster)
        }
    }

    /// `check budget, urgency`: the names a condition looks at, as words; the condition itself
    /// when it looks at none.
    func check(_ condition: Expr) -> String {
        var names: [String] = []
        condition.forEachName { name in
            let shown = Self.words(of: program.name(name.symbol))
            if !names.contains(shown) { names.append(shown) }
        }
        return names.isEmpty ? words(.if) + " " + sourceText(condition.span) : words(.check, names.joined(separator: words(.listSeparator)))
    }

    /// The note of a stage's exit criteria: `exit when pain`, and the message in the tooltip.
    func gate(_ stage: Int) -> Flowchart.Node {
        let exits = program.stages[stage].exits
        let lines = exits.map { words(.exitWhen) + " " + sourceText($0.condition.span) }
        let detail = exits.map { exit in
            words(.exitWhen) + " " + sourceText(exit.condition.span)
                + (exit.message.map { words.colon + ShortLine.oneLine(program.shown($0)) } ?? "")
        }
        return node(.gate, words.capped(lines), detail: detail.joined(separator: "\n"), cluster: nil)
    }

    func outcome(_ ending: Ending, cluster: Int?) -> Flowchart.Node {
        let name = program.name(ending.outcome.symbol)
        let tone = program.tone(of: name)
        let reason = ending.reason.map { ShortLine.oneLine(program.shown($0)) } ?? ""
        let shown = detail ? name : Self.words(of: name)
        let text = reason.isEmpty ? shown : shown + words.colon + reason
        return node(.outcome(tone), ["\(tone.symbol) \(text)"], detail: text, cluster: cluster)
    }

    func setText(_ assignment: Assignment) -> String {
        "\(words(.set)) \(program.name(assignment.name.symbol)) \(assignment.op.rawValue) \(sourceText(assignment.value.span))"
    }

    /// `say “...”`: the keyword, and the text in quotes.
    private func quoted(_ keyword: String, _ text: String) -> String {
        (keyword.isEmpty ? "" : keyword + " ") + "“" + text + "”"
    }

    /// A name as words: `next_meeting` reads `next meeting`.
    static func words(of name: String) -> String {
        String(name.map { $0 == "_" ? " " : $0 })
    }

    /// The playbook's own words for a span, on one line.
    func sourceText(_ span: Span) -> String {
        guard program.sources.indices.contains(Int(span.file)) else { return "" }
        return ShortLine.oneLine(program.sources[Int(span.file)].text(Int(span.start)..<Int(span.end)))
    }
}
