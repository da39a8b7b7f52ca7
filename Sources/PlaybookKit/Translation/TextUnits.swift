/// One text of a playbook that a rep may see, as a translation file names it: what it is, where,
/// and its identity. The identity is the pair gettext uses, `msgctxt` and `msgid`: the context
/// is made of the playbook's own ids (`ask role.option econ`, `stage situation.tip`), so it
/// survives reordering and edits elsewhere in the file; the source is the text itself.
public struct TextUnit: Sendable, Hashable {
    /// The `msgctxt`: which stage, flow, question, option or persona the text belongs to, and its part.
    public var context: String
    /// The `msgid`: the text as written. In a text that shows values (`showsValues`), `{name}`
    /// is a placeholder and a brace written `\{` in the playbook is doubled, `{{`.
    public var source: String
    /// The string literal in the playbook.
    public var span: Span
    /// What the text is, for the translator: `an option of question 'role'`.
    public var what: String
    /// The names of its `{placeholders}`, in order of first appearance.
    public var placeholders: [String]
    /// Shown with `{name}`s filled in while the walk runs (a `say`, a question...).
    public var showsValues: Bool
    /// For an option's text, the id of its question: the rep tells its options apart by their texts.
    public var optionOf: String? = nil
    /// Which part of the file the text is in, counted in source order: its header, glossary and
    /// personas, or one stage or flow. Texts with one context are always in one group.
    var group = 0
}

/// The texts of one playbook file that a rep may see, in source order.
public struct TextUnits {
    private let source: SourceFile
    private let interner: Interner
    private(set) var units: [TextUnit] = []
    private var group = 0

    /// Every rep-visible text of `file`, whose bytes are `source`.
    public static func of(_ file: PlaybookFile, source: SourceFile, interner: Interner) -> [TextUnit] {
        of(file, source: source, interner: interner, part: .whole)
    }

    /// Which texts of a file to collect: all, or those of one half of its stages, to collect a big
    /// file's in parallel. The first half has the header, glossary and personas too, the second
    /// the flows, so the two in order are the whole; every text of a stage is in one half.
    enum Part { case whole, first, second }

    static func of(_ file: PlaybookFile, source: SourceFile, interner: Interner, part: Part) -> [TextUnit] {
        var collector = TextUnits(source: source, interner: interner)
        collector.collect(file, part: part)
        return collector.units
    }

    private init(source: SourceFile, interner: Interner) {
        self.source = source
        self.interner = interner
    }

    private func name(_ name: Name) -> String { interner.name(name.symbol) }

    /// Adds `text` when it is there; its context and description are only made then (most
    /// optional parts of a big playbook are absent).
    private mutating func add(
        _ text: Text?, _ context: @autoclosure () -> String, _ what: @autoclosure () -> String, showsValues: Bool = false,
        optionOf: String? = nil
    ) {
        guard let text, !text.value.isEmpty else { return }
        let written = showsValues ? template(text) : text.value
        var placeholders: [String] = []
        for name in text.interpolations where showsValues {
            let spelled = interner.name(name.symbol)
            if !placeholders.contains(spelled) { placeholders.append(spelled) }
        }
        units.append(
            TextUnit(
                context: context(), source: written, span: text.span, what: what(), placeholders: placeholders,
                showsValues: showsValues, optionOf: optionOf, group: group))
    }

    private mutating func collect(_ file: PlaybookFile, part: Part) {
        let middle = file.stages.count / 2
        let stages =
            switch part {
            case .whole: file.stages[...]
            case .first: file.stages[..<middle]
            case .second: file.stages[middle...]
            }
        if part != .second { collectFront(file) }
        for stage in stages {
            group += 1
            let id = name(stage.name)
            let owner = "stage \(id)"
            add(stage.title, owner, "the title of stage '\(id)'")
            add(stage.goal, "\(owner).goal", "the goal of stage '\(id)'", showsValues: true)
            for tip in stage.tips { add(tip, "\(owner).tip", "a tip of stage '\(id)'", showsValues: true) }
            for exit in stage.exits {
                add(exit.message, "\(owner).exit", "why the rep cannot leave stage '\(id)' yet", showsValues: true)
            }
            collect(stage.body, owner: owner, place: "stage '\(id)'")
        }
        guard part != .first else { return }
        for flow in file.flows {
            group += 1
            let id = name(flow.name)
            let owner = "flow \(id)"
            add(flow.title, owner, "the title of flow '\(id)'")
            collect(flow.body, owner: owner, place: "flow '\(id)'")
        }
    }

