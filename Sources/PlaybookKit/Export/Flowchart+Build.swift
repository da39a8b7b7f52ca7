extension Flowchart {
    /// The flowchart of a checked playbook: every stage in order, then each flow that is called;
    /// a library, which has no stages, draws all its flows. With `stage` (an index into
    /// `program.stages`), that stage alone: its steps, and a stub for each stage its arrows lead
    /// to; its calls are drawn, the flows are not. An index that is not a stage's draws the whole
    /// playbook. With `detail`, conditions, `set`s and exit criteria are drawn as written.
    public init(_ program: Program, stage: Int? = nil, detail: Bool = false) {
        let only = stage.flatMap { program.stages.indices.contains($0) ? $0 : nil }
        var builder = FlowchartBuilder(program: program, only: only, detail: detail)
        self = builder.build()
    }
}

/// Reads the checker's `FlowGraph` and keeps what a person wants to see: entries, jumps and stage
/// exits without criteria are passed through, and so are `set`s (by default all of them, with
/// `detail` those reached by one arrow, written on the arrow); everything else becomes a node.
struct FlowchartBuilder {
    let program: Program
    let graph: FlowGraph
    let only: Int?
    let text: ChartText
    private var chart: Flowchart
    /// Graph nodes before this index are steps, entries and flow ends; after it, stage exits and
    /// `-> end` targets (see `GraphBuilder`).
    private let inlineCount: Int
    /// The stage (index ≥ 0) or flow (-1 - index) each inline graph node belongs to.
    private var owner: [Int]
    private var predecessorCount: [Int32]
    private var lastPredecessor: [Int32]
    /// A `set` reached by one arrow from a step: written on that arrow, not drawn.
    private var folded: [Bool]
    /// The chart node of each graph node, or -1.
    private var drawn: [Int]
    /// The graph node of each chart node (-1 for stubs and notes).
    private var source: [Int] = []
    private var stageCluster: [Int]
    private var flowCluster: [Int]
    /// The graph node each cluster starts at (its stage's or flow's entry).
    private var clusterEntry: [Int] = []
    private var pending: [[Int]] = []
    /// Graph nodes waiting in some `pending` list.
    private var isPending: [Bool]
    private var finished: [Bool] = []
    private var stubs: [Int: Int] = [:]

    init(program: Program, only: Int?, detail: Bool) {
        self.program = program
        graph = program.graph
        self.only = only
        let words = ChartWords(language: program.language)
        text = ChartText(program: program, words: words, detail: detail)
        // A playbook without a header (a library) is called by its file's name.
        let file = program.sources.first.map { String($0.path.split(separator: "/").last ?? "") } ?? ""
        let name = file.hasSuffix(".playbook") ? String(file.dropLast(".playbook".count)) : file
        let title = ShortLine.oneLine(program.title).isEmpty ? (name.isEmpty ? "Playbook" : name) : program.title
        let stageTitle = only.map { " · " + words(.stage, program.shown(program.stages[$0].title)) } ?? ""
        chart = Flowchart(title: ShortLine.shorten(title + stageTitle, to: 60), words: words, detail: detail)
        let count = graph.nodes.count
        let inline = graph.nodes.firstIndex { [.leave, .endTarget, .fallOffLast, .unresolved].contains($0.kind) } ?? count
        inlineCount = inline
        owner = Array(repeating: 0, count: count)
        for (index, entry) in graph.stageEntries.enumerated() {
            let end = index + 1 < graph.stageEntries.count ? graph.stageEntries[index + 1] : (graph.flowEntries.first ?? inline)
            for node in entry..<max(entry, end) { owner[node] = index }
        }
        for (index, entry) in graph.flowEntries.enumerated() {
            let end = index + 1 < graph.flowEntries.count ? graph.flowEntries[index + 1] : inline
            for node in entry..<max(entry, end) { owner[node] = -1 - index }
        }
        predecessorCount = Array(repeating: 0, count: count)
        lastPredecessor = Array(repeating: -1, count: count)
        for node in 0..<count {
            for next in graph.successors(node) {
                predecessorCount[Int(next)] += 1
                lastPredecessor[Int(next)] = Int32(node)
            }
        }
        // Late nodes belong where they are referenced from: an exit to its stage, an end target to
        // the step that jumps there.
        for node in inline..<count {
            switch graph.nodes[node].kind {
            case .leave, .fallOffLast: owner[node] = Int(graph.nodes[node].payload)
            default:
                let from = Int(lastPredecessor[node])
                owner[node] = from >= 0 && from < inline ? owner[from] : 0
            }
        }
        folded = Array(repeating: false, count: count)
        for node in 0..<inline where detail {
            guard case .set? = graph.step(node), predecessorCount[node] == 1 else { continue }
            let from = Int(lastPredecessor[node])
            guard from >= 0, from < node, graph.nodes[from].kind == .step else { continue }
            if case .set? = graph.step(from) { folded[node] = folded[from] } else { folded[node] = true }
        }
        drawn = Array(repeating: -1, count: count)
        isPending = Array(repeating: false, count: count)
        stageCluster = Array(repeating: -1, count: program.stages.count)
        flowCluster = Array(repeating: -1, count: program.flows.count)
    }

