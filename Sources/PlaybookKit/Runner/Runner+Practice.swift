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
    /// Moves taken back with `back`: no longer in the walk, still in the grade and the review.
    var takenBack: [(question: Question, result: MoveResult)] = []
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
    private func feedback(_ move: MoveResult, chosen: Branch, best bestBranch: Branch) -> String {
        let points = signed(move.points)
        var first = "  " + (move.isBest ? paint.spoken(points) : paint.problem(points))
        if let why = chosen.feedback { first += " · " + shown(why) }
        // The reason goes on under itself: "  +3 · ".
        var text = wrapped(first, hanging: 2 + Wrap.cells(points) + 3)
        if !move.isBest {
            var best = "  " + paint.bold(strings(.bestMove)) + strings.colon + strings(.optionPoints, move.bestOption, signed(move.bestPoints))
            if let why = bestBranch.feedback { best += " · " + shown(why) }
            text += wrapped(best, hanging: 4)
        }
        return text
    }

    /// The persona, before the buyer first speaks (or when a practice run resumes): once.
    public mutating func personaIntro() -> String {
        guard var state = practice, !state.personaShown, let persona = state.options.persona else { return "" }
        state.personaShown = true
        practice = state
        let intro = persona.role.map { strings(.personaWithRole, persona.name, $0) } ?? strings(.personaIntro, persona.name)
        var text = "\n" + wrapped(paint.bold(intro))
        if let context = persona.context { text += wrapped(paint.dim(TerminalText.safe(context, lines: true)), hanging: 0) }
        return text
    }

    /// Who speaks the buyer's lines: the persona's name in practice.
    var buyerLabel: String { practice?.options.persona.map { TerminalText.safe($0.name) } ?? strings(.buyer) }

    /// Forgets the move of a question undone with `back`.
    mutating func forgetMove(of question: Question) {
        guard var state = practice, let last = state.moves.last, last.question === question else { return }
        state.takenBack.append(state.moves.removeLast())
        practice = state
    }

    /// The result at the end of a practice run: score against the best, a grade, what to review.
    func practiceSummary(score: Double) -> (text: String, record: SessionEvent.Kind)? {
        guard let state = practice else { return nil }
        let moves = state.moves.map(\.result)
        let takenBack = state.takenBack.map(\.result)
        // The best option at each question faced, once per question: picking it the first time
        // is what would have spared a loop back to it. What is not a move (a `set score`) counts
        // as it happened. Never more than the best of any walk.
        var seen = Set<String>()
        let chosenPoints = moves.reduce(0) { $0 + $1.points }
        let bestPoints = moves.filter { seen.insert($0.question).inserted }.reduce(0) { $0 + $1.bestPoints }
        var bestPossible: Double?
        if case .points(let points) = state.best.anyWalk { bestPossible = points }
        let bestOnPath = min(score - chosenPoints + bestPoints, bestPossible ?? .infinity)
        let grade = Self.grade(moves + takenBack)
        var text = ""
        if state.options.holdFeedback, !moves.isEmpty || !takenBack.isEmpty {
            text += "\n" + wrapped(paint.bold(strings(.feedbackHeld)))
            for (question, move) in state.moves + state.takenBack {
                let isTakenBack = state.takenBack.contains { $0.result == move }
                text += wrapped("? " + TerminalText.safe(move.text, lines: true) + " → " + TerminalText.safe(move.chosen) + (isTakenBack ? " " + paint.dim(strings(.takenBack)) : ""))
                if let chosen = question.branches.first(where: { $0.optionText == move.chosen }),
                    let best = question.branches.first(where: { $0.optionText == move.bestOption })
                {
                    text += feedback(move, chosen: chosen, best: best)
                }
            }
        }
        text += "\n" + banner(strings(.practiceResult))
        let possible = bestPossible.map { Value.format($0, style: numbers) } ?? strings(.unbounded)
        text += wrapped(strings(.practiceScore, Value.format(score, style: numbers), Value.format(bestOnPath, style: numbers), possible))
        if let grade {
            let count = moves.count + takenBack.count
            text += wrapped(
                paint.bold(strings(.grade) + strings.colon + Value.format(grade.rounded(), style: numbers) + "%") + " "
                    + paint.dim(
                        takenBack.isEmpty
                            ? strings(.gradeMeasures, String(count))
                            : strings(.gradeMeasuresTakenBack, String(count), String(takenBack.count))))
        } else {
            text += wrapped(strings(.noGrade))
        }
        let review = moves.filter { !$0.isBest }.map { ($0, false) } + takenBack.filter { !$0.isBest }.map { ($0, true) }
        if review.isEmpty {
            if !moves.isEmpty { text += wrapped(strings(.allBest)) }
        } else {
            text += wrapped(strings(.movesToReview))
            for (move, isTakenBack) in review {
                text += wrapped("  ? " + TerminalText.safe(move.text, lines: true) + (isTakenBack ? " " + paint.dim(strings(.takenBack)) : ""), hanging: 4)
                text += wrapped("    " + strings(.youChose, move.chosen, signed(move.points), move.bestOption, signed(move.bestPoints)), hanging: 6)
            }
        }
        let result = PracticeResult(
            score: score, bestOnPath: bestOnPath, bestPossible: bestPossible, grade: grade, moves: moves, takenBack: takenBack)
        return (text, .practiceResult(result))
    }

    /// 0 to 100: the points of the moves against the points of the best move at each; nil when
    /// the best moves win no points.
    static func grade(_ moves: [MoveResult]) -> Double? {
        let best = moves.reduce(0) { $0 + $1.bestPoints }
        guard best > 0 else { return nil }
        return min(100, max(0, moves.reduce(0) { $0 + $1.points } / best * 100))
    }

    func signed(_ points: Double) -> String { (points > 0 ? "+" : "") + Value.format(points, style: numbers) }
}
