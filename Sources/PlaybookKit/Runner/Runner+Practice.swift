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

    /// Notes the move just answered; returns its feedback to show now (nil when held).
    mutating func noteMove(_ question: Question, _ value: Value) -> (feedback: MoveFeedback?, record: SessionEvent.Kind?) {
        guard var state = practice, Self.isMove(question), case .text(let key) = value, let chosen = question.option(key)
        else { return (nil, nil) }
        let options = question.branches
        let top = options.map { $0.score ?? 0 }.max() ?? 0
        let marked = options.filter(\.isBest)
        let best = marked.max { ($0.score ?? 0) < ($1.score ?? 0) } ?? options.first { ($0.score ?? 0) == top } ?? chosen
        let isBest = marked.isEmpty ? (chosen.score ?? 0) == top : chosen.isBest
        let move = MoveResult(
            question: program.name(question.name.symbol), text: walk.renderIfPossible(question.text),
            chosen: program.shownOption(chosen) ?? key, points: chosen.score ?? 0, isBest: isBest,
            bestOption: program.shownOption(best) ?? "", bestPoints: best.score ?? 0)
        state.moves.append((question, move))
        practice = state
        return (state.options.holdFeedback ? nil : feedback(move, chosen: chosen, best: best), .move(move))
    }

    /// A move's points and coaching, and the best move when it was not chosen.
    private func feedback(_ move: MoveResult, chosen: Branch, best: Branch) -> MoveFeedback {
        MoveFeedback(
            points: move.points, isBest: move.isBest, why: chosen.feedback.map(rendered), bestOption: move.bestOption,
            bestPoints: move.bestPoints, bestWhy: best.feedback.map(rendered))
    }

    /// The persona, before the buyer first speaks (or when a practice run resumes): once.
    public mutating func personaIntro() -> DisplayItem? {
        guard var state = practice, !state.personaShown, let persona = state.options.persona else { return nil }
        state.personaShown = true
        practice = state
        return .persona(persona)
    }

    /// Forgets the move of a question undone with `back`.
    mutating func forgetMove(of question: Question) {
        guard var state = practice, let last = state.moves.last, last.question === question else { return }
        state.takenBack.append(state.moves.removeLast())
        practice = state
    }

    /// The result at the end of a practice run: score against the best, a grade, what to review.
    func practiceSummary(score: Double) -> (summary: PracticeSummary, record: SessionEvent.Kind)? {
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
        var held: [PracticeSummary.Move] = []
        if state.options.holdFeedback {
            for (question, move) in state.moves + state.takenBack {
                let chosen = question.branches.first { program.shownOption($0) == move.chosen }
                let best = question.branches.first { program.shownOption($0) == move.bestOption }
                held.append(
                    PracticeSummary.Move(
                        result: move, takenBack: state.takenBack.contains { $0.result == move },
                        feedback: chosen.flatMap { chosen in best.map { feedback(move, chosen: chosen, best: $0) } }))
            }
        }
        let review = moves.filter { !$0.isBest }.map { PracticeSummary.Move(result: $0, takenBack: false, feedback: nil) }
            + takenBack.filter { !$0.isBest }.map { PracticeSummary.Move(result: $0, takenBack: true, feedback: nil) }
        let result = PracticeResult(
            score: score, bestOnPath: bestOnPath, bestPossible: bestPossible, grade: Self.grade(moves + takenBack), moves: moves,
            takenBack: takenBack)
        return (PracticeSummary(held: held, result: result, review: review), .practiceResult(result))
    }

    /// 0 to 100: the points of the moves against the points of the best move at each; nil when
    /// the best moves win no points.
    static func grade(_ moves: [MoveResult]) -> Double? {
        let best = moves.reduce(0) { $0 + $1.bestPoints }
        guard best > 0 else { return nil }
        return min(100, max(0, moves.reduce(0) { $0 + $1.points } / best * 100))
    }
}
