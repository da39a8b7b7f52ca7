@testable import PlaybookKit

/// Page models for the tests and the golden pages: a deal in each language the tool speaks, and
/// texts that try to break out of their place in the markup.
enum WebSamples {
    static let hostile = #"<script>alert(1)</script> "quoted" & 'single' <b>bold</b>"#

    static func question(_ kind: QuestionView.Kind, _ text: String = "Is there a budget?", why: String? = nil, tip: String? = nil) -> QuestionView {
        QuestionView(id: "q", text: text, kind: kind, why: why, tip: tip)
    }

    /// An English discovery call, at `question`, with one item of each kind the turn can show.
    static func english(_ question: QuestionView?, items: [DisplayItem]? = nil) -> WalkScreen {
        WalkScreen(
            session: "20261122-173512-3fa9", title: "Enterprise discovery", language: "en", rep: "Alex Rivera", deal: "Acme Corp",
            stages: ["Preparation", "Discovery", "Qualification", "Proposal", "Close"], currentStage: 1, done: [0],
            goal: "Learn whether Acme has a budget and who signs off.",
            tips: ["Let the buyer talk; write down the words they use."],
            items: items ?? [
                .stage(index: 1, count: 5, title: "Discovery"), .goal("Learn whether Acme has a budget and who signs off."),
                .say("Thanks for making the time. Could we start with how you buy software today?"),
                .buyer(speaker: nil, line: "We usually go through procurement, and the CFO signs anything over 50k."),
                .message("Note kept.", .quiet),
            ],
            question: question,
            outcomes: [.init(name: "won", tone: .good), .init(name: "lost", tone: .bad), .init(name: "no_decision", tone: .other)],
            glossary: [
                GlossaryEntry(word: "CFO", definition: "Chief financial officer: holds the budget."),
                GlossaryEntry(word: "procurement", definition: "The team that runs purchases and their paperwork."),
            ],
            canGoBack: true, turn: 7, lease: "lease-7f3a", notes: ["The CFO is Dana; call her on Thursday."])
    }

    static let choice = question(
        .choice(options: ["Ask what the budget is", "Offer a discount", "Ask who else decides"]), "What do you do next?",
        why: "The CFO decides; procurement only runs the paperwork.", tip: "Ask open questions.")

    /// Vietnamese: a number question (written with a decimal comma) refused once.
    static var vietnamese: WalkScreen {
        WalkScreen(
            session: "vi-1", title: "Khám phá nhu cầu", language: "vi", rep: "Nguyễn Thị Lan", deal: "Công ty Minh Phát",
            stages: ["Chuẩn bị", "Khám phá", "Chốt"], currentStage: 1, done: [0], goal: "Hiểu ngân sách và người ra quyết định.",
            tips: ["Hỏi câu hỏi mở, để khách hàng nói nhiều hơn."],
            items: [
                .say("Anh chị dự kiến đầu tư khoảng bao nhiêu cho dự án này?"),
                .buyer(speaker: nil, line: "Khoảng một tỷ rưỡi, nhưng còn chờ giám đốc tài chính duyệt."),
                .problem("Hãy nhập một số từ 0,5 đến 10."),
            ],
            question: question(.number(low: 0.5, high: 10), "Ngân sách dự kiến (tỷ đồng)?", why: "Ngân sách quyết định gói giải pháp phù hợp."),
            outcomes: [.init(name: "thắng", tone: .good), .init(name: "thua", tone: .bad)],
            glossary: [GlossaryEntry(word: "ngân sách", definition: "Số tiền khách hàng dành cho dự án.")],
            canGoBack: true, turn: 3, lease: "l", typed: "12,5")
    }

    /// Hebrew, right to left: a yes/no question.
    static var hebrew: WalkScreen {
        WalkScreen(
            session: "he-1", title: "גילוי צרכים", language: "he", rep: "נועה כהן", deal: "אקמה בע״מ",
            stages: ["הכנה", "גילוי", "סגירה"], currentStage: 1, done: [0], goal: "להבין אם יש תקציב ומי מחליט.",
            tips: ["תנו ללקוח לדבר."],
            items: [
                .say("תודה שמצאתם זמן. נתחיל במה שמעסיק אתכם החודש?"),
                .buyer(speaker: nil, line: "התקציב שלנו נסגר במרץ, וה־CFO צריך לאשר."),
            ],
            question: question(.yesNo(yes: "כן", no: "לא"), "האם יש תקציב מאושר?", why: "בלי תקציב אין עסקה.", tip: "שאלו על לוח הזמנים."),
            outcomes: [.init(name: "זכייה", tone: .good), .init(name: "הפסד", tone: .bad)],
            glossary: [GlossaryEntry(word: "תקציב", definition: "הסכום שהלקוח הקצה לפרויקט.")],
            canGoBack: true, turn: 2, lease: "l", notes: ["לחזור אליה ביום חמישי."])
    }

