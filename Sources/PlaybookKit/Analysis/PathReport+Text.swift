/// The reports of `playbook paths` for a person, safe to print on a terminal.
extension PathReport {
    /// How many turns of a long walk a person is shown: the first 20 and the last 5.
    public static let turnsShown = 25

    /// Counts, the loops behind infinite counts, shortest walks, the longest loop-free walk and
    /// the questions asked on every walk.
    public func text() -> String {
        var lines = ["\(title.isEmpty ? file : title): walks from the first stage to each outcome", ""]
        let width = max(12, (outcomes.map(\.name.count).max() ?? 0) + 2)
        lines.append("walks to each outcome")
        for outcome in outcomes {
            lines.append("  " + PathText.padded(outcome.name, width) + PathText.count(outcome.walks, file: file))
        }
        lines.append("  " + PathText.padded("in all", width) + PathText.count(total, file: file))
        var loops: [LoopSite] = []
        for site in outcomes.compactMap(\.walks.loop) where !loops.contains(site) { loops.append(site) }
        for site in loops { lines.append("  " + PathText.loop(site, file: file)) }

        lines += ["", "shortest walk to each outcome (fewest questions asked)"]
        for outcome in outcomes {
            guard let walk = outcome.shortest else {
                lines.append("  \(outcome.name): no walk")
                continue
            }
            let longest = outcome.longestLoopFreeQuestions.map { " (at most \(BigUInt.grouped(String($0))) on a loop-free walk)" } ?? ""
            lines.append("  \(outcome.name): \(PathText.questions(walk.questions))\(longest)")
            lines += PathText.turns(walk, indent: "    ")
        }

        lines.append("")
        if let walk = longestLoopFree {
            lines.append("longest loop-free walk: \(PathText.questions(walk.questions)), to \(walk.outcome)")
            lines += PathText.turns(walk, indent: "    ")
        } else {
            lines.append("longest loop-free walk: none")
        }

        lines.append("")
        if askedOnEveryWalk.isEmpty {
            lines.append("asked on every walk: no question")
        } else {
            let names = askedOnEveryWalk.map { "\($0.name) (\(PathText.place(file: $0.file, line: $0.line, main: file)))" }
            lines.append("asked on every walk: " + names.joined(separator: ", "))
        }
        // Titles, file names, answers and options are outside text.
        return TerminalText.safe(lines.joined(separator: "\n") + "\n", lines: true)
    }
}

extension WalkExamples {
    /// The count, then each walk numbered, shortest first.
    public func text() -> String {
        var lines = ["walks to \(outcome): \(PathText.count(walks, file: file))"]
        if let site = walks.loop { lines.append(PathText.loop(site, file: file)) }
        if examples.isEmpty {
            lines.append("no walk reaches '\(outcome)'")
        } else {
            let all = !walks.isInfinite && walks.loopFree == BigUInt(UInt64(examples.count))
            lines.append(all ? "every one, shortest first:" : "the \(examples.count) shortest:")
        }
        for (index, walk) in examples.enumerated() {
            lines.append("  \(index + 1). \(PathText.questions(walk.questions))")
            lines += PathText.turns(walk, indent: "     ")
        }
        return TerminalText.safe(lines.joined(separator: "\n") + "\n", lines: true)
    }
}

/// Pieces of text shared by the reports.
enum PathText {
    static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - text.count))
    }

    static func questions(_ count: Int) -> String { "\(BigUInt.grouped(String(count))) question\(count == 1 ? "" : "s")" }

    /// `1,024`, or `infinitely many (loop at line 46); 91 loop-free`.
    static func count(_ walks: WalkCount, file: String) -> String {
        guard let site = walks.loop else { return walks.loopFree.readable }
        return "infinitely many (loop at \(place(file: site.file, line: site.line, main: file))); \(walks.loopFree.readable) loop-free"
    }

    /// `loop at line 46: '-> pain' goes back to question 'pain' (line 44)`.
    static func loop(_ site: LoopSite, file: String) -> String {
        let verb = site.kind == .recursion ? "calls" : "goes back to"
        return "loop at \(place(file: site.file, line: site.line, main: file)): '\(site.source)' \(verb) \(site.target) "
            + "(\(place(file: site.file, line: site.targetLine, main: file)))"
    }

    /// `line 12`, or `line 12 of objections.playbook` outside the main file.
    static func place(file: String, line: Int, main: String) -> String {
        file == main ? "line \(line)" : "line \(line) of \(file)"
    }

    /// The walk's turns joined by arrows, wrapped at 100 columns; a long walk shows its first 20
    /// and last 5 turns.
    static func turns(_ walk: WalkPath, indent: String) -> [String] {
        var pieces = walk.turns.map(\.text)
        if walk.omittedTurns > 0 {
            pieces.insert("… \(BigUInt.grouped(String(walk.omittedTurns))) more …", at: min(walk.omittedAt, pieces.count))
        } else if pieces.count > 2 * PathReport.turnsShown {
            let hidden = pieces.count - PathReport.turnsShown
            pieces = pieces.prefix(PathReport.turnsShown - 5) + ["… \(BigUInt.grouped(String(hidden))) more …"] + pieces.suffix(5)
        }
        guard !pieces.isEmpty else { return [indent + "(no question or condition on the way)"] }
        var lines: [String] = []
        var line = indent + pieces[0]
        for piece in pieces.dropFirst() {
            if line.count + piece.count + 3 > 100 {
                lines.append(line)
                line = indent + "→ " + piece
            } else {
                line += " → " + piece
            }
        }
        lines.append(line)
        return lines
    }
}

extension BigUInt {
    /// For people: every digit, grouped by threes, up to 30 digits; beyond that
    /// `≈ 1.23 × 10^10450 (10,451 digits)`.
    public var readable: String {
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
        return "≈ \(mantissa.prefix(1)).\(mantissa.dropFirst()) × 10^\(exponent) (\(Self.grouped(String(count))) digits)"
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
