extension FlowAnalysis {
    /// Where a node is shown in a message.
    func span(of node: Int) -> Span {
        let info = graph.nodes[node]
        switch info.kind {
        case .step: return lineSpan(graph.steps[Int(info.payload)].span)
        case .stageEntry, .fallOffLast: return table.stages[Int(info.payload)].span
        case .leave: return table.stages[Int(info.payload2)].span
        case .flowEntry, .fallOffFlow: return table.flows[Int(info.payload)].span
        case .endTarget: return graph.endings[Int(info.payload)].span
        case .unresolved: return Span(file: 0, start: 0, end: 0)
        }
    }

    /// A step's span cut to its first line (a question's span covers only its `ask` line already).
    func lineSpan(_ span: Span) -> Span {
        let source = sources[Int(span.file)]
        let line = source.lineIndex(of: Int(span.start))
        let range = source.lineRange(line)
        return Span(file: Int(span.file), start: Int(span.start), end: min(Int(span.end), range.upperBound))
    }

    func lineNumber(_ span: Span) -> Int { sources[Int(span.file)].lineIndex(of: Int(span.start)) + 1 }

    /// The answers and turns of the first walk found from the container's entry to `node`,
    /// as recorded by the last search (`parent`, `parentEdge`).
    /// A long walk keeps its last turns and the turns `isKey` picks (say, the answer that skipped
    /// the `set` a message is about), with "…" for what is left out.
    func path(to node: Int, isKey: (Int) -> Bool = { _ in false }) -> String {
        var turns: [(text: String, key: Bool)] = []
        var current = node
        var guardSteps = 0
        while parent[current] >= 0, guardSteps < graph.nodes.count {
            guardSteps += 1
            let from = Int(parent[current])
            if let decision = describe(edge: Int(parentEdge[current]), from: from) {
                turns.append((decision, isKey(from)))
            }
            current = from
        }
        turns.reverse()
        if turns.isEmpty { return "straight from the start" }
        guard turns.count > 12 else { return turns.map(\.text).joined(separator: " → ") }
        var kept: [String] = []
        var skipped = false
        for (index, turn) in turns.enumerated() {
            if turn.key || index >= turns.count - 4 {
                if skipped { kept.append("…") }
                kept.append(turn.text)
                skipped = false
            } else {
                skipped = true
            }
        }
        return kept.joined(separator: " → ")
    }

    /// One turn of a walk, as a rep would read it.
    private func describe(edge: Int, from node: Int) -> String? {
        let info = graph.nodes[node]
        if info.kind == .leave { return "stage '\(interner.name(table.stages[Int(info.payload2)].name.symbol))'" }
        guard info.kind == .step else { return nil }
        switch graph.steps[Int(info.payload)] {
        case .ask(let question):
            let name = interner.name(question.name.symbol)
            switch question.type {
            case .yesNo: return "\(name) = \(edge == 0 ? "yes" : "no")"
            case .choice:
                guard edge < question.branches.count, case .option(let text) = question.branches[edge].label else { return nil }
                return "\(name) = \"\(text)\""
            default: return nil
            }
        case .jumpIf(_, _, let span), .ifBlock(_, _, _, let span):
            return "'if' on line \(lineNumber(span)) is \(edge == 0 ? "true" : "false")"
        case .call(let name, _):
            return "call \(interner.name(name.symbol))"
        default:
            return nil
        }
    }
}
