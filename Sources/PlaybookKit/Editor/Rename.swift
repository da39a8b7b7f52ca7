/// A replacement of bytes in one file.
public struct TextEdit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// Why a rename is refused, said to the author.
public struct RenameRefusal: Error, Sendable, Equatable {
    public var message: String
}

/// A rename of one entity across the playbooks that see it and the scenario files that test them.
public struct Rename: Sendable {
    public let entity: Entity
    public let newName: String

    public init(_ entity: Entity, to newName: String) {
        self.entity = entity
        self.newName = newName
    }

    /// The edits by file path: every occurrence in `playbooks` (each a check, which may share
    /// files such as a library) and in `scenarios` (each file with the playbook it tests), or why
    /// the new name cannot be used.
    public func edits(
        in playbooks: [EditorPlaybook], scenarios: [(source: SourceFile, playbook: EditorPlaybook)]
    ) -> Result<[String: [TextEdit]], RenameRefusal> {
        if let problem = Self.problem(with: newName, for: entity.kind) { return .failure(RenameRefusal(message: problem)) }
        guard newName != entity.name else { return .success([:]) }
        for playbook in playbooks + scenarios.map(\.playbook) {
            if let clash = clash(in: playbook) { return .failure(RenameRefusal(message: clash)) }
        }
        var edits: [String: Set<TextEdit>] = [:]
        for playbook in playbooks {
            for occurrence in playbook.index.occurrences(of: entity) {
                edits[playbook.path(Int(occurrence.span.file)), default: []].insert(
                    TextEdit(start: Int(occurrence.span.start), end: Int(occurrence.span.end), text: newName))
            }
        }
        for (source, playbook) in scenarios {
            for occurrence in ScenarioSymbols(source, playbook: playbook).occurrences where occurrence.entity == entity {
                edits[source.path, default: []].insert(
                    TextEdit(start: Int(occurrence.span.start), end: Int(occurrence.span.end), text: newName))
            }
        }
        return .success(edits.mapValues { $0.sorted { $0.start < $1.start } })
    }

    /// What is wrong with `name` as the name of a `kind`, or nil when it can be one.
    public static func problem(with name: String, for kind: SymbolKind) -> String? {
        let source = SourceFile(path: "", bytes: Array(name.utf8))
        let line = EditorLine(source, line: 0)
        guard source.lineCount == 1, line.contentStart == 0, line.commentStart == nil, line.pieces.count == 1,
            let piece = line.pieces.first, piece.kind == .identifier, piece.end == source.bytes.count
        else {
            return "'\(TerminalText.safe(name))' is not a name: a name starts with a letter or '_' and holds letters, digits and '_' (no spaces, '-' or '.')"
        }
        if Keywords.reservedWords.contains(name) {
            return "'\(name)' is a word of the language and cannot name \(kind == .outcome ? "an" : "a") \(kind.rawValue)"
        }
        return nil
    }

    /// The declaration `newName` would collide with in `playbook`, said as a refusal.
    private func clash(in playbook: EditorPlaybook) -> String? {
        let kinds: [SymbolKind] = switch entity.kind {
        case .stage, .flow, .question, .persona: [.stage, .flow, .question, .persona]
        case .variable: [.question, .variable]
        case .outcome: [.outcome]
        }
        for kind in kinds {
            let existing = Entity(kind, newName)
            guard let place = playbook.index.definitions(of: existing).first ?? playbook.index.occurrences(of: existing).first
            else { continue }
            let location = playbook.source(Int(place.span.file)).map { source in
                " (\(playbook.path(Int(place.span.file))):\(source.lineIndex(of: Int(place.span.start)) + 1))"
            } ?? ""
            return "'\(newName)' already names \(kind == .outcome ? "an" : "a") \(kind.rawValue)\(location); choose another name"
        }
        return nil
    }
}
