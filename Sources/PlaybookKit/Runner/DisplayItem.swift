/// One thing the runner shows the rep, as data: the terminal and the web page each draw it their
/// own way (`TerminalPresenter`, the web app's pages). Texts are the playbook's, with `{names}`
/// filled in, or the runner's words in the rep's language; none is made safe for one screen
/// yet: each presenter escapes them for its own.
public enum DisplayItem: Sendable, Hashable {
    /// The playbook's title, at the start of a session.
    case title(String)
    /// A stage entered (or entered again by `back`): its index from 0, of `count`.
    case stage(index: Int, count: Int, title: String)
    /// The goal of the stage just entered.
    case goal(String)
    /// A tip of the stage just entered.
    case tip(String)
    /// A line for the rep to say.
    case say(String)
    /// The practice persona, once, before it first speaks.
    case persona(PersonaCard)
    /// A line the buyer says; `speaker` is the persona's name in practice, else nil (the buyer).
    case buyer(speaker: String?, line: String)
    /// The question the walk waits on.
    case question(QuestionView)
    /// An answer that did not fit, explained.
    case problem(String)
    /// The option an answer was read as, when that was not plain (typed without accents, or a
    /// line that also reads as a command word).
    case chosen(String)
    /// A short message of the runner's (a notice, a hint, a refusal), in the rep's language.
    case message(String, MessageTone)
    /// The stage's exit criterion fails: the walk cannot go on until an answer changes (back) or
    /// the deal is ended with one of `outcomes`.
    case unmet(stage: String, message: String, outcomes: [String])
    /// The deal ended; `score` is shown only when the playbook scores and this is not practice.
    case outcome(name: String, reason: String?, score: Double?)
    /// The walk stopped on an error in the playbook at `place` (`file:line`).
    case fault(message: String, place: String)
    /// How a practice move scored, shown after it (unless feedback is held to the end).
    case feedback(MoveFeedback)
    /// The end of a practice run: the held feedback, the score, the grade and the moves to review.
    case practiceSummary(PracticeSummary)
    /// Coaching for the waiting question and the commands the rep can type.
    case help(HelpView)
    /// Where the walk is: the stages done, this one (index from 0, of `count`) and those to come.
    case whereNow(done: [String], current: Int, count: Int, title: String, toCome: [String])
    /// Glossary entries looked up.
    case definitions([GlossaryEntry])
    /// "End the deal now as OUTCOME?", waiting for yes or no.
    case confirmEnd(outcome: String, reason: String?)
}

/// How a runner's message is meant to read.
public enum MessageTone: Sendable, Hashable {
    /// Information the rep needs (a refusal, how to go on).
    case plain
    /// An aside: a note kept, the walk going back, an end cancelled.
    case quiet
}

/// A question as the rep sees it, with what its answer must be.
public struct QuestionView: Sendable, Hashable {
    /// The question's id in the playbook.
    public var id: String
    public var text: String
    public var kind: Kind
    public var why: String?
    public var tip: String?

    public enum Kind: Sendable, Hashable {
        /// `yes` and `no` are the playbook's language's first words for them.
        case yesNo(yes: String, no: String)
        case choice(options: [String])
        /// A number, at least `low` and at most `high` when they are given.
        case number(low: Double?, high: Double?)
        /// A whole number from `low` to `high`.
        case scale(low: Double, high: Double?)
        case text
    }

    public init(id: String, text: String, kind: Kind, why: String? = nil, tip: String? = nil) {
        self.id = id
        self.text = text
        self.kind = kind
        self.why = why
        self.tip = tip
    }
}

/// A practice move's points, and the best move when it was not the one taken.
public struct MoveFeedback: Sendable, Hashable {
    public var points: Double
    public var isBest: Bool
    /// The chosen option's feedback.
    public var why: String?
    public var bestOption: String
    public var bestPoints: Double
    /// The best option's feedback.
    public var bestWhy: String?

    public init(points: Double, isBest: Bool, why: String?, bestOption: String, bestPoints: Double, bestWhy: String?) {
        self.points = points
        self.isBest = isBest
        self.why = why
        self.bestOption = bestOption
        self.bestPoints = bestPoints
        self.bestWhy = bestWhy
    }
}

/// What a practice run ends with.
public struct PracticeSummary: Sendable, Hashable {
    /// A move faced in the run, with its feedback when it was held to the end.
    public struct Move: Sendable, Hashable {
        public var result: MoveResult
        public var takenBack: Bool
        public var feedback: MoveFeedback?
    }

    /// Every move (those in force, then those taken back) when feedback was held; else empty.
    public var held: [Move]
    public var result: PracticeResult
    /// The moves that were not the best, to review (those in force, then those taken back).
    public var review: [Move]
}

/// Coaching for the waiting question and the rep's commands.
public struct HelpView: Sendable, Hashable {
    public var why: String?
    public var tip: String?
    /// There is a waiting question (so coaching, or its absence, is said).
    public var hasQuestion: Bool
    /// The outcomes `end` takes.
    public var outcomes: [String]
    /// The playbook's language's first word for each command, as `word (command)`.
    public var ownWords: [String]
}

/// A glossary word and what it means.
public struct GlossaryEntry: Sendable, Hashable {
    public var word: String
    public var definition: String

    public init(word: String, definition: String) {
        self.word = word
        self.definition = definition
    }
}
