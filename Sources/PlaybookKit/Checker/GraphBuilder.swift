/// Lowers the syntax tree into a `FlowGraph`, resolving every jump, call and outcome on the way.
/// Nodes are numbered in source order (pre-order), so each node's edges are written as it is made.
struct GraphBuilder {
    let table: SymbolTable
    let interner: Interner
    var diagnostics: [Diagnostic] = []
    private var graph = FlowGraph()
    private var questionNodes = SymbolMap<Int>()
    /// Nodes made after the inline ones, when first needed: stage exits, end targets, the sink.
    private var lateNodes: [FlowGraph.Node] = []
    /// The one successor of each late node, or -1.
    private var lateEdges: [Int32] = []
    /// Exits from stage to the next stage, by stage: the common case, kept out of the dictionary.
    private var nextLeaves: [Int] = []
    private var leaveNodes: [Int: Int] = [:]
    private var unresolvedNode: Int?
    private var inlineCount = 0
    private var suggestionsLeft = Suggestion.searchesPerCheck

    init(table: SymbolTable, interner: Interner) {
        self.table = table
        self.interner = interner
    }

    mutating func build() -> FlowGraph {
        var next = 0
        for stage in table.stages {
            graph.stageEntries.append(next)
            next = number(stage.body, from: next + 1)
        }
        for flow in table.flows {
            graph.flowEntries.append(next)
            next = number(flow.body, from: next + 1) + 1
        }
        inlineCount = next
        graph.nodes.reserveCapacity(inlineCount + table.stages.count + 16)
        graph.edgeStart.reserveCapacity(inlineCount + table.stages.count + 17)
        graph.edges.reserveCapacity(inlineCount + inlineCount / 2)
        graph.steps.reserveCapacity(inlineCount)
        nextLeaves = Array(repeating: -1, count: table.stages.count)
        for (index, stage) in table.stages.enumerated() {
            let end = index + 1 < table.stages.count ? leave(index, to: index + 1) : late(.fallOffLast, Int32(index))
            let first = stage.body.isEmpty ? end : graph.stageEntries[index] + 1
            add(.stageEntry, payload: index, container: 0, to: first)
            lower(stage.body, container: 0, stage: index, continuation: end)
        }
        for (index, flow) in table.flows.enumerated() {
            let entry = graph.flowEntries[index]
            let end = entry + 1 + Self.size(flow.body)
            add(.flowEntry, payload: index, container: index + 1, to: flow.body.isEmpty ? end : entry + 1)
            lower(flow.body, container: index + 1, stage: -1, continuation: end)
            add(.fallOffFlow, payload: index, container: index + 1)
        }
        for (node, edge) in zip(lateNodes, lateEdges) {
            graph.nodes.append(node)
            if edge >= 0 { graph.edges.append(edge) }
            graph.edgeStart.append(Int32(graph.edges.count))
        }
        return graph
    }

    /// Numbers the questions of a block from `first`; returns the number after the block.
    private mutating func number(_ steps: [Step], from first: Int) -> Int {
        var next = first
        for step in steps {
            // The first question of a name is the declared one (the symbol table reads them in this
            // same order); a duplicate was reported there.
            if case .ask(let question) = step, questionNodes[question.name.symbol] == nil {
                questionNodes[question.name.symbol] = next
            }
            next += 1
            step.forEachBlock { next = number($0, from: next) }
        }
        return next
    }

    /// How many nodes a block lowers to.
    private static func size(_ steps: [Step]) -> Int {
        steps.reduce(0) { $0 + size(of: $1) }
    }

    private static func size(of step: Step) -> Int {
        var total = 1
        step.forEachBlock { total += size($0) }
        return total
    }

    /// Adds a node with at most two successors (no array to build for the common case).
    private mutating func add(_ kind: FlowGraph.NodeKind, payload: Int, container: Int, to first: Int? = nil, _ second: Int? = nil) {
        graph.nodes.append(FlowGraph.Node(kind: kind, payload: Int32(payload), container: Int32(container)))
        if let first { graph.edges.append(Int32(first)) }
        if let second { graph.edges.append(Int32(second)) }
        graph.edgeStart.append(Int32(graph.edges.count))
    }

    private mutating func add(_ kind: FlowGraph.NodeKind, payload: Int, container: Int, edgeList: [Int]) {
        graph.nodes.append(FlowGraph.Node(kind: kind, payload: Int32(payload), container: Int32(container)))
        for edge in edgeList { graph.edges.append(Int32(edge)) }
        graph.edgeStart.append(Int32(graph.edges.count))
    }

