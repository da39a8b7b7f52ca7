/// The manager's view of a team's records: one report per playbook, each figure as
/// docs/report.md defines it. Built by `TeamReport.Builder`; drawn by the `+Text`, `+JSON`, `+CSV`
/// and `+HTML` renderings.
public struct TeamReport: Sendable {
    /// The moment "open for so long" is measured to, in milliseconds since 1970.
    public var asOf: Int64
    /// Records read (sessions and the others), and those that are not records.
    public var files = 0
    public var skippedLines = 0
    public var filesWithSkippedLines = 0
    public var playbooks: [PlaybookReport] = []
}

public struct PlaybookReport: Sendable {
    public enum Source: String, Sendable {
        /// Stage and question order, texts and wins from the playbook file.
        case playbook
        /// From the records alone: the playbook could not be read.
        case records
    }

    public var title: String
    public var path: String
    public var language: String
    public var source: Source
    public var sessions: Int
    public var status: [ReportStatus: Int]
    public var outcomes: [OutcomeFigure]
    public var won: Int
    public var lost: Int
    public var ended: Int { status[.ended] ?? 0 }
    public var winRate: Double?
    public var medianCycleDays: Double?
    public var medianActiveMinutes: Double?
    public var stages: [StageFigures]
    public var questions: [QuestionFigures]
    /// The question with the most "last before a loss".
    public var whereDealsDie: String?
    public var reps: [RepFigures]
    public var versions: [VersionFigures]
    public var trend: [WeekFigures]
    /// Every session, when the table of deals was asked for.
    public var deals: [DealRow]
}

public struct OutcomeFigure: Sendable {
    public var outcome: String
    public var count: Int
    public var share: Double
    public var tone: OutcomeTone
}

public struct StageFigures: Sendable {
    public var stage: String
    public var title: String
    public var entered: Int
    public var left: Int
    public var nextStepConversion: Double?
    public var cumulativeConversion: Double?
    /// Sessions that entered and did not leave: by outcome, then `open` last.
    public var rest: [(outcome: String, count: Int)]
    public var medianHours: Double?
    public var p90Hours: Double?
    public var open: Int
    public var medianOpenDays: Double?
    public var stalls: [Stall]
}

public struct Stall: Sendable {
    public var session: String
    public var deal: String?
    public var rep: String?
    public var days: Double
}

public struct QuestionFigures: Sendable {
    public var question: String
    public var text: String
    public var type: String
    public var stage: String
    public var asked: Int
    public var answered: Int
    public var medianSeconds: Double?
    public var lastBeforeLoss: Int
    public var yes: Int
    public var no: Int
    /// Choice: each option's key (as records hold it) and text (as the report shows it) with its
    /// count, the playbook's options first, in their order.
    public var options: [(key: String, option: String, count: Int)]
    /// Number: minimum, quartiles, maximum.
    public var quartiles: (min: Double, q1: Double, median: Double, q3: Double, max: Double)?
    /// Scale: the mean and each value's count.
    public var mean: Double?
    public var values: [(value: Double, count: Int)]
    public var byAnswer: [AnswerWinRate]
}

public struct AnswerWinRate: Sendable {
    /// As the rep reads it: `yes`, an option, a scale value.
    public var answer: String
    public var ended: Int
    public var won: Int
    public var winRate: Double?
    /// Fewer than `TeamReport.smallSample` ended sessions.
    public var small: Bool
}

public struct RepFigures: Sendable {
    /// Nil for sessions recorded without a rep.
    public var rep: String?
    public var sessions: Int
    public var ended: Int
    public var won: Int
    public var winRate: Double?
    public var medianCycleDays: Double?
    /// The stage most of the rep's lost sessions last entered.
    public var lostIn: String?
    public var practiceRuns: Int
    public var averageGrade: Double?
}

public struct VersionFigures: Sendable {
    public var version: String?
    public var sessions: Int
    public var ended: Int
    public var won: Int
    public var winRate: Double?
    public var stages: [(stage: String, entered: Int, left: Int, conversion: Double?)]
    /// Against the most used version; nil for that one.
    public var test: ProportionTest?
}

public struct ProportionTest: Sendable {
    public enum Verdict: String, Sendable {
        case clear
        case unclear
        case tooSmall = "too_small"
    }

    public var against: String?
    public var z: Double?
    public var p: Double?
    public var verdict: Verdict
}

public struct WeekFigures: Sendable {
    public var week: String
    public var started: Int
    public var won: Int
}

extension TeamReport {
    /// The tables `--format csv` gives, one at a time.
    public enum Table: String, Sendable, CaseIterable {
        case funnel, questions, reps, versions, deals
    }

    /// Below this many ended sessions a win rate by answer is marked small.
    public static let smallSample = 30
}
