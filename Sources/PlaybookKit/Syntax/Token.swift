/// The kinds of token on a line.
public enum TokenKind: UInt8, Sendable {
    case identifier
    case number
    case string
    case arrow  // ->
    case dotDot  // ..
    case comma
    case leftParen
    case rightParen
    case plus
    case minus
    case star
    case slash
    case assign  // =
    case plusAssign  // +=
    case minusAssign  // -=
    case equal  // ==
    case notEqual  // !=
    case less
    case lessOrEqual
    case greater
    case greaterOrEqual
    case invalid
    case endOfLine

    /// How the token reads in a message.
    var description: String {
        switch self {
        case .identifier: "a name"
        case .number: "a number"
        case .string: "a string"
        case .arrow: "'->'"
        case .dotDot: "'..'"
        case .comma: "','"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .plus: "'+'"
        case .minus: "'-'"
        case .star: "'*'"
        case .slash: "'/'"
        case .assign: "'='"
        case .plusAssign: "'+='"
        case .minusAssign: "'-='"
        case .equal: "'=='"
        case .notEqual: "'!='"
        case .less: "'<'"
        case .lessOrEqual: "'<='"
        case .greater: "'>'"
        case .greaterOrEqual: "'>='"
        case .invalid: "an unexpected character"
        case .endOfLine: "the end of the line"
        }
    }
}

/// One token: its kind, its bytes, and its value when it has one.
struct Token {
    var kind: TokenKind
    var start: Int
    var end: Int
    /// The interned name of an identifier.
    var symbol = Symbol(index: -1)
    var number: Double = 0
    /// Index into the line's decoded strings for a string token.
    var textIndex = -1
}
