/// One line of a session record. docs/sessions.md is the schema; `SessionEvent.schemaVersion`
/// is written on every line so that readers can tell formats apart.
public struct SessionEvent: Sendable, Hashable {
    public static let schemaVersion = 1

    public var kind: Kind
    /// Seconds since 1970-01-01 UTC.
    public var time: Double

    public init(_ kind: Kind, time: Double) {
        self.kind = kind
        self.time = time
    }

    public enum Kind: Sendable, Hashable {
        case start(SessionInfo)
        case stageEntered(stage: String, title: String, number: Int)
        case stageLeft(stage: String)
        case asked(question: String, text: String, type: String, stage: String)
        /// `shown` is the answer as the rep reads it (an option's text, "có").
        case answered(question: String, value: Value, shown: String, seconds: Double)
        case buyer(line: String)
        case note(text: String, question: String?)
        case undo(question: String)
        case unmet(stage: String, message: String)
        case paused(reason: PauseReason)
        case resumed(replayed: Int, notReplayed: Int, playbookChanged: Bool)
        case ended(outcome: String, reason: String?, score: Double, byRep: Bool)
        /// Practice: a scored move, with the best the rep could have chosen.
        case move(MoveResult)
        /// Practice: the result, after the outcome.
        case practiceResult(PracticeResult)
        case fault(message: String, file: String, line: Int)
    }
}

/// Why a session stopped before its outcome.
public enum PauseReason: String, Sendable, Hashable {
    /// The rep typed `pause`.
    case command
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D, or the piped answers ran out at a prompt.
    case endOfInput = "end-of-input"
    /// `--answers` had no answer for the question asked.
    case noAnswer = "no-answer"
}

/// What the start of a session says about it.
public struct SessionInfo: Sendable, Hashable {
    public var id: String
    /// `run`, or `practice` for a rehearsal.
    public var mode: String
    public var playbookTitle: String
    public var playbookPath: String
    public var playbookVersion: String?
    /// Of the playbook's files as read, to tell on resume whether it changed.
    public var playbookHash: String
    public var language: String
    public var rep: String?
    public var deal: String?
    public var seed: UInt64
    /// Practice: the buyer persona played, by id, and the name it goes by.
    public var persona: String?
    public var personaName: String?
    /// Practice: feedback held until the end (`--feedback end`).
    public var holdFeedback: Bool = false

    public init(
        id: String, mode: String, playbookTitle: String, playbookPath: String, playbookVersion: String?,
        playbookHash: String, language: String, rep: String?, deal: String?, seed: UInt64, persona: String? = nil,
        personaName: String? = nil, holdFeedback: Bool = false
    ) {
        self.id = id
        self.mode = mode
        self.playbookTitle = playbookTitle
        self.playbookPath = playbookPath
        self.playbookVersion = playbookVersion
        self.playbookHash = playbookHash
        self.language = language
        self.rep = rep
        self.deal = deal
        self.seed = seed
        self.persona = persona
        self.personaName = personaName
        self.holdFeedback = holdFeedback
    }
}

/// A move in practice: the option chosen, its points, and the best option of the question.
public struct MoveResult: Sendable, Hashable {
    public var question: String
    public var text: String
    public var chosen: String
    public var points: Double
    /// The chosen option is marked `best` (or, when none is, scores the most).
    public var isBest: Bool
    public var bestOption: String
    public var bestPoints: Double

    public init(question: String, text: String, chosen: String, points: Double, isBest: Bool, bestOption: String, bestPoints: Double) {
        self.question = question
        self.text = text
        self.chosen = chosen
        self.points = points
        self.isBest = isBest
        self.bestOption = bestOption
        self.bestPoints = bestPoints
    }
}

/// How a practice run did, against what was possible.
public struct PracticeResult: Sendable, Hashable {
    public var score: Double
    /// With the best option at every move the rep faced.
    public var bestOnPath: Double
    /// Over every walk of the playbook; nil when a loop makes it unbounded.
    public var bestPossible: Double?
    /// 0 to 100: the points of the rep's moves (those taken back too) against the best move at
    /// each; nil when there was no move with points to win.
    public var grade: Double?
    /// Every move still in force, in order.
    public var moves: [MoveResult]
    /// Moves made and then taken back with `back`, in order: they still count in the grade.
    public var takenBack: [MoveResult]

    public init(
        score: Double, bestOnPath: Double, bestPossible: Double?, grade: Double?, moves: [MoveResult],
        takenBack: [MoveResult] = []
    ) {
        self.score = score
        self.bestOnPath = bestOnPath
        self.bestPossible = bestPossible
        self.grade = grade
        self.moves = moves
        self.takenBack = takenBack
    }
}
