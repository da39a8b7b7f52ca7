/// The reports of `playbook paths` for a person, in `words`' language, safe to print on a terminal.
extension PathReport {
    /// How many turns of a long walk a person is shown: the first 20 and the last 5.
    public static let turnsShown = 25

    /// Counts, the loops behind infinite counts, shortest walks, the longest loop-free walk and
    /// the questions asked on every walk.
    public func text(words: ReportWords) -> String {
        let say = PathText(words: words, file: file)
        var lines = [words(.pathsTitle, title.isEmpty ? file : title), ""]
        let inAll = words(.inAll)
        let width = max(12, ((outcomes.map { DisplayWidth.of($0.name) } + [DisplayWidth.of(inAll)]).max() ?? 0) + 2)
        lines.append(words(.walksToEach))
        for outcome in outcomes {
            lines.append("  " + PathText.padded(outcome.name, width) + say.count(outcome.walks))
        }
        lines.append("  " + PathText.padded(inAll, width) + say.count(total))
        var loops: [LoopSite] = []
        for site in outcomes.compactMap(\.walks.loop) where !loops.contains(site) { loops.append(site) }
        for site in loops { lines.append("  " + say.loop(site)) }

        lines += ["", words(.shortestHeading)]
        for outcome in outcomes {
            guard let walk = outcome.shortest else {
                lines.append("  " + words.labelled(outcome.name, words(.noWalk)))
                continue
            }
            let questions = say.questions(walk.questions)
            let shown = outcome.longestLoopFreeQuestions.map { words(.questionsAtMost, questions, BigUInt.grouped(String($0))) }
            lines.append("  " + words.labelled(outcome.name, shown ?? questions))
            lines += say.turns(walk, indent: "    ")
        }

        lines.append("")
        if let walk = longestLoopFree {
            lines.append(words(.longestWalk, say.questions(walk.questions), walk.outcome))
            lines += say.turns(walk, indent: "    ")
        } else {
            lines.append(words(.longestNone))
        }

        lines.append("")
        if askedOnEveryWalk.isEmpty {
            lines.append(words(.askedNone))
        } else {
            let names = askedOnEveryWalk.map { words.aside($0.name, say.place(file: $0.file, line: $0.line)) }
            lines.append(words(.askedOnEvery, names.joined(separator: words.listSeparator)))
        }
        // Titles, file names, answers and options are outside text.
        return TerminalText.safe(lines.joined(separator: "\n") + "\n", lines: true)
    }
}

extension WalkExamples {
    /// The count, then each walk numbered, shortest first, in `words`' language.
    public func text(words: ReportWords) -> String {
        let say = PathText(words: words, file: file)
        var lines = [words(.walksTo, outcome, say.count(walks))]
        if let site = walks.loop { lines.append(say.loop(site)) }
        if examples.isEmpty {
            lines.append(words(.noWalkReaches, outcome))
        } else {
            let all = !walks.isInfinite && walks.loopFree == BigUInt(UInt64(examples.count))
            lines.append(all ? words(.everyOne) : words(.theShortest, String(examples.count)))
        }
        for (index, walk) in examples.enumerated() {
            lines.append("  \(index + 1). \(say.questions(walk.questions))")
            lines += say.turns(walk, indent: "     ")
        }
        return TerminalText.safe(lines.joined(separator: "\n") + "\n", lines: true)
    }
}

/// Pieces of text shared by the reports, in one language.
struct PathText {
    let words: ReportWords
    /// Yes and no as a scenario in the language writes them.
    let answers: YesNoWords
    /// The playbook's path: places in it are told by line alone.
    let file: String

    init(words: ReportWords, file: String) {
        self.words = words
        answers = YesNoWords(language: words.language)
        self.file = file
    }

