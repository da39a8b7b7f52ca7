/// How far a recorded session's inputs still fit the playbook.
public struct ReplayReport: Sendable, Hashable {
    public var replayed = 0
    /// The answers in force after replay: those undone with `back` are not among them.
    public var answersInForce = 0
    /// The recorded inputs that could not be replayed, the first of them explained.
    public var notReplayed = 0
    /// Why replay stopped, in the runner's words; nil when every input fit.
    public var stoppedBecause: String?
}

extension Runner {
    /// Runs `inputs` (from a session record) against the playbook as it is now, showing nothing,
    /// and stops at the first one that no longer fits. The walk is left waiting where replay
    /// stopped; `proceed` shows that question (or criterion, or outcome).
    public mutating func replay(_ inputs: [ReplayInput]) -> ReplayReport {
        var report = ReplayReport()
        for (index, input) in inputs.enumerated() {
            let event = skipToWaiting()
            var problem: String?
            switch input {
            case .answer(let name, var value):
                let recorded = "\(name) = \(value.literal)"
                if case .question(let question) = event {
                    value = Self.keyed(value, for: question)
                    let asked = program.name(question.name.symbol)
                    if asked != name {
                        problem = strings(.replayAsksOther, recorded, asked)
                    } else if !walk.answer(value) {
                        problem = strings(.replayNoLongerFits, recorded)
                    } else {
                        _ = noteMove(question, value)
                    }
                } else {
                    problem = strings(.replayEnded, recorded)
                }
            case .undo:
                if let question = walk.back() { forgetMove(of: question) } else { problem = strings(.nothingToUndo) }
            case .end(let outcome, let reason):
                // The rep could only have typed a declared outcome; any other is a tampered record.
                if outcomeNames.contains(outcome) {
                    walk.end(outcome: outcome, reason: reason)
                } else {
                    problem = strings(.replayUnknownOutcome, "end \(outcome)", outcomeNames.joined(separator: ", "))
                }
            }
            if let problem {
                report.notReplayed = inputs.count - index
                report.stoppedBecause = problem
                report.answersInForce = walk.state.answers.count
                return report
            }
            report.replayed += 1
        }
        _ = skipToWaiting()
        report.answersInForce = walk.state.answers.count
        return report
    }

    /// A recorded choice as its option's key: a record made before the option was given a key
    /// holds the option's text, which still names it.
    static func keyed(_ value: Value, for question: Question) -> Value {
        guard question.type == .choice, case .text(let text) = value, question.option(text) == nil,
            let branch = question.branches.first(where: { $0.keyName != nil && $0.optionTitle?.value == text }),
            let key = branch.optionKey
        else { return value }
        return .text(key)
    }

    /// Runs the walk, discarding what it shows, until it waits or ends.
    private mutating func skipToWaiting() -> WalkEvent {
        while true {
            let event = walk.next()
            switch event {
            case .question, .unmetCriterion, .ended, .fault: return event
            default: continue
            }
        }
    }

    /// A stage as its banner shows it: "Stage 2 of 5 · Problem".
    public func stageItem(_ index: Int) -> DisplayItem {
        .stage(index: index, count: program.stages.count, title: walk.renderIfPossible(program.stages[index].title))
    }
}
