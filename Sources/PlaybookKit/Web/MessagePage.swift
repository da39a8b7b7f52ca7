/// A link a page offers: where it goes and what it says.
public struct WebLink: Sendable, Hashable {
    public var href: String
    public var label: String

    public init(href: String, label: String) {
        self.href = href
        self.label = label
    }
}

/// An error or a refusal (a session open in another tab or a terminal, a page not found), with a
/// way on and always a way home.
public struct MessageScreen: Sendable {
    /// The language of the page's words (`WebWords`): the playbook's, when there is one.
    public var language: String
    public var title: String
    public var text: String
    public var link: WebLink?

    public init(language: String, title: String, text: String, link: WebLink? = nil) {
        self.language = language
        self.title = title
        self.text = text
        self.link = link
    }
}

/// The message, its link (as the first thing to press) and the link home.
public func messagePage(_ screen: MessageScreen) -> String {
    let words = WebWords(language: screen.language)
    let h = WebPage.escape
    var out = "<header class=\"top\">\n" + WebPage.homeLink(words) + "<h1>\(h(screen.title))</h1>\n</header>\n<main>\n"
    out += "<p class=\"message-text\">\(WebPage.lines(screen.text))</p>\n<p class=\"actions\">"
    if let link = screen.link { out += "<a class=\"button primary\" href=\"\(h(link.href))\" autofocus>\(h(link.label))</a> " }
    out += "<a class=\"button\" href=\"/\">\(h(words(.home)))</a></p>\n</main>\n"
    return WebPage.document(title: screen.title, language: screen.language, bodyClass: "message", body: out)
}
