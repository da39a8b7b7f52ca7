/// Everything a check learned: the files, their syntax trees, the flowchart and the diagnostics.
public struct CheckResult: Sendable {
    /// The main file first, then the files brought in with `use`, in the order they were read.
    public var sources: [SourceFile] = []
    public var files: [PlaybookFile] = []
    /// In source order.
    public var diagnostics: [Diagnostic] = []
    public var interner = Interner()
    public var table: SymbolTable?
    /// Built only when the files have no syntax or name errors that would distort it.
    public var graph: FlowGraph?

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The main file's `language`, when its header parsed far enough to say; else `en`.
    public var language: String { files.first?.header?.language?.code ?? "en" }
}

/// Checks the playbook at `path` and the files it uses. Fails only when `path` itself cannot be read.
public func checkPlaybook(at path: String, loader: some SourceLoader) -> Result<CheckResult, LoadFailure> {
    switch loader.load(path) {
    case .failure(let failure): return .failure(failure)
    case .success(let bytes): return .success(checkPlaybook(SourceFile(path: path, bytes: bytes), loader: loader))
    }
}

/// Checks one file already in memory and the files it uses.
public func checkPlaybook(_ main: SourceFile, loader: some SourceLoader) -> CheckResult {
    var result = CheckResult()
    var diagnostics: [Diagnostic] = []
    var loaded = LoadedFiles()
    let score = loaded.interner.intern("score")
    var loading = ModuleLoader(loader: loader, root: PlaybookPath.directory(of: PlaybookPath.normalize(main.path)))
    loading.load(main, into: &loaded, diagnostics: &diagnostics)
    result.sources = loaded.sources
    result.files = loaded.files
    result.interner = loaded.interner
    let syntaxErrors = diagnostics.contains { $0.severity == .error }

    let table = SymbolTable(files: result.files, interner: result.interner, diagnostics: &diagnostics)
    result.table = table
    let unreadable = diagnostics.contains { $0.primary.span.file == 0 && [.invalidUTF8, .binaryFile].contains($0.code) }
    // A file without a header that holds flows or personas is a library, to be used.
    if let main = result.files.first, !unreadable, main.stages.isEmpty,
        main.header != nil || (main.flows.isEmpty && main.personas.isEmpty)
    {
        let span = main.header?.span ?? Span(file: 0, start: 0, end: 0)
        diagnostics.append(
            Diagnostic(
                .noStages, main.header == nil ? "this file has no stages or flows" : "the playbook has no stages",
                at: span, label: "nothing to walk through",
                help: "add a stage: stage discovery \"Discovery\", with its questions indented under it"))
    }
    // Lowering the flowchart and checking types read the same tables and nothing else: on a
    // large playbook they run side by side. The practice and option checks read only the files
    // (and the declared outcomes): they follow the type check, which alone ends well before the
    // lowering, so that the two sides take about as long.
    let interner = result.interner
    let files = result.files
    let language = result.language
    let lines = result.sources.reduce(0) { $0 + $1.lineCount }
    let lower: @Sendable () -> (FlowGraph, [Diagnostic]) = {
        var builder = GraphBuilder(table: table, interner: interner, lines: lines)
        return (builder.build(), builder.diagnostics)
    }
    let checkTypes: @Sendable () -> (TypeChecker, practice: [Diagnostic], options: [Diagnostic]?) = {
        var types = TypeChecker(table: table, interner: interner, score: score)
        types.check()
        var practice = PracticeChecks(interner: interner)
        practice.check(files)
        guard let declared = table.outcomes else { return (types, practice.diagnostics, nil) }
        return (types, practice.diagnostics, optionDiagnostics(files, interner: interner, language: language, outcomes: declared))
    }
    let ((graph, graphDiagnostics), (types, practiceDiagnostics, declaredOptionDiagnostics)) =
        table.stages.count + table.flows.count > 2_000 ? inParallel(lower, checkTypes) : (lower(), checkTypes())
    diagnostics += graphDiagnostics
    diagnostics += types.diagnostics
    diagnostics += practiceDiagnostics
    // Without declared outcomes, a rep may end with any outcome the playbook ends with.
    diagnostics += declaredOptionDiagnostics
        ?? optionDiagnostics(files, interner: interner, language: language, outcomes: graph.endings.map(\.outcome.symbol))

    if !syntaxErrors {
        var values = SymbolMap<Bool>()
        for symbol in table.questions.keys + types.variables.keys { values[symbol] = true }
        let analysis = FlowAnalysis(
            graph: graph, table: table, interner: result.interner, sources: result.sources, values: values)
        analysis.run(reportUnreachable: !graphDiagnostics.contains { $0.severity == .error })
        diagnostics += analysis.diagnostics
        result.graph = graph
    }
    result.diagnostics = diagnostics.sortedBySource()
    return result
}

/// The option checks of `files`, with the outcomes a rep may end with.
private func optionDiagnostics(_ files: [PlaybookFile], interner: Interner, language: String, outcomes: [Symbol]) -> [Diagnostic] {
    var options = OptionChecks(interner: interner, language: language, outcomes: outcomes.map(interner.name))
    options.check(files)
    return options.diagnostics
}
