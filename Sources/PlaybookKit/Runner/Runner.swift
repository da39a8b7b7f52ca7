/// The rep's side of a walk: says what each event shows, as `DisplayItem`s in the rep's
/// language, reads what they type (answers and commands), and says what to record. No I/O and no
/// clock: the caller (`LiveWalk`) records `Turn.records`, then draws `Turn.items` (the terminal
/// with `TerminalPresenter`, the web app with its pages), and passes the time in.
public struct Runner: Sendable {
    public internal(set) var walk: Walk
    public let strings: RunnerStrings
    public let words: YesNoWords
    /// The command words: English, and the playbook's language's.
    let commands: CommandWords
    /// An `end OUTCOME` waiting for the rep to confirm it.
    public internal(set) var pendingEnd: PendingEnd?
    /// How the playbook's language writes numbers, for what the rep reads.
    let numbers: NumberStyle
    /// When the question waiting now was shown, for the seconds an answer took.
    private var askedAt: Double = 0
    /// A practice run's coaching and moves; nil for a real deal.
    var practice: PracticeState?

    /// What one call produced.
    public struct Turn: Sendable {
        public var items: [DisplayItem] = []
        public var records: [SessionEvent.Kind] = []
        public var state = State.waiting

        init(items: [DisplayItem] = [], records: [SessionEvent.Kind] = [], state: State = .waiting) {
            self.items = items
            self.records = records
            self.state = state
        }

        /// The session stops here, to be resumed.
        public static func pause(_ reason: PauseReason) -> Turn { Turn(records: [.paused(reason: reason)], state: .paused) }
    }

    public enum State: Sendable, Hashable {
        /// At a question or an unmet exit criterion: read a line.
        case waiting
        case paused
        case ended(Outcome)
        case faulted(RuntimeFault)
    }

    /// With `practice`, choice questions that carry points are the rep's moves: each is scored and
    /// coached, and the run ends with a grade.
    public init(walk: Walk, practice options: PracticeOptions? = nil) {
        self.walk = walk
        practice = options.map { PracticeState(options: $0, best: BestScore(walk.program)) }
        // The persona speaks its own buyer lines.
        if let id = options?.persona?.id { self.walk.persona = walk.program.symbol(id) }
        strings = RunnerStrings(language: walk.program.language)
        numbers = NumberStyle(language: strings.language)
        words = YesNoWords(language: walk.program.language)
        commands = CommandWords(language: walk.program.language)
    }

    public var program: Program { walk.program }

    /// Whether this is a practice run.
    public var isPractice: Bool { practice != nil }

    /// Runs the walk until it waits for the rep or ends.
    public mutating func proceed(now: Double) -> Turn {
        var turn = Turn()
        while true {
            let event = walk.next()
            switch event {
            case .enteredStage(let index):
                let stage = program.stages[index]
                let title = walk.renderIfPossible(stage.title)
                turn.items.append(stageItem(index))
                if let goal = stage.goal { turn.items.append(.goal(rendered(goal))) }
                for tip in stage.tips { turn.items.append(.tip(rendered(tip))) }
                turn.records.append(.stageEntered(stage: program.name(stage.name.symbol), title: title, number: index + 1))
            case .leftStage(let index):
                turn.records.append(.stageLeft(stage: program.name(program.stages[index].name.symbol)))
            case .say(let line):
                turn.items.append(.say(line))
            case .buyer(let line):
                if let persona = personaIntro() { turn.items.append(persona) }
                turn.items.append(.buyer(speaker: practice?.options.persona?.name, line: line))
                turn.records.append(.buyer(line: line))
            case .question(let question):
                turn.items.append(.question(view(of: question)))
                let stage = program.name(program.stages[walk.state.stage].name.symbol)
                turn.records.append(
                    .asked(
                        question: program.name(question.name.symbol), text: walk.renderIfPossible(question.text),
                        type: question.type.keyword, stage: stage))
                askedAt = now
                return turn
            case .unmetCriterion(let index, let message):
                let title = walk.renderIfPossible(program.stages[index].title)
                turn.items.append(.unmet(stage: title, message: message, outcomes: outcomeNames))
                turn.records.append(.unmet(stage: program.name(program.stages[index].name.symbol), message: message))
                return turn
            case .ended(let outcome):
                let score = program.scores && practice == nil ? outcome.score : nil
                turn.items.append(.outcome(name: outcome.name, reason: outcome.reason, score: score))
                turn.records.append(
                    .ended(outcome: outcome.name, reason: outcome.reason, score: outcome.score, byRep: outcome.byRep))
                if let (summary, record) = practiceSummary(score: outcome.score) {
                    turn.items.append(.practiceSummary(summary))
                    turn.records.append(record)
                }
                turn.state = .ended(outcome)
                return turn
            case .fault(let fault):
                let place = fault.line > 0 ? "\(fault.path):\(fault.line)" : fault.path
                turn.items.append(.fault(message: fault.message, place: place))
                turn.records.append(.fault(message: fault.message, file: fault.path, line: fault.line))
                turn.state = .faulted(fault)
                return turn
            }
        }
    }

    /// The question as the rep sees it: its text, what its answer must be, and its coaching.
    public func view(of question: Question) -> QuestionView {
        let kind: QuestionView.Kind
        switch question.type {
        case .yesNo: kind = .yesNo(yes: words.yes[0], no: words.no[0])
        case .choice: kind = .choice(options: question.branches.compactMap(program.shownOption))
        case .number(let range): kind = .number(low: range?.low, high: range?.high)
        case .scale(let range): kind = .scale(low: range.low, high: range.high)
        case .text: kind = .text
        }
        return QuestionView(
            id: program.name(question.name.symbol), text: rendered(question.text), kind: kind,
            why: question.why.map(rendered), tip: question.tip.map(rendered))
    }

    /// A playbook's text as the rep reads it: each `{name}` filled in, when it has a value.
    func rendered(_ text: Text) -> String { walk.renderIfPossible(text) }

    /// The outcomes the rep may end a deal with.
    public var outcomeNames: [String] { program.outcomes ?? program.endingNames }

    /// Applies an answer already read (a replay, or a keyed answer from a scenario file).
    public mutating func give(_ value: Value, now: Double) -> Turn {
        guard case .question(let question) = walk.next(), walk.answer(value) else { return Turn() }
        var turn = Turn()
        turn.records.append(answered(question, value, now: now))
        let move = noteMove(question, value)
        if let feedback = move.feedback { turn.items.append(.feedback(feedback)) }
        if let record = move.record { turn.records.append(record) }
        let rest = proceed(now: now)
        turn.items += rest.items
        turn.records += rest.records
        turn.state = rest.state
        return turn
    }

    /// The record of an answer: its value (an option's key) and what the rep saw (its text).
    func answered(_ question: Question, _ value: Value, now: Double) -> SessionEvent.Kind {
        let shown: String = switch (question.type, value) {
        case (.choice, .text(let key)): shownOption(key, of: question)
        default: value.display(yes: words.yes[0], no: words.no[0], style: numbers)
        }
        return .answered(question: program.name(question.name.symbol), value: value, shown: shown, seconds: max(0, now - askedAt))
    }
}
