/// What a report takes from the playbook itself, when it can be read: the order of its stages and
/// questions, their titles, texts and types, each choice's options, and which outcomes are wins.
public struct PlaybookFacts: Sendable {
    public struct StageFact: Sendable {
        public var id: String
        public var title: String
    }

    public struct QuestionFact: Sendable {
        public var id: String
        public var text: String
        /// As records write it: `yes/no`, `choice`, `number`, `scale`, `text`.
        public var type: String
        public var stage: String
        /// A choice's options by key, as records hold them.
        public var options: [String]
        /// The text of each option whose key is not its text (keyed or translated), by key.
        public var optionTexts: [String: String]
    }

    public var language: String
    /// The playbook's title in `language`, when the program is translated; else nil, and the
    /// report gives the title the records hold.
    public var translatedTitle: String?
    public var stages: [StageFact]
    /// In the order a walk meets them: each stage's in source order, a called flow's at its first call.
    public var questions: [QuestionFact]
    public var tone: @Sendable (String) -> OutcomeTone

    public init(program: Program) {
        language = program.language
        translatedTitle = program.localization.isEmpty ? nil : program.title
        stages = program.stages.map { StageFact(id: program.name($0.name.symbol), title: program.shown($0.title)) }
        var questions: [QuestionFact] = []
        var seen = Set<Symbol>()
        var called = Set<Symbol>()
        func visit(_ block: [Step], stage: String) {
            for step in block {
                switch step {
                case .ask(let question):
                    if seen.insert(question.name.symbol).inserted {
                        var texts: [String: String] = [:]
                        for branch in question.branches {
                            if let key = branch.optionKey, let text = program.shownOption(branch), text != key { texts[key] = text }
                        }
                        questions.append(
                            QuestionFact(
                                id: program.name(question.name.symbol), text: program.shown(question.text),
                                type: question.type.keyword, stage: stage, options: question.branches.compactMap(\.optionKey),
                                optionTexts: texts))
                    }
                case .call(let name, _):
                    if called.insert(name.symbol).inserted, let flow = program.flows.first(where: { $0.name.symbol == name.symbol }) {
                        visit(flow.body, stage: stage)
                    }
                default: break
                }
                for inner in step.blocks { visit(inner, stage: stage) }
            }
        }
        for stage in program.stages { visit(stage.body, stage: program.name(stage.name.symbol)) }
        self.questions = questions
        // The header's marks when it gives any, else the rule by name: `Program.tone(of:)`.
        tone = { program.tone(of: $0) }
    }
}
