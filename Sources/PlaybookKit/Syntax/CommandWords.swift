/// What a rep can type at a prompt besides an answer.
public enum RepCommand: String, CaseIterable, Sendable, Hashable {
    case help, back, note, `where`, define, pause, end

    /// `note TEXT`, `define WORD` and `end OUTCOME` take words after them; the others stand alone,
    /// so that `back office` or `pause team` is an answer, not a command.
    public var takesWords: Bool { self == .note || self == .define || self == .end }
}

/// The words for each command: English always, and those of the playbook's language, which may
/// be typed without accents (`quay lai`). The runner reads commands with them, and the checker
/// uses them to point out an option that reads like a command.
public struct CommandWords: Sendable {
    /// Every word with its command, longest first, so that `quay lại` is tried before `quay`.
    private let entries: [(word: String, command: RepCommand)]
    private let own: [RepCommand: [String]]

    static let english: [RepCommand: [String]] = [
        .help: ["?", "help"], .back: ["back"], .note: ["note"], .where: ["where"], .define: ["define"],
        .pause: ["pause"], .end: ["end"],
    ]

    /// The languages' own words, by ISO 639-1 code (the runner's languages).
    static let byLanguage: [String: [RepCommand: [String]]] = [
        "vi": [
            .help: ["trợ giúp", "giúp"], .back: ["quay lại", "lùi"], .note: ["ghi chú"], .where: ["ở đâu"],
            .define: ["định nghĩa"], .pause: ["tạm dừng"], .end: ["kết thúc"],
        ],
        "he": [
            .help: ["עזרה"], .back: ["חזרה", "חזור"], .note: ["הערה"], .where: ["איפה"], .define: ["הגדרה", "הגדר"],
            .pause: ["השהיה", "השהה"], .end: ["סיום", "סיים"],
        ],
        "zh": [
            .help: ["帮助"], .back: ["返回", "撤销"], .note: ["备注"], .where: ["进度"], .define: ["定义"],
            .pause: ["暂停"], .end: ["结束"],
        ],
        "th": [
            .help: ["ช่วยเหลือ"], .back: ["ย้อนกลับ"], .note: ["บันทึก"], .where: ["ขั้นไหน"], .define: ["ความหมาย"],
            .pause: ["พักไว้"], .end: ["จบ"],
        ],
    ]

    public init(language: String) {
        own = Self.byLanguage[LanguageCode.base(language)] ?? [:]
        var entries: [(String, RepCommand)] = []
        for command in RepCommand.allCases {
            for word in (Self.english[command] ?? []) + (own[command] ?? []) {
                entries.append((word.lowercased(), command))
                let folded = LatinFolding.fold(word)
                if folded != word.lowercased() { entries.append((folded, command)) }
            }
        }
        self.entries = entries.sorted { $0.0.count > $1.0.count }
    }

    /// The words of `command` in the playbook's language (none for English), as `?` lists them.
    public func ownWords(for command: RepCommand) -> [String] { own[command] ?? [] }

    /// The command a typed line is, its word as typed, and the rest of the line; nil when it is
    /// none. A command word stands alone, or, for one that takes words, is followed by a space or
    /// a colon (`note Budget in March`, `备注：…`).
    public func match(_ typed: String) -> (command: RepCommand, word: String, rest: String)? {
        let lowered = typed.lowercased()
        let folded = LatinFolding.fold(typed)
        for (word, command) in entries {
            for line in [lowered, folded] where line.hasPrefix(word) {
                let after = line.dropFirst(word.count)
                guard let next = after.first else { return (command, typed, "") }
                guard command.takesWords, next == " " || next == ":" || next == "：" || next == "\t" else { continue }
                // The rest as typed: folding and lowercasing keep the count of characters.
                let rest = typed.dropFirst(word.count).drop { $0 == " " || $0 == ":" || $0 == "：" || $0 == "\t" }
                return (command, String(typed.prefix(word.count)), String(rest).trimmingWhitespace())
            }
        }
        return nil
    }
}