    mutating func build() -> Flowchart {
        let stages = only.map { [$0] } ?? Array(program.stages.indices)
        for stage in stages { addCluster(stage: stage) }
        if only == nil {
            let flows = program.stages.isEmpty ? Array(program.flows.indices) : calledFlows(from: stages)
            for flow in flows { addCluster(flow: flow) }
        }
        pending = Array(repeating: [], count: chart.clusters.count)
        finished = Array(repeating: false, count: chart.clusters.count)
        for cluster in chart.clusters.indices { drawNodes(of: cluster) }
        for cluster in chart.clusters.indices {
            for node in pending[cluster] where drawn[node] < 0 { add(node, cluster: cluster) }
        }
        if chart.detail { addExitNotes() }
        for node in chart.nodes.indices where source[node] >= 0 { addEdges(from: node) }
        if !chart.detail { chart.leaveOutConditionsThatDoNotBranch() }
        return chart
    }

    // MARK: Clusters and nodes

    private mutating func addCluster(stage: Int) {
        stageCluster[stage] = chart.clusters.count
        clusterEntry.append(graph.stageEntries[stage])
        let info = program.stages[stage]
        appendCluster(.stage, name: info.name, heading: "\(stage + 1) · " + ShortLine.oneLine(program.shown(info.title)))
    }

    private mutating func addCluster(flow: Int) {
        flowCluster[flow] = chart.clusters.count
        clusterEntry.append(graph.flowEntries[flow])
        let info = program.flows[flow]
        let title = ShortLine.oneLine(program.shown(info.title))
        appendCluster(.flow, name: info.name, heading: text.words(.flow, title))
    }

    private mutating func appendCluster(_ kind: Flowchart.ClusterKind, name: Name, heading: String) {
        chart.clusters.append(
            Flowchart.Cluster(
                kind: kind, name: program.name(name.symbol), heading: ShortLine.shorten(heading), detail: heading))
    }

    /// The flows the stages call, and the flows those call, in the order they are declared.
    private func calledFlows(from stages: [Int]) -> [Int] {
        // The calls in each flow, so that each flow included is looked into once.
        var callsIn = Array(repeating: [Int](), count: program.flows.count)
        var pending: [Int] = []
        var included = Array(repeating: false, count: program.flows.count)
        var drawnStage = Array(repeating: false, count: program.stages.count)
        for stage in stages { drawnStage[stage] = true }
        func include(_ call: Int) {
            guard let callee = graph.callee(call), callee >= 0, !included[callee] else { return }
            included[callee] = true
            pending.append(callee)
        }
        for call in graph.calls {
            let place = owner[call]
            if place < 0 { callsIn[-1 - place].append(call) } else if drawnStage[place] { include(call) }
        }
        while let flow = pending.popLast() { callsIn[flow].forEach(include) }
        return included.indices.filter { included[$0] }
    }

