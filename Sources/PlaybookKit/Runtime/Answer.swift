/// Why typed text is not an answer to a question; the runner words it in the rep's language.
public enum AnswerProblem: Error, Sendable, Hashable {
    case empty
    case notYesNo
    case notANumber
    case notWhole
    case outOfRange(NumberRange)
    /// Neither an option's number (1 to `count`) nor its text.
    case notAnOption(count: Int)
    /// Typed without accents, it reads as more than one option: their numbers (1-based) and texts.
    case ambiguous(numbers: [Int], options: [String])
}

/// The words that answer a yes/no question: English always, and those of the playbook's language;
/// and how that language writes numbers.
public struct YesNoWords: Sendable {
    public let yes: [String]
    public let no: [String]
    /// Vietnamese groups digits with dots and writes decimals with a comma: 1.250.000 and 2,5.
    public let decimalComma: Bool
    /// Politeness around a yes or a no, dropped when reading one: `ใช่ครับ`, `dạ có`, `không ạ`, `对啊`.
    private let before: [String]
    private let after: [String]
    /// The words as `read` compares them: lowercase, without accents.
    private let foldedYes: Set<String>
    private let foldedNo: Set<String>

    /// The languages whose words are known, by ISO 639-1 code.
    static let byLanguage: [String: (yes: [String], no: [String])] = [
        "en": (["yes", "y", "yeah", "yep"], ["no", "n", "nope"]),
        "vi": (["có", "c", "vâng", "đúng", "dạ", "ừ"], ["không", "k", "ko", "sai"]),
        "he": (["כן", "כ"], ["לא", "ל"]),
        "zh": (["是", "是的", "对", "有"], ["否", "不是", "不", "没有"]),
        "th": (["ใช่", "ช"], ["ไม่ใช่", "ไม่"]),
    ]

    /// Words said before or after a yes or a no out of politeness, by language.
    static let particles: [String: (before: [String], after: [String])] = [
        "vi": (["dạ", "vâng"], ["ạ", "nhé", "rồi"]),
        "zh": ([], ["的", "啊", "呀", "吧"]),
        "th": ([], ["ครับผม", "ครับ", "ค่ะ", "คะ", "ค่า", "จ้ะ", "จ้า", "นะ"]),
    ]

    public init(language: String) {
        let english = Self.byLanguage["en"]!
        let own = Self.byLanguage[LanguageCode.base(language)] ?? english
        yes = own.yes + (own.yes == english.yes ? [] : english.yes)
        no = own.no + (own.no == english.no ? [] : english.no)
        decimalComma = LanguageCode.base(language) == "vi"
        let (before, after) = Self.particles[LanguageCode.base(language)] ?? ([], [])
        self.before = before.map(LatinFolding.fold)
        self.after = after.map(LatinFolding.fold)
        foldedYes = Set(yes.map(LatinFolding.fold))
        foldedNo = Set(no.map(LatinFolding.fold))
    }

    /// `true` for a yes, `false` for a no, nil for neither. Case, accents (`co`, `khong`), end
    /// punctuation (`Yes!`, `是。`) and the language's polite particles (`ใช่ครับ`, `dạ có`,
    /// `không ạ`) do not count.
    public func read(_ typed: String) -> Bool? {
        var text = LatinFolding.fold(typed)
        while let last = text.last, ".!?,。！？，".contains(last) { text.removeLast() }
        for _ in 0..<3 {
            if foldedYes.contains(text) { return true }
            if foldedNo.contains(text) { return false }
            guard let trimmed = Self.dropping(before, after, from: text) else { return nil }
            text = trimmed
        }
        return nil
    }

    /// The text without the polite word at its end, or else at its start; nil when it has neither.
    private static func dropping(_ before: [String], _ after: [String], from text: String) -> String? {
        if let word = after.first(where: { text.hasSuffix($0) && text.count > $0.count }) {
            return String(text.dropLast(word.count)).trimmingWhitespace()
        }
        if let word = before.first(where: { text.hasPrefix($0 + " ") }) { return String(text.dropFirst(word.count + 1)) }
        return nil
    }

    /// The first word of each: what a prompt shows, `[có/không]`.
    public var shown: (yes: String, no: String) { (yes[0], no[0]) }

    /// `YesNoWords(language:).shown` without making the words an answer is read by: a walk shows
    /// values in every line it renders.
    public static func shown(_ language: String) -> (yes: String, no: String) {
        let words = byLanguage[LanguageCode.base(language)] ?? byLanguage["en"]!
        return (words.yes[0], words.no[0])
    }

    /// A value as a scenario in the language writes it: yes and no in the language's first words
    /// (`tool = không`), a text quoted, a number exact.
    public func literal(_ value: Value) -> String {
        guard case .bool(let flag) = value else { return value.literal }
        return flag ? yes[0] : no[0]
    }
}

/// A question's id and the answer given to it, by name: `role = "Champion"`.
public struct NamedAnswer: Sendable, Hashable {
    public var question: String
    public var value: Value

    public init(question: String, value: Value) {
        self.question = question
        self.value = value
    }

    /// `role = "Champion"`, `tool = không`: as a scenario in the language writes it.
    public func text(_ words: YesNoWords) -> String { "\(question) = \(words.literal(value))" }
}

