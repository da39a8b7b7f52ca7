/// Everything the walk page shows of a session after a turn: the server fills it from the runner
/// (its display items, its waiting question) and the session (turn counter, the tab's lease,
/// notes), and `walkPage` draws it.
public struct WalkScreen: Sendable {
    /// An `end` asked for and not yet confirmed.
    public struct PendingEnd: Sendable, Hashable {
        public var outcome: String
        public var reason: String?

        public init(outcome: String, reason: String? = nil) {
            self.outcome = outcome
            self.reason = reason
        }
    }

    /// An outcome the deal can be ended with, and whether it is a win, a loss or neither.
    public struct Outcome: Sendable, Hashable {
        public var name: String
        public var tone: OutcomeTone

        public init(name: String, tone: OutcomeTone) {
            self.name = name
            self.tone = tone
        }
    }

    /// The session's id: the forms post to `/walk/ID`.
    public var session: String
    public var title: String
    /// The playbook's language: the page's words and direction.
    public var language: String
    public var isPractice: Bool
    public var rep: String?
    public var deal: String?
    /// The persona faced, in practice.
    public var persona: String?
    public var stages: [String]
    /// Index from 0 into `stages`.
    public var currentStage: Int
    /// The stages entered before (the current one may be among them, after `back`).
    public var done: Set<Int>
    public var goal: String?
    public var tips: [String]
    /// What the latest turn showed, in order.
    public var items: [DisplayItem]
    /// The question waiting for an answer; nil at an unmet exit criterion, and once ended.
    public var question: QuestionView?
    public var pendingEnd: PendingEnd?
    public var outcomes: [Outcome]
    public var glossary: [GlossaryEntry]
    public var ended: Bool
    public var canGoBack: Bool
    /// The turn this page shows; the server refuses a form sent from an older one.
    public var turn: Int
    /// The tab's token; the server refuses a form from a tab that no longer holds the session.
    public var lease: String
    /// The notes kept so far, oldest first.
    public var notes: [String]
    /// What the rep typed, to show again in the field when the server refused it (a `.problem`).
    public var typed: String

    public init(
        session: String, title: String, language: String, isPractice: Bool = false, rep: String? = nil, deal: String? = nil,
        persona: String? = nil, stages: [String], currentStage: Int, done: Set<Int> = [], goal: String? = nil, tips: [String] = [],
        items: [DisplayItem] = [], question: QuestionView? = nil, pendingEnd: PendingEnd? = nil, outcomes: [Outcome] = [],
        glossary: [GlossaryEntry] = [], ended: Bool = false, canGoBack: Bool = false, turn: Int, lease: String, notes: [String] = [],
        typed: String = ""
    ) {
        self.session = session
        self.title = title
        self.language = language
        self.isPractice = isPractice
        self.rep = rep
        self.deal = deal
        self.persona = persona
        self.stages = stages
        self.currentStage = currentStage
        self.done = done
        self.goal = goal
        self.tips = tips
        self.items = items
        self.question = question
        self.pendingEnd = pendingEnd
        self.outcomes = outcomes
        self.glossary = glossary
        self.ended = ended
        self.canGoBack = canGoBack
        self.turn = turn
        self.lease = lease
        self.notes = notes
        self.typed = typed
    }
}
