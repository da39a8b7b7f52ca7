/// The languages the tool's own words are written in (the runner's, the reports', the
/// flowchart's), how a table of them is chosen for a playbook's language, and how a phrase is
/// filled in. Any other language gets English.
public enum ToolLanguage {
    public static let all = ["en", "vi", "he", "zh", "th"]

    /// Whether `code` (`he`, `he-IL`) is written right to left: Hebrew, and Arabic, Persian, Urdu
    /// and Yiddish should a playbook declare them. Its pictures are drawn mirrored and its pages
    /// laid out right to left.
    public static func isRightToLeft(_ code: String) -> Bool { rightToLeft.contains(LanguageCode.base(code)) }

    static let rightToLeft: Set<String> = ["he", "iw", "ar", "fa", "ur", "yi"]

    /// The table for `code` (`vi`, `vi-VN`), or English's when there is none, with the language
    /// it is in. `tables["en"]` must be there.
    public static func choose<Key>(_ code: String, among tables: [String: [Key: String]]) -> (language: String, table: [Key: String]) {
        let base = LanguageCode.base(code)
        if let own = tables[base] { return (base, own) }
        return ("en", tables["en"] ?? [:])
    }

    /// `template` with `arguments` in place of `{1}`, `{2}`..., in one pass: an argument that
    /// holds `{2}` stays as it is, and a brace that is not a placeholder is kept.
    public static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let number = Int(rest[afterOpen..<close]),
                arguments.indices.contains(number - 1)
            {
                out += arguments[number - 1]
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[afterOpen...]
            }
        }
        return out + rest
    }
}
