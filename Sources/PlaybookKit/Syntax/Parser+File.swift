extension Parser {
    static let topLevelWords = ["playbook", "use", "term", "persona", "stage", "flow"]
    static let headerWords = ["methodology", "language", "version", "description", "outcomes"]

    /// Parses the top-level `lines` (all of a file, or one part of it).
    mutating func parseFile(_ lines: LineTree.ChildSequence) -> PlaybookFile {
        var playbook = PlaybookFile(file: file)
        playbook.stages.reserveCapacity(lines.count)
        for line in lines {
            begin(line)
            let token = peek
            if isKeyword(token, keywords.playbook) {
                let header = parseHeader(line)
                if let existing = playbook.header {
                    diagnostics.append(Self.secondHeader(header, first: existing))
                } else {
                    playbook.header = header
                }
            } else if isKeyword(token, keywords.use) {
                _ = advance()
                if let path = string("the path of a playbook file", after: "'use'") {
                    playbook.uses.append(Use(path: path, span: lineSpan))
                }
                endOfLine(after: "the path")
                noChildren(line, under: "'use'")
            } else if isKeyword(token, keywords.term) {
                _ = advance()
                if let word = string("the word", after: "'term'"),
                    let definition = string("the definition", after: "the word")
                {
                    playbook.terms.append(Term(word: word, definition: definition, span: lineSpan))
                }
                endOfLine(after: "the definition")
                noChildren(line, under: "'term'")
            } else if isKeyword(token, keywords.persona) {
                if let persona = parsePersona(line) { playbook.personas.append(persona) }
            } else if isKeyword(token, keywords.role) || isKeyword(token, keywords.context) {
                let word = interner.name(token.symbol)
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere, "'\(word)' belongs under a 'persona' line", at: span(token), label: "at the top level",
                        help: "indent it under the persona it describes: persona dana \"Dana Levi\""))
            } else if isKeyword(token, keywords.stage) {
                if let stage = parseStage(line, index: playbook.stages.count) { playbook.stages.append(stage) }
            } else if isKeyword(token, keywords.flow) {
                if let flow = parseFlow(line, index: playbook.flows.count) { playbook.flows.append(flow) }
            } else if token.kind == .identifier, Self.stepWords.contains(interner.name(token.symbol))
                || Self.stageWords.contains(interner.name(token.symbol))
            {
                diagnostics.append(
                    Diagnostic(
                        .notAllowedHere, "'\(interner.name(token.symbol))' must be inside a stage or a flow",
                        at: span(token), label: "at the top level",
                        help: "indent it under a 'stage' or 'flow' line"))
            } else {
                unknownKeyword(allowed: Self.topLevelWords, context: "at the top level")
            }
        }
        playbook.stageQuestions = stageQuestions
        playbook.flowQuestions = flowQuestions
        return playbook
    }

    static func secondHeader(_ header: Header, first: Header) -> Diagnostic {
        Diagnostic(
            .badHeader, "a second 'playbook' header", at: header.span, label: "second header",
            secondary: [Label(first.span, "first header")], help: "a file has at most one header")
    }

    private mutating func parseHeader(_ line: Int) -> Header {
        let keyword = advance()
        let title = string("the playbook's title", after: "'playbook'")
        endOfLine(after: "the title")
        var header = Header(
            title: title ?? Text(value: "", span: span(keyword), interpolations: []), span: lineSpan)
        var seen: [Symbol: Span] = [:]
        for child in tree.children(of: line) {
            begin(child)
            let token = peek
            guard token.kind == .identifier, Self.headerWords.contains(interner.name(token.symbol)) else {
                unknownKeyword(allowed: Self.headerWords, context: "in the header")
                continue
            }
            _ = advance()
            let word = interner.name(token.symbol)
            if let first = seen[token.symbol] {
                diagnostics.append(
                    Diagnostic(
                        .badHeader, "'\(word)' is given twice in the header", at: lineSpan, label: "again here",
                        secondary: [Label(first, "first given here")], help: "keep one of them"))
                position = endIndex
                continue
            }
            seen[token.symbol] = lineSpan
            switch token.symbol {
            case keywords.methodology: header.methodology = string("the methodology's name", after: "'methodology'")
            case keywords.version:
                if peek.kind == .number {
                    let number = advance()
                    header.version = Text(
                        value: String(decoding: bytes[number.start..<number.end], as: UTF8.self), span: span(number),
                        interpolations: [])
                } else {
                    header.version = string("the version", after: "'version'")
                }
            case keywords.description: header.description = string("the description", after: "'description'")
            case keywords.language: header.language = parseLanguage()
            default: (header.outcomes, header.outcomeMarks) = parseOutcomes()
            }
            endOfLine(after: "'\(word)'")
            noChildren(child, under: "'\(word)'")
        }
        return header
    }

    /// `language vi`, `language zh-Hans` or `language "pt-BR"`.
    private mutating func parseLanguage() -> LanguageTag? {
        if peek.kind == .string {
            let text = texts[advance().textIndex]
            return LanguageTag(code: text.value, span: text.span)
        }
        guard peek.kind == .identifier else {
            expected("a language code such as en, vi, he, zh or th", after: "'language'")
            return nil
        }
        let first = advance()
        var last = first
        while peek.kind == .minus, peekNext.kind == .identifier, peek.start == last.end {
            _ = advance()
            last = advance()
        }
        return LanguageTag(
            code: String(decoding: bytes[first.start..<last.end], as: UTF8.self),
            span: Span(file: file, start: first.start, end: last.end))
    }

    /// `outcomes won (win), lost (loss), nurture`: the names, and the mark after each (nil when
    /// it has none, or one that is reported).
    private mutating func parseOutcomes() -> ([Name], [OutcomeMark?]) {
        var names: [Name] = []
        var marks: [OutcomeMark?] = []
        repeat {
            guard peek.kind == .identifier else {
                expected("an outcome's name", after: names.isEmpty ? "'outcomes'" : "','")
                return (names, marks)
            }
            let token = advance()
            if keywords.reserved.contains(token.symbol) {
                diagnostics.append(
                    Diagnostic(
                        .unexpectedToken, "'\(interner.name(token.symbol))' is a word of the language and cannot name an outcome",
                        at: span(token), label: "reserved word", help: "choose another name, e.g. 'won' or 'lost'"))
            }
            names.append(Name(symbol: token.symbol, span: span(token)))
            marks.append(peek.kind == .leftParen ? parseOutcomeMark(after: token) : nil)
        } while accept(.comma) != nil
        return (names, marks)
    }

    /// `(win)` or `(loss)` after an outcome's name. Nil when the mark is reported: an unknown word,
    /// or no `)`; then the rest of the outcome, up to the next `,`, is skipped.
    private mutating func parseOutcomeMark(after outcome: Token) -> OutcomeMark? {
        let open = advance()
        let name = interner.name(outcome.symbol)
        let allowed = OutcomeMark.Kind.allCases.map(\.rawValue)
        var kind: OutcomeMark.Kind?
        var last = open
        let word = peek
        switch word.kind {
        case .identifier:
            last = advance()
            let text = interner.name(word.symbol)
            kind = OutcomeMark.Kind(rawValue: text)
            if kind == nil {
                diagnostics.append(
                    Diagnostic(
                        .unknownOutcomeMark, "unknown mark '\(text)' on the outcome '\(name)'", at: span(word),
                        label: "not 'win' or 'loss'", notes: [Self.markNote],
                        help: Self.nearestMark(to: text, among: allowed).map(Suggestion.didYouMean)
                            ?? "write \(name) (win) for a win or \(name) (loss) for a loss"))
            }
        case .rightParen:
            diagnostics.append(
                Diagnostic(
                    .unknownOutcomeMark, "the mark on the outcome '\(name)' is empty",
                    at: Span(file: file, start: open.start, end: word.end), label: "expected 'win' or 'loss' here",
                    notes: [Self.markNote], help: "write \(name) (win) or \(name) (loss), or remove the parentheses"))
        case .comma, .endOfLine, .invalid:
            // Not closed, reported below; the lexer reported an invalid character already.
            break
        default:
            last = advance()
            let quoted = word.kind == .string && allowed.contains(texts[word.textIndex].value)
            diagnostics.append(
                Diagnostic(
                    .unknownOutcomeMark, "expected 'win' or 'loss' in the mark on the outcome '\(name)', found \(describe(word))",
                    at: span(word), label: "expected 'win' or 'loss' here", notes: [Self.markNote],
                    help: quoted ? "a mark is written without quotes: \(name) (\(texts[word.textIndex].value))" : nil))
        }
        if let close = accept(.rightParen) {
            return kind.map { OutcomeMark(kind: $0, span: Span(file: file, start: open.start, end: close.end)) }
        }
        if peek.kind != .invalid {
            let found = peek
            let secondary = found.kind == .endOfLine || found.kind == .comma ? [] : [Label(span(found), "expected ')' before this")]
            diagnostics.append(
                Diagnostic(
                    .unclosedOutcomeMark, "the mark on the outcome '\(name)' is not closed",
                    at: Span(file: file, start: open.start, end: last.end), label: "this '(' has no ')'",
                    secondary: secondary,
                    help: kind.map { "close it: \(name) (\($0.rawValue))" } ?? "close it: \(name) (win) or \(name) (loss)"))
        }
        while peek.kind != .comma, peek.kind != .endOfLine { _ = advance() }
        return nil
    }

    static let markNote = "the marks are (win) and (loss), in English in a playbook of any language; an outcome that is neither has no mark"

    /// The mark a mistyped one most likely means: the nearest by edit distance (`won`, `lost`), or
    /// the one it starts with (`winner`, `winning`), which edit distance finds too far.
    static func nearestMark(to word: String, among marks: [String]) -> String? {
        Suggestion.nearest(to: word, among: marks) ?? marks.first { word.lowercased().hasPrefix($0) }
    }

    private mutating func parseStage(_ line: Int, index: Int) -> Stage? {
        _ = advance()
        guard let name = declaredName("stage", after: "'stage'") else { return nil }
        let title = peek.kind == .string ? texts[advance().textIndex] : nil
        endOfLine(after: "the stage's title")
        let span = lineSpan
        var goal: Text?
        var tips: [Text] = []
        var exits: [ExitCriterion] = []
        var body = emptyBlock(under: line)
        func stage() -> Stage {
            Stage(
                name: name, title: title ?? Text(value: interner.name(name.symbol), span: name.span, interpolations: []),
                span: span, goal: goal, tips: tips, exits: exits, body: body)
        }
        guard withinDepth(line, depth: 1) else { return stage() }
        for child in tree.children(of: line) {
            begin(child)
            let token = peek
            if isKeyword(token, keywords.goal) {
                _ = advance()
                if let text = string("the goal", after: "'goal'") {
                    if let first = goal {
                        diagnostics.append(
                            Diagnostic(
                                .notAllowedHere, "a second goal for stage '\(interner.name(name.symbol))'", at: text.span,
                                label: "second goal", secondary: [Label(first.span, "first goal")],
                                help: "a stage has one goal; put further advice in 'tip' lines"))
                    } else {
                        goal = text
                    }
                }
                endOfLine(after: "the goal")
                noChildren(child, under: "'goal'")
            } else if isKeyword(token, keywords.tip) {
                _ = advance()
                if let tip = string("the tip", after: "'tip'") { tips.append(tip) }
                endOfLine(after: "the tip")
                noChildren(child, under: "'tip'")
            } else if isKeyword(token, keywords.exit) {
                if let exit = parseExit(child) { exits.append(exit) }
            } else {
                let context = StepContext(inFlow: false, owner: index, inOption: false)
                parseStep(child, into: &body, context: context, depth: 2, allowed: Self.stageWords)
            }
        }
        return stage()
    }

    /// `exit when <condition> "message"`.
    private mutating func parseExit(_ line: Int) -> ExitCriterion? {
        _ = advance()
        guard acceptKeyword(keywords.when) != nil else {
            expected("'when'", after: "'exit'", help: "write: exit when <condition> \"what is missing\"")
            return nil
        }
        let condition = parseExpression()
        let message = peek.kind == .string ? texts[advance().textIndex] : nil
        endOfLine(after: "the exit criterion")
        noChildren(line, under: "'exit when'")
        return ExitCriterion(condition: condition, message: message, span: lineSpan)
    }

    private mutating func parseFlow(_ line: Int, index: Int) -> Flow? {
        _ = advance()
        guard let name = declaredName("flow", after: "'flow'") else { return nil }
        let title = peek.kind == .string ? texts[advance().textIndex] : nil
        endOfLine(after: "the flow's title")
        let span = lineSpan
        var body = emptyBlock(under: line)
        if withinDepth(line, depth: 1) {
            for child in tree.children(of: line) {
                let context = StepContext(inFlow: true, owner: index, inOption: false)
                parseStep(child, into: &body, context: context, depth: 2, allowed: Self.stepWords)
            }
        }
        return Flow(
            name: name, title: title ?? Text(value: interner.name(name.symbol), span: name.span, interpolations: []),
            span: span, body: body)
    }
}
