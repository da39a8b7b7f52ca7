/// The checks of one translation file against the playbook file it translates: placeholders
/// that do not match their source (PB0802), options a rep could no longer tell apart (PB0803),
/// texts not translated (PB0804), translations still to review (PB0805) and translations of
/// texts the playbook no longer has (PB0806).
struct TranslationChecks {
    let file: TranslationFile
    /// The index of the translation file among the check's sources.
    let index: Int
    let units: [TextUnit]
    let playbookPath: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: TranslationFile, index: Int, units: [TextUnit], playbookPath: String) {
        self.file = file
        self.index = index
        self.units = units
        self.playbookPath = playbookPath
    }

    private var updateCommand: String {
        "playbook translate update \(playbookPath) --lang \(file.language)"
    }

    /// Where the file itself is meant: its header, or its first line.
    private var fileSpan: Span {
        file.po.header?.idSpan ?? Span(file: index, start: 0, end: min(file.source.bytes.count, file.source.lineRange(0).count))
    }

    mutating func run() {
        let live = file.po.live
        var unitsByKey: [POKey: TextUnit] = [:]
        for unit in units { unitsByKey[POKey(context: unit.context, id: unit.source)] = unit }
        for entry in file.po.entries where !entry.isObsolete && entry.isTranslated {
            if let unit = unitsByKey[entry.key] { placeholders(entry, unit) }
        }
        collisions(live)
        missing(live)
        fuzzy()
        stale(unitsByKey)
    }

    private func at(_ entry: POEntry) -> Span { entry.translationSpan ?? entry.idSpan ?? fileSpan }

    private mutating func placeholders(_ entry: POEntry, _ unit: TextUnit) {
        let translation = entry.translation
        if unit.source.hasSuffix("\n") != translation.hasSuffix("\n") || unit.source.hasPrefix("\n") != translation.hasPrefix("\n") {
            diagnostics.append(
                Diagnostic(
                    .placeholderMismatch, "the translation does not begin and end with a line break where its source does",
                    at: at(entry), secondary: entry.idSpan.map { [Label($0, "the source")] } ?? [],
                    help: "begin and end it as the source does (gettext's msgfmt refuses the file otherwise)"))
        }
        guard unit.showsValues else { return }
        switch Placeholders.parse(translation) {
        case .failure(let problem):
            let what =
                switch problem {
                case .unclosed: "a '{' that no '}' closes"
                case .stray: "a '}' that closes nothing"
                case .notAName(let name, _): name.isEmpty ? "'{}', which names nothing" : "'{\(name)}', which is not a name"
                }
            diagnostics.append(
                Diagnostic(
                    .placeholderMismatch, "the translation has \(what)", at: at(entry),
                    help: "a placeholder is written {name} as in the source; a brace itself is written twice, {{ or }}"))
        case .success:
            let names = Placeholders.names(in: translation) ?? []
            let missing = unit.placeholders.filter { !names.contains($0) }
            let unknown = names.filter { !unit.placeholders.contains($0) }
            guard !missing.isEmpty || !unknown.isEmpty else { return }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("leaves out \(missing.map { "{\($0)}" }.joined(separator: ", "))") }
            if !unknown.isEmpty { parts.append("has \(unknown.map { "{\($0)}" }.joined(separator: ", ")), which the source does not") }
            let source = unit.placeholders.isEmpty ? "none" : unit.placeholders.map { "{\($0)}" }.joined(separator: ", ")
            diagnostics.append(
                Diagnostic(
                    .placeholderMismatch, "the translation \(parts.joined(separator: " and "))", at: at(entry),
                    secondary: entry.idSpan.map { [Label($0, "the source")] } ?? [],
                    notes: ["the source's placeholders: \(source)"],
                    help: "keep each placeholder of the source, spelled as it is there: the walk fills it in"))
        }
    }

    /// Two options of one question whose texts, as the rep sees them in this language, read
    /// alike once case and Latin accents are set aside: typing one could mean either.
    private mutating func collisions(_ live: [POKey: POEntry]) {
        var seen: [String: [String: (text: String, source: String, entry: POEntry?)]] = [:]
        for unit in units {
            guard let question = unit.optionOf else { continue }
            let entry = live[POKey(context: unit.context, id: unit.source)]
            let shown = entry.flatMap { $0.isTranslated ? $0.translation : nil } ?? unit.source
            let folded = LatinFolding.fold(shown)
            if let earlier = seen[question]?[folded] {
                guard let entry, entry.isTranslated || earlier.entry?.isTranslated == true else { continue }
                let secondary = (earlier.entry?.translationSpan).map { [Label($0, "\"\(earlier.text)\"")] } ?? []
                diagnostics.append(
                    Diagnostic(
                        .optionCollision, "two options of question '\(question)' read \"\(shown)\" in this language",
                        at: at(entry), label: "\"\(shown)\"", secondary: secondary,
                        notes: ["in the source they are \"\(earlier.source)\" and \"\(unit.source)\""],
                        help: "translate them so that a rep can tell them apart"))
            } else {
                seen[question, default: [:]][folded] = (shown, unit.source, entry)
            }
        }
    }

    private mutating func missing(_ live: [POKey: POEntry]) {
        var absent: [TextUnit] = []
        var empty: [TextUnit] = []
        var seen = Set<POKey>()
        for unit in units {
            let key = POKey(context: unit.context, id: unit.source)
            guard seen.insert(key).inserted else { continue }
            guard let entry = live[key] else {
                absent.append(unit)
                continue
            }
            if entry.translation.isEmpty { empty.append(unit) }
        }
        let all = empty + absent
        guard !all.isEmpty else { return }
        let notes = all.prefix(5).map { "not translated: \(Self.quoted($0.source)) (\($0.what))" }
            + (all.count > 5 ? ["and \(all.count - 5) more"] : [])
        let help =
            absent.isEmpty
            ? "fill in their msgstr; until then a run shows them as written"
            : "'\(updateCommand)' adds the \(counted(absent.count, "text")) the file lacks; until translated, a run shows them as written"
        diagnostics.append(
            Diagnostic(
                .missingTranslation, "\(counted(all.count, "text")) of \(playbookPath) \(all.count == 1 ? "is" : "are") not translated into \(file.language)",
                at: fileSpan, notes: notes, help: help))
    }

    private mutating func fuzzy() {
        let fuzzy = file.po.entries.filter { !$0.isObsolete && $0.isFuzzy && !$0.translation.isEmpty }
        guard let first = fuzzy.first else { return }
        let others = fuzzy.dropFirst().prefix(4).compactMap { entry in entry.idSpan.map { Label($0, "fuzzy") } }
        diagnostics.append(
            Diagnostic(
                .fuzzyTranslation, "\(counted(fuzzy.count, "translation")) \(fuzzy.count == 1 ? "is" : "are") marked fuzzy, still to review",
                at: first.idSpan ?? fileSpan, label: "its source changed", secondary: others,
                notes: fuzzy.count > 5 ? ["and \(fuzzy.count - 5) more"] : [],
                help: "check each against its new source (the old one is in its '#|' lines), then take off its 'fuzzy' flag; until then a run shows the source"))
    }

    private mutating func stale(_ unitsByKey: [POKey: TextUnit]) {
        let stale = file.po.entries.filter { !$0.isObsolete && !$0.isHeader && unitsByKey[$0.key] == nil }
        guard let first = stale.first else { return }
        let others = stale.dropFirst().prefix(4).compactMap { entry in entry.idSpan.map { Label($0, "no longer in the playbook") } }
        diagnostics.append(
            Diagnostic(
                .staleTranslation,
                "\((stale.count == 1 ? "1 entry" : "\(stale.count) entries")) \(stale.count == 1 ? "translates a text" : "translate texts") \(playbookPath) no longer has",
                at: first.idSpan ?? fileSpan, label: "not in the playbook", secondary: others,
                notes: stale.count > 5 ? ["and \(stale.count - 5) more"] : [],
                help: "'\(updateCommand)' keeps a reworded text's translation as fuzzy and marks the rest obsolete (#~)"))
    }

    private static func quoted(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
        return "\"\(short.replacing("\n", with: " "))\""
    }
}