    /// The text and spaces to `width` terminal cells (a Chinese name takes two a character).
    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - DisplayWidth.of(text)))
    }

    func questions(_ count: Int) -> String {
        words.count(count, .questionOne, .questionMany, shown: BigUInt.grouped(String(count)))
    }

    /// `1,024`, or `infinitely many (loop at line 46); 91 loop-free`.
    func count(_ walks: WalkCount) -> String {
        guard let site = walks.loop else { return walks.loopFree.readable(words) }
        return words(.infinitelyMany, place(file: site.file, line: site.line), walks.loopFree.readable(words))
    }

    /// `loop at line 46: '-> pain' goes back to question 'pain' (line 44)`.
    func loop(_ site: LoopSite) -> String {
        words(
            site.kind == .recursion ? .loopCall : .loopBack, place(file: site.file, line: site.line), site.source,
            Self.target(site.target, words: words), place(file: site.file, line: site.targetLine))
    }

    /// `question 'pain'`, `stage 'situation'`, `flow 'objections'`, `line 12`.
    static func target(_ target: LoopSite.Target, words: ReportWords) -> String {
        switch target {
        case .question(let name): words(.targetQuestion, name)
        case .stage(let name): words(.targetStage, name)
        case .flow(let name): words(.targetFlow, name)
        case .line(let line): words(.line, String(line))
        }
    }

    /// `line 12`, or `line 12 of objections.playbook` outside the main file.
    func place(file: String, line: Int) -> String {
        file == self.file ? words(.line, String(line)) : words(.lineOf, String(line), file)
    }

    /// `pain = no`, `role = "Not the right person"`, `team_size (number)`, `if cost < 5000 (taken)`.
    func turn(_ turn: WalkStep) -> String {
        switch turn.kind {
        case .yesNo(let yes): "\(turn.subject) = \(answers.literal(.bool(yes)))"
        case .option(let option): "\(turn.subject) = \"\(option)\""
        case .anyAnswer(let type): words.aside(turn.subject, typeName(type))
        case .condition(let taken): words.aside("if \(turn.subject)", words(taken ? .taken : .notTaken))
        }
    }

    func typeName(_ type: AnswerType) -> String {
        switch type {
        case .yesNo: words(.typeYesNo)
        case .choice: words(.typeChoice)
        case .number: words(.typeNumber)
        case .text: words(.typeText)
        case .scale: words(.typeScale)
        }
    }

    /// The walk's turns joined by arrows, wrapped at 100 terminal cells; a long walk shows its
    /// first 20 and last 5 turns.
    func turns(_ walk: ListedWalk, indent: String) -> [String] {
        var pieces = walk.turns.map(turn)
        if walk.omittedTurns > 0 {
            pieces.insert(words(.more, BigUInt.grouped(String(walk.omittedTurns))), at: min(walk.omittedAt, pieces.count))
        } else if pieces.count > 2 * PathReport.turnsShown {
            let hidden = pieces.count - PathReport.turnsShown
            pieces = pieces.prefix(PathReport.turnsShown - 5) + [words(.more, BigUInt.grouped(String(hidden)))] + pieces.suffix(5)
        }
        guard !pieces.isEmpty else { return [indent + words(.noTurn)] }
        var lines: [String] = []
        var line = indent + pieces[0]
        var cells = DisplayWidth.of(line)
        for piece in pieces.dropFirst() {
            let width = DisplayWidth.of(piece)
            if cells + width + 3 > 100 {
                lines.append(line)
                line = indent + "→ " + piece
                cells = indent.count + 2 + width
            } else {
                line += " → " + piece
                cells += 3 + width
            }
        }
        lines.append(line)
        return lines
    }
}

extension BigUInt {
    /// For people: every digit, grouped by threes, up to 30 digits; beyond that
    /// `≈ 1.23 × 10^10450 (10,451 digits)`, in `words`' language.
    public func readable(_ words: ReportWords) -> String {
        let digits = description
        let count = digits.utf8.count
        guard count > 30 else { return Self.grouped(digits) }
        // Three significant digits, rounded half up on the fourth.
        var leading = ((Int(digits.prefix(4)) ?? 0) + 5) / 10
        var exponent = count - 1
        if leading == 1000 {
            leading = 100
            exponent += 1
        }
        let mantissa = String(leading)
        return words(.approximately, "\(mantissa.prefix(1)).\(mantissa.dropFirst())", String(exponent), Self.grouped(String(count)))
    }

    static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return result
    }
}
