/// Warns where a question's practice lines cannot do what they are written for: a scored choice
/// with no best option (PB0601), a best option that scores below another option (PB0602), and
/// feedback under `yes` or `no`, which practice never shows (PB0603).
struct PracticeChecks {
    let interner: Interner
    private(set) var diagnostics: [Diagnostic] = []

    init(interner: Interner) {
        self.interner = interner
    }

    /// Checks every question of `files`, stages and flows alike, in source order.
    mutating func check(_ files: [PlaybookFile]) {
        for file in files {
            for asked in file.stageQuestions { if let question = asked.question { check(question) } }
            for asked in file.flowQuestions { if let question = asked.question { check(question) } }
        }
    }

    private mutating func check(_ question: Question) {
        switch question.type {
        case .choice: checkScores(question)
        case .yesNo: checkFeedback(question)
        case .number, .text, .scale: break
        }
    }

    /// An option without `score` scores 0.
    private static func points(_ branch: Branch) -> Double { branch.score ?? 0 }

    /// "+3", "0", "-2".
    private static func signed(_ points: Double) -> String { points > 0 ? "+" + format(points) : format(points) }

    private mutating func checkScores(_ question: Question) {
        // The first option of the highest score, whether or not that score is written.
        var highest: Branch?
        var scored = false
        var marked = false
        for branch in question.branches where branch.label.isOption {
            scored = scored || branch.score != nil
            marked = marked || branch.isBest
            if highest.map({ Self.points(branch) > Self.points($0) }) ?? true { highest = branch }
        }
        guard scored, let highest, let highestText = highest.optionTitle?.value else { return }
        let top = Self.points(highest)
        let name = interner.name(question.name.symbol)
        guard marked else {
            diagnostics.append(
                Diagnostic(
                    .scoredWithoutBest, "the question '\(name)' scores its options but marks none as best",
                    at: question.name.span, label: "no option is marked 'best'",
                    secondary: [Label(highest.span, "the highest score (\(Self.signed(top)))")],
                    help: "mark the option a rep should pick with 'best', on a line of its own under the option"))
            return
        }
        for branch in question.branches where branch.isBest && Self.points(branch) < top {
            guard let text = branch.optionTitle?.value else { continue }
            let points = Self.signed(Self.points(branch))
            diagnostics.append(
                Diagnostic(
                    .bestScoresLower,
                    "\"\(text)\" is marked best but scores \(points), less than \"\(highestText)\" (\(Self.signed(top)))",
                    at: branch.span, label: "marked best, scores \(points)",
                    secondary: [Label(highest.span, "scores \(Self.signed(top))")],
                    notes: branch.score == nil ? ["an option without 'score' scores 0"] : [],
                    help: "give the best option the highest score, or mark \"\(highestText)\" as best instead"))
        }
    }

    private mutating func checkFeedback(_ question: Question) {
        let name = interner.name(question.name.symbol)
        for branch in question.branches {
            guard let feedback = branch.feedback else { continue }
            let word = branch.label == .yes ? "yes" : "no"
            diagnostics.append(
                Diagnostic(
                    .feedbackNotOnChoice,
                    "feedback under '\(word)' is never shown: practice shows feedback for the options of choice questions",
                    at: feedback.span, label: "never shown",
                    secondary: [Label(question.name.span, "asked as yes/no here")],
                    help: "make '\(name)' a choice with \"Yes\" and \"No\" as options, and put the feedback under the option"))
        }
    }
}
