/// The `{name}` placeholders of a text that shows values, as a translation file writes it:
/// `{{` and `}}` are literal braces, as in Python's format strings.
public enum Placeholders {
    /// A piece of such a text.
    public enum Piece: Sendable, Hashable {
        case literal(String)
        case name(String)
    }

    /// Why a text is not a well-formed template.
    public enum Problem: Sendable, Hashable, Error {
        /// A `{` with no `}` after it; the offset (in characters) of the `{`.
        case unclosed(at: Int)
        /// A `}` that closes nothing and is not doubled.
        case stray(at: Int)
        /// `{}`, or braces around something that is not a name.
        case notAName(String, at: Int)
    }

    /// The pieces of `text`, in order; adjacent literals are joined.
    public static func parse(_ text: String) -> Result<[Piece], Problem> {
        // Most texts have no brace: then they are one literal.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else {
            return .success(text.isEmpty ? [] : [.literal(text)])
        }
        var pieces: [Piece] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "{", next == "{" {
                literal.append("{")
                index += 2
            } else if character == "}", next == "}" {
                literal.append("}")
                index += 2
            } else if character == "{" {
                guard let close = characters[(index + 1)...].firstIndex(of: "}") else { return .failure(.unclosed(at: index)) }
                let name = String(characters[(index + 1)..<close])
                guard isName(name) else { return .failure(.notAName(name, at: index)) }
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                pieces.append(.name(name))
                index = close + 1
            } else if character == "}" {
                return .failure(.stray(at: index))
            } else {
                literal.append(character)
                index += 1
            }
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return .success(pieces)
    }

    /// The names of the placeholders, in order of first appearance; nil when `text` is not well formed.
    public static func names(in text: String) -> [String]? {
        guard case .success(let pieces) = parse(text) else { return nil }
        var names: [String] = []
        for case .name(let name) in pieces where !names.contains(name) { names.append(name) }
        return names
    }

    /// A name as the playbook language writes one.
    static func isName(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next(), Lexer.isIdentifierStart(first) else { return false }
        while let scalar = scalars.next() { if !Lexer.isIdentifierContinue(scalar) { return false } }
        return true
    }
}
