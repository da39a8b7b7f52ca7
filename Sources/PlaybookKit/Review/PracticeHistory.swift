/// A rep's practice runs over time, per playbook: read from the session records.
public struct PracticeHistory: Sendable {
    /// One finished practice run.
    public struct Run: Sendable, Hashable {
        public var session: String
        public var time: Double
        public var rep: String?
        public var persona: String?
        public var result: PracticeResult
    }

    /// The runs of one playbook, oldest first.
    public struct Track: Sendable, Hashable {
        public var playbook: String
        /// The playbook's language, as its latest run recorded it.
        public var language: String
        public var runs: [Run]
    }

    /// By playbook title, in order of each playbook's latest run (most recent first).
    public let tracks: [Track]

    /// Finished practice runs among `logs` (others are skipped), for one rep when `rep` is given
    /// and against one persona (by id) when `persona` is.
    public init(_ logs: [SessionLog], rep: String? = nil, persona: String? = nil) {
        var byPlaybook: [String: [Run]] = [:]
        var languages: [String: String] = [:]
        for log in logs {
            guard let info = log.info, info.mode == "practice", rep == nil || info.rep == rep,
                persona == nil || info.persona == persona,
                let result = Transcript(log).practiceResult
            else { continue }
            let run = Run(session: info.id, time: log.startTime ?? 0, rep: info.rep, persona: info.persona, result: result)
            if byPlaybook[info.playbookTitle]?.allSatisfy({ ($0.time, $0.session) < (run.time, run.session) }) ?? true {
                languages[info.playbookTitle] = info.language
            }
            byPlaybook[info.playbookTitle, default: []].append(run)
        }
        tracks = byPlaybook.map { title, runs in
            Track(playbook: title, language: languages[title] ?? "en", runs: runs.sorted { ($0.time, $0.session) < ($1.time, $1.session) })
        }
            .sorted { ($0.runs.last?.time ?? 0, $0.playbook) > ($1.runs.last?.time ?? 0, $1.playbook) }
    }

    /// The best move (the highest-scoring among those that were the best choice) and the worst
    /// (the one that lost the most points against the best choice); nil when there is none.
    public static func bestAndWorst(_ moves: [MoveResult]) -> (best: MoveResult?, worst: MoveResult?) {
        let best = moves.filter(\.isBest).max { $0.points < $1.points }
        let worst = moves.filter { !$0.isBest }.max { $0.bestPoints - $0.points < $1.bestPoints - $1.points }
        return (best, worst)
    }

    /// One bar per run, ▁ (0%) to █ (100%): the trend of the grades at a glance.
    public static func sparkline(_ grades: [Double?]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        return String(grades.map { grade in
            guard let grade else { return "·" }
            return bars[min(bars.count - 1, max(0, Int((grade / 100 * Double(bars.count - 1)).rounded())))]
        })
    }
}
