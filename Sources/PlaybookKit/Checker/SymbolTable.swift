/// What the checker needs to know of a question, by name.
public struct QuestionInfo: Sendable {
    public var name: Name
    /// The `ask` line.
    public var span: Span
    public var type: AnswerType
    /// The options of a choice question, by key, in order.
    public var options: [String]
    /// The key of each option written `key "Text"`, by its text: empty for most questions.
    public var keysByTitle: [String: String] = [:]
    /// Where it is asked: in the stages (0) or in a flow (1 + flow index).
    public var container: Int
    /// The stage it is asked in, or -1 in a flow.
    public var stage: Int
}

/// Every declaration of a check, by name.
public struct SymbolTable: Sendable {
    /// The stages of the main file, in order.
    public var stages: [Stage] = []
    public var stageIndex = SymbolMap<Int>()
    /// The flows of every file, in the order they were loaded.
    public var flows: [Flow] = []
    public var flowIndex = SymbolMap<Int>()
    public var questions = SymbolMap<QuestionInfo>()
    /// The personas of every file, in the order the files were loaded, each in source order.
    public var personas: [Persona] = []
    public var personaIndex = SymbolMap<Int>()
    /// Declared outcomes, or nil when the playbook does not declare them.
    public var outcomes: [Symbol]?
    public var header: Header?

    /// Collects the declarations of `files` (the main file first), reporting duplicates.
    init(files: [PlaybookFile], interner: Interner, diagnostics: inout [Diagnostic]) {
        var firstDeclaration = SymbolMap<(Span, StaticString)>()
        func declare(_ name: Name, _ kind: StaticString) -> Bool {
            if let (span, firstKind) = firstDeclaration[name.symbol] {
                let word = interner.name(name.symbol)
                diagnostics.append(
                    Diagnostic(
                        .duplicateName, "'\(word)' is declared twice", at: name.span, label: "this \(kind)",
                        secondary: [Label(span, "the \(firstKind) '\(word)' is declared here")],
                        help: "stages, flows, questions and personas need different names; rename one of them"))
                return false
            }
            firstDeclaration[name.symbol] = (name.span, kind)
            return true
        }
        guard let main = files.first else { return }
        header = main.header
        if let declared = main.header?.outcomes {
            var seen: [Symbol: Span] = [:]
            for outcome in declared {
                if let first = seen[outcome.symbol] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicateName, "the outcome '\(interner.name(outcome.symbol))' is declared twice",
                            at: outcome.span, label: "again", secondary: [Label(first, "first declared here")],
                            help: "remove one of them"))
                }
                seen[outcome.symbol] = outcome.span
            }
            outcomes = declared.map(\.symbol)
            // A mark that did not parse may be the win (`won (won)`): nothing to add until it is fixed.
            let unreadMark = diagnostics.contains {
                $0.primary.span.file == 0 && [.unknownOutcomeMark, .unclosedOutcomeMark].contains($0.code)
            }
            if !unreadMark, let header = main.header, let noWin = Self.noWin(header, interner: interner) {
                diagnostics.append(noWin)
            }
        }
        stages = main.stages
        var asked = main.stageQuestions[...]
        for index in stages.indices {
            let name = stages[index].name
            if declare(name, "stage") { stageIndex[name.symbol] = index }
            while let first = asked.first, first.owner == index {
                asked.removeFirst()
                if let question = first.question { add(question, container: 0, stage: index, declare: declare) }
            }
        }
        var terms: [String: Span] = [:]
        for file in files {
            for term in file.terms {
                let key = term.word.value.lowercased()
                if let first = terms[key] {
                    diagnostics.append(
                        Diagnostic(
                            .duplicateTerm, "the term \"\(term.word.value)\" is defined twice", at: term.word.span,
                            label: "defined again", secondary: [Label(first, "first defined here")],
                            help: "keep one definition; the runner shows the first"))
                } else {
                    terms[key] = term.word.span
                }
            }
        }
        for file in files {
            var asked = file.flowQuestions[...]
            for (index, flow) in file.flows.enumerated() {
                if declare(flow.name, "flow") { flowIndex[flow.name.symbol] = flows.count }
                flows.append(flow)
                while let first = asked.first, first.owner == index {
                    asked.removeFirst()
                    if let question = first.question { add(question, container: flows.count, stage: -1, declare: declare) }
                }
            }
        }
        for file in files {
            for persona in file.personas {
                if declare(persona.name, "persona") { personaIndex[persona.name.symbol] = personas.count }
                personas.append(persona)
            }
        }
    }

    /// Outcomes are marked, but none `(win)`: reports would count no walk as won.
    static func noWin(_ header: Header, interner: Interner) -> Diagnostic? {
        let marks = header.outcomeMarks.compactMap { $0 }
        guard let outcomes = header.outcomes, let first = outcomes.first, let last = outcomes.last, !marks.isEmpty,
            !marks.contains(where: { $0.kind == .win })
        else { return nil }
        let end = header.outcomeMarks.last.flatMap { $0?.span } ?? last.span
        let unmarked = zip(outcomes, header.outcomeMarks).first { $0.1 == nil }.map { interner.name($0.0.symbol) }
        return Diagnostic(
            .noWinOutcome, "outcomes are marked, but none as a win", at: first.span.to(end), label: "no '(win)' here",
            notes: ["reports count a walk as won when it ends in an outcome marked (win): with none, the win rate is always 0"],
            help: unmarked.map { "mark the outcome that counts as a win: \($0) (win)" }
                ?? "mark the outcome that counts as a win with (win) instead of (loss)")
    }

    private mutating func add(_ question: Question, container: Int, stage: Int, declare: (Name, StaticString) -> Bool) {
        guard declare(question.name, "question") else { return }
        let options: [String] = question.type == .choice ? question.branches.compactMap(\.optionKey) : []
        var info = QuestionInfo(
            name: question.name, span: question.span, type: question.type, options: options, container: container,
            stage: stage)
        for branch in question.branches where branch.keyName != nil {
            if let key = branch.optionKey, let title = branch.optionTitle { info.keysByTitle[title.value] = key }
        }
        questions[question.name.symbol] = info
    }
}