    /// The header's, the glossary's and the personas' texts.
    private mutating func collectFront(_ file: PlaybookFile) {
        if let header = file.header {
            add(header.title, "playbook", "the playbook's title")
            add(header.methodology, "playbook.methodology", "the methodology the playbook follows")
            add(header.description, "playbook.description", "what the playbook is for")
        }
        for term in file.terms {
            add(term.word, "term", "a word of the glossary")
            add(term.definition, "term \(term.word.value)", "the glossary's definition of “\(term.word.value)”")
        }
        for persona in file.personas {
            let id = name(persona.name)
            add(persona.title, "persona \(id)", "the name of the buyer persona '\(id)'")
            add(persona.role, "persona \(id).role", "who the buyer persona '\(id)' is")
            add(persona.context, "persona \(id).context", "what the buyer persona '\(id)' brings to the call")
        }
    }

    private mutating func collect(_ block: [Step], owner: String, place: String) {
        for step in block {
            switch step {
            case .ask(let question): collect(question, owner: owner, place: place)
            case .say(let text, _): add(text, "\(owner).say", "a line for the rep to say, in \(place)", showsValues: true)
            case .buyer(let lines, _):
                for line in lines {
                    if let persona = line.persona {
                        let id = name(persona)
                        add(line.text, "\(owner).buyer \(id)", "a line of the buyer persona '\(id)', in \(place)", showsValues: true)
                    } else {
                        add(line.text, "\(owner).buyer", "a line the buyer says, in \(place)", showsValues: true)
                    }
                }
            case .ifBlock(_, let then, let otherwise, _):
                collect(then, owner: owner, place: place)
                if let otherwise { collect(otherwise, owner: owner, place: place) }
            case .jumpIf(_, let target, _), .jump(let target, _): collect(target, owner: owner, place: place)
            case .end(let ending, _): collect(ending, owner: owner, place: place)
            case .set, .call, .return: break
            }
        }
    }

    private mutating func collect(_ target: Target?, owner: String, place: String) {
        if case .end(let ending)? = target { collect(ending, owner: owner, place: place) }
    }

    private mutating func collect(_ ending: Ending, owner: String, place: String) {
        let outcome = name(ending.outcome)
        add(ending.reason, "\(owner).end \(outcome)", "why the deal ends as '\(outcome)', in \(place)", showsValues: true)
    }

    private mutating func collect(_ question: Question, owner: String, place: String) {
        let id = name(question.name)
        let context = "ask \(id)"
        add(question.text, context, "question '\(id)' (\(question.type.keyword)), in \(place)", showsValues: true)
        add(question.why, "\(context).why", "why question '\(id)' matters", showsValues: true)
        add(question.tip, "\(context).tip", "a tip for question '\(id)'", showsValues: true)
        for branch in question.branches {
            var part = "\(context).option"
            if let title = branch.optionTitle {
                if let key = branch.keyName { part += " \(name(key))" }
                let keyNote = branch.keyName.map { " (key '\(name($0))')" } ?? ""
                add(title, part, "an option of question '\(id)'\(keyNote): “\(question.text.value)”", optionOf: id)
            } else {
                part = "\(context).\(branch.label == .yes ? "yes" : "no")"
            }
            add(branch.feedback, "\(part).feedback", "feedback after this answer to question '\(id)'", showsValues: true)
            collect(branch.target, owner: owner, place: place)
            collect(branch.body, owner: owner, place: place)
        }
    }

    /// A text that shows values as a translation file writes it: read again from the source,
    /// since its value alone cannot tell `{name}` from an escaped `\{name}`. Escaped braces are
    /// doubled, as in Python's format strings, which translation tools know.
    private func template(_ text: Text) -> String {
        let bytes = source.bytes
        var index = Int(text.span.start) + 1
        let end = min(Int(text.span.end) - 1, bytes.count)
        guard index <= end else { return text.value }
        // Most texts have no brace and no escape: then they are their value.
        let special = bytes[index..<end].withUnsafeBufferPointer { literal in
            literal.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
        }
        guard special else { return text.value }
        var output: [UInt8] = []
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < end {
                switch bytes[index + 1] {
                case UInt8(ascii: "{"): output += [UInt8(ascii: "{"), UInt8(ascii: "{")]
                case UInt8(ascii: "}"): output += [UInt8(ascii: "}"), UInt8(ascii: "}")]
                default: output.append(StringLiteral.unescaped(byte: bytes[index + 1]))
                }
                index += 2
            } else if byte == UInt8(ascii: "{") {
                // `{name}` as written, through its closing brace.
                while index < end {
                    output.append(bytes[index])
                    index += 1
                    if output.last == UInt8(ascii: "}") { break }
                }
            } else {
                output.append(byte)
                if byte == UInt8(ascii: "}") { output.append(byte) }
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