    private func cluster(of node: Int) -> Int? {
        let place = owner[node]
        let cluster = place >= 0 ? stageCluster[place] : flowCluster[-1 - place]
        return cluster >= 0 ? cluster : nil
    }

    /// The inline nodes of a cluster in order; each `-> end` target right after the step that
    /// jumps there; the cluster's stage exits last.
    private mutating func drawNodes(of cluster: Int) {
        let entry = clusterEntry[cluster]
        let place = owner[entry]
        var node = entry
        while node < inlineCount, owner[node] == place {
            // A flow's end is drawn only if a walk can get there, which a checked flow never does.
            if graph.nodes[node].kind != .fallOffFlow, case .drawn = role(of: node) {
                add(node, cluster: cluster)
                for next in graph.successors(node) {
                    guard let (target, _) = resolve(Int(next)), target >= inlineCount, drawn[target] < 0,
                        let home = self.cluster(of: target)
                    else { continue }
                    if home == cluster, graph.nodes[target].kind != .leave {
                        add(target, cluster: cluster)
                    } else if finished[home] {
                        add(target, cluster: home)
                    } else if !isPending[target] {
                        isPending[target] = true
                        pending[home].append(target)
                    }
                }
            }
            node += 1
        }
        for late in pending[cluster] where drawn[late] < 0 { add(late, cluster: cluster) }
        pending[cluster] = []
        finished[cluster] = true
    }

    private mutating func add(_ node: Int, cluster: Int) {
        drawn[node] = chart.nodes.count
        source.append(node)
        chart.nodes.append(describe(node, cluster: cluster))
    }

    /// A note of the exit criteria of a stage that the walk never leaves (the last stage).
    private mutating func addExitNotes() {
        var gated = Array(repeating: false, count: chart.clusters.count)
        for node in chart.nodes where node.kind == .gate { if let cluster = node.cluster { gated[cluster] = true } }
        for (stage, cluster) in stageCluster.enumerated() where cluster >= 0 && !program.stages[stage].exits.isEmpty {
            if gated[cluster] { continue }
            var node = text.gate(stage)
            node.cluster = cluster
            source.append(-1)
            chart.nodes.append(node)
        }
    }

    // MARK: Walking through the graph

    private enum Role {
        case drawn
        /// Passed through on the way to `next`; a folded `set` leaves its text on the arrow.
        case through(next: Int, set: String?)
    }

    private func role(of node: Int) -> Role {
        let info = graph.nodes[node]
        let next = graph.successors(node).first.map(Int.init)
        switch info.kind {
        case .stageEntry:
            if let next, !program.stages[Int(info.payload)].body.isEmpty { return .through(next: next, set: nil) }
            return .drawn
        case .flowEntry:
            if let next, !program.flows[Int(info.payload)].body.isEmpty { return .through(next: next, set: nil) }
            return .drawn
        case .leave:
            if let next, !chart.detail || program.stages[Int(info.payload)].exits.isEmpty {
                return .through(next: next, set: nil)
            }
            return .drawn
        case .step:
            guard let next else { return .drawn }
            switch graph.steps[Int(info.payload)] {
            case .jump: return .through(next: next, set: nil)
            case .set where !chart.detail: return .through(next: next, set: nil)
            case .set(let assignment) where folded[node]: return .through(next: next, set: text.setText(assignment))
            default: return .drawn
            }
        case .endTarget, .fallOffLast, .fallOffFlow, .unresolved:
            return .drawn
        }
    }

    /// The node an arrow to `start` is drawn to, and the `set`s passed on the way; nil for a loop
    /// of jumps (which the checker reports: a playbook with one has no `Program`).
    private func resolve(_ start: Int) -> (target: Int, sets: [String])? {
        var node = start
        var sets: [String] = []
        for _ in 0...graph.nodes.count {
            switch role(of: node) {
            case .drawn: return (node, sets)
            case .through(let next, let set):
                if let set { sets.append(set) }
                node = next
            }
        }
        return nil
    }

    // MARK: Edges

