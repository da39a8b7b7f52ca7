import Foundation

@testable import PlaybookKit

/// A docs page of a diagnostic, read from its markdown: its title and severity, and the code
/// blocks of its "Wrong" and "Fixed" sections.
///
/// A ```playbook block is one file, named by a line before it that ends with the name in
/// backticks and a colon ("with `libraries/step64.playbook`:"), else `main.playbook`; a
/// ```scenarios block likewise, else `main.scenarios`; a ```po block, else `main.vi.po`. The ```text block of "Wrong" is what
/// `playbook check main.playbook` prints, or `playbook test main.scenarios` for an example with a
/// scenario file. Marks, each an HTML comment
/// alone on its line in "Wrong", say where a page shows more or less than its fixture:
/// - `<!-- some files not shown -->`: the fixture has files the example leaves out (the prose
///   says what they hold);
/// - `<!-- fixture: PB0111-invisible-control -->`: the blocks after it are a second example,
///   that fixture's files and what its check prints;
/// - `<!-- variation -->` before a ```text block: the text is what check prints for a variation
///   of the fixture that the prose describes, built by `DiagnosticDocsTests.variation`.
/// How a block shows a file's bytes is `shown` and `shows`.
struct DiagnosticDocsPage {
    /// One example of "Wrong": a fixture's files as the page shows them, and what check prints.
    struct Example {
        /// The fixture, when it is not the page's own.
        var fixture: String?
        var files: [String: String] = [:]
        var printed: String?
        var showsSomeFiles = false
    }

    var title = ""
    var severity = ""
    var examples = [Example()]
    var fixed: [String: String] = [:]
    var variation: String?
    /// What the page gets wrong in its shape: a block or a mark the reader cannot place.
    var problems: [String] = []

    var wrong: Example { examples[0] }

    static let someFilesNotShown = "<!-- some files not shown -->"
    static let variationMark = "<!-- variation -->"
    static let fixtureMark = (start: "<!-- fixture: ", end: " -->")

    init(_ markdown: String) {
        var section = ""
        var name: String?
        var isVariation = false
        var block: [Substring]?
        var fence = ""
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if var lines = block {
                guard line == "```" else {
                    lines.append(line)
                    block = lines
                    continue
                }
                add(lines.joined(separator: "\n") + "\n", fence: fence, section: section, name: name, isVariation: isVariation)
                block = nil
                name = nil
                isVariation = false
            } else if line.hasPrefix("# "), title.isEmpty {
                title = String(line.dropFirst(2))
            } else if line.hasPrefix("**Severity:** ") {
                severity = String(line.dropFirst(14).prefix { $0.isLetter })
            } else if line.hasPrefix("## ") {
                section = String(line.dropFirst(3))
            } else if line.hasPrefix("```") {
                fence = String(line.dropFirst(3))
                block = []
            } else if line.hasPrefix("<!--") {
                mark(line, section: section, isVariation: &isVariation)
            } else if line.hasSuffix("`:"), let start = line.dropLast(2).lastIndex(of: "`") {
                let named = line[line.index(after: start)..<line.index(line.endIndex, offsetBy: -2)]
                if named.hasSuffix(".playbook") || named.hasSuffix(".scenarios") { name = String(named) }
            }
        }
        if block != nil { problems.append("a block is not closed") }
    }

    private mutating func mark(_ line: Substring, section: String, isVariation: inout Bool) {
        guard section == "Wrong" else { return problems.append("\(line) outside \"Wrong\"") }
        if line == Self.someFilesNotShown {
            examples[examples.count - 1].showsSomeFiles = true
        } else if line == Self.variationMark {
            isVariation = true
        } else if line.hasPrefix(Self.fixtureMark.start), line.hasSuffix(Self.fixtureMark.end) {
            let fixture = line.dropFirst(Self.fixtureMark.start.count).dropLast(Self.fixtureMark.end.count)
            examples.append(Example(fixture: String(fixture)))
        } else {
            problems.append("an unknown mark \(line)")
        }
    }

    private mutating func add(_ text: String, fence: String, section: String, name: String?, isVariation: Bool) {
        let last = examples.count - 1
        // A file's block: its fence says its kind, and a name given before it must be of that kind.
        let isFile = fence == "playbook" || fence == "scenarios" || fence == "po"
        let file = name ?? (fence == "scenarios" ? DiagnosticFixtureTests.scenarios : fence == "po" ? "main.vi.po" : "main.playbook")
        if isFile, !file.hasSuffix("." + fence) { problems.append("a ```\(fence) block named \(file)") }
        switch (section, fence, isVariation) {
        case ("Wrong", "text", true):
            if variation != nil { problems.append("two variations") }
            variation = text
        case ("Wrong", "text", false):
            if examples[last].printed != nil { problems.append("two printed texts for one example; mark the other \(Self.variationMark)") }
            examples[last].printed = text
        case ("Wrong", _, false) where isFile:
            if examples[last].files.updateValue(text, forKey: file) != nil { problems.append("\(file) is shown twice in one example") }
        case ("Fixed", _, false) where isFile:
            if fixed.updateValue(text, forKey: file) != nil { problems.append("\(file) is shown twice in \"Fixed\"") }
        default:
            problems.append("a ```\(fence) block\(isVariation ? " marked as a variation" : "") in \"\(section)\"")
        }
    }

    // MARK: How a block shows a file

    /// A fixture's file as a page shows it: a tab as `⇥`, a byte that is not UTF-8 as `\xHH`
    /// (`\xC3`), and another character that is invisible or moves text on a terminal (a control
    /// or bidirectional character) as the tool writes it in names, `<U+202E>` (TerminalText).
    static func shown(_ bytes: [UInt8]) -> String {
        var text = ""
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var at = 0
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar == "\t" {
                    text += "⇥"
                } else if scalar != "\n", TerminalText.isUnsafe(scalar) {
                    text += TerminalText.safe(String(scalar))
                } else {
                    text.unicodeScalars.append(scalar)
                }
                at += encoded.count
            case .error(let length):
                for byte in bytes[at..<at + length] { text += hex(byte) }
                at += length
            case .emptyInput:
                return text
            }
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }

    /// Why a fixture's file cannot be shown unambiguously: it holds one of the signs itself.
    static func ambiguity(_ bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("⇥") { return "it holds a ⇥" }
        if text.contains("\\x") { return "it holds a \\x" }
        if text.contains("<U+") { return "it holds a <U+" }
        if text.split(separator: "\n").contains("⋮") { return "it has a line ⋮" }
        return nil
    }

    /// Whether a block shows a file (as `shown` writes it): the same text, except that a line that
    /// is exactly `⋮` stands for one or more lines left out. The lines between the marks are found
    /// in order, the first part at the start and the last at the end.
    static func shows(_ block: String, _ file: String) -> Bool {
        let lines = file.split(separator: "\n", omittingEmptySubsequences: false)
        let parts = block.split(separator: "\n", omittingEmptySubsequences: false)
            .split(separator: "⋮", omittingEmptySubsequences: false)
        guard let first = parts.first, let last = parts.last, parts.count > 1 else { return block == file }
        guard lines.starts(with: first) else { return false }
        var at = first.count
        for part in parts.dropFirst().dropLast() {
            let found = stride(from: at + 1, through: lines.count - part.count, by: 1).first {
                lines[$0..<$0 + part.count].elementsEqual(part)
            }
            guard let found else { return false }
            at = found + part.count
        }
        return lines.count - last.count > at && lines.suffix(last.count).elementsEqual(last)
    }
}
