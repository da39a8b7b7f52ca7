/// Warns of an option that is also a whole command at the prompt (PB0211): `Back`, `Note takers`
/// (`note` with a text), `End lost customers` (`end` with a declared outcome), in English or the
/// playbook's language. Typed exactly it is the option, since an option always wins; but the
/// command it spells can then only be typed with a `/`, and a slip turns it into the command.
/// `End user` is not one: `user` is not an outcome, so the line cannot end a deal.
struct OptionChecks {
    let interner: Interner
    let commands: CommandWords
    /// The outcomes a rep may end with, folded.
    let outcomes: Set<String>
    private(set) var diagnostics: [Diagnostic] = []

    /// With the command words of the playbook's language, and the outcomes `end` accepts.
    init(interner: Interner, language: String, outcomes: [String]) {
        self.interner = interner
        commands = CommandWords(language: language)
        self.outcomes = Set(outcomes.map(LatinFolding.fold))
    }

    /// Checks the options of every question of `files`, stages and flows alike.
    mutating func check(_ files: [PlaybookFile]) {
        for file in files {
            for asked in [file.stageQuestions, file.flowQuestions].joined() {
                guard let question = asked.question, case .choice = question.type else { continue }
                for branch in question.branches {
                    guard let text = branch.optionTitle?.value, let (command, word, rest) = commands.match(text) else { continue }
                    if command == .end {
                        let outcome = LatinFolding.fold(String(rest.prefix { $0 != " " }))
                        guard outcomes.contains(outcome) else { continue }
                    }
                    let name = interner.name(question.name.symbol)
                    diagnostics.append(
                        Diagnostic(
                            .optionReadsAsCommand,
                            "the option \"\(text)\" of '\(name)' is also the command '\(command.rawValue)' at the prompt",
                            at: branch.span, label: "reads as the command '\(command.rawValue)'",
                            notes: [
                                "typed exactly, it is the option, since an option always wins; typed with a slip, it is the command"
                            ],
                            help: "reword the option so that it does not begin with '\(word)'"))
                }
            }
        }
    }
}
