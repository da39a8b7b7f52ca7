import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

@testable import PlaybookKit

/// Each format's quoting reads back as the text that went in, for text in any script and with
/// every character that means something to the format.
struct EscapingTests {
    static let samples = [
        "plain words",
        #"quotes " and ' apostrophes"#,
        "<b>tags</b> & entities &amp; &lt; &#35; #quot; #35; #9829;",
        #"back\slash \n \\ \" end\"#,
        "percent %%{init: {}}%% and `backticks` and |pipes| [brackets] (parens) {braces}",
        "style: fill:#f00; classDef x:#fff;",
        "客户今年有预算吗？",
        "ลูกค้ามีงบประมาณสำหรับปีนี้หรือไม่",
        "האם יש ללקוח תקציב? (\"כן\")",
        "Vie\u{0323}\u{0302}t Nam 👨‍👩‍👧",
        "two\nlines",
    ]

    // MARK: Mermaid

    /// What Mermaid makes of a quoted label: the quotes dropped, `<br>` a line break, `#name;` and
    /// `#123;` the characters they name.
    static func mermaidReading(_ label: String) -> String {
        var text = String(label.dropFirst().dropLast())
        text = text.replacingOccurrences(of: "<br>", with: "\n")
        let named = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">"]
        var out = ""
        var rest = text[...]
        while let hash = rest.firstIndex(of: "#") {
            out += rest[..<hash]
            let after = rest[rest.index(after: hash)...]
            if let semicolon = after.firstIndex(of: ";") {
                let name = String(after[..<semicolon])
                if let character = named[name] ?? UInt32(name).flatMap(Unicode.Scalar.init).map(String.init) {
                    out += character
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            out += "#"
            rest = after
        }
        return out + rest
    }

    @Test(arguments: samples)
    func mermaidLabelReadsBack(_ text: String) {
        let label = Mermaid.label(text)
        #expect(label.hasPrefix("\"") && label.hasSuffix("\""))
        #expect(Self.mermaidReading(label) == text)
        let body = label.dropFirst().dropLast()
        for forbidden: Character in ["\"", "\\", "%", "`", "|", "&"] {
            #expect(!body.contains(forbidden), "raw \(forbidden) in \(label)")
        }
        // The only tag is the line break; every # starts a code.
        let withoutBreaks = body.replacingOccurrences(of: "<br>", with: "")
        #expect(!withoutBreaks.contains("<") && !withoutBreaks.contains(">"))
        #expect(body.replacingOccurrences(of: #"#(quot|\d+);"#, with: "", options: .regularExpression).contains("#") == false)
    }

    @Test func mermaidCodesColonsOnlyWhereItsStyleRuleWouldBite() {
        #expect(Mermaid.label("won: Demo booked") == "\"won: Demo booked\"")
        #expect(Mermaid.label("style: #1;") == "\"style#58; #35;1;\"")
        #expect(Mermaid.label("Lifestyle:x") == "\"Lifestyle#58;x\"")
        #expect(Mermaid.label("\"") == "\"#quot;\"")
    }

    // MARK: DOT

    /// What Graphviz makes of a double-quoted string: `\"` a quote, `\\` a backslash, `\n` a line
    /// break, then HTML entities read.
    static func dotReading(_ quoted: String) -> String {
        var out = ""
        var escaped = false
        for character in quoted.dropFirst().dropLast() {
            if escaped {
                out += character == "n" ? "\n" : String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test(arguments: samples)
    func dotStringReadsBack(_ text: String) {
        let quoted = Dot.quote(text)
        #expect(Self.dotReading(quoted) == text)
        // No quote ends the string early: every quote inside is escaped.
        var escaped = false
        for character in quoted.dropFirst().dropLast() {
            #expect(escaped || character != "\"", "unescaped quote in \(quoted)")
            escaped = !escaped && character == "\\"
        }
        #expect(!escaped, "a lone backslash would escape the closing quote: \(quoted)")
        #expect(!quoted.contains("&lt;") || text.contains("&lt;"))
    }

    // MARK: SVG

    /// The text content of `<t>escaped</t>`, as an XML parser reads it.
    static func xmlReading(_ escaped: String) throws -> String {
        final class Reader: NSObject, XMLParserDelegate {
            var text = ""
            func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        }
        let parser = XMLParser(data: Data("<t a=\"\(escaped)\">\(escaped)</t>".utf8))
        let reader = Reader()
        parser.delegate = reader
        try #require(parser.parse(), "not well-formed: \(escaped)")
        return reader.text
    }

    @Test(arguments: samples)
    func svgTextReadsBack(_ text: String) throws {
        let escaped = SVG.escape(text)
        #expect(try Self.xmlReading(escaped) == text)
        for forbidden: Character in ["<", ">", "\"", "'"] { #expect(!escaped.contains(forbidden)) }
    }

    @Test func svgReplacesWhatXMLCannotHold() throws {
        #expect(SVG.escape("a\u{1}b\u{FFFE}c") == "a&lt;U+1&gt;b\u{FFFD}c")
        #expect(try Self.xmlReading(SVG.escape("bell\u{7}")) == "bell<U+7>")
    }

    // MARK: Controls, in every format

    /// An escape sequence (a terminal title, a screen clear), a C1 CSI, a bidirectional override
    /// and an isolate: in no format are they written raw, and each is shown as a visible mark.
    static let hostile = "Deal \u{1B}]0;OWNED\u{07}\u{1B}[2J \u{9B}31m \u{202E}won\u{202C} \u{2066}x\u{2069}"

    @Test func controlsAreNeverWrittenRaw() throws {
        let outputs = ["mermaid": Mermaid.label(Self.hostile), "dot": Dot.quote(Self.hostile), "svg": SVG.escape(Self.hostile)]
        for (format, output) in outputs {
            #expect(!output.unicodeScalars.contains(where: TerminalText.isUnsafe), "\(format): \(output.debugDescription)")
        }
        #expect(Self.mermaidReading(Mermaid.label(Self.hostile)) == TerminalText.safe(Self.hostile))
        #expect(Self.dotReading(Dot.quote(Self.hostile)) == TerminalText.safe(Self.hostile))
        #expect(try Self.xmlReading(SVG.escape(Self.hostile)) == TerminalText.safe(Self.hostile))
        #expect(TerminalText.safe(Self.hostile).contains("<U+1B>]0;OWNED<U+7><U+1B>[2J <U+9B>31m <U+202E>won<U+202C>"))
    }
}
