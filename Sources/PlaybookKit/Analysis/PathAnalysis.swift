/// What the walks through a playbook look like, computed on its flowchart without listing them:
/// how many lead to each outcome, the shortest and the longest loop-free one, the questions every
/// walk asks, and example walks to an outcome.
///
/// A walk goes from the first stage to an outcome and chooses a side at every branch: the answer
/// of a yes/no or choice question (each answer is a side, even when two lead to the same step),
/// the side of an `if`. Answers to number, text and scale questions choose nothing. Exit criteria
/// are taken to hold, and conditions are not evaluated: every side of every branch is a way.
/// Definitions in full: docs/analysis.md.
public struct PathAnalysis: Sendable {
    let paths: PathGraph

    public init(_ program: Program) {
        paths = PathGraph(program: program)
    }

    /// The outcomes, in the order reports list them: as declared, else as first written.
    public var outcomes: [String] { paths.outcomes }

    /// The walks to one outcome.
    public func walkCount(to outcome: String) -> WalkCount? {
        paths.outcomes.firstIndex(of: outcome).map(WalkCounter(paths).walkCount)
    }

    /// Everything at once: counts, shortest and longest loop-free walks, questions on every walk.
    /// With `turnsPerWalk`, each walk keeps its first turns and its last 5, that many in all.
    public func report(turnsPerWalk: Int? = nil) -> PathReport {
        let paths = self.paths
        // Two halves that share nothing but the flowchart, side by side on a large playbook.
        let (counted, searched) = inParallel({ Counted(paths) }, { Searched(paths, turnsPerWalk: turnsPerWalk) })
        var outcomes: [PathReport.Outcome] = []
        var total = WalkCount(loopFree: BigUInt(), loop: nil)
        for (index, name) in paths.outcomes.enumerated() {
            let count = counted.walks[index]
            total.loopFree += count.loopFree
            if total.loop == nil { total.loop = count.loop }
            outcomes.append(
                PathReport.Outcome(
                    name: name, walks: count, shortest: searched.shortest[index],
                    longestLoopFreeQuestions: searched.longestQuestions[index]))
        }
        return PathReport(
            file: file, title: paths.program.title, outcomes: outcomes, total: total, longestLoopFree: searched.longest,
            askedOnEveryWalk: counted.askedOnEveryWalk)
    }

    /// The counts, and the questions on every walk.
    private struct Counted: Sendable {
        var walks: [WalkCount]
        var askedOnEveryWalk: [QuestionSite]

        init(_ paths: PathGraph) {
            let counts = WalkCounter(paths)
            walks = paths.outcomes.indices.map(counts.walkCount)
            askedOnEveryWalk = EveryWalk(paths).questions
        }
    }

    /// The walks searched for: the shortest to each outcome, and the longest loop-free.
    private struct Searched: Sendable {
        var shortest: [ListedWalk?]
        var longestQuestions: [Int?]
        /// To any outcome: the first outcome listed among the longest.
        var longest: ListedWalk?

        init(_ paths: PathGraph, turnsPerWalk: Int?) {
            let search = ShortestWalks(paths)
            shortest = paths.outcomes.indices.map {
                search.walks(to: $0, limit: 1, distance: search.distances(to: $0), keep: turnsPerWalk).first
            }
            let longestWalk = LongestWalk(paths)
            let lengths = paths.outcomes.indices.map(longestWalk.longest)
            longestQuestions = lengths.map { $0.map { Int($0.questions) } }
            var overall: (outcome: Int, length: WalkLength)?
            for (outcome, length) in lengths.enumerated() {
                if let length, overall.map({ $0.length < length }) ?? true { overall = (outcome, length) }
            }
            longest = overall.flatMap { longestWalk.walk(to: $0.outcome, keep: turnsPerWalk) }
        }
    }

    /// Up to `limit` different walks to the outcome, shortest first (fewest questions, then fewest
    /// steps); nil when the playbook has no such outcome. `turnsPerWalk` as for `report`.
    public func examples(to outcome: String, limit: Int, turnsPerWalk: Int? = nil) -> WalkExamples? {
        guard let index = paths.outcomes.firstIndex(of: outcome) else { return nil }
        let paths = self.paths
        let (count, walks) = inParallel(
            { WalkCounter(paths).walkCount(index) },
            {
                let shortest = ShortestWalks(paths)
                return shortest.walks(to: index, limit: limit, distance: shortest.distances(to: index), keep: turnsPerWalk)
            })
        return WalkExamples(file: file, outcome: outcome, walks: count, examples: walks)
    }

    private var file: String { paths.program.sources.first?.path ?? "" }
}

/// Example walks to one outcome, shortest first.
public struct WalkExamples: Sendable {
    /// The playbook's path.
    public var file: String
    public var outcome: String
    public var walks: WalkCount
    public var examples: [ListedWalk]
}

/// The walks through a playbook, summed up: see `PathAnalysis`.
public struct PathReport: Sendable {
    public struct Outcome: Sendable {
        public var name: String
        public var walks: WalkCount
        /// Fewest questions asked; nil when no walk reaches the outcome.
        public var shortest: ListedWalk?
        /// Most questions asked on a loop-free walk; nil when no loop-free walk reaches the outcome.
        public var longestLoopFreeQuestions: Int?
    }

    /// The playbook's path.
    public var file: String
    public var title: String
    /// In the order of the playbook's `outcomes` line, else as first written.
    public var outcomes: [Outcome]
    /// Every walk, whatever its outcome.
    public var total: WalkCount
    /// The longest loop-free walk to any outcome (the first outcome listed, among equals).
    public var longestLoopFree: ListedWalk?
    /// In the order walks ask them.
    public var askedOnEveryWalk: [QuestionSite]
}
