/// A checked playbook ready to walk: its stages and flows, and where each question sits.
public struct Program: Sendable {
    public private(set) var title: String
    /// The title as written, which records keep whatever the language of the walk.
    public let sourceTitle: String
    public let version: String?
    /// The methodology it follows (`methodology "SPIN Selling"`) and what it is for, as written.
    public private(set) var methodology: String?
    public private(set) var description: String?
    /// The language of the walk: the playbook's `language` (`en` when it declares none), or the
    /// one it is translated into.
    public private(set) var language: String
    /// The playbook's own `language`, `en` when it declares none.
    public let sourceLanguage: String
    /// The texts in `language` when the walk is translated; `.none` when it is not.
    public private(set) var localization = Localization.none
    public let stages: [Stage]
    public let flows: [Flow]
    /// The glossary of every file, in the order read.
    public let terms: [Term]
    /// The buyers practice can play, from every file, in the order read.
    public private(set) var personas: [PersonaCard]
    /// The header and the personas as written, for a translation to show them again.
    private let header: Header?
    private let personaNodes: [Persona]
    /// Declared outcomes, or nil when the playbook does not restrict them.
    public let outcomes: [String]?
    /// What the header marks each outcome as (`won (win)`, `lost (loss)`); empty when it marks none.
    public let outcomeMarks: [String: OutcomeMark.Kind]
    public let interner: Interner
    let sources: [SourceFile]
    /// The flowchart the checker proved things on; practice computes the best score on it.
    let graph: FlowGraph
    let stageIndex: SymbolMap<Int>
    let flowIndex: SymbolMap<Int>
    let questionPlaces: SymbolMap<Place>
    let scoreSymbol: Symbol?
    /// The playbook keeps a score: an option has `score`, or a step sets `score`.
    public let scores: Bool
    /// The outcomes its `end`s name, in order of first appearance.
    public let endingNames: [String]

    /// Nil when the check found errors: only a playbook that checks can be walked.
    public init?(_ check: CheckResult) {
        guard !check.hasErrors, let table = check.table, let graph = check.graph else { return nil }
        self.graph = graph
        interner = check.interner
        sources = check.sources
        title = table.header?.title.value ?? ""
        sourceTitle = title
        version = table.header?.version?.value
        methodology = table.header?.methodology?.value
        description = table.header?.description?.value
        language = table.header?.language?.code ?? "en"
        sourceLanguage = language
        stages = table.stages
        flows = table.flows
        terms = check.files.flatMap(\.terms)
        header = table.header
        personaNodes = table.personas
        personas = table.personas.map { persona in
            PersonaCard(
                id: check.interner.name(persona.name.symbol), name: persona.title.value, role: persona.role?.value,
                context: persona.context?.value)
        }
        outcomes = table.outcomes.map { $0.map(check.interner.name) }
        var marks: [String: OutcomeMark.Kind] = [:]
        if let header = table.header, let declared = header.outcomes {
            for (outcome, mark) in zip(declared, header.outcomeMarks) {
                if let mark { marks[check.interner.name(outcome.symbol)] = mark.kind }
            }
        }
        outcomeMarks = marks
        stageIndex = table.stageIndex
        flowIndex = table.flowIndex
        scoreSymbol = check.interner.lookup("score")
        var survey = Survey(score: scoreSymbol)
        for (index, stage) in table.stages.enumerated() {
            survey.note(stage.body, in: Place(container: index, path: [0]))
        }
        for (index, flow) in table.flows.enumerated() {
            survey.note(flow.body, in: Place(container: -1 - index, path: [0]))
        }
        questionPlaces = survey.places
        scores = survey.scored
        var seen = Set<Symbol>()
        endingNames = survey.endings.filter { seen.insert($0).inserted }.map(check.interner.name)
    }

    /// One pass over every block: where each question is asked, which outcomes are named, and
    /// whether any option scores.
    private struct Survey {
        var places = SymbolMap<Place>()
        var endings: [Symbol] = []
        var scored = false

        let score: Symbol?

        mutating func note(_ block: [Step], in start: Place) {
            var place = start
            for (index, step) in block.enumerated() {
                switch step {
                case .end(let ending, _): endings.append(ending.outcome.symbol)
                case .set(let assignment): if assignment.name.symbol == score { scored = true }
                case .jump(.end(let ending), _), .jumpIf(_, .end(let ending), _): endings.append(ending.outcome.symbol)
                case .ask(let question):
                    place.path[place.path.count - 1] = index
                    places[question.name.symbol] = place
                    for (branch, option) in question.branches.enumerated() {
                        if option.score != nil { scored = true }
                        if case .end(let ending)? = option.target { endings.append(ending.outcome.symbol) }
                        if !option.body.isEmpty {
                            note(option.body, in: Place(container: place.container, path: place.path + [branch, 0]))
                        }
                    }
                case .ifBlock:
                    place.path[place.path.count - 1] = index
                    for (side, block) in step.blocks.enumerated() {
                        note(block, in: Place(container: place.container, path: place.path + [side, 0]))
                    }
                default: break
                }
            }
        }
    }

