/// The frame every page of `playbook serve` shares, and the small rules its pages write markup
/// by. The server's Content-Security-Policy (`default-src 'none'; style-src 'self'; script-src
/// 'self'; img-src 'self' data:; form-action 'self'`) forbids inline script and style, so a page
/// holds neither: its look is `/static/app.css` and its keyboard shortcuts `/static/app.js`
/// (`WebAssets`), and the page works without the script.
enum WebPage {
    /// A whole page: the doctype, `<html>` in `language` (right to left for Hebrew), the head
    /// with the style sheet and the deferred script, and `body` inside `<body class=…>`.
    static func document(title: String, language: String, bodyClass: String, body: String) -> String {
        var out = "<!doctype html>\n"
        out += "<html lang=\"\(escape(language))\" dir=\"\(direction(language))\">\n"
        out += "<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(escape(title))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
        out += "<script src=\"/static/app.js\" defer></script>\n"
        out += "</head>\n<body class=\"\(bodyClass)\">\n\(body)</body>\n</html>\n"
        return out
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// Escaped, with its line breaks kept as `<br>` (a playbook's text may have several lines).
    static func lines(_ text: String) -> String { escape(text).replacingAll("\n", with: "<br>\n") }

    /// `rtl` for a language written right to left, else `ltr`.
    static func direction(_ language: String) -> String { ToolLanguage.isRightToLeft(language) ? "rtl" : "ltr" }

    /// `lang` and `dir` for an element whose text is in `language`, when the page is in another.
    static func languageAttributes(_ language: String, page: String) -> String {
        guard LanguageCode.base(language) != LanguageCode.base(page) else { return "" }
        return " lang=\"\(escape(language))\" dir=\"\(direction(language))\""
    }

    /// An id as one segment of a path (`/walk/ID`) or a query's value: every byte but letters,
    /// digits and `-._~` percent-encoded, so an id with `/`, `?` or `#` still names itself.
    static func component(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 15)])
            }
        }
        return out
    }

    /// The hidden field that names the tab (`lease`), in every form that opens or moves a session.
    static func hidden(_ name: String, _ value: String) -> String {
        "<input type=\"hidden\" name=\"\(name)\" value=\"\(escape(value))\">"
    }

    /// A visible status of a session, in the page's words: `paused`, `in progress`...
    static func status(_ status: String, open: Bool, words: WebWords) -> String {
        if open { return words(.statusInProgress) }
        switch status {
        case "ended": return words(.statusEnded)
        case "paused": return words(.statusPaused)
        case "interrupted": return words(.statusInterrupted)
        case "faulted": return words(.statusFaulted)
        case "empty": return words(.statusEmpty)
        case "unreadable": return words(.statusUnreadable)
        default: return status
        }
    }

    /// The link home, at the top of every page but the home page.
    static func homeLink(_ words: WebWords) -> String {
        "<p class=\"crumb\"><a href=\"/\">\(escape(words(.home)))</a></p>\n"
    }
}
