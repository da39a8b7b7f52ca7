/// How a language writes numbers for people: the mark between groups of three digits and the
/// decimal mark. Digits are grouped from five digits up (`12,500`, but `2026` and `4800` stay as
/// they are, so a year never reads as a sum of money).
public struct NumberStyle: Sendable, Hashable {
    public let grouping: String
    public let decimal: String

    /// Integers with this many digits or more are grouped.
    static let groupingFrom = 5

    /// As the language files and messages for authors write numbers: `250000`, `2.5`.
    public static let plain = NumberStyle(grouping: "", decimal: ".")

    init(grouping: String, decimal: String) {
        self.grouping = grouping
        self.decimal = decimal
    }

    /// Vietnamese writes `250.000` and `2,5`; English, Hebrew, Chinese and Thai `250,000` and `2.5`.
    public init(language: String) {
        if LanguageCode.base(language) == "vi" {
            self.init(grouping: ".", decimal: ",")
        } else {
            self.init(grouping: ",", decimal: ".")
        }
    }
}