    private mutating func late(
        _ kind: FlowGraph.NodeKind, _ payload: Int32, edge: Int32 = -1, payload2: Int32 = -1, container: Int = 0
    ) -> Int {
        lateNodes.append(FlowGraph.Node(kind: kind, payload: payload, payload2: payload2, container: Int32(container)))
        lateEdges.append(edge)
        return inlineCount + lateNodes.count - 1
    }

    private mutating func leave(_ stage: Int, to target: Int) -> Int {
        let isNext = target == stage + 1
        if isNext, nextLeaves[stage] >= 0 { return nextLeaves[stage] }
        let key = stage << 32 | target
        if !isNext, let node = leaveNodes[key] { return node }
        let node = late(.leave, Int32(stage), edge: Int32(graph.stageEntries[target]), payload2: Int32(target))
        if isNext { nextLeaves[stage] = node } else { leaveNodes[key] = node }
        return node
    }

    private mutating func unresolved() -> Int {
        if let unresolvedNode { return unresolvedNode }
        let node = late(.unresolved, 0)
        unresolvedNode = node
        return node
    }

    /// Lowers a block whose first node is the next to be added.
    private mutating func lower(_ steps: [Step], container: Int, stage: Int, continuation: Int) {
        for (index, step) in steps.enumerated() {
            let id = graph.nodes.count
            let after = index + 1 < steps.count ? id + Self.size(of: step) : continuation
            graph.steps.append(step)
            let payload = graph.steps.count - 1
            switch step {
            case .ask(let question):
                // Where each branch leads: its target, the first node of its block (blocks follow
                // the question in order), or the step after the question.
                var bodyStart = id + 1
                var yes = after
                var no = after
                var options: [Int] = []
                for branch in question.branches {
                    let destination: Int
                    if let target = branch.target {
                        destination = resolve(target, container: container, stage: stage)
                    } else {
                        destination = branch.body.isEmpty ? after : bodyStart
                        bodyStart += Self.size(branch.body)
                    }
                    switch branch.label {
                    case .yes: yes = destination
                    case .no: no = destination
                    case .option: options.append(destination)
                    }
                }
                switch question.type {
                case .yesNo: add(.step, payload: payload, container: container, to: yes, no)
                case .choice: add(.step, payload: payload, container: container, edgeList: options)
                default: add(.step, payload: payload, container: container, to: after)
                }
                for branch in question.branches where branch.target == nil {
                    lower(branch.body, container: container, stage: stage, continuation: after)
                }
            case .jumpIf(_, let target, _):
                let destination = resolve(target, container: container, stage: stage)
                add(.step, payload: payload, container: container, to: destination, after)
            case .ifBlock(_, let then, let otherwise, _):
                // The blocks follow the `if` in order. Taken: into the first; not taken: into the
                // `else` block, or past them both.
                let elseStart = id + 1 + Self.size(then)
                let notTaken = otherwise.map { $0.isEmpty ? after : elseStart } ?? after
                add(.step, payload: payload, container: container, to: then.isEmpty ? after : id + 1, notTaken)
                lower(then, container: container, stage: stage, continuation: after)
                if let otherwise { lower(otherwise, container: container, stage: stage, continuation: after) }
            case .jump(let target, _):
                add(.step, payload: payload, container: container, to: resolve(target, container: container, stage: stage))
            case .call(let name, _):
                let callee = table.flowIndex[name.symbol]
                if callee == nil {
                    let word = interner.name(name.symbol)
                    let help = takeSuggestion() ? Suggestion.didYouMean(word, among: table.flowIndex.keys.map(interner.name)) : nil
                    diagnostics.append(
                        Diagnostic(
                            .unknownFlow, "there is no flow '\(interner.name(name.symbol))'", at: name.span,
                            label: "unknown flow",
                            notes: table.flows.isEmpty ? ["this playbook has no flows; a flow is declared with: flow <id> \"Title\""] : [],
                            help: help))
                }
                graph.calls.append(id)
                add(.step, payload: payload, container: container, to: after)
                graph.nodes[id].payload2 = Int32(callee ?? -1)
            case .end(let ending, _):
                checkOutcome(ending)
                add(.step, payload: payload, container: container)
            case .return:
                add(.step, payload: payload, container: container)
            case .say, .buyer, .set:
                add(.step, payload: payload, container: container, to: after)
            }
        }
    }

