extension TerminalPresenter {
    /// `+3 · why` after a move, and the best option when it was not chosen.
    func text(_ feedback: MoveFeedback) -> String {
        let points = signed(feedback.points)
        var first = "  " + (feedback.isBest ? paint.spoken(points) : paint.problem(points))
        if let why = feedback.why { first += " · " + safe(why) }
        // The reason goes on under itself: "  +3 · ".
        var text = wrapped(first, hanging: 2 + Wrap.cells(points) + 3)
        if !feedback.isBest {
            var best = "  " + paint.bold(strings(.bestMove)) + strings.colon
                + strings(.optionPoints, TerminalText.safe(feedback.bestOption), signed(feedback.bestPoints))
            if let why = feedback.bestWhy { best += " · " + safe(why) }
            text += wrapped(best, hanging: 4)
        }
        return text
    }

    /// The end of a practice run: the held feedback, the score against the best, the grade and
    /// the moves to review.
    func text(_ summary: PracticeSummary) -> String {
        let result = summary.result
        var text = ""
        if !summary.held.isEmpty {
            text += "\n" + wrapped(paint.bold(strings(.feedbackHeld)))
            for move in summary.held {
                let takenBack = move.takenBack ? " " + paint.dim(strings(.takenBack)) : ""
                text += wrapped("? " + safe(move.result.text) + " → " + TerminalText.safe(move.result.chosen) + takenBack)
                if let feedback = move.feedback { text += self.text(feedback) }
            }
        }
        text += "\n" + banner(strings(.practiceResult))
        let possible = result.bestPossible.map { Value.format($0, style: numbers) } ?? strings(.unbounded)
        text += wrapped(
            strings(.practiceScore, Value.format(result.score, style: numbers), Value.format(result.bestOnPath, style: numbers), possible))
        if let grade = result.grade {
            let count = result.moves.count + result.takenBack.count
            text += wrapped(
                paint.bold(strings(.grade) + strings.colon + Value.format(grade.rounded(), style: numbers) + "%") + " "
                    + paint.dim(
                        result.takenBack.isEmpty
                            ? strings(.gradeMeasures, String(count))
                            : strings(.gradeMeasuresTakenBack, String(count), String(result.takenBack.count))))
        } else {
            text += wrapped(strings(.noGrade))
        }
        if summary.review.isEmpty {
            if !result.moves.isEmpty { text += wrapped(strings(.allBest)) }
        } else {
            text += wrapped(strings(.movesToReview))
            for move in summary.review {
                let takenBack = move.takenBack ? " " + paint.dim(strings(.takenBack)) : ""
                text += wrapped("  ? " + safe(move.result.text) + takenBack, hanging: 4)
                text += wrapped(
                    "    " + strings(.youChose, move.result.chosen, signed(move.result.points), move.result.bestOption, signed(move.result.bestPoints)),
                    hanging: 6)
            }
        }
        return text
    }

    /// Points with their sign: `+3`, `0`, `-1`.
    func signed(_ points: Double) -> String { (points > 0 ? "+" : "") + Value.format(points, style: numbers) }
}
