/// Reads a gettext PO file the way GNU gettext does, reporting what it cannot read (PB0801) at
/// its line and column and going on with the next line, so that one slip shows every other one.
public struct POParser {
    private let source: SourceFile
    private let file: Int
    private var diagnostics: [Diagnostic] = []
    private var entries: [POEntry] = []
    private var current = Pending()
    private var lastField: Field?

    /// An entry being read: the fields seen so far.
    private struct Pending {
        var entry = POEntry(context: nil, id: "")
        var start: Int?
        var hasID = false
        var hasTranslation = false
        var obsolete = false
        var isEmpty: Bool { start == nil }
    }

    private enum Field {
        case context, id, plural, translation(Int), previousContext, previousID, previousPlural
    }

    /// The entries of `source`, which is file `file` of the check, and what is wrong in it.
    public static func parse(_ source: SourceFile, file: Int) -> (POFile, [Diagnostic]) {
        var parser = POParser(source: source, file: file)
        parser.run()
        var header: POEntry?
        var rest: [POEntry] = []
        for entry in parser.entries {
            if entry.isHeader, !entry.isObsolete, header == nil { header = entry } else { rest.append(entry) }
        }
        let po = POFile(header: header, entries: rest)
        parser.checkCharset(po)
        parser.checkDuplicates(rest)
        return (po, parser.diagnostics)
    }

    private init(source: SourceFile, file: Int) {
        self.source = source
        self.file = file
    }

    private func span(_ range: Range<Int>) -> Span { Span(file: file, start: range.lowerBound, end: range.upperBound) }

    private mutating func error(_ message: String, at range: Range<Int>, label: String = "", help: String? = nil) {
        diagnostics.append(Diagnostic(.poSyntax, message, at: span(range), label: label, help: help))
    }

    private mutating func run() {
        // A file valid as a whole has no invalid line: then lines are not checked one by one.
        let valid = String(validating: source.bytes, as: UTF8.self) != nil
        for index in 0..<source.lineCount {
            let range = source.lineRange(index)
            guard valid || String(validating: source.bytes[range], as: UTF8.self) != nil else {
                error("this line is not valid UTF-8", at: range, help: "save the file as UTF-8")
                continue
            }
            line(range)
        }
        finish(at: source.bytes.count)
    }

    /// One line, its `#~` (obsolete) mark taken off.
    private mutating func line(_ whole: Range<Int>) {
        var start = skipSpaces(whole.lowerBound, whole.upperBound)
        let end = whole.upperBound
        guard start < end else { return }
        var obsolete = false
        if byte(start) == UInt8(ascii: "#"), start + 1 < end, byte(start + 1) == UInt8(ascii: "~") {
            obsolete = true
            start = skipSpaces(start + 2, end)
            guard start < end else { return }
        }
        let range = start..<end
        if byte(start) == UInt8(ascii: "#") {
            comment(range)
        } else if byte(start) == UInt8(ascii: "\"") {
            continuation(range)
        } else {
            keyword(range, obsolete: obsolete)
        }
    }

    private mutating func comment(_ range: Range<Int>) {
        if current.hasTranslation { finish(at: range.lowerBound) }
        begin(at: range.lowerBound)
        let kind = range.count > 1 ? byte(range.lowerBound + 1) : UInt8(ascii: " ")
        var start = min(range.lowerBound + 2, range.upperBound)
        while start < range.upperBound, byte(start) == UInt8(ascii: " ") { start += 1 }
        let text = start..<range.upperBound
        switch kind {
        case UInt8(ascii: "."): current.entry.extractedComments.append(source.text(text))
        case UInt8(ascii: ":"): current.entry.references += words(text, separator: UInt8(ascii: " "))
        case UInt8(ascii: ","): current.entry.flags += words(text, separator: UInt8(ascii: ","))
        case UInt8(ascii: "|"): previous(skipSpaces(range.lowerBound + 2, range.upperBound)..<range.upperBound)
        default:
            // `# note`, or `#` alone: a translator's comment, its one space after `#` dropped.
            let space = range.count > 1 && byte(range.lowerBound + 1) == UInt8(ascii: " ")
            current.entry.translatorComments.append(source.text((range.lowerBound + (space ? 2 : 1))..<range.upperBound))
        }
    }

