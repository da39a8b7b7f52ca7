/// A checked playbook as a picture to draw: boxes in stage and flow clusters, and labelled arrows.
/// Mermaid, DOT and SVG are all written from this one model, so they show the same thing.
///
/// What is drawn (see `Flowchart+Build.swift` for how): each question whose answers lead to
/// different places, and each `if`, is a decision; a question whose answers all lead on to the same
/// step is a plain box; each `say` and `buyer` a small box, each `end` a terminal coloured by
/// `OutcomeTone`, each `call` a box with a dashed arrow to its flow's cluster; jumps are arrows.
///
/// By default the chart is the manager's: an `if` reads `check budget` (the names it looks at),
/// `set`, exit criteria and the `if`s that only set values are left out. With `detail`, the author's: an `if` shows its
/// condition, a `set` is written on the arrow that leads to it when only one arrow does (a box
/// otherwise), and leaving a stage that has exit criteria passes a gate box (`exit when pain`).
/// The chart's own words are in the playbook's language (`ChartWords`).
public struct Flowchart: Sendable {
    public enum NodeKind: Sendable, Hashable {
        /// `ask` whose answers lead to different places: a decision.
        case question
        /// `ask` whose answers all lead on to the same step (text, number, scale, most choices): a box.
        case plainQuestion
        /// `if CONDITION -> target`: a decision.
        case condition
        /// `say "..."`.
        case say
        /// `buyer "..."`: the buyer's lines.
        case buyer
        /// `set name = value`, when it is not written on an arrow.
        case set
        /// `call flow`.
        case call
        /// Leaving a stage with exit criteria, or a note of them when the stage is never left.
        case gate
        /// `end outcome "reason"`, as a step or a target.
        case outcome(OutcomeTone)
        /// `return` at the end of a flow.
        case `return`
        /// In a picture of one stage: where an arrow leaves for another stage.
        case stub
        /// A stage or flow with no steps.
        case empty
    }

    public struct Node: Sendable {
        public var kind: NodeKind
        /// What the box says, one shortened line each (at most `ShortLine.maxCells` cells), as
        /// Mermaid and DOT show it.
        public var lines: [String]
        /// The same lines whole, for a picture that wraps them (the SVG).
        public var text: [String]
        /// The whole text, not shortened, for a tooltip.
        public var detail: String
        /// The index in `clusters`, or nil for a stub, which stands outside every cluster.
        public var cluster: Int?
    }

    public enum EdgeKind: Sendable, Hashable {
        /// The walk goes on there.
        case flow
        /// A `call` enters a flow (and comes back after the flow's `return`).
        case call
    }

    public struct Edge: Sendable {
        public var from: Int
        public var to: Int
        /// One shortened line per branch that takes this arrow: `yes`, an option's text, `no · set x = 1`.
        public var labels: [String]
        public var kind: EdgeKind
    }

    public enum ClusterKind: Sendable, Hashable {
        case stage
        case flow
    }

    public struct Cluster: Sendable {
        public var kind: ClusterKind
        /// The stage's or flow's id, as written.
        public var name: String
        /// `2 · Problem` for the second stage, `flow · Handle an objection` for a flow; shortened.
        public var heading: String
        /// The heading with the whole title.
        public var detail: String
    }

    /// The playbook's title, and the stage's in a picture of one stage; shortened.
    public var title: String
    /// The chart's own words, in the playbook's language.
    public var words: ChartWords
    /// Drawn with `--detail`: conditions, `set`s and exit criteria as written.
    public var detail: Bool
    public var clusters: [Cluster] = []
    /// In drawing order: a cluster's nodes in the order of the playbook's lines.
    public var nodes: [Node] = []
    public var edges: [Edge] = []

    /// The most label lines one arrow shows; more are counted in a last line (`+3 more`).
    public static let maxEdgeLines = 4

    /// An id per cluster for Mermaid and DOT, in cluster order: `s1` for the first stage drawn,
    /// `f1` for the first flow.
    public var clusterIDs: [String] {
        var counts = (stages: 0, flows: 0)
        return clusters.map { cluster in
            if cluster.kind == .stage {
                counts.stages += 1
                return "s" + String(counts.stages)
            }
            counts.flows += 1
            return "f" + String(counts.flows)
        }
    }

    /// The nodes of each cluster, and those in none, in drawing order: one pass, whatever the size.
    public var nodesByCluster: (inCluster: [[Int]], outside: [Int]) {
        var inCluster = Array(repeating: [Int](), count: clusters.count)
        var outside: [Int] = []
        for (node, info) in nodes.enumerated() {
            if let cluster = info.cluster { inCluster[cluster].append(node) } else { outside.append(node) }
        }
        return (inCluster, outside)
    }
}
