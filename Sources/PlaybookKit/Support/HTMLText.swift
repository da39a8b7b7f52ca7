/// Outside text (a playbook's strings, a record's fields, a rep's typed words) put into HTML, SVG
/// or XML, as an element's text or inside a quoted attribute. Every page and picture the tool
/// draws in markup escapes through here, so one rule decides what a hostile text can do.
public enum HTMLText {
    /// `&`, `<`, `>`, `"` and `'` as entities, controls and bidirectional controls shown as
    /// `<U+1B>` (TerminalText: XML 1.0 cannot hold most controls at all, and an override would
    /// reorder what the reader sees), and U+FFFE and U+FFFF replaced. Line breaks and tabs are
    /// kept. Right-to-left text is kept in its logical order; the reader's bidirectional
    /// algorithm displays it.
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
