/// Lowers the syntax tree into a `FlowGraph`, resolving every jump, call and outcome on the way.
/// Nodes are numbered in source order (pre-order), so each node's edges are written as it is made.
struct GraphBuilder {
    let table: SymbolTable
    let interner: Interner
    var diagnostics: [Diagnostic] = []
    private var graph = FlowGraph()
    private var questionNodes = SymbolMap<Int>()
    /// How many nodes each inline node lowers to (itself and the blocks under it), by node: noted
    /// while numbering, so that lowering finds where a step or a block ends without walking it again.
    private var sizes: [Int32] = []
    /// Nodes made after the inline ones, when first needed: stage exits, end targets, the sink.
    /// Until the inline nodes are all made, late node `k` is written as `-1 - k` in `graph.edges`.
    private var lateNodes: [FlowGraph.Node] = []
    /// Exits from stage to the next stage, by stage (0 until made): the common case, kept out of
    /// the dictionary.
    private var nextLeaves: [Int] = []
    private var leaveNodes: [Int: Int] = [:]
    private var unresolvedNode: Int?
    private var suggestionsLeft = Suggestion.searchesPerCheck
    /// About how many nodes there will be, to allocate the graph's arrays once.
    private let expectedNodes: Int

    /// `lines`, the number of lines of the files, bounds the inline nodes (about one per line).
    init(table: SymbolTable, interner: Interner, lines: Int) {
        self.table = table
        self.interner = interner
        expectedNodes = lines + table.flows.count + table.stages.count + 16
    }

    /// Each stage and flow is numbered just before it is lowered, while its steps are still in the
    /// cache: a jump to a question stays within its stage or flow, and a jump to a stage (or its
    /// exit) leads to a late node, whose number is settled at the end.
    mutating func build() -> FlowGraph {
        graph.nodes.reserveCapacity(expectedNodes)
        graph.edgeStart.reserveCapacity(expectedNodes + 1)
        graph.edges.reserveCapacity(expectedNodes + expectedNodes / 2)
        graph.steps.reserveCapacity(expectedNodes)
        sizes.reserveCapacity(expectedNodes)
        nextLeaves = Array(repeating: 0, count: table.stages.count)
        for (index, stage) in table.stages.enumerated() {
            let entry = graph.nodes.count
            graph.stageEntries.append(entry)
            sizes.append(1)
            _ = number(stage.body, from: entry + 1)
            let end = index + 1 < table.stages.count ? leave(index, to: index + 1) : late(.fallOffLast, Int32(index))
            add(.stageEntry, payload: index, container: 0, to: stage.body.isEmpty ? end : entry + 1)
            lower(stage.body, container: 0, stage: index, continuation: end)
        }
        for (index, flow) in table.flows.enumerated() {
            let entry = graph.nodes.count
            graph.flowEntries.append(entry)
            sizes.append(1)
            let end = number(flow.body, from: entry + 1)
            // The node for running off the flow's end.
            sizes.append(1)
            add(.flowEntry, payload: index, container: index + 1, to: flow.body.isEmpty ? end : entry + 1)
            lower(flow.body, container: index + 1, stage: -1, continuation: end)
            add(.fallOffFlow, payload: index, container: index + 1)
        }
        let inlineCount = Int32(graph.nodes.count)
        for index in graph.edges.indices where graph.edges[index] < 0 {
            graph.edges[index] = inlineCount - 1 - graph.edges[index]
        }
        for node in lateNodes {
            graph.nodes.append(node)
            // A stage's exit leads into the stage it enters; the other late nodes lead nowhere.
            if node.kind == .leave { graph.edges.append(Int32(graph.stageEntries[Int(node.payload2)])) }
            graph.edgeStart.append(Int32(graph.edges.count))
        }
        return graph
    }

    /// Numbers the questions of a block from `first`, noting the size of each step; returns the
    /// number after the block.
    private mutating func number(_ steps: [Step], from first: Int) -> Int {
        var next = first
        for step in steps {
            // The first question of a name is the declared one (the symbol table reads them in this
            // same order); a duplicate was reported there.
            if case .ask(let question) = step, questionNodes[question.name.symbol] == nil {
                questionNodes[question.name.symbol] = next
            }
            let id = next
            sizes.append(0)
            next += 1
            step.forEachBlock { next = number($0, from: next) }
            sizes[id] = Int32(next - id)
        }
        return next
    }

    /// The node after a block of `count` steps whose first node is `start`.
    private func blockEnd(from start: Int, count: Int) -> Int {
        var end = start
        for _ in 0..<count { end += Int(sizes[end]) }
        return end
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

    /// A new late node, as it is written until the inline nodes are all made (see `lateNodes`).
    private mutating func late(_ kind: FlowGraph.NodeKind, _ payload: Int32, payload2: Int32 = -1, container: Int = 0) -> Int {
        lateNodes.append(FlowGraph.Node(kind: kind, payload: payload, payload2: payload2, container: Int32(container)))
        return -lateNodes.count
    }

    private mutating func leave(_ stage: Int, to target: Int) -> Int {
        let isNext = target == stage + 1
        if isNext, nextLeaves[stage] != 0 { return nextLeaves[stage] }
        let key = stage << 32 | target
        if !isNext, let node = leaveNodes[key] { return node }
        let node = late(.leave, Int32(stage), payload2: Int32(target))
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
            let after = index + 1 < steps.count ? id + Int(sizes[id]) : continuation
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
                        bodyStart = blockEnd(from: bodyStart, count: branch.body.count)
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
                let elseStart = blockEnd(from: id + 1, count: then.count)
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
            if let info = table.questions[name.symbol] {
                // Numbered already: the questions of the stage or flow being lowered are.
                if info.container == container, info.stage == stage, let node = questionNodes[name.symbol] { return node }
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
