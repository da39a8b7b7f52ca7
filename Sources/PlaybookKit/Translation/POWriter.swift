/// Writes a PO file as GNU gettext lays one out, so that `msgfmt --check` accepts it and a
/// translation tool's diff of it stays small: comments in gettext's order, a text with line
/// breaks written one line per string, and no other wrapping.
public enum POWriter {
    public static func write(_ po: POFile) -> String {
        var out = ""
        if let header = po.header { entry(header, into: &out) }
        for entry in po.entries where !entry.isObsolete {
            if !out.isEmpty { out += "\n" }
            self.entry(entry, into: &out)
        }
        for entry in po.entries where entry.isObsolete {
            if !out.isEmpty { out += "\n" }
            self.entry(entry, into: &out)
        }
        return out
    }

    private static func entry(_ entry: POEntry, into out: inout String) {
        for note in entry.translatorComments { out += note.isEmpty ? "#\n" : "# \(oneLine(note))\n" }
        for note in entry.extractedComments { out += "#. \(oneLine(note))\n" }
        if !entry.references.isEmpty, !entry.isObsolete { out += "#: \(entry.references.joined(separator: " "))\n" }
        if !entry.flags.isEmpty { out += "#, \(entry.flags.joined(separator: ", "))\n" }
        let mark = entry.isObsolete ? "#~ " : ""
        if let previous = entry.previousContext { field("\(mark)#| msgctxt", previous, continuation: "\(mark)#| ", into: &out) }
        if let previous = entry.previousID { field("\(mark)#| msgid", previous, continuation: "\(mark)#| ", into: &out) }
        if let context = entry.context { field("\(mark)msgctxt", context, continuation: mark, into: &out) }
        field("\(mark)msgid", entry.id, continuation: mark, into: &out)
        if let plural = entry.pluralID {
            field("\(mark)msgid_plural", plural, continuation: mark, into: &out)
            for (index, translation) in entry.translations.enumerated() {
                field("\(mark)msgstr[\(index)]", translation, continuation: mark, into: &out)
            }
        } else {
            field("\(mark)msgstr", entry.translation, continuation: mark, into: &out)
        }
    }

    /// `keyword "text"`, or `keyword ""` and one string per line when the text has line breaks
    /// before its end.
    private static func field(_ keyword: String, _ text: String, continuation: String, into out: inout String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count <= 2, lines.count == 1 || lines[1].isEmpty {
            out += "\(keyword) \"\(escaped(Substring(text)))\"\n"
            return
        }
        out += "\(keyword) \"\"\n"
        for (index, line) in lines.enumerated() {
            let last = index == lines.count - 1
            if last && line.isEmpty { break }
            out += "\(continuation)\"\(escaped(line))\(last ? "" : "\\n")\"\n"
        }
    }

    static func escaped(_ text: Substring) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 2)
        for character in text.unicodeScalars {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A comment is one line: its line breaks are shown as spaces.
    private static func oneLine(_ text: String) -> String {
        text.contains("\n") ? text.split(separator: "\n").joined(separator: " ") : text
    }
}
