/// The template of one playbook file's texts (`.pot`) and its languages' files (`.po`), made
/// from its text units: one entry per text, with what it is and where, for the translator.
public enum POTemplate {
    /// The entries of `units`, in source order; a text written twice with one context (two
    /// identical `say` lines in one stage) is one entry with both places.
    public static func entries(_ units: [TextUnit], fileName: String, source: SourceFile) -> [POEntry] {
        var entries: [POEntry] = []
        var index: [POKey: Int] = [:]
        entries.reserveCapacity(units.count)
        index.reserveCapacity(units.count)
        for unit in units {
            let key = POKey(context: unit.context, id: unit.source)
            let line = source.lineIndex(of: Int(unit.span.start)) + 1
            let reference = "\(fileName):\(line)"
            if let at = index[key] {
                if !entries[at].references.contains(reference) { entries[at].references.append(reference) }
                continue
            }
            var entry = POEntry(context: unit.context, id: unit.source)
            entry.extractedComments = [unit.what]
            if !unit.placeholders.isEmpty {
                let names = unit.placeholders.map { "{\($0)}" }.joined(separator: " ")
                entry.extractedComments.append("placeholders: \(names) (keep them as written; the walk fills them in)")
                if unit.placeholders.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) { entry.flags = ["python-brace-format"] }
            }
            entry.references = [reference]
            index[key] = entries.count
            entries.append(entry)
        }
        return entries
    }

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
