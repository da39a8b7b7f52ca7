/// Writes a PO file as GNU gettext lays one out, so that `msgfmt --check` accepts it and a
/// translation tool's diff of it stays small: comments in gettext's order, a text with line
/// breaks written one line per string, and no other wrapping.
///
/// It writes UTF-8 bytes: every character it escapes is ASCII, and no byte of a longer UTF-8
/// sequence is, so a text is escaped byte by byte.
public enum POWriter {
    public static func write(_ po: POFile) -> String {
        var out: [UInt8] = []
        if let header = po.header { entry(header, into: &out) }
        // The live entries, then the obsolete ones; a big file is written in two halves at once.
        let order = po.entries.indices.filter { !po.entries[$0].isObsolete } + po.entries.indices.filter { po.entries[$0].isObsolete }
        let middle = order.count / 2
        let (first, second) =
            order.count < 2000
            ? (entries(po, order[...]), [])
            : inParallel({ entries(po, order[..<middle]) }, { entries(po, order[middle...]) })
        for part in [first, second] where !part.isEmpty {
            if !out.isEmpty { out.append(newline) }
            out += part
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The entries at `order`, a blank line between each two.
    private static func entries(_ po: POFile, _ order: ArraySlice<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(order.count * 200)
        for index in order {
            if !out.isEmpty { out.append(newline) }
            entry(po.entries[index], into: &out)
        }
        return out
    }

    private static let newline = UInt8(ascii: "\n")

    private static func entry(_ entry: POEntry, into out: inout [UInt8]) {
        for note in entry.translatorComments {
            if note.isEmpty { out += "#\n".utf8 } else { comment("# ", note, into: &out) }
        }
        for note in entry.extractedComments { comment("#. ", note, into: &out) }
        if !entry.references.isEmpty, !entry.isObsolete { comment("#: ", entry.references.joined(separator: " "), into: &out) }
        if !entry.flags.isEmpty { comment("#, ", entry.flags.joined(separator: ", "), into: &out) }
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

    /// A comment is one line: its line breaks are shown as one space between the lines.
    private static func comment(_ prefix: String, _ text: String, into out: inout [UInt8]) {
        out += prefix.utf8
        guard text.utf8.contains(newline) else {
            out += text.utf8
            out.append(newline)
            return
        }
        var started = false
        var broken = false
        for byte in text.utf8 {
            if byte == newline {
                broken = started
                continue
            }
            if broken { out.append(UInt8(ascii: " ")) }
            out.append(byte)
            started = true
            broken = false
        }
        out.append(newline)
    }

    /// `keyword "text"`, or `keyword ""` and one string per line when the text has line breaks
    /// before its end.
    private static func field(_ keyword: String, _ text: String, continuation: String, into out: inout [UInt8]) {
        out += keyword.utf8
        var bytes = Substring(text).utf8
        let breaks = bytes.firstIndex(of: newline).map { bytes.index(after: $0) != bytes.endIndex } ?? false
        guard breaks else {
            out += " \"".utf8
            escape(bytes, into: &out)
            out += "\"\n".utf8
            return
        }
        out += " \"\"\n".utf8
        while !bytes.isEmpty {
            let end = bytes.firstIndex(of: newline)
            out += continuation.utf8
            out.append(UInt8(ascii: "\""))
            escape(bytes[..<(end ?? bytes.endIndex)], into: &out)
            if end != nil { out += "\\n".utf8 }
            out += "\"\n".utf8
            bytes = end.map { bytes[bytes.index(after: $0)...] } ?? bytes[bytes.endIndex...]
        }
    }

    private static func escape(_ text: Substring.UTF8View, into out: inout [UInt8]) {
        let plain = !text.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 }
        guard !plain else {
            out += text
            return
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"): out += "\\\\".utf8
            case UInt8(ascii: "\""): out += "\\\"".utf8
            case newline: out += "\\n".utf8
            case UInt8(ascii: "\t"): out += "\\t".utf8
            case UInt8(ascii: "\r"): out += "\\r".utf8
            default: out.append(byte)
            }
        }
    }
}
