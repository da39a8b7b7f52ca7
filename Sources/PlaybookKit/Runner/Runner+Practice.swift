/// A buyer persona as practice shows it.
public struct PersonaCard: Sendable, Hashable {
    public var id: String
    public var name: String
    public var role: String?
    public var context: String?

    public init(id: String, name: String, role: String?, context: String?) {
        self.id = id
        self.name = name
        self.role = role
        self.context = context
    }
}

/// How a practice run coaches the rep.
public struct PracticeOptions: Sendable {
    public var persona: PersonaCard?
    /// Feedback shown at the end instead of after each move.
    public var holdFeedback: Bool

    public init(persona: PersonaCard?, holdFeedback: Bool) {
        self.persona = persona
        self.holdFeedback = holdFeedback
    }
}

/// What a practice run keeps as it goes.
struct PracticeState: Sendable {
    let options: PracticeOptions
    let best: BestScore
    /// The moves still in force, with their questions (for `back`).
    var moves: [(question: Question, result: MoveResult)] = []
    var personaShown = false
}

extension Runner {
    /// A question is a move when its options carry points, feedback or a best mark.
    static func isMove(_ question: Question) -> Bool {
        question.type == .choice && question.branches.contains { $0.score != nil || $0.feedback != nil || $0.isBest }
    }

    /// Notes the move just answered; returns its feedback to show now (empty when held).
    mutating func noteMove(_ question: Question, _ value: Value) -> (text: String, record: SessionEvent.Kind?) {
        guard var state = practice, Self.isMove(question), case .text(let chosenText) = value,
            let chosen = question.branches.first(where: { $0.optionText == chosenText })
        else { return ("", nil) }
        let options = question.branches
        let top = options.map { $0.score ?? 0 }.max() ?? 0
        let marked = options.filter(\.isBest)
        let best = marked.max { ($0.score ?? 0) < ($1.score ?? 0) } ?? options.first { ($0.score ?? 0) == top } ?? chosen
        let isBest = marked.isEmpty ? (chosen.score ?? 0) == top : chosen.isBest
        let move = MoveResult(
            question: program.name(question.name.symbol), text: walk.renderIfPossible(question.text), chosen: chosenText,
            points: chosen.score ?? 0, isBest: isBest, bestOption: best.optionText ?? "", bestPoints: best.score ?? 0)
        state.moves.append((question, move))
        practice = state
        return (state.options.holdFeedback ? "" : feedback(move, chosen: chosen, best: best), .move(move))
    }

    /// `+3 · why` after a move, and the best option when it was not chosen.
    private func feedback(_ move: MoveResult, chosen: Branch, best: Branch) -> String {
        let points = signed(move.points)
        var text = "  " + (move.isBest ? paint.spoken(points) : paint.problem(points))
        if let why = chosen.feedback { text += " · " + shown(why) }
        text += "\n"
        if !move.isBest {
            text += "  " + paint.bold(strings(.bestMove)) + strings.colon + strings(.optionPoints, move.bestOption, signed(move.bestPoints))
            if let why = best.feedback { text += " · " + shown(why) }
            text += "\n"
        }
        return text
    }

    /// The persona, before the buyer first speaks (or when a practice run resumes): once.
    public mutating func personaIntro() -> String {
        guard var state = practice, !state.personaShown, let persona = state.options.persona else { return "" }
        state.personaShown = true
        practice = state
        let intro = persona.role.map { strings(.personaWithRole, persona.name, $0) } ?? strings(.personaIntro, persona.name)
        var text = "\n" + paint.bold(intro) + "\n"
        if let context = persona.context { text += paint.dim(TerminalText.safe(context, lines: true)) + "\n" }
        return text
    }

    /// Who speaks the buyer's lines: the persona's name in practice.
    var buyerLabel: String { practice?.options.persona.map { TerminalText.safe($0.name) } ?? strings(.buyer) }

    /// Forgets the move of a question undone with `back`.
    mutating func forgetMove(of question: Question) {
        guard var state = practice, let last = state.moves.last, last.question === question else { return }
        state.moves.removeLast()
        practice = state
    }

    /// The result at the end of a practice run: score against the best, a grade, what to review.
    func practiceSummary(score: Double) -> (text: String, record: SessionEvent.Kind)? {
        guard let state = practice else { return nil }
        let moves = state.moves.map(\.result)
        // The best option at each question faced, once per question: picking it the first time
        // is what would have spared a loop back to it. What is not a move (a `set score`) counts
        // as it happened. Never more than the best of any walk.
        var seen = Set<String>()
        let chosenPoints = moves.reduce(0) { $0 + $1.points }
        let bestPoints = moves.filter { seen.insert($0.question).inserted }.reduce(0) { $0 + $1.bestPoints }
        var bestPossible: Double?
        if case .points(let points) = state.best.anyWalk { bestPossible = points }
        let bestOnPath = min(score - chosenPoints + bestPoints, bestPossible ?? .infinity)
        let scale = [bestPossible, bestOnPath].compactMap { $0 }.first { $0 > 0 }
        let grade = scale.map { min(100, max(0, score / $0 * 100)) }
        var text = ""
        if state.options.holdFeedback, !moves.isEmpty {
            text += "\n" + paint.bold(strings(.feedbackHeld)) + "\n"
            for (question, move) in state.moves {
                text += "? " + TerminalText.safe(move.text, lines: true) + " → " + TerminalText.safe(move.chosen) + "\n"
                if let chosen = question.branches.first(where: { $0.optionText == move.chosen }),
                    let best = question.branches.first(where: { $0.optionText == move.bestOption })
                {
                    text += feedback(move, chosen: chosen, best: best)
                }
            }
        }
        text += "\n" + paint.heading("── " + strings(.practiceResult) + " ──") + "\n"
        let possible = bestPossible.map { Value.format($0, style: numbers) } ?? strings(.unbounded)
        text += strings(.practiceScore, Value.format(score, style: numbers), Value.format(bestOnPath, style: numbers), possible) + "\n"
        text += grade.map { paint.bold(strings(.grade) + strings.colon + Value.format($0.rounded(), style: numbers) + "%") } ?? strings(.noGrade)
        text += "\n"
        let review = moves.filter { !$0.isBest }
        if review.isEmpty {
            if !moves.isEmpty { text += strings(.allBest) + "\n" }
        } else {
            text += strings(.movesToReview) + "\n"
            for move in review {
                text += "  ? " + TerminalText.safe(move.text, lines: true) + "\n    "
                text += strings(.youChose, move.chosen, signed(move.points), move.bestOption, signed(move.bestPoints)) + "\n"
            }
        }
        let result = PracticeResult(score: score, bestOnPath: bestOnPath, bestPossible: bestPossible, grade: grade, moves: moves)
        return (text, .practiceResult(result))
    }

    func signed(_ points: Double) -> String { (points > 0 ? "+" : "") + Value.format(points, style: numbers) }
}
