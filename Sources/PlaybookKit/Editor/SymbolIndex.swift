/// What a name in a playbook stands for.
public enum SymbolKind: String, Sendable, Hashable, CaseIterable {
    case stage
    case flow
    case question
    case persona
    case variable
    case outcome
}

/// A declared thing by kind and written name: the same entity in every check that sees it, even
/// though each check interns names on its own.
public struct Entity: Sendable, Hashable {
    public var kind: SymbolKind
    public var name: String

    public init(_ kind: SymbolKind, _ name: String) {
        self.kind = kind
        self.name = name
    }
}

/// One place where an entity's name is written.
public struct Occurrence: Sendable, Hashable {
    public var entity: Entity
    public var span: Span
    /// The place that declares it: a stage, flow, question or persona line, a `set` of a
    /// variable, an outcome on the header's `outcomes` line.
    public var isDefinition: Bool
}

/// A `use` line's path and the file it brought in (its index in the check's sources).
public struct UseLink: Sendable, Hashable {
    public var span: Span
    public var file: Int
}

/// Every name written in a checked playbook and the files it uses, resolved to what it stands for:
/// the index behind go to definition, references, rename, hover and semantic tokens.
public struct SymbolIndex: Sendable {
    /// Sorted by file, then start.
    public private(set) var occurrences: [Occurrence] = []
    public private(set) var uses: [UseLink] = []
    private var byEntity: [Entity: [Int]] = [:]

    public init(_ result: CheckResult) {
        guard let table = result.table else { return }
        var builder = Builder(table: table, interner: result.interner)
        for file in result.files { builder.visit(file) }
        for file in result.files {
            for use in file.uses {
                let from = PlaybookPath.normalize(result.sources[file.file].path)
                let target = PlaybookPath.join(PlaybookPath.directory(of: from), use.path.value)
                if let index = result.sources.firstIndex(where: { PlaybookPath.normalize($0.path) == target }) {
                    uses.append(UseLink(span: use.path.span, file: index))
                }
            }
        }
        occurrences = builder.found.sorted { ($0.span.file, $0.span.start) < ($1.span.file, $1.span.start) }
        for (index, occurrence) in occurrences.enumerated() { byEntity[occurrence.entity, default: []].append(index) }
    }

    /// The occurrence whose name holds `offset` in file `file` (its end included, where a cursor
    /// just after a name stands).
    public func occurrence(file: Int, at offset: Int) -> Occurrence? {
        var low = 0
        var high = occurrences.count
        while low < high {
            let middle = (low + high) / 2
            let span = occurrences[middle].span
            if (Int(span.file), Int(span.end)) < (file, offset) { low = middle + 1 } else { high = middle }
        }
        guard low < occurrences.count else { return nil }
        let found = occurrences[low]
        return Int(found.span.file) == file && Int(found.span.start) <= offset ? found : nil
    }

    /// The `use` path holding `offset`.
    public func use(file: Int, at offset: Int) -> UseLink? {
        uses.first { Int($0.span.file) == file && Int($0.span.start) <= offset && offset <= Int($0.span.end) }
    }

    /// Every occurrence of `entity`, in source order.
    public func occurrences(of entity: Entity) -> [Occurrence] {
        (byEntity[entity] ?? []).map { occurrences[$0] }
    }

    /// Where `entity` is declared.
    public func definitions(of entity: Entity) -> [Occurrence] {
        occurrences(of: entity).filter(\.isDefinition)
    }

    /// The entities of `kind` that have a definition, sorted by name.
    public func declared(_ kind: SymbolKind) -> [String] {
        Set(byEntity.keys.filter { $0.kind == kind && definitions(of: $0).isEmpty == false }.map(\.name)).sorted()
    }
}

/// Walks the syntax trees once, resolving each name with the checker's symbol table.
private struct Builder {
    let table: SymbolTable
    let interner: Interner
    /// Names that some `set` assigns and no question declares.
    let variables: Set<Symbol>
    let score: Symbol?
    var found: [Occurrence] = []

    init(table: SymbolTable, interner: Interner) {
        self.table = table
        self.interner = interner
        score = interner.lookup("score")
        var variables = Set<Symbol>()
        func collect(_ steps: [Step]) {
            for step in steps {
                if case .set(let assignment) = step { variables.insert(assignment.name.symbol) }
                step.forEachBlock(collect)
            }
        }
        for stage in table.stages { collect(stage.body) }
        for flow in table.flows { collect(flow.body) }
        self.variables = variables.filter { !table.questions.contains($0) }
    }

    mutating func add(_ kind: SymbolKind, _ name: Name, definition: Bool = false) {
        found.append(Occurrence(entity: Entity(kind, interner.name(name.symbol)), span: name.span, isDefinition: definition))
    }

    /// A name read in a condition, a value or `{braces}`: an answer, a variable or the score.
    mutating func read(_ name: Name) {
        if table.questions.contains(name.symbol) {
            add(.question, name)
        } else if variables.contains(name.symbol) || name.symbol == score {
            add(.variable, name)
        }
    }

    mutating func text(_ text: Text?) {
        for name in text?.interpolations ?? [] { read(name) }
    }

    mutating func visit(_ file: PlaybookFile) {
        if let header = file.header, file.file == 0 {
            for outcome in header.outcomes ?? [] { add(.outcome, outcome, definition: true) }
        }
        for persona in file.personas { add(.persona, persona.name, definition: true) }
        for stage in file.stages {
            add(.stage, stage.name, definition: true)
            text(stage.goal)
            for tip in stage.tips { text(tip) }
            for exit in stage.exits {
                exit.condition.forEachName { read($0) }
                text(exit.message)
            }
            visit(stage.body)
        }
        for flow in file.flows {
            add(.flow, flow.name, definition: true)
            visit(flow.body)
        }
    }

    mutating func visit(_ steps: [Step]) {
        for step in steps {
            switch step {
            case .ask(let question):
                add(.question, question.name, definition: true)
                text(question.text)
                text(question.why)
                text(question.tip)
                for branch in question.branches {
                    if let target = branch.target { visit(target) }
                    text(branch.feedback)
                    visit(branch.body)
                }
            case .say(let line, _): text(line)
            case .buyer(let lines, _):
                for line in lines {
                    if let persona = line.persona, table.personaIndex.contains(persona.symbol) { add(.persona, persona) }
                    text(line.text)
                }
            case .set(let assignment):
                assignment.value.forEachName { read($0) }
                if variables.contains(assignment.name.symbol) {
                    add(.variable, assignment.name, definition: true)
                } else if assignment.name.symbol == score {
                    add(.variable, assignment.name)
                }
            case .jumpIf(let condition, let target, _):
                condition.forEachName { read($0) }
                visit(target)
            case .ifBlock(let condition, let then, let otherwise, _):
                condition.forEachName { read($0) }
                visit(then)
                if let otherwise { visit(otherwise) }
            case .jump(let target, _): visit(target)
            case .call(let name, _):
                if table.flowIndex.contains(name.symbol) { add(.flow, name) }
            case .return: break
            case .end(let ending, _): end(ending)
            }
        }
    }

    mutating func visit(_ target: Target) {
        switch target {
        case .named(let name):
            if table.stageIndex.contains(name.symbol) {
                add(.stage, name)
            } else if table.questions.contains(name.symbol) {
                add(.question, name)
            }
        case .next: break
        case .end(let ending): end(ending)
        }
    }

    mutating func end(_ ending: Ending) {
        add(.outcome, ending.outcome)
        text(ending.reason)
    }
}
