/// The rep's side of a walk: shows each event in the rep's language, reads what they type
/// (answers and commands), and says what to record. No I/O and no clock: the caller prints
/// `Turn.text`, writes `Turn.records` and passes the time in.
public struct Runner: Sendable {
    public internal(set) var walk: Walk
    public let strings: RunnerStrings
    public let paint: Paint
    public let words: YesNoWords
    /// The command words: English, and the playbook's language's.
    let commands: CommandWords
    /// An `end OUTCOME` waiting for the rep to confirm it.
    var pendingEnd: PendingEnd?
    /// How the playbook's language writes numbers, for what the rep reads.
    let numbers: NumberStyle
    /// When the question waiting now was shown, for the seconds an answer took.
    private var askedAt: Double = 0
    /// A practice run's coaching and moves; nil for a real deal.
    var practice: PracticeState?
    /// The width in terminal cells to wrap what the runner shows at (the caller knows the
    /// screen; it may change between turns); nil shows each line as written.
    public var width: Int?

    /// What one call produced.
    public struct Turn: Sendable {
        public var text = ""
        public var records: [SessionEvent.Kind] = []
        public var state = State.waiting

        init(text: String = "", records: [SessionEvent.Kind] = [], state: State = .waiting) {
            self.text = text
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
    /// coached, and the run ends with a grade. With `width`, what it shows is wrapped to it.
    public init(walk: Walk, paint: Paint, practice options: PracticeOptions? = nil, width: Int? = nil) {
        self.walk = walk
        self.paint = paint
        self.width = width
        practice = options.map { PracticeState(options: $0, best: BestScore(walk.program)) }
        // The persona speaks its own buyer lines.
        if let id = options?.persona?.id { self.walk.persona = walk.program.symbol(id) }
        strings = RunnerStrings(language: walk.program.language)
        numbers = NumberStyle(language: strings.language)
        words = YesNoWords(language: walk.program.language)
        commands = CommandWords(language: walk.program.language)
    }

    public var program: Program { walk.program }

    /// The prompt shown before reading a line.
    public var prompt: String { "> " }

    /// Runs the walk until it waits for the rep or ends.
    public mutating func proceed(now: Double) -> Turn {
        var turn = Turn()
        while true {
            let event = walk.next()
            switch event {
            case .enteredStage(let index):
                let stage = program.stages[index]
                let title = walk.renderIfPossible(stage.title)
                turn.text += stageHeading(index)
                if let goal = stage.goal { turn.text += wrapped(paint.bold(strings(.goal)) + strings.colon + shown(goal)) }
                for tip in stage.tips { turn.text += wrapped(paint.dim(strings(.tip) + strings.colon + shown(tip))) }
                turn.records.append(.stageEntered(stage: program.name(stage.name.symbol), title: title, number: index + 1))
            case .leftStage(let index):
                turn.records.append(.stageLeft(stage: program.name(program.stages[index].name.symbol)))
            case .say(let line):
                turn.text += wrapped(paint.bold(strings(.say)) + strings.colon + paint.spoken(TerminalText.safe(line, lines: true)))
            case .buyer(let line):
                turn.text += personaIntro()
                turn.text += wrapped(paint.bold(buyerLabel) + strings.colon + paint.buyer("“\(TerminalText.safe(line, lines: true))”"))
                turn.records.append(.buyer(line: line))
            case .question(let question):
                turn.text += "\n" + describe(question)
                let stage = program.name(program.stages[walk.state.stage].name.symbol)
                turn.records.append(
                    .asked(
                        question: program.name(question.name.symbol), text: walk.renderIfPossible(question.text),
                        type: question.type.keyword, stage: stage))
                askedAt = now
                return turn
            case .unmetCriterion(let index, let message):
                let title = walk.renderIfPossible(program.stages[index].title)
                turn.text += "\n" + wrapped(paint.problem(strings(.unmet, title, message)))
                turn.text += wrapped(strings(.unmetHelp, outcomeList))
                turn.records.append(.unmet(stage: program.name(program.stages[index].name.symbol), message: message))
                return turn
            case .ended(let outcome):
                turn.text += "\n" + wrapped(paint.heading(strings(.outcome) + strings.colon + TerminalText.safe(outcome.name)))
                if let reason = outcome.reason { turn.text += wrapped(strings(.reason) + strings.colon + TerminalText.safe(reason, lines: true)) }
                if program.scores, practice == nil {
                    turn.text += wrapped(strings(.score) + strings.colon + Value.format(outcome.score, style: numbers))
                }
                turn.records.append(
                    .ended(outcome: outcome.name, reason: outcome.reason, score: outcome.score, byRep: outcome.byRep))
                if let (text, record) = practiceSummary(score: outcome.score) {
                    turn.text += text
                    turn.records.append(record)
                }
                turn.state = .ended(outcome)
                return turn
            case .fault(let fault):
                let place = fault.line > 0 ? "\(fault.path):\(fault.line)" : fault.path
                turn.text += "\n" + wrapped(paint.problem(strings(.fault, fault.message, place)))
                turn.records.append(.fault(message: fault.message, file: fault.path, line: fault.line))
                turn.state = .faulted(fault)
                return turn
            }
        }
    }

    /// The question with its type made plain: `[y/n]`, numbered options, the allowed range.
    func describe(_ question: Question) -> String {
        let text = "? " + shown(question.text)
        switch question.type {
        case .yesNo:
            let shown = strings.language == "en" ? "y/n" : "\(words.yes[0])/\(words.no[0])"
            return wrapped(paint.bold(text) + " " + paint.dim("[\(shown)]"))
        case .choice:
            var lines = wrapped(paint.bold(text))
            for (index, option) in question.branches.compactMap(\.optionText).enumerated() {
                let number = "  \(index + 1). "
                lines += wrapped(number + TerminalText.safe(option), hanging: number.count)
            }
            return lines
        case .number(let range):
            return wrapped(paint.bold(text) + " " + paint.dim("(\(describe(range)))"))
        case .scale(let range):
            let high = range.high.map { Value.format($0, style: numbers) } ?? ""
            return wrapped(paint.bold(text) + " " + paint.dim("(\(strings(.scaleBetween, Value.format(range.low, style: numbers), high)))"))
        case .text:
            return wrapped(paint.bold(text))
        }
    }

    private func describe(_ range: NumberRange?) -> String {
        guard let range else { return strings(.anyNumber) }
        guard let high = range.high else { return strings(.numberAtLeast, Value.format(range.low, style: numbers)) }
        return strings(.numberBetween, Value.format(range.low, style: numbers), Value.format(high, style: numbers))
    }

    /// A playbook's text as the rep reads it: each `{name}` filled in (when it has a value), and
    /// safe to print on a terminal.
    func shown(_ text: Text) -> String { TerminalText.safe(walk.renderIfPossible(text), lines: true) }

    var outcomeList: String {
        (program.outcomes ?? program.endingNames).joined(separator: ", ")
    }

    /// Applies an answer already read (a replay, or a keyed answer from a scenario file).
    public mutating func give(_ value: Value, now: Double) -> Turn {
        guard case .question(let question) = walk.next(), walk.answer(value) else { return Turn() }
        var turn = Turn()
        turn.records.append(answered(question, value, now: now))
        let move = noteMove(question, value)
        turn.text += move.text
        if let record = move.record { turn.records.append(record) }
        let rest = proceed(now: now)
        turn.text += rest.text
        turn.records += rest.records
        turn.state = rest.state
        return turn
    }

    func answered(_ question: Question, _ value: Value, now: Double) -> SessionEvent.Kind {
        .answered(
            question: program.name(question.name.symbol), value: value,
            shown: value.display(yes: words.yes[0], no: words.no[0], style: numbers), seconds: max(0, now - askedAt))
    }
}
