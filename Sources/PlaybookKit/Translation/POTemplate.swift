/// The template of one playbook file's texts (`.pot`) and its languages' files (`.po`), made
/// from its text units: one entry per text, with what it is and where, for the translator.
public enum POTemplate {
    /// The entries of the texts of `file` (whose bytes are `source`), in source order.
    public static func entries(of file: PlaybookFile, source: SourceFile, interner: Interner) -> [POEntry] {
        entries(TextUnits.of(file, source: source, interner: interner), fileName: TranslationPaths.lastComponent(source.path), source: source)
    }

    /// The template file of `file`, as `POWriter` writes `template(entries(of: file...))`, and
    /// how many entries it has. It is written from the text units straight away, and a big
    /// file's two halves of stages at once.
    public static func bytes(of file: PlaybookFile, source: SourceFile, interner: Interner, project: String) -> (bytes: [UInt8], count: Int) {
        let header = template([], project: project).header
        let fileName = TranslationPaths.lastComponent(source.path)
        @Sendable func written(_ part: TextUnits.Part) -> (bytes: [UInt8], count: Int) {
            var writer = TemplateWriter(fileName: fileName, source: source)
            writer.write(TextUnits.of(file, source: source, interner: interner, part: part))
            return (writer.out, writer.count)
        }
        guard file.stages.count >= 1000 else {
            let whole = written(.whole)
            return (POWriter.bytes(header: header, parts: [whole.bytes]), whole.count)
        }
        // The halves share no entry: each context names the stage, flow, question or persona its
        // text is in, and a playbook that checks has no two of them with one name.
        let (first, second) = inParallel({ written(.first) }, { written(.second) })
        return (POWriter.bytes(header: header, parts: [first.bytes, second.bytes]), first.count + second.count)
    }

    /// The entries of `units`, in source order; a text written twice with one context (two
    /// identical `say` lines in one stage) is one entry with both places.
    public static func entries(_ units: [TextUnit], fileName: String, source: SourceFile) -> [POEntry] {
        var entries: [POEntry] = []
        var index: [POKey: Int] = [:]
        entries.reserveCapacity(units.count)
        index.reserveCapacity(units.count)
        var line = 0
        for unit in units {
            let key = POKey(context: unit.context, id: unit.source)
            line = source.lineIndex(of: Int(unit.span.start), from: line)
            let reference = "\(fileName):\(line + 1)"
            if let at = index.updateValue(entries.count, forKey: key) {
                index[key] = at
                if !entries[at].references.contains(reference) { entries[at].references.append(reference) }
                continue
            }
            entries.append(entry(unit, at: reference))
        }
        return entries
    }

    private static func entry(_ unit: TextUnit, at reference: String) -> POEntry {
        var entry = POEntry(context: unit.context, id: unit.source)
        entry.extractedComments = [unit.what]
        if let note = placeholderNote(unit) { entry.extractedComments.append(note) }
        if isBraceFormat(unit) { entry.flags = [braceFormat] }
        entry.references = [reference]
        return entry
    }

    /// The second comment of a text that shows values: its placeholders.
    static func placeholderNote(_ unit: TextUnit) -> String? {
        guard !unit.placeholders.isEmpty else { return nil }
        let names = unit.placeholders.map { "{\($0)}" }.joined(separator: " ")
        return "placeholders: \(names) (keep them as written; the walk fills them in)"
    }

    /// Whether the text's placeholders are as Python writes them, so that `msgfmt --check` checks
    /// that its translations keep them: when it has some, all ASCII names.
    static func isBraceFormat(_ unit: TextUnit) -> Bool {
        !unit.placeholders.isEmpty && unit.placeholders.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
    }

    static let braceFormat = "python-brace-format"

    /// The template file: gettext's header with its fields not filled in, then `entries`.
    public static func template(_ entries: [POEntry], project: String) -> POFile {
        var header = POEntry(context: nil, id: "", translation: headerText(project: project, language: nil, date: nil))
        header.flags = ["fuzzy"]
        return POFile(header: header, entries: entries)
    }

    /// A language's header, as `translate update` writes it in a new file.
    static func headerText(project: String, language: String?, date: String?) -> String {
        var fields = [
            ("Project-Id-Version", project),
            ("PO-Revision-Date", date ?? "YEAR-MO-DA HO:MI+ZONE"),
            ("Last-Translator", language == nil ? "FULL NAME <EMAIL@ADDRESS>" : ""),
            ("Language-Team", language ?? "LANGUAGE <LL@li.org>"),
            ("Language", language ?? ""),
            ("MIME-Version", "1.0"),
            ("Content-Type", "text/plain; charset=UTF-8"),
            ("Content-Transfer-Encoding", "8bit"),
        ]
        if let language { fields.append(("Plural-Forms", pluralForms(language))) }
        fields.append(("X-Generator", "playbook translate"))
        return fields.map { "\($0.0): \($0.1)\n" }.joined()
    }

    /// gettext's plural rule for `language`; playbooks make no plural entries, but translation
    /// tools ask for one.
    static func pluralForms(_ language: String) -> String {
        switch LanguageCode.base(language) {
        case "vi", "zh", "th", "ja", "ko", "id", "ms", "lo", "km", "my": "nplurals=1; plural=0;"
        case "fr": "nplurals=2; plural=(n > 1);"
        default: "nplurals=2; plural=(n != 1);"
        }
    }
}
