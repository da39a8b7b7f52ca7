/// A scenario's answers by question, each taken in order as the question is asked.
public struct AnswerQueue: Sendable {
    private var pending: [String: ArraySlice<ScenarioValue>] = [:]
    /// The line of each question's answers in the file.
    public private(set) var lines: [String: Int] = [:]

    public init(_ scenario: Scenario) {
        for answer in scenario.answers {
            pending[answer.question] = answer.values[...]
            lines[answer.question] = answer.line
        }
    }

    /// The next answer for the question, or nil when none is left.
    public mutating func next(for question: String) -> ScenarioValue? {
        pending[question]?.popFirst()
    }

    /// The next answer for `question`, read as its type reads answers (yes/no in `words`).
    public mutating func answer(to question: Question, in program: Program, words: YesNoWords) -> KeyedAnswer {
        let name = program.name(question.name.symbol)
        guard let given = next(for: name) else { return .none(question: name) }
        switch parseAnswer(given.text, for: question, words: words, keysOnly: true) {
        case .failure(let problem): return .unfit(question: name, text: given.text, line: lines[name] ?? 0, problem)
        case .success(let value): return .value(value, text: given.text)
        }
    }

    /// The questions given answers, for checking them against the playbook.
    public var questions: [String] { lines.keys.sorted { (lines[$0] ?? 0, $0) < (lines[$1] ?? 0, $1) } }

    /// Answers given and never asked for, by question, in file order.
    public var unused: [(question: String, count: Int)] {
        questions.compactMap { name in pending[name].flatMap { $0.isEmpty ? nil : (name, $0.count) } }
    }
}

/// A question's next keyed answer: none left, one that does not fit the question, or its value.
public enum KeyedAnswer: Sendable, Hashable {
    case none(question: String)
    case unfit(question: String, text: String, line: Int, AnswerProblem)
    case value(Value, text: String)
}
