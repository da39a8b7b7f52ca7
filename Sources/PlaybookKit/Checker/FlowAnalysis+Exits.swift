extension FlowAnalysis {
    /// Exit criteria are checked only when the walk leaves the stage for another stage. A reachable
    /// stage with criteria that no walk leaves that way (every walk through it ends in an outcome,
    /// as in a closing stage) never checks them, though its author meant them as a gate.
    func reportUncheckedExits() {
        var leaves = Array(repeating: false, count: table.stages.count)
        for node in graph.nodes.indices where reachable[node] && graph.nodes[node].kind == .leave {
            leaves[Int(graph.nodes[node].payload)] = true
        }
        for (index, stage) in table.stages.enumerated()
        where !stage.exits.isEmpty && !leaves[index] && reachable[graph.stageEntries[index]] {
            let name = interner.name(stage.name.symbol)
            let others = stage.exits.dropFirst().map { Label($0.span, "nor this one") }
            let which = stage.exits.count == 1 ? "its exit criterion is" : "its \(stage.exits.count) exit criteria are"
            diagnostics.append(
                Diagnostic(
                    .exitNeverChecked, "no walk leaves stage '\(name)' for another stage, so \(which) never checked",
                    at: stage.exits[0].span, label: "never checked",
                    secondary: [Label(stage.name.span, "every walk through '\(name)' ends in an outcome")] + others,
                    notes: ["exit criteria are checked when the walk moves on to another stage, not on 'end <outcome>'"],
                    help: "to hold an outcome back until the criterion holds, branch on it before the 'end' ('if not … -> end …'), or remove the criterion"))
        }
    }
}
