/// Writes explored walks as a scenario file the author can keep: one scenario per walk, its
/// answers by question (in the order first asked, repeats in order), and its outcome, or the stage
/// an exit criterion held it at.
public func scenarioFile(for walks: [ScenarioWalk], playbook: String) -> String {
    var text = """
        # Scenarios for \(playbook), written by `playbook test --explore --emit-scenarios`.
        # Each walk took a branch side no walk before it did; together they take every side the
        # exploration reached. Rename them, add `expect` lines for what matters, and keep them.

        """
    for (index, walk) in walks.enumerated() {
        let (title, expectation) =
            switch walk.ending {
            case .outcome(let outcome): (outcome, outcome)
            case .blocked(let stage): ("blocked at \(stage)", "blocked \(stage)")
            }
        text += "\nscenario " + StringLiteral.quoted("Walk \(index + 1): \(title)") + "\n"
        var order: [String] = []
        var values: [String: [String]] = [:]
        for (question, value) in walk.answers {
            if values[question] == nil { order.append(question) }
            values[question, default: []].append(value.literal)
        }
        for question in order { text += "  \(question) = \(values[question, default: []].joined(separator: ", "))\n" }
        text += "  expect \(expectation)\n"
    }
    return text
}

/// A walk that reached an outcome or was blocked by an exit criterion, as the answers a scenario
/// file keeps.
public struct ScenarioWalk: Sendable, Hashable {
    public enum Ending: Sendable, Hashable {
        case outcome(String)
        /// Held at this stage (its id) by one of its exit criteria.
        case blocked(String)
    }

    public var answers: [(question: String, value: Value)]
    public var ending: Ending

    public static func == (lhs: ScenarioWalk, rhs: ScenarioWalk) -> Bool {
        lhs.ending == rhs.ending && lhs.answers.map(\.question) == rhs.answers.map(\.question)
            && lhs.answers.map(\.value) == rhs.answers.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ending)
        for answer in answers {
            hasher.combine(answer.question)
            hasher.combine(answer.value)
        }
    }
}
