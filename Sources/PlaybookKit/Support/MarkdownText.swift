/// Outside text (a buyer's words, a stage title, a rep's name) put into Markdown: every character
/// that Markdown could read as formatting, a link, an entity, HTML or a table's column break is
/// escaped with a backslash, a line break becomes a space (a table cell and a list item are one
/// line), and the result is made safe for a terminal (a Markdown page is often printed, then pasted).
public enum MarkdownText {
    public static func escape(_ text: String) -> String {
        // By scalars: a `*` followed by a combining mark is one Character, and still a `*`.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if "\\`*_[]<>#|~&".unicodeScalars.contains(scalar) { out.append("\\") }
            out.append(scalar == "\n" || scalar == "\r" ? " " : scalar)
        }
        return TerminalText.safe(String(out))
    }
}
