/// The playbook as a flowchart: one node per step, plus entries, stage exits and ends, with
/// explicit successors. The checker proves things on it; a runner can walk it.
public struct FlowGraph: Sendable {
    public enum NodeKind: UInt8, Sendable {
        /// Entering stage `payload`.
        case stageEntry
        /// Entering flow `payload`.
        case flowEntry
        /// The step `steps[payload]`.
        case step
        /// Leaving stage `payload` for stage `payload2`: its exit criteria must hold.
        case leave
        /// `-> end outcome` as a jump target: `endings[payload]`.
        case endTarget
        /// Walking past the end of the last stage (`payload`) without an outcome.
        case fallOffLast
        /// Walking past the end of flow `payload` without `return`.
        case fallOffFlow
        /// A jump whose target does not exist (reported already).
        case unresolved
    }

    public struct Node: Sendable {
        public var kind: NodeKind
        public var payload: Int32
        /// The stage entered, for `leave`; the flow called (-1 when unknown), for a `call` step;
        /// otherwise -2.
        public var payload2: Int32 = -2
        /// 0 for the stages, 1 + flow index for a flow.
        public var container: Int32
    }

    public internal(set) var nodes: [Node] = []
    var edgeStart: [Int32] = [0]
    var edges: [Int32] = []
    public internal(set) var steps: [Step] = []
    public internal(set) var endings: [Ending] = []
    public internal(set) var stageEntries: [Int] = []
    public internal(set) var flowEntries: [Int] = []
    /// The `call` steps, in order.
    public internal(set) var calls: [Int] = []

    /// For a `call` step: the flow it calls, or -1 when there is no such flow.
    public func callee(_ node: Int) -> Int? {
        let info = nodes[node]
        return info.kind == .step && info.payload2 != -2 ? Int(info.payload2) : nil
    }

    /// The nodes the walk can go to next. For a yes/no question: yes, then no; for a choice: one per
    /// option in order; for `if`: taken, then not taken.
    public func successors(_ node: Int) -> ArraySlice<Int32> {
        edges[Int(edgeStart[node])..<Int(edgeStart[node + 1])]
    }

    /// The entry of a container: the first stage for the stages, the flow's entry for a flow.
    public func entry(of container: Int) -> Int? {
        container == 0 ? stageEntries.first : flowEntries[container - 1]
    }

    /// The step of a node, when it is one.
    public func step(_ node: Int) -> Step? {
        nodes[node].kind == .step ? steps[Int(nodes[node].payload)] : nil
    }
}
