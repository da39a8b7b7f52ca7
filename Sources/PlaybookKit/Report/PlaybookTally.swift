/// The counts and lists of one playbook's sessions, from which every figure of its report is
/// computed (`TeamReport`). Each thread keeps its own; tallies of the same playbook merge.
/// Outcomes are kept by name: which are wins is the playbook's to say, when the report is made.
struct PlaybookTally: Sendable {
    let path: String
    let title: String
    var languages: [String: Int] = [:]
    var sessions = 0
    var status = [Int](repeating: 0, count: ReportStatus.allCases.count)
    /// Ended sessions by outcome.
    var outcomes: [String: Int] = [:]
    var cycles: [Int64] = []
    var active: [Int64] = []
    var stages: [String: StageTally] = [:]
    var questions: [String: QuestionTally] = [:]
    var reps: [String?: RepTally] = [:]
    var versions: [String?: VersionTally] = [:]
    /// By ISO week, as days since 1970 of its Monday.
    var weeks: [Int64: WeekTally] = [:]
    /// Every session, when a table of deals was asked for.
    var deals: [DealRow] = []
    /// The tallies of the stages and questions by their number in the reading thread's interner:
    /// found without hashing a name (this thread only; not merged).
    var stageCache: [StageTally?] = []
    var questionCache: [QuestionTally?] = []

    init(path: String, title: String) {
        self.path = path
        self.title = title
    }

    /// A class, so that adding a session changes it in place (a struct taken out of the
    /// dictionary would copy its growing lists each time).
    final class StageTally: @unchecked Sendable {
        var title = ""
        var titleSession = ""
        var number = Int.max
        var entered = 0
        var left = 0
        var times: [Int64] = []
        /// Sessions that entered and did not leave, by outcome; "" for those still open.
        var rest: [String: Int] = [:]
        var open: [OpenDeal] = []
    }

    final class QuestionTally: @unchecked Sendable {
        var text = ""
        var textSession = ""
        var types: [String: Int] = [:]
        var stages: [String: Int] = [:]
        /// The smallest (stage number, place among its stage's first asks) of any session.
        var place = (Int.max, Int.max)
        var asked = 0
        var answered = 0
        var yes = 0
        var no = 0
        var options: [String: Int] = [:]
        var numbers: [Double] = []
        /// Ended sessions by the answer in force, then by outcome.
        var byAnswer: [AnswerKey: [String: Int]] = [:]
        var seconds: [Int64] = []
        /// Ended sessions whose last answer before the end was to this question, by outcome.
        var lastBeforeEnd: [String: Int] = [:]
    }

    final class RepTally: @unchecked Sendable {
        var sessions = 0
        var outcomes: [String: Int] = [:]
        var cycles: [Int64] = []
        /// Ended sessions by outcome, then by the stage they last entered.
        var endedIn: [String: [String: Int]] = [:]
        var practiceRuns = 0
        var gradeSum = 0.0
        var graded = 0
    }

    final class VersionTally: @unchecked Sendable {
        var sessions = 0
        var outcomes: [String: Int] = [:]
        var entered: [String: Int] = [:]
        var left: [String: Int] = [:]
    }

    struct WeekTally: Sendable {
        var started = 0
        var outcomes: [String: Int] = [:]
    }

    mutating func merge(_ other: PlaybookTally) {
        languages.merge(other.languages, uniquingKeysWith: +)
        sessions += other.sessions
        for index in status.indices { status[index] += other.status[index] }
        outcomes.merge(other.outcomes, uniquingKeysWith: +)
        cycles += other.cycles
        active += other.active
        stages.merge(other.stages) { mine, theirs in
            let both = mine
            if (theirs.titleSession, theirs.title) < (both.titleSession, both.title) {
                both.title = theirs.title
                both.titleSession = theirs.titleSession
            }
            both.number = min(both.number, theirs.number)
            both.entered += theirs.entered
            both.left += theirs.left
            both.times += theirs.times
            both.rest.merge(theirs.rest, uniquingKeysWith: +)
            both.open += theirs.open
            return both
        }
        questions.merge(other.questions) { mine, theirs in
            let both = mine
            if (theirs.textSession, theirs.text) < (both.textSession, both.text) {
                both.text = theirs.text
                both.textSession = theirs.textSession
            }
            both.types.merge(theirs.types, uniquingKeysWith: +)
            both.stages.merge(theirs.stages, uniquingKeysWith: +)
            if theirs.place < both.place { both.place = theirs.place }
            both.asked += theirs.asked
            both.answered += theirs.answered
            both.yes += theirs.yes
            both.no += theirs.no
            both.options.merge(theirs.options, uniquingKeysWith: +)
            both.numbers += theirs.numbers
            both.byAnswer.merge(theirs.byAnswer) { $0.merging($1, uniquingKeysWith: +) }
            both.seconds += theirs.seconds
            both.lastBeforeEnd.merge(theirs.lastBeforeEnd, uniquingKeysWith: +)
            return both
        }
        reps.merge(other.reps) { mine, theirs in
            let both = mine
            both.sessions += theirs.sessions
            both.outcomes.merge(theirs.outcomes, uniquingKeysWith: +)
            both.cycles += theirs.cycles
            both.endedIn.merge(theirs.endedIn) { $0.merging($1, uniquingKeysWith: +) }
            both.practiceRuns += theirs.practiceRuns
            both.gradeSum += theirs.gradeSum
            both.graded += theirs.graded
            return both
        }
        versions.merge(other.versions) { mine, theirs in
            let both = mine
            both.sessions += theirs.sessions
            both.outcomes.merge(theirs.outcomes, uniquingKeysWith: +)
            both.entered.merge(theirs.entered, uniquingKeysWith: +)
            both.left.merge(theirs.left, uniquingKeysWith: +)
            return both
        }
        weeks.merge(other.weeks) { mine, theirs in
            WeekTally(started: mine.started + theirs.started, outcomes: mine.outcomes.merging(theirs.outcomes, uniquingKeysWith: +))
        }
        deals += other.deals
    }
}

/// An answer in force, as a report groups by it.
enum AnswerKey: Hashable, Sendable, Comparable {
    case yes, no
    case number(Double)
    case text(String)
}

/// A session not ended, sitting in a stage.
struct OpenDeal: Sendable {
    var session: String
    var deal: String?
    var rep: String?
    var since: Int64
}

/// One session, for the table of deals.
public struct DealRow: Sendable {
    public var session: String
    public var deal: String?
    public var rep: String?
    public var version: String?
    public var status: ReportStatus
    public var outcome: String?
    /// The stage it last entered, by id.
    public var stage: String?
    public var started: Int64
    public var lastActivity: Int64
    public var cycleDays: Double?
    public var mode: String
    public var reason: String?
    public var score: Double?
    /// The answer in force to each question it answered, as the rep read it (`shown`), in the order asked.
    public var answers: [(question: String, shown: String)]
}
