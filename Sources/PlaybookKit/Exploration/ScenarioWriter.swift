/// Writes explored walks as a scenario file the author can keep: one scenario per walk, its
/// answers by question (in the order first asked, repeats in order), and its outcome, or the stage
/// an exit criterion held it at.
public func scenarioFile(for walks: [ExploredWalk], playbook: String) -> String {
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
