/// ANSI styles, or none: the caller decides whether the output is a terminal that wants colour.
public struct Paint: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func heading(_ text: String) -> String { wrap(text, "1;36") }
    public func spoken(_ text: String) -> String { wrap(text, "32") }
    public func buyer(_ text: String) -> String { wrap(text, "33") }
    public func problem(_ text: String) -> String { wrap(text, "31") }
    /// A won outcome, a lost one, and one that is neither (reports and their bars).
    public func win(_ text: String) -> String { wrap(text, "32") }
    public func loss(_ text: String) -> String { wrap(text, "31") }
    public func neither(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
