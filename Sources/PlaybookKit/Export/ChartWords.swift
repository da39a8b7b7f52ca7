/// The flowchart's own words (yes and no, the legend, "say", "check", headings of flows), in the
/// playbook's language when it is one of en, vi, he, zh, th, and in English otherwise; and the
/// direction the language is written in. `{1}` is filled in.
public struct ChartWords: Sendable {
    public let language: String
    private let table: [Word: String]
    /// The playbook's words for yes and no: the first of `YesNoWords`, which the runner also accepts.
    public let yes: String
    public let no: String

    public init(language: String) {
        (self.language, table) = ToolLanguage.choose(language, among: Self.tables)
        let answers = YesNoWords(language: self.language)
        yes = answers.yes.first ?? "yes"
        no = answers.no.first ?? "no"
    }

    /// Hebrew (and Arabic, Persian, Urdu, Yiddish, should a playbook declare them) is written right
    /// to left: its picture is drawn mirrored, and its texts are laid out right to left.
    public var rightToLeft: Bool { ToolLanguage.isRightToLeft(language) }

    /// The arrow before the stage a stub leads to: pointing the way the stages are read.
    public var onward: String { rightToLeft ? "←" : "→" }

    /// What follows a label: a full-width colon in Chinese, ": " elsewhere.
    public var colon: String { language == "zh" ? "：" : ": " }

    /// The word with `argument` in place of `{1}`; English when a table lacks it.
    public func callAsFunction(_ word: Word, _ argument: String = "") -> String {
        ToolLanguage.fill(table[word] ?? Self.english[word] ?? word.rawValue, [argument])
    }

    /// At most `Flowchart.maxEdgeLines` lines; more are counted in a last line (`+3 more`).
    public func capped(_ lines: [String]) -> [String] {
        guard lines.count > Flowchart.maxEdgeLines else { return lines }
        let kept = Flowchart.maxEdgeLines - 1
        return Array(lines.prefix(kept)) + [self(.more, String(lines.count - kept))]
    }

    public enum Word: String, Sendable, CaseIterable {
        case say, buyer, set, `if`, exitWhen, check, call, flow, `return`, stage
        case noSteps, noOutcome, more, goesOnIn, returnDetail, stageHasNoSteps, flowHasNoSteps, stopsHere
        case won, lost, otherOutcome, callLegend, listSeparator
    }

    static let tables: [String: [Word: String]] = [
        "en": english, "vi": vietnamese, "he": hebrew, "zh": chinese, "th": thai,
    ]

    static let english: [Word: String] = [
        .say: "say", .buyer: "buyer", .set: "set", .if: "if", .exitWhen: "exit when", .check: "check {1}",
        .call: "call {1}", .flow: "flow · {1}", .return: "return", .stage: "stage {1}",
        .noSteps: "(no steps)", .noOutcome: "(no outcome)", .more: "+{1} more", .goesOnIn: "goes on in stage {1}",
        .returnDetail: "return to the step after the call", .stageHasNoSteps: "this stage has no steps",
        .flowHasNoSteps: "this flow has no steps", .stopsHere: "the walk stops here without an outcome",
        .won: "✓ won", .lost: "✗ lost", .otherOutcome: "○ other outcome",
        .callLegend: "call: runs the flow, then goes on", .listSeparator: ", ",
    ]

    static let vietnamese: [Word: String] = [
        .say: "nói", .buyer: "khách", .set: "đặt", .if: "nếu", .exitWhen: "rời khi", .check: "kiểm tra {1}",
        .call: "thực hiện {1}", .flow: "quy trình · {1}", .return: "quay lại", .stage: "giai đoạn {1}",
        .noSteps: "(chưa có bước nào)", .noOutcome: "(không có kết quả)", .more: "+{1} nữa",
        .goesOnIn: "tiếp tục ở giai đoạn {1}", .returnDetail: "quay lại bước sau khi thực hiện",
        .stageHasNoSteps: "giai đoạn này chưa có bước nào", .flowHasNoSteps: "quy trình này chưa có bước nào",
        .stopsHere: "cuộc trò chuyện dừng ở đây mà không có kết quả",
        .won: "✓ thắng", .lost: "✗ thua", .otherOutcome: "○ kết quả khác",
        .callLegend: "thực hiện: chạy quy trình rồi đi tiếp", .listSeparator: ", ",
    ]

    static let hebrew: [Word: String] = [
        .say: "אמרו", .buyer: "הלקוח", .set: "קבע", .if: "אם", .exitWhen: "יציאה כאשר", .check: "בדיקה: {1}",
        .call: "הפעלת {1}", .flow: "תהליך · {1}", .return: "חזרה", .stage: "שלב {1}",
        .noSteps: "(אין צעדים)", .noOutcome: "(אין תוצאה)", .more: "ועוד {1}", .goesOnIn: "ממשיך בשלב {1}",
        .returnDetail: "חזרה לצעד שאחרי ההפעלה", .stageHasNoSteps: "לשלב הזה אין צעדים",
        .flowHasNoSteps: "לתהליך הזה אין צעדים", .stopsHere: "השיחה נעצרת כאן בלי תוצאה",
        .won: "✓ הצלחה", .lost: "✗ הפסד", .otherOutcome: "○ תוצאה אחרת",
        .callLegend: "הפעלה: מריצה את התהליך וממשיכה", .listSeparator: ", ",
    ]

    static let chinese: [Word: String] = [
        .say: "说", .buyer: "客户", .set: "设", .if: "如果", .exitWhen: "退出条件", .check: "检查{1}",
        .call: "执行{1}", .flow: "流程 · {1}", .return: "返回", .stage: "阶段 {1}",
        .noSteps: "（没有步骤）", .noOutcome: "（没有结果）", .more: "另有 {1} 项", .goesOnIn: "在阶段 {1} 继续",
        .returnDetail: "返回执行之后的步骤", .stageHasNoSteps: "这个阶段没有步骤", .flowHasNoSteps: "这个流程没有步骤",
        .stopsHere: "对话在这里结束，没有结果",
        .won: "✓ 赢单", .lost: "✗ 丢单", .otherOutcome: "○ 其他结果",
        .callLegend: "执行：走完流程后继续", .listSeparator: "、",
    ]

    static let thai: [Word: String] = [
        .say: "พูด", .buyer: "ลูกค้า", .set: "ตั้ง", .if: "ถ้า", .exitWhen: "ออกเมื่อ", .check: "ตรวจ {1}",
        .call: "ทำขั้นตอน {1}", .flow: "ขั้นตอนย่อย · {1}", .return: "กลับ", .stage: "ขั้น {1}",
        .noSteps: "(ไม่มีขั้นตอน)", .noOutcome: "(ไม่มีผลลัพธ์)", .more: "อีก {1} ข้อ", .goesOnIn: "ไปต่อที่ขั้น {1}",
        .returnDetail: "กลับไปยังขั้นตอนหลังจุดที่เรียก", .stageHasNoSteps: "ขั้นนี้ไม่มีขั้นตอน",
        .flowHasNoSteps: "ขั้นตอนย่อยนี้ไม่มีขั้นตอน", .stopsHere: "การสนทนาหยุดที่นี่โดยไม่มีผลลัพธ์",
        .won: "✓ ชนะ", .lost: "✗ แพ้", .otherOutcome: "○ ผลลัพธ์อื่น",
        .callLegend: "ทำขั้นตอน: ทำขั้นตอนย่อยจนจบแล้วไปต่อ", .listSeparator: " ",
    ]
}
