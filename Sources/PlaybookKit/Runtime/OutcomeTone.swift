/// Whether an outcome is a win (`good`, green on a picture), a loss (`bad`, red) or neither
/// (`other`, amber). `Program.tone(of:)` gives it: by the marks of the header's `outcomes` line
/// (`won (win)`) when it has any, else by the rule of `of(_:declared:)`, which also serves callers
/// that have no `Program` (a playbook that cannot be read).
///
/// The rule by name, in order:
/// 1. A name that is, or has a part (between `_` or `-`) that is, a word of a loss (`lost`,
///    `disqualified`, `churned`, `thua`, `הפסד`, ...) is `bad`; words of Chinese and Thai, written
///    without separators, count anywhere in the name (`丢单`, `แพ้`).
/// 2. Otherwise a name with a word of a win (`won`, `signed`, `thắng`, `赢`, `ชนะ`, `זכייה`, ...) is
///    `good`. Losses are tried first, so `disqualified` is not taken for `qualified`.
/// 3. Otherwise the first outcome of the header's `outcomes` line is `good` (playbooks list the
///    win first), and any other outcome is `other`.
public enum OutcomeTone: String, Sendable, Hashable, CaseIterable {
    case good
    case bad
    case other

    /// The mark drawn before the outcome's name, so the picture does not rely on colour alone.
    public var symbol: String {
        switch self {
        case .good: "✓"
        case .bad: "✗"
        case .other: "○"
        }
    }

    /// The tone of an outcome name by the rule above, given the outcomes the header declares (nil:
    /// none declared). The header's marks are not looked at: `Program.tone(of:)` does that.
    public static func of(_ outcome: String, declared: [String]?) -> OutcomeTone {
        let name = outcome.lowercased()
        let parts = name.split(whereSeparator: { $0 == "_" || $0 == "-" }).map(String.init)
        if matches(name, parts: parts, any: badWords) { return .bad }
        if matches(name, parts: parts, any: goodWords) { return .good }
        if let first = declared?.first, first == outcome { return .good }
        return .other
    }

    private static func matches(_ name: String, parts: [String], any words: [String]) -> Bool {
        for word in words {
            if name == word || parts.contains(word) { return true }
            // Chinese and Thai write words without separators: look inside the name.
            if let first = word.unicodeScalars.first, first.value >= 0x0E00, name.contains(word) { return true }
        }
        return false
    }

    /// Words of a loss: English, Spanish, French, German, Portuguese, Vietnamese, Chinese, Thai,
    /// Hebrew. Compared after lowercasing; Swift compares by canonical equivalence, so a decomposed
    /// `thua` or `mất` matches too.
    static let badWords = [
        "lost", "lose", "loss", "disqualified", "unqualified", "dq", "rejected", "declined", "churned", "churn",
        "dead", "failed", "fail", "unsuccessful", "cancelled", "canceled",
        "perdido", "perdida", "descalificado", "perdu", "disqualifié", "verloren", "disqualifiziert", "perdeu",
        "thua", "mất", "loại", "hủy",
        "不成功", "失败", "丢单", "输单", "输", "流失", "不合格", "拒绝",
        "แพ้", "ไม่ผ่าน", "ล้มเหลว",
        "הפסד", "נפסל", "אבוד", "נכשל",
    ]

    /// Words of a win, in the same languages.
    static let goodWords = [
        "won", "win", "wins", "success", "successful", "signed", "booked", "qualified", "closed_won",
        "ganado", "ganada", "gagné", "gewonnen", "ganho",
        "thắng", "chốt", "thành_công", "ký",
        "成交", "成功", "赢单", "赢", "签约",
        "ชนะ", "สำเร็จ", "ปิดการขาย",
        "זכייה", "ניצחון", "הצלחה", "נחתם",
    ]
}
