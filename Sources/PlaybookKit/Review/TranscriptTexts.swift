/// The playbook's texts in another language, for a transcript shown in it (`show --lang`): by the
/// ids a record holds, so a stage's title, a question and an option recorded in one language are
/// shown in another. Only texts that show no values are given: a question that filled in
/// `{contact}` keeps the text recorded.
public struct TranscriptTexts: Sendable {
    public var title: String
    public var stageTitles: [String: String] = [:]
    public var questions: [String: String] = [:]
    /// By question, then by option key.
    public var options: [String: [String: String]] = [:]

    public init(_ program: Program) {
        title = program.title
        for stage in program.stages where stage.title.interpolations.isEmpty {
            stageTitles[program.name(stage.name.symbol)] = program.shown(stage.title)
        }
        func visit(_ block: [Step]) {
            for step in block {
                if case .ask(let question) = step {
                    let id = program.name(question.name.symbol)
                    if question.text.interpolations.isEmpty { questions[id] = program.shown(question.text) }
                    for branch in question.branches {
                        if let key = branch.optionKey, let text = program.shownOption(branch) { options[id, default: [:]][key] = text }
                    }
                }
                for inner in step.blocks { visit(inner) }
            }
        }
        for stage in program.stages { visit(stage.body) }
        for flow in program.flows { visit(flow.body) }
    }
}