    private mutating func addEdges(from node: Int) {
        let graphNode = source[node]
        let successors = graph.successors(graphNode).map(Int.init)
        var labels: [String?] = Array(repeating: nil, count: successors.count)
        if case .step = graph.nodes[graphNode].kind {
            switch graph.steps[Int(graph.nodes[graphNode].payload)] {
            case .ask(let question):
                switch question.type {
                case .yesNo: labels = [text.words.yes, text.words.no]
                case .choice: labels = question.branches.compactMap(program.shownOption)
                default: break
                }
            case .jumpIf, .ifBlock: labels = [text.words.yes, text.words.no]
            default: break
            }
        }
        var arrows: [(to: Int, line: String, plain: Bool)] = []
        for (index, next) in successors.enumerated() {
            guard let (target, sets) = resolve(next), let to = chartNode(for: target) else { continue }
            let branch = index < labels.count ? labels[index] : nil
            let line = ShortLine.shorten(([branch].compactMap { $0 } + sets).joined(separator: " · "))
            arrows.append((to, line, sets.isEmpty))
        }
        if let first = arrows.first, arrows.allSatisfy({ $0.to == first.to && $0.plain }) {
            chart.edges.append(Flowchart.Edge(from: node, to: first.to, labels: [], kind: .flow))
        } else {
            // One arrow per target, in the order of the first answer to each: a choice may have
            // thousands of options.
            var merged: [(to: Int, lines: [String])] = []
            var mergedIndex: [Int: Int] = [:]
            for arrow in arrows {
                if let index = mergedIndex[arrow.to] {
                    if !arrow.line.isEmpty { merged[index].lines.append(arrow.line) }
                } else {
                    mergedIndex[arrow.to] = merged.count
                    merged.append((arrow.to, arrow.line.isEmpty ? [] : [arrow.line]))
                }
            }
            for (to, lines) in merged {
                chart.edges.append(Flowchart.Edge(from: node, to: to, labels: text.words.capped(lines), kind: .flow))
            }
        }
        // A question that does not branch is a step like any other: a box, not a decision.
        if chart.nodes[node].kind == .question, Set(arrows.map(\.to)).count <= 1 { chart.nodes[node].kind = .plainQuestion }
        if let callee = graph.callee(graphNode), callee >= 0, flowCluster[callee] >= 0,
            let (target, _) = resolve(graph.flowEntries[callee]), let to = chartNode(for: target)
        {
            chart.edges.append(Flowchart.Edge(from: node, to: to, labels: [], kind: .call))
        }
    }

    /// The chart node for a graph node: itself when drawn, else a stub for its stage.
    private mutating func chartNode(for target: Int) -> Int? {
        if drawn[target] >= 0 { return drawn[target] }
        let place = owner[target]
        guard place >= 0, graph.nodes[target].kind != .fallOffFlow else { return nil }
        if let stub = stubs[place] { return stub }
        let stage = program.stages[place]
        let heading = "\(place + 1) · \(ShortLine.oneLine(program.shown(stage.title)))"
        stubs[place] = chart.nodes.count
        source.append(-1)
        chart.nodes.append(text.node(.stub, [text.words.onward + " " + heading], detail: text.words(.goesOnIn, heading), cluster: nil))
        return chart.nodes.count - 1
    }

    // MARK: Words

    private func describe(_ node: Int, cluster: Int) -> Flowchart.Node {
        let info = graph.nodes[node]
        let words = text.words
        switch info.kind {
        case .stageEntry:
            return text.node(.empty, [words(.noSteps)], detail: words(.stageHasNoSteps), cluster: cluster)
        case .flowEntry:
            return text.node(.empty, [words(.noSteps)], detail: words(.flowHasNoSteps), cluster: cluster)
        case .leave:
            var note = text.gate(Int(info.payload))
            note.cluster = cluster
            return note
        case .endTarget:
            return text.outcome(graph.endings[Int(info.payload)], cluster: cluster)
        case .fallOffLast, .fallOffFlow, .unresolved:
            return text.node(.empty, [words(.noOutcome)], detail: words(.stopsHere), cluster: cluster)
        case .step:
            return text.step(graph.steps[Int(info.payload)], cluster: cluster)
        }
    }
}
