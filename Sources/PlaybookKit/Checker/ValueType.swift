/// The type of a value in an expression.
public enum ValueType: Sendable, Hashable {
    case number
    case yesNo
    case text
    /// The answer to a choice question: one of its options.
    case choice(Symbol)
    /// Not known because of an error reported elsewhere; never reported again.
    case unknown

    /// How the type reads in a message: "a number", "yes/no".
    var described: String {
        switch self {
        case .number: "a number"
        case .yesNo: "yes/no"
        case .text: "text"
        case .choice: "a choice"
        case .unknown: "unknown"
        }
    }

    func matches(_ other: ValueType) -> Bool {
        switch (self, other) {
        case (.unknown, _), (_, .unknown): true
        case (.choice, .choice), (.choice, .text), (.text, .choice): true
        default: self == other
        }
    }

    /// The type of a question's answer.
    init(_ type: AnswerType, question: Symbol) {
        switch type {
        case .yesNo: self = .yesNo
        case .choice: self = .choice(question)
        case .number, .scale: self = .number
        case .text: self = .text
        }
    }
}
