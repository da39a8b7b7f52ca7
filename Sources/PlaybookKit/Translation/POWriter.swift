/// Writes a PO file as GNU gettext lays one out, so that `msgfmt --check` accepts it and a
/// translation tool's diff of it stays small: comments in gettext's order, a text with line
/// breaks written one line per string, and no other wrapping.
///
/// It writes UTF-8 bytes: every character it escapes is ASCII, and no byte of a longer UTF-8
/// sequence is, so a text is escaped byte by byte, and a text with nothing to escape is copied whole.
public enum POWriter {
    public static func write(_ po: POFile) -> String {
        String(decoding: bytes(po), as: UTF8.self)
    }

    /// The file's UTF-8 bytes.
    public static func bytes(_ po: POFile) -> [UInt8] {
        // The live entries, then the obsolete ones; a big file is written in two halves at once.
        let order =
            po.entries.contains(where: \.isObsolete) ? po.entries.filter { !$0.isObsolete } + po.entries.filter(\.isObsolete) : po.entries
        guard order.count >= 2000 else { return bytes(header: po.header, parts: [entries(order[...])]) }
        let middle = order.count / 2
        let (first, second) = inParallel({ entries(order[..<middle]) }, { entries(order[middle...]) })
        return bytes(header: po.header, parts: [first, second])
    }

    /// A file of `header` and then the entries written in `parts`, each by `entries`.
    static func bytes(header: POEntry?, parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        if let header { entry(header, into: &out) }
        out.reserveCapacity(out.count + parts.reduce(0) { $0 + $1.count + 1 })
        for part in parts where !part.isEmpty {
            if !out.isEmpty { out.append(newline) }
            out += part
        }
        return out
    }

    /// `entries`, a blank line between each two.
    static func entries(_ entries: ArraySlice<POEntry>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 200)
        for entry in entries {
            if !out.isEmpty { out.append(newline) }
            Self.entry(entry, into: &out)
        }
        return out
    }

    private static let newline = UInt8(ascii: "\n")

    private static func entry(_ entry: POEntry, into out: inout [UInt8]) {
        for note in entry.translatorComments {
            if note.isEmpty { out.append("#\n") } else { comment("# ", note, into: &out) }
        }
        for note in entry.extractedComments { comment("#. ", note, into: &out) }
        if !entry.references.isEmpty, !entry.isObsolete { list("#: ", entry.references, separator: " ", into: &out) }
        if !entry.flags.isEmpty { list("#, ", entry.flags, separator: ", ", into: &out) }
        let mark: StaticString = entry.isObsolete ? "#~ " : ""
        if let previous = entry.previousContext { field(mark, "#| msgctxt", previous, continuation: "#| ", into: &out) }
        if let previous = entry.previousID { field(mark, "#| msgid", previous, continuation: "#| ", into: &out) }
        if let context = entry.context { field(mark, "msgctxt", context, into: &out) }
        field(mark, "msgid", entry.id, into: &out)
        if let plural = entry.pluralID {
            field(mark, "msgid_plural", plural, into: &out)
            for (index, translation) in entry.translations.enumerated() {
                field(mark, "msgstr[\(index)]", translation, into: &out)
            }
        } else {
            field(mark, "msgstr", entry.translation, into: &out)
        }
    }

    /// `#: a b`, `#, fuzzy, c-format`: a comment of the parts of a list.
    private static func list(_ prefix: StaticString, _ parts: [String], separator: StaticString, into out: inout [UInt8]) {
        guard parts.count > 1 else { return comment(prefix, parts[0], into: &out) }
        comment(prefix, parts.joined(separator: separator.description), into: &out)
    }

    /// A comment is one line: its line breaks are shown as one space between the lines.
    static func comment(_ prefix: StaticString, _ text: String, into out: inout [UInt8]) {
        out.append(prefix)
        utf8(text) { bytes in
            guard bytes.contains(newline) else { return out += bytes }
            var started = false
            var broken = false
            for byte in bytes {
                if byte == newline {
                    broken = started
                    continue
                }
                if broken { out.append(UInt8(ascii: " ")) }
                out.append(byte)
                started = true
                broken = false
            }
        }
        out.append(newline)
    }

    /// `keyword "text"`, or `keyword ""` and one string per line when the text has line breaks
    /// before its end; each line after `mark` (`#~ ` for an obsolete entry).
    static func field(
        _ mark: StaticString, _ keyword: String, _ text: String, continuation: StaticString = "", into out: inout [UInt8]
    ) {
        out.append(mark)
        utf8(keyword) { out += $0 }
        utf8(text) { bytes in
            let breaks = bytes.firstIndex(of: newline).map { $0 + 1 != bytes.count } ?? false
            guard breaks else {
                out.append(" \"")
                escape(bytes[...], into: &out)
                out.append("\"\n")
                return
            }
            out.append(" \"\"\n")
            var rest = bytes[...]
            while !rest.isEmpty {
                let end = rest.firstIndex(of: newline)
                out.append(mark)
                out.append(continuation)
                out.append(UInt8(ascii: "\""))
                escape(rest[..<(end ?? rest.endIndex)], into: &out)
                if end != nil { out.append("\\n") }
                out.append("\"\n")
                rest = end.map { rest[($0 + 1)...] } ?? rest[rest.endIndex...]
            }
        }
    }

    private static func escape(_ text: Slice<UnsafeBufferPointer<UInt8>>, into out: inout [UInt8]) {
        guard text.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 }) else {
            return out += text
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "\\"): out.append("\\\\")
            case UInt8(ascii: "\""): out.append("\\\"")
            case newline: out.append("\\n")
            case UInt8(ascii: "\t"): out.append("\\t")
            case UInt8(ascii: "\r"): out.append("\\r")
            default: out.append(byte)
            }
        }
    }

    /// `body` with the UTF-8 bytes of `text`, in place (a string read or built here is stored as UTF-8).
    private static func utf8(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8(body)
    }
}

extension [UInt8] {
    /// Appends the UTF-8 of `text`.
    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(contentsOf: $0) }
    }
}