    /// The parts of `range` between `separator`s, without the spaces around them; empty ones left out.
    private func words(_ range: Range<Int>, separator: UInt8) -> [String] {
        var words: [String] = []
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            while end < range.upperBound, byte(end) != separator { end += 1 }
            let first = skipSpaces(start, end)
            var last = end
            while last > first, byte(last - 1) == UInt8(ascii: " ") || byte(last - 1) == UInt8(ascii: "\t") { last -= 1 }
            if first < last { words.append(source.text(first..<last)) }
            start = end + 1
        }
        return words
    }

    /// `#| msgid "..."`: the source of a fuzzy translation.
    private mutating func previous(_ range: Range<Int>) {
        guard range.lowerBound < range.upperBound else { return }
        if byte(range.lowerBound) == UInt8(ascii: "\"") {
            guard let field = lastField, let text = string(range) else { return }
            switch field {
            case .previousContext: current.entry.previousContext = (current.entry.previousContext ?? "") + text
            case .previousID: current.entry.previousID = (current.entry.previousID ?? "") + text
            case .previousPlural: break
            default: error("a continued string in a '#|' comment follows no '#|' field", at: range)
            }
            return
        }
        let (word, rest) = splitKeyword(range)
        guard let text = string(rest) else { return }
        switch word {
        case "msgctxt":
            current.entry.previousContext = text
            lastField = .previousContext
        case "msgid":
            current.entry.previousID = text
            lastField = .previousID
        case "msgid_plural": lastField = .previousPlural
        default: error("'#|' comments hold msgctxt and msgid, not '\(word)'", at: range.lowerBound..<rest.lowerBound)
        }
    }

    private mutating func continuation(_ range: Range<Int>) {
        guard let field = lastField, !current.isEmpty else {
            error("this string continues no msgid or msgstr", at: range, help: "a continued string goes on the lines right after its keyword")
            return
        }
        guard let text = string(range) else { return }
        switch field {
        case .context: current.entry.context = (current.entry.context ?? "") + text
        case .id: current.entry.id += text
        case .plural: current.entry.pluralID = (current.entry.pluralID ?? "") + text
        case .translation(let index): current.entry.translations[index] += text
        case .previousContext, .previousID, .previousPlural:
            error("a continued '#|' string must be written '#| \"...\"'", at: range)
            return
        }
        extend(field, to: range.upperBound)
    }

    private mutating func keyword(_ range: Range<Int>, obsolete: Bool) {
        let (word, rest) = splitKeyword(range)
        let wordRange = range.lowerBound..<rest.lowerBound
        switch word {
        case "msgctxt":
            if current.hasID || current.hasTranslation { finish(at: range.lowerBound) }
            begin(at: range.lowerBound)
            guard let text = string(rest) else { return }
            current.entry.context = text
            lastField = .context
        case "msgid":
            if current.hasTranslation { finish(at: range.lowerBound) }
            if current.hasID {
                error("this msgid follows a msgid that has no msgstr", at: wordRange, help: "give each msgid its msgstr, even an empty one: msgstr \"\"")
                finish(at: range.lowerBound)
            }
            begin(at: range.lowerBound)
            guard let text = string(rest) else { return }
            current.entry.id = text
            current.hasID = true
            current.obsolete = obsolete
            current.entry.idSpan = span(range)
            lastField = .id
        case "msgid_plural":
            guard current.hasID, !current.hasTranslation else {
                error("msgid_plural must follow a msgid", at: wordRange)
                return
            }
            guard let text = string(rest) else { return }
            current.entry.pluralID = text
            lastField = .plural
        default:
            guard word == "msgstr" || (word.hasPrefix("msgstr[") && word.hasSuffix("]")) else {
                error("'\(word)' is not a keyword of PO files", at: wordRange, help: "entries are written with msgctxt, msgid and msgstr")
                return
            }
            guard current.hasID else {
                error("this msgstr has no msgid before it", at: wordRange)
                return
            }
            // An unreadable msgstr still ends its entry, as not translated.
            let text = string(rest) ?? ""
            if word == "msgstr" {
                current.entry.translations = [text]
                lastField = .translation(0)
            } else {
                guard let number = Int(word.dropFirst(7).dropLast()), number == (current.hasTranslation ? current.entry.translations.count : 0)
                else {
                    error("'\(word)' is out of order", at: wordRange, help: "plural forms are numbered msgstr[0], msgstr[1]... in order")
                    return
                }
                if number == 0 { current.entry.translations = [text] } else { current.entry.translations.append(text) }
                lastField = .translation(number)
            }
            current.hasTranslation = true
            current.entry.translationSpan = span(range)
        }
    }

    private mutating func extend(_ field: Field, to end: Int) {
        switch field {
        case .id: current.entry.idSpan?.end = Int32(end)
        case .translation: current.entry.translationSpan?.end = Int32(end)
        default: break
        }
    }

    private mutating func begin(at offset: Int) {
        if current.start == nil { current.start = offset }
    }

    private mutating func finish(at offset: Int) {
        defer {
            current = Pending()
            lastField = nil
        }
        guard let start = current.start else { return }
        guard current.hasID else {
            if current.entry.context != nil {
                error("this msgctxt has no msgid after it", at: start..<min(offset, source.lineRange(source.lineIndex(of: start)).upperBound))
            }
            return
        }
        guard current.hasTranslation else {
            let idSpan = current.entry.idSpan.map { Int($0.start)..<Int($0.end) } ?? start..<offset
            error("this msgid has no msgstr", at: idSpan, help: "add one after it, empty if it is not translated yet: msgstr \"\"")
            return
        }
        var entry = current.entry
        entry.isObsolete = current.obsolete
        entries.append(entry)
    }

    /// The quoted string that is all of `range` but spaces after it, unescaped; nil (after
    /// reporting it) when it is not one.
    private mutating func string(_ range: Range<Int>) -> String? {
        let start = skipSpaces(range.lowerBound, range.upperBound)
        guard start < range.upperBound, byte(start) == UInt8(ascii: "\"") else {
            error("a quoted string should come here", at: start..<max(start + 1, min(range.upperBound, start + 1)), help: "PO strings are written in double quotes: \"...\"")
            return nil
        }
        var out: [UInt8] = []
        var index = start + 1
        while index < range.upperBound {
            let character = byte(index)
            if character == UInt8(ascii: "\"") {
                let after = skipSpaces(index + 1, range.upperBound)
                if after < range.upperBound {
                    error("only spaces may follow a string on its line", at: after..<range.upperBound, help: "a '\"' inside a string is written \\\"")
                    return nil
                }
                return String(decoding: out, as: UTF8.self)
            }
            if character == UInt8(ascii: "\\") {
                guard index + 1 < range.upperBound else { break }
                guard let unescaped = Self.escapes[byte(index + 1)] else {
                    let shown = source.text(index..<index + 2)
                    error("'\(shown)' is not an escape PO files know", at: index..<index + 2, help: "write \\\\ for a backslash; the escapes are \\n \\t \\\" \\\\")
                    return nil
                }
                out.append(unescaped)
                index += 2
                continue
            }
            out.append(character)
            index += 1
        }
        error("this string has no closing quote", at: start..<range.upperBound, help: "end it with '\"' on the same line; a long string goes on as a new \"...\" on the next line")
        return nil
    }

    private static let escapes: [UInt8: UInt8] = [
        UInt8(ascii: "n"): 0x0A, UInt8(ascii: "t"): 0x09, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "\""): 0x22,
        UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C,
        UInt8(ascii: "v"): 0x0B,
    ]

    private func splitKeyword(_ range: Range<Int>) -> (String, Range<Int>) {
        var end = range.lowerBound
        while end < range.upperBound, byte(end) != UInt8(ascii: " "), byte(end) != UInt8(ascii: "\t"), byte(end) != UInt8(ascii: "\"") {
            end += 1
        }
        return (source.text(range.lowerBound..<end), end..<range.upperBound)
    }

    private func byte(_ offset: Int) -> UInt8 { source.bytes[offset] }

    private func skipSpaces(_ start: Int, _ end: Int) -> Int {
        var index = start
        while index < end, byte(index) == UInt8(ascii: " ") || byte(index) == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    private mutating func checkCharset(_ po: POFile) {
        guard let header = po.header, let type = po.headerFields.first(where: { $0.name == "Content-Type" })?.value else { return }
        let bytes = Array(type.utf8)
        let key = "charset=".utf8
        guard let found = bytes.indices.first(where: { bytes[$0...].starts(with: key) }) else { return }
        let name = String(decoding: bytes[(found + key.count)...], as: UTF8.self).trimmingWhitespace()
        guard name.lowercased() != "utf-8", name != "CHARSET" else { return }
        let at = header.translationSpan ?? Span(file: file, start: 0, end: 0)
        diagnostics.append(
            Diagnostic(
                .poSyntax, "the header says the file is in \(name); playbook reads PO files in UTF-8", at: at,
                help: "convert it (msgconv --to-code=UTF-8) and say charset=UTF-8 in Content-Type"))
    }

    private mutating func checkDuplicates(_ entries: [POEntry]) {
        var first: [POKey: Span] = [:]
        first.reserveCapacity(entries.count)
        for entry in entries where !entry.isObsolete {
            guard let at = entry.idSpan else { continue }
            if let earlier = first[entry.key] {
                diagnostics.append(
                    Diagnostic(
                        .poSyntax, "this message is in the file twice", at: at, label: "again here",
                        secondary: [Label(earlier, "first here")], help: "keep one of them; gettext refuses a file with both"))
            } else {
                first[entry.key] = at
            }
        }
    }
}