    private mutating func resolve(_ target: Target, container: Int, stage: Int) -> Int {
        switch target {
        case .end(let ending):
            checkOutcome(ending)
            graph.endings.append(ending)
            return late(.endTarget, Int32(graph.endings.count - 1), container: container)
        case .next(let span):
            if container != 0 {
                jumpOutOfFlow(span, what: "'next'")
                return unresolved()
            }
            guard stage + 1 < table.stages.count else {
                diagnostics.append(
                    Diagnostic(
                        .nextInLastStage, "'-> next' in the last stage", at: span, label: "there is no next stage",
                        secondary: [Label(table.stages[stage].name.span, "'\(interner.name(table.stages[stage].name.symbol))' is the last stage")],
                        help: "end the walk here with: end <outcome> \"why\""))
                return unresolved()
            }
            return leave(stage, to: stage + 1)
        case .named(let name):
            if let target = table.stageIndex[name.symbol] {
                if container != 0 {
                    jumpOutOfFlow(name.span, what: "the stage '\(interner.name(name.symbol))'")
                    return unresolved()
                }
                return target == stage ? graph.stageEntries[target] : leave(stage, to: target)
            }
            if let info = table.questions[name.symbol], let node = questionNodes[name.symbol] {
                if info.container == container, info.stage == stage { return node }
                let place = info.container == 0
                    ? "stage '\(interner.name(table.stages[info.stage].name.symbol))'"
                    : "the flow '\(interner.name(table.flows[info.container - 1].name.symbol))'"
                diagnostics.append(
                    Diagnostic(
                        .jumpIntoOther, "cannot jump to the question '\(interner.name(name.symbol))' in \(place)", at: name.span,
                        label: "asked in another \(info.container == 0 ? "stage" : "flow")",
                        secondary: [Label(info.name.span, "asked here")],
                        help: info.container == 0
                            ? "jump to its stage instead, or 'call' a flow that asks it"
                            : "'call' the flow instead of jumping into it"))
                return unresolved()
            }
            let word = interner.name(name.symbol)
            var help: String?
            if takeSuggestion() {
                var candidates = table.questions.keys.filter {
                    table.questions[$0]?.container == container && table.questions[$0]?.stage == stage
                }.map(interner.name)
                if container == 0 { candidates += table.stageIndex.keys.map(interner.name) + ["next"] }
                help = Suggestion.didYouMean(word, among: candidates)
            }
            diagnostics.append(
                Diagnostic(
                    .unknownTarget, "there is no stage or question '\(word)' to jump to", at: name.span,
                    label: "unknown target", help: help))
            return unresolved()
        }
    }

    /// Whether a search for near names may still be made (see `Suggestion.searchesPerCheck`).
    private mutating func takeSuggestion() -> Bool {
        guard suggestionsLeft > 0 else { return false }
        suggestionsLeft -= 1
        return true
    }

    private mutating func jumpOutOfFlow(_ span: Span, what: String) {
        diagnostics.append(
            Diagnostic(
                .jumpOutOfFlow, "a flow cannot jump to \(what)", at: span, label: "outside the flow",
                help: "leave the flow with 'return' (back to where it was called) or 'end <outcome>'"))
    }

    private mutating func checkOutcome(_ ending: Ending) {
        guard let declared = table.outcomes, !declared.contains(ending.outcome.symbol) else { return }
        let names = declared.map(interner.name)
        let word = interner.name(ending.outcome.symbol)
        // In a file brought in with `use`, show the playbook's own `outcomes` line too: that is
        // where the outcome is missing.
        var secondary: [Label] = []
        if ending.outcome.span.file != 0, let listed = table.header?.outcomes, let first = listed.first, let last = listed.last {
            secondary.append(Label(first.span.to(last.span), "the outcomes the playbook declares"))
        }
        diagnostics.append(
            Diagnostic(
                .unknownOutcome, "'\(word)' is not one of the playbook's outcomes", at: ending.outcome.span,
                label: "unknown outcome", secondary: secondary,
                notes: secondary.isEmpty ? ["the declared outcomes are: \(names.joined(separator: ", "))"] : [],
                help: Suggestion.didYouMean(word, among: names) ?? "add '\(word)' to the 'outcomes' line of the header"))
    }
}