    /// The same playbook, its texts shown in `localization`'s language (those it translates) and
    /// its runner's words, yes and no, and numbers in that language.
    public func localized(_ localization: Localization) -> Program {
        var program = self
        program.localization = localization
        program.language = localization.language
        if let header {
            program.title = program.shown(header.title)
            program.methodology = header.methodology.map(program.shown)
            program.description = header.description.map(program.shown)
        }
        program.personas = personaNodes.map { persona in
            PersonaCard(
                id: interner.name(persona.name.symbol), name: program.shown(persona.title), role: persona.role.map(program.shown),
                context: persona.context.map(program.shown))
        }
        return program
    }

    /// A text that shows no values as the rep reads it: translated when the walk is.
    public func shown(_ text: Text) -> String {
        guard let translated = localization[text.span] else { return text.value }
        return translated.written(interner.name)
    }

    /// An option's text as the rep reads it; for `yes` and `no`, nil.
    public func shownOption(_ branch: Branch) -> String? {
        branch.optionTitle.map(shown)
    }

    /// The header marks some outcome `(win)` or `(loss)`: then the marks decide every tone.
    public var isToneDeclared: Bool { !outcomeMarks.isEmpty }

    /// Whether an outcome is a win, a loss or neither: by the header's marks when it gives any
    /// (an unmarked outcome is then neither), else by the name (`OutcomeTone.of(_:declared:)`).
    public func tone(of outcome: String) -> OutcomeTone {
        guard isToneDeclared else { return OutcomeTone.of(outcome, declared: outcomes) }
        switch outcomeMarks[outcome] {
        case .win?: return .good
        case .loss?: return .bad
        case nil: return .other
        }
    }

    /// The name's text.
    public func name(_ symbol: Symbol) -> String { interner.name(symbol) }

    /// The symbol of a name in the playbook, if it has one.
    public func symbol(_ name: String) -> Symbol? { interner.lookup(name) }

    /// The stage with this id.
    public func stage(named name: String) -> Int? { symbol(name).flatMap { stageIndex[$0] } }

    /// The question with this id.
    public func question(named name: String) -> Question? {
        guard let symbol = symbol(name), let place = questionPlaces[symbol] else { return nil }
        if case .ask(let question)? = step(at: place) { return question }
        return nil
    }

    /// Every question id, for suggestions.
    public var questionNames: [String] { questionPlaces.keys.map(name) }

    /// The terms a word looks up: the one spelled so, without regard to case or accents; else every term
    /// that holds the word or is held in it. Thai and Chinese write no spaces between words, so
    /// `คัดกรอง` finds `การคัดกรอง` and `miller` finds `Miller Heiman`.
    public func define(_ word: String) -> [Term] {
        let typed = word.trimmingWhitespace()
        guard !typed.isEmpty else { return [] }
        // A translated walk finds a term by its translated word and by the word as written.
        let words = terms.map { localization.isEmpty ? [$0.word.value] : [shown($0.word), $0.word.value] }
        if let exact = words.firstIndex(where: { $0.contains { $0.lowercased() == typed.lowercased() } }) { return [terms[exact]] }
        // Then without accents, as a rep types on a keyboard that has none (`khach hang`).
        let folded = LatinFolding.fold(typed)
        if let exact = words.firstIndex(where: { $0.contains { LatinFolding.fold($0) == folded } }) { return [terms[exact]] }
        return terms.indices.filter { index in
            words[index].contains { word in
                let name = LatinFolding.fold(word)
                return name.contains(folded) || folded.contains(name)
            }
        }.map { terms[$0] }
    }

    /// The block a place points into, or nil when the place does not fit this playbook.
    func block(of place: Place) -> [Step]? {
        var block: [Step]
        if place.container >= 0 {
            guard place.container < stages.count else { return nil }
            block = stages[place.container].body
        } else {
            guard -1 - place.container < flows.count else { return nil }
            block = flows[-1 - place.container].body
        }
        var level = 0
        while level + 1 < place.path.count {
            let (stepIndex, branchIndex) = (place.path[level], place.path[level + 1])
            guard block.indices.contains(stepIndex) else { return nil }
            let blocks = block[stepIndex].blocks
            guard blocks.indices.contains(branchIndex) else { return nil }
            block = blocks[branchIndex]
            level += 2
        }
        return place.path.count % 2 == 1 ? block : nil
    }

    func step(at place: Place) -> Step? {
        guard let block = block(of: place), let index = place.path.last, block.indices.contains(index) else { return nil }
        return block[index]
    }

    /// 1-based line of a span, for messages.
    public func line(of span: Span) -> Int {
        guard sources.indices.contains(Int(span.file)) else { return 0 }
        return sources[Int(span.file)].location(of: Int(span.start)).line
    }

    /// The path of the file a span is in.
    public func path(of span: Span) -> String {
        sources.indices.contains(Int(span.file)) ? sources[Int(span.file)].path : ""
    }
}

/// A point in a playbook: a stage (index ≥ 0) or a flow (-1 - index), then the indices of the
/// step, the branch under it, the step in that branch... ending with a step index. Plain numbers,
/// so a walk can be saved and restored.
public struct Place: Sendable, Hashable {
    public var container: Int
    public var path: [Int]

    public init(container: Int, path: [Int]) {
        self.container = container
        self.path = path
    }

    /// The next step in the same block.
    var advanced: Place {
        var next = self
        next.path[next.path.count - 1] += 1
        return next
    }
}
