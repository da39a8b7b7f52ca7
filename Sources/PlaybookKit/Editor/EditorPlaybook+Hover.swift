/// What a hover shows: Markdown, and the span of the name or word it is about.
public struct HoverInfo: Sendable, Equatable {
    public var markdown: String
    public var span: Span
}

extension EditorPlaybook {
    /// What the name, `use` path or glossary word at `offset` of file `file` is.
    public func hover(file: Int, at offset: Int) -> HoverInfo? {
        if let occurrence = index.occurrence(file: file, at: offset) {
            return describe(occurrence.entity).map { HoverInfo(markdown: $0, span: occurrence.span) }
        }
        if let use = index.use(file: file, at: offset), let source = source(use.file) {
            let kind = result.files.indices.contains(use.file) && !result.files[use.file].flows.isEmpty ? "library" : "file"
            let flows = result.files.indices.contains(use.file)
                ? result.files[use.file].flows.map { "`\(result.interner.name($0.name.symbol))`" } : []
            var text = "**\(kind)** `\(source.path)`"
            if !flows.isEmpty { text += "\n\nflows: " + flows.joined(separator: ", ") }
            return HoverInfo(markdown: text, span: use.span)
        }
        return glossaryHover(file: file, at: offset)
    }

    /// The Markdown that says what `entity` is.
    func describe(_ entity: Entity) -> String? {
        let name = "`\(entity.name)`"
        switch entity.kind {
        case .question:
            guard let question = questions[entity.name] else { return nil }
            var lines = ["**question** \(name): \(Self.describe(question.type))", "", Self.quote(question.text.value)]
            if question.type == .choice {
                let options = question.branches.filter(\.label.isOption).map { branch in
                    let title = MarkdownText.escape(branch.optionTitle?.value ?? "")
                    return branch.keyName == nil ? "- " + title : "- `\(branch.optionKey ?? "")`: " + title
                }
                if !options.isEmpty { lines += ["", "options:"] + options }
            }
            if let why = question.why { lines += ["", "**why:** " + MarkdownText.escape(why.value)] }
            if let tip = question.tip { lines += ["", "**tip:** " + MarkdownText.escape(tip.value)] }
            return lines.joined(separator: "\n")
        case .stage:
            guard let stage = stages[entity.name] else { return nil }
            var lines = ["**stage** \(name): " + MarkdownText.escape(stage.title.value)]
            if let goal = stage.goal { lines += ["", "**goal:** " + MarkdownText.escape(goal.value)] }
            let asked = stage.body.compactMap { step -> String? in
                if case .ask(let question) = step { "`\(result.interner.name(question.name.symbol))`" } else { nil }
            }
            if !asked.isEmpty { lines += ["", "asks " + asked.joined(separator: ", ")] }
            return lines.joined(separator: "\n")
        case .flow:
            guard let flow = flows[entity.name] else { return nil }
            let file = Int(flow.name.span.file)
            let place = file > 0 ? source(file).map { " (in `\($0.path)`)" } ?? "" : ""
            return "**flow** \(name): " + MarkdownText.escape(flow.title.value) + place
        case .persona:
            guard let persona = personas[entity.name] else { return nil }
            var lines = ["**persona** \(name): " + MarkdownText.escape(persona.title.value)]
            if let role = persona.role { lines += ["", "**role:** " + MarkdownText.escape(role.value)] }
            if let context = persona.context { lines += ["", "**context:** " + MarkdownText.escape(context.value)] }
            return lines.joined(separator: "\n")
        case .variable:
            if entity.name == "score" {
                return "**variable** `score`: the built-in score; practice adds each chosen option's points to it"
            }
            let sets = index.definitions(of: entity).count
            return "**variable** \(name): given a value by \(sets) `set` line\(sets == 1 ? "" : "s")"
        case .outcome:
            let meaning = switch mark(of: entity.name) {
            case .win: "counts as a win in reports"
            case .loss: "counts as a loss in reports"
            case nil: "counts as neither a win nor a loss"
            }
            return "**outcome** \(name): \(meaning)"
        }
    }

    static func describe(_ type: AnswerType) -> String {
        switch type {
        case .yesNo: "yes/no"
        case .choice: "choice"
        case .text: "text"
        case .number(nil): "number"
        case .number(let range?):
            range.high.map { "number from \(Value.exact(range.low)) to \(Value.exact($0))" }
                ?? "number, at least \(Value.exact(range.low))"
        case .scale(let range): "scale from \(Value.exact(range.low)) to \(Value.exact(range.high ?? range.low))"
        }
    }

    /// A question's text as a Markdown quote.
    static func quote(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + MarkdownText.escape(String($0)) }
            .joined(separator: "\n")
    }

    /// The glossary word written at `offset` inside a string, with its definition.
    private func glossaryHover(file: Int, at offset: Int) -> HoverInfo? {
        guard let source = source(file), offset <= source.bytes.count else { return nil }
        let terms = result.files.flatMap(\.terms)
        guard !terms.isEmpty else { return nil }
        let line = EditorLine(source, line: source.lineIndex(of: offset))
        guard let string = line.pieces.first(where: { $0.kind == .string && $0.start < offset && offset < $0.end }) else {
            return nil
        }
        // The characters of the literal with the byte offset of each, lowercased one by one.
        var characters: [(String, Int)] = []
        var position = string.start
        for character in source.text(string.start..<string.end) {
            characters.append((String(character).lowercased(), position))
            position += character.utf8.count
        }
        for term in terms.sorted(by: { $0.word.value.count > $1.word.value.count }) {
            let word = term.word.value.map { String($0).lowercased() }
            guard !word.isEmpty, word.count <= characters.count else { continue }
            for first in 0...(characters.count - word.count) {
                let start = characters[first].1
                let end = first + word.count < characters.count ? characters[first + word.count].1 : string.end
                guard start <= offset, offset <= end else { continue }
                if zip(word, characters[first..<(first + word.count)]).allSatisfy({ $0 == $1.0 }) {
                    return HoverInfo(
                        markdown: "**\(MarkdownText.escape(term.word.value))**: " + MarkdownText.escape(term.definition.value),
                        span: Span(file: file, start: start, end: end))
                }
            }
        }
        return nil
    }
}
