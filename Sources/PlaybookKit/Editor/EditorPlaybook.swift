/// A checked playbook as an editor sees it: the check, the index of its names, and its
/// declarations by written name. Every feature (hover, completion, rename, outline, semantic
/// tokens, fixes) reads it; positions are byte offsets into the check's sources, which the
/// language server turns into the protocol's.
public struct EditorPlaybook: Sendable {
    public let result: CheckResult
    /// Where each source is, as edits name files: the sources' own paths unless told otherwise
    /// (the language server gives absolute ones).
    public let paths: [String]
    public let index: SymbolIndex
    /// Every question of the check by name (the first declaration of a name).
    let questions: [String: Question]
    let stages: [String: Stage]
    let flows: [String: Flow]
    let personas: [String: Persona]

    public init(_ result: CheckResult, paths: [String]? = nil) {
        self.result = result
        self.paths = paths ?? result.sources.map(\.path)
        index = SymbolIndex(result)
        var questions: [String: Question] = [:]
        for file in result.files {
            for asked in file.stageQuestions + file.flowQuestions {
                guard let question = asked.question else { continue }
                let name = result.interner.name(question.name.symbol)
                if questions[name] == nil { questions[name] = question }
            }
        }
        self.questions = questions
        func byName<Node>(_ nodes: [Node], _ name: (Node) -> Name) -> [String: Node] {
            var found: [String: Node] = [:]
            for node in nodes {
                let key = result.interner.name(name(node).symbol)
                if found[key] == nil { found[key] = node }
            }
            return found
        }
        stages = byName(result.files.first?.stages ?? [], \.name)
        flows = byName(result.files.flatMap(\.flows), \.name)
        personas = byName(result.files.flatMap(\.personas), \.name)
    }

    /// The source of file `file` of the check.
    public func source(_ file: Int) -> SourceFile? {
        result.sources.indices.contains(file) ? result.sources[file] : nil
    }

    /// The path edits of file `file` are filed under.
    public func path(_ file: Int) -> String {
        paths.indices.contains(file) ? paths[file] : source(file)?.path ?? ""
    }

    /// The outcomes a walk may end with: those declared, or else those the playbook ends with.
    public var outcomeNames: [String] {
        if let declared = result.files.first?.header?.outcomes {
            var seen = Set<String>()
            return declared.map { result.interner.name($0.symbol) }.filter { seen.insert($0).inserted }
        }
        return index.occurrences.filter { $0.entity.kind == .outcome }.map(\.entity.name).uniqued()
    }

    /// Whether `name` counts as a win, a loss or neither, by its mark on the `outcomes` line.
    func mark(of outcome: String) -> OutcomeMark.Kind? {
        guard let header = result.files.first?.header, let outcomes = header.outcomes else { return nil }
        for (offset, declared) in outcomes.enumerated() where result.interner.name(declared.symbol) == outcome {
            return header.outcomeMarks.indices.contains(offset) ? header.outcomeMarks[offset]?.kind : nil
        }
        return nil
    }

    /// The variables some `set` gives a value, sorted.
    var variableNames: [String] { index.declared(.variable) }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