    /// Thai, in practice: a scale question after feedback on a move.
    static var thai: WalkScreen {
        WalkScreen(
            session: "th-1", title: "การค้นหาความต้องการ", language: "th", isPractice: true, rep: "สมชาย", persona: "คุณวิภา",
            stages: ["เตรียมตัว", "ค้นหาความต้องการ", "ปิดการขาย"], currentStage: 1, done: [0], goal: "เข้าใจงบประมาณและผู้มีอำนาจตัดสินใจ",
            tips: ["ฟังให้มากกว่าพูด"],
            items: [
                .persona(PersonaCard(id: "wipa", name: "คุณวิภา", role: "ผู้จัดการฝ่ายจัดซื้อ", context: "ระมัดระวังเรื่องงบประมาณ และต้องการหลักฐานก่อนตัดสินใจ")),
                .buyer(speaker: "คุณวิภา", line: "งบประมาณปีนี้ค่อนข้างจำกัดนะคะ"),
                .feedback(MoveFeedback(points: -1, isBest: false, why: "การลดราคาเร็วเกินไปทำให้เสียมูลค่า", bestOption: "ถามถึงผลกระทบทางธุรกิจ", bestPoints: 3, bestWhy: "ทำให้ลูกค้าเห็นคุณค่า")),
            ],
            question: question(.scale(low: 1, high: 5), "ลูกค้าสนใจมากแค่ไหน", tip: "สังเกตน้ำเสียงของลูกค้า"),
            outcomes: [.init(name: "ชนะ", tone: .good), .init(name: "แพ้", tone: .bad)],
            glossary: [GlossaryEntry(word: "งบประมาณ", definition: "เงินที่ลูกค้าตั้งไว้สำหรับโครงการ")],
            canGoBack: true, turn: 4, lease: "l")
    }

    /// Chinese: a text question.
    static var chinese: WalkScreen {
        WalkScreen(
            session: "zh-1", title: "需求挖掘", language: "zh", rep: "王伟", deal: "华星科技", stages: ["准备", "挖掘", "成交"], currentStage: 1,
            done: [0], goal: "弄清预算和决策人。", items: [.say("您今年在这方面的预算大概是多少？")],
            question: question(.text, "谁负责最终拍板？"), outcomes: [.init(name: "赢单", tone: .good), .init(name: "丢单", tone: .bad)],
            glossary: [GlossaryEntry(word: "拍板", definition: "做最终决定。")], turn: 5, lease: "l")
    }

    /// A practice run that ended, with its summary.
    static var practiceEnded: WalkScreen {
        let move = MoveResult(
            question: "next", text: "What do you do next?", chosen: "Offer a discount", points: -1, isBest: false,
            bestOption: "Ask what the budget is", bestPoints: 3)
        let feedback = MoveFeedback(points: -1, isBest: false, why: "Too early.", bestOption: "Ask what the budget is", bestPoints: 3, bestWhy: nil)
        let result = PracticeResult(score: 2, bestOnPath: 6, bestPossible: 9, grade: 40, moves: [move])
        var screen = english(nil, items: [
            .outcome(name: "won", reason: "Signed in March", score: nil),
            .practiceSummary(PracticeSummary(held: [.init(result: move, takenBack: false, feedback: feedback)], result: result, review: [.init(result: move, takenBack: false, feedback: nil)])),
        ])
        screen.isPractice = true
        screen.persona = "Dana"
        screen.ended = true
        screen.canGoBack = false
        return screen
    }

    /// Every text the page shows from a playbook, a record or a rep, hostile.
    static var hostileWalk: WalkScreen {
        let bad = hostile
        return WalkScreen(
            session: "id/\(bad)", title: "Title " + bad, language: "en", isPractice: true, rep: "rep " + bad, deal: "deal " + bad,
            persona: "persona " + bad, stages: ["stage " + bad, "second " + bad], currentStage: 0, goal: "goal " + bad, tips: ["tip " + bad],
            items: [
                .say("say " + bad), .buyer(speaker: "speaker " + bad, line: "buyer " + bad),
                .persona(PersonaCard(id: "p", name: "name " + bad, role: "role " + bad, context: "context " + bad)),
                .problem("problem " + bad), .chosen("chosen " + bad), .message("message " + bad, .plain),
                .unmet(stage: "unmet " + bad, message: "criterion " + bad, outcomes: ["won " + bad]),
                .outcome(name: "outcome " + bad, reason: "reason " + bad, score: 3),
                .fault(message: "fault " + bad, place: "file " + bad),
                .feedback(MoveFeedback(points: 1, isBest: false, why: "why " + bad, bestOption: "best " + bad, bestPoints: 2, bestWhy: "bestwhy " + bad)),
                .help(HelpView(why: "helpwhy " + bad, tip: "helptip " + bad, hasQuestion: true, outcomes: [], ownWords: [])),
                .whereNow(done: ["done " + bad], current: 1, count: 2, title: "now " + bad, toCome: ["later " + bad]),
                .definitions([GlossaryEntry(word: "word " + bad, definition: "definition " + bad)]),
            ],
            question: question(.choice(options: ["option " + bad]), "question " + bad, why: "qwhy " + bad, tip: "qtip " + bad),
            outcomes: [.init(name: "won " + bad, tone: .good)], glossary: [GlossaryEntry(word: "goal", definition: "gloss " + bad)],
            canGoBack: true, turn: 1, lease: "lease " + bad, notes: ["note " + bad], typed: "typed " + bad)
    }
}