extension NumberRange {
    public func contains(_ value: Double) -> Bool { value >= low && high.map { value <= $0 } ?? true }
}

/// Reads what the rep typed as an answer to `question`. A choice answers with an option's key:
/// typed as its number, its text as `shown` gives it (the rep's language), or its key; with
/// `keysOnly` (a scenario file's answers), as its number or its key alone.
public func parseAnswer(
    _ input: String, for question: Question, words: YesNoWords, keysOnly: Bool = false,
    shown: (Branch) -> String? = { $0.optionTitle?.value }
) -> Result<Value, AnswerProblem> {
    let typed = input.trimmingWhitespace()
    guard !typed.isEmpty else { return .failure(.empty) }
    switch question.type {
    case .yesNo:
        return words.read(typed).map { .success(.bool($0)) } ?? .failure(.notYesNo)
    case .choice:
        let branches = question.branches.filter(\.label.isOption)
        let keys = branches.compactMap(\.optionKey)
        if let number = Int(asciiDigits(typed)), (1...keys.count).contains(number) {
            return .success(.text(keys[number - 1]))
        }
        if keysOnly { return option(typed, among: keys).map { .text(keys[$0]) } }
        let texts = branches.map { shown($0) ?? "" }
        if let index = keys.firstIndex(of: typed), texts.firstIndex(where: { $0.lowercased() == typed.lowercased() }) == nil {
            return .success(.text(keys[index]))
        }
        return option(typed, among: texts).map { .text(keys[$0]) }
    case .text:
        return .success(.text(typed))
    case .number(let range):
        return number(typed, range: range, whole: false, decimalComma: words.decimalComma)
    case .scale(let range):
        return number(typed, range: range, whole: true, decimalComma: words.decimalComma)
    }
}

/// Which of `options` `typed` names: the one spelled so without regard to case; else, typed
/// without accents (`nguoi ky hop dong`), the one it reads as, if only one does.
private func option(_ typed: String, among options: [String]) -> Result<Int, AnswerProblem> {
    let lowered = typed.lowercased()
    if let index = options.firstIndex(where: { $0.lowercased() == lowered }) { return .success(index) }
    let folded = LatinFolding.fold(typed)
    let matches = options.indices.filter { LatinFolding.fold(options[$0]) == folded }
    switch matches.count {
    case 0: return .failure(.notAnOption(count: options.count))
    case 1: return .success(matches[0])
    default: return .failure(.ambiguous(numbers: matches.map { $0 + 1 }, options: matches.map { options[$0] }))
    }
}

private func number(_ typed: String, range: NumberRange?, whole: Bool, decimalComma: Bool) -> Result<Value, AnswerProblem> {
    var digits = asciiDigits(typed).filter { $0 != "_" && $0 != " " && $0 != "\u{A0}" }
    if decimalComma { digits = withDecimalComma(digits) }
    digits = withoutGrouping(digits)
    guard let value = Double(digits), value.isFinite else { return .failure(.notANumber) }
    if whole, value != value.rounded() { return .failure(.notWhole) }
    if let range, !range.contains(value) { return .failure(.outOfRange(range)) }
    return .success(.number(value))
}

/// `100,000` and `1,250,000.5` as written in English, Thai, Hebrew and Chinese: commas between
/// groups of three digits are dropped. Anything else keeps its commas (and is not a number).
private func withoutGrouping(_ text: String) -> String {
    guard text.contains(",") else { return text }
    let integer = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)[0]
    let groups = integer.drop { $0 == "-" || $0 == "+" }.split(separator: ",", omittingEmptySubsequences: false)
    guard groups.count > 1, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else {
        return text
    }
    return text.replacingAll(",", with: "")
}

/// `1.250.000`, `100.000,5` and `2,5` as written in Vietnamese, in the form `Double` reads:
/// dots between groups of three digits are dropped, and a decimal comma becomes a point. What is
/// not so written is left as it is: `2.5` stays a decimal, and `100,000` is read by the
/// comma rule of `withoutGrouping` (one hundred thousand), as a rep on an English keyboard means it.
private func withDecimalComma(_ text: String) -> String {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return text }
    let integer = parts[0]
    let groups = integer.drop { $0 == "-" || $0 == "+" }.split(separator: ".", omittingEmptySubsequences: false)
    let dotGrouped = groups.count > 1 && (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
    if dotGrouped {
        let whole = String(integer.filter { $0 != "." })
        return parts.count == 2 ? whole + "." + parts[1] : whole
    }
    // One comma, no dot, and not three digits after it: a decimal comma.
    if parts.count == 2, !integer.contains("."), parts[1].count != 3 { return String(integer) + "." + parts[1] }
    return text
}

/// Full-width digits (typed with a Chinese input method) and Thai digits read as ASCII digits.
private func asciiDigits(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        switch scalar.value {
        case 0xFF10...0xFF19: result.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        case 0x0E50...0x0E59: result.append(Unicode.Scalar(scalar.value - 0x0E50 + 0x30)!)
        case 0xFF0E: result.append(".")
        case 0xFF0D: result.append("-")
        default: result.append(scalar)
        }
    }
    return String(result)
}
