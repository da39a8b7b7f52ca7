extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}

/// Language tags as playbooks write them (`vi`, `zh-Hant`, `pt_BR`).
enum LanguageCode {
    /// `zh-Hant` and `pt_BR` look up `zh` and `pt`.
    static func base(_ language: String) -> String {
        String(language.prefix { $0 != "-" && $0 != "_" }).lowercased()
    }
}

/// An English count with its noun: "1 error", "2 errors", "1 space". For English messages only:
/// words in the playbook's language come from its words table, which has each language's rule.
public func counted(_ count: Int, _ noun: String) -> String {
    count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
}
