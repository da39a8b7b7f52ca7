/// Outside text put into HTML or XML (a page of the web app, the HTML report, an SVG picture), as
/// element text or as a quoted attribute value.
public enum HTMLEscape {
    /// The text with `&`, `<`, `>`, `"` and `'` as entities, controls and bidirectional controls
    /// shown as `<U+1B>` (TerminalText: XML 1.0 cannot hold most controls at all, and an override
    /// would reorder the page's text), and U+FFFE and U+FFFF replaced. `&apos;` is both XML's and
    /// HTML5's, so one function serves pages and pictures. Right-to-left text is kept in its
    /// logical order; the viewer's bidirectional algorithm displays it.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in TerminalText.safe(text, lines: true).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
