extension Runner {
    /// Handles one line typed at the prompt: a command, or an answer to the waiting question.
    /// An answer that names an option is that option, even when it begins like a command
    /// (`End user`); `\` before a line makes it an answer, `/` a command (`/back`).
    public mutating func receive(_ line: String, now: Double) -> Turn {
        let typed = Self.typedText(line).trimmingWhitespace()
        if let pending = pendingEnd { return confirmEnd(typed, pending, now: now) }
        if typed.hasPrefix("\\") { return answer(String(typed.dropFirst()), now: now) }
        if typed.hasPrefix("/"), let (command, _, rest) = commands.match(String(typed.dropFirst())) {
            return run(command, rest, now: now)
        }
        if let question, case .choice = question.type, case .success(let value) = read(typed, for: question) {
            var turn = give(value, now: now)
            // Say which option was taken when the line also reads as a command (`End user`) or
            // was typed without its accents (`nguoi ky hop dong`).
            if case .text(let option) = value, Int(typed) == nil,
                commands.match(typed) != nil || option.lowercased() != typed.lowercased()
            {
                turn.text = wrapped(paint.dim("→ " + TerminalText.safe(option))) + turn.text
            }
            return turn
        }
        guard let (command, word, rest) = commands.match(typed) else { return answer(typed, now: now) }
        var turn = run(command, rest, now: now)
        // A text question takes any line, this one too: say how to give it as the answer.
        if let question, case .text = question.type, !rest.isEmpty || command == .end {
            turn.text = wrapped(paint.dim(strings(.readAsCommand, word))) + turn.text
        }
        return turn
    }

    private mutating func run(_ command: RepCommand, _ rest: String, now: Double) -> Turn {
        switch command {
        case .help: return Turn(text: help() + questionAgain)
        case .back: return back(now: now)
        case .note:
            guard !rest.isEmpty else { return Turn(text: wrapped(strings(.noteEmpty))) }
            return Turn(text: wrapped(paint.dim(strings(.noteKept))), records: [.note(text: rest, question: waitingQuestion)])
        case .where: return Turn(text: whereNow() + questionAgain)
        case .define: return Turn(text: define(rest) + questionAgain)
        case .pause: return .pause(.command)
        case .end: return end(rest)
        }
    }

    /// The waiting question once more, after a command's text pushed it up the screen.
    private var questionAgain: String { question.map { "\n" + describe($0) } ?? "" }

    /// The line as an answer to the waiting question. A choice taken from text typed without
    /// accents is named, so the rep sees which option it was.
    private mutating func answer(_ typed: String, now: Double) -> Turn {
        guard case .question(let question) = walk.next() else { return Turn(text: wrapped(strings(.notWaiting))) }
        switch read(typed, for: question) {
        case .failure(let problem):
            return Turn(text: wrapped(paint.problem(explain(problem))))
        case .success(let value):
            return give(value, now: now)
        }
    }

    /// The line without what a terminal adds but a person did not mean to type: the escape
    /// sequences of arrow and function keys (a line-buffered terminal passes them through) and
    /// other control characters. Kept out of answers, notes and so of the record.
    static func typedText(_ line: String) -> String {
        // Most lines have none of it: they are kept whole, without a copy a character at a time.
        // (C0 controls and DEL are single bytes; C1 controls are C2 80 to C2 9F.)
        var previous: UInt8 = 0
        let clean = line.utf8.allSatisfy { byte in
            defer { previous = byte }
            return byte >= 0x20 && byte != 0x7F && !(previous == 0xC2 && (0x80...0x9F).contains(byte))
        }
        if clean { return line }
        var kept = String.UnicodeScalarView()
        var scalars = line.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                // CSI (ESC [ ... final) or SS3 (ESC O x): skip to the final byte.
                guard let kind = scalars.next() else { break }
                if kind == "[" {
                    while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
                } else if kind == "O" {
                    _ = scalars.next()
                }
            } else if scalar == "\t" {
                kept.append(" ")
            } else if scalar.value >= 0x20, scalar.value != 0x7F, !(0x80...0x9F).contains(scalar.value) {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    /// The command word (lowercased) and the rest of the line.
    static func split(_ typed: String) -> (String, String) {
        guard let space = typed.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (typed.lowercased(), "") }
        return (typed[..<space].lowercased(), String(typed[space...]).trimmingWhitespace())
    }

    var waitingQuestion: String? { question.map { program.name($0.name.symbol) } }

    /// The question the walk waits on, if it waits on one.
    public var question: Question? {
        guard case .asking(let question) = walk.state.phase else { return nil }
        return question
    }

    /// Reads typed text as an answer to `question`, with the yes/no words of the playbook's language.
    func read(_ text: String, for question: Question) -> Result<Value, AnswerProblem> {
        parseAnswer(text, for: question, words: words)
    }

    /// What was wrong with an answer, in the rep's language.
    public func explain(_ problem: AnswerProblem) -> String {
        switch problem {
        case .empty: strings(.empty)
        case .notYesNo: strings(.notYesNo, words.yes[0], words.no[0])
        case .notANumber: strings(.notANumber)
        case .notWhole: strings(.notWhole)
        case .outOfRange(let range):
            range.high.map { strings(.outOfRangeBetween, Value.format(range.low, style: numbers), Value.format($0, style: numbers)) }
                ?? strings(.outOfRangeAtLeast, Value.format(range.low, style: numbers))
        case .notAnOption(let count): strings(.notAnOption, String(count))
        case .ambiguous(let numbers, let options):
            strings(.ambiguousOption, zip(numbers, options).map { "\($0). \($1)" }.joined(separator: ", "))
        }
    }

    private func help() -> String {
        var text = ""
        if case .asking(let question) = walk.state.phase {
            if let why = question.why { text += wrapped(paint.bold(strings(.why)) + strings.colon + shown(why)) }
            if let tip = question.tip { text += wrapped(paint.bold(strings(.tip)) + strings.colon + shown(tip)) }
            if question.why == nil, question.tip == nil { text += wrapped(paint.dim(strings(.noCoaching))) }
        }
        text += wrapped(strings(.commandsTitle))
        for phrase in [RunnerStrings.Phrase.helpHelp, .helpBack, .helpNote, .helpWhere, .helpDefine, .helpPause] {
            text += wrappedHelp(strings(phrase))
        }
        text += wrappedHelp(strings(.helpEnd, outcomeList))
        let own = RepCommand.allCases.compactMap { command in
            commands.ownWords(for: command).first.map { "\($0) (\(command.rawValue))" }
        }
        if !own.isEmpty { text += wrapped(strings(.helpOwnWords, own.joined(separator: ", "))) }
        text += wrapped(paint.dim(strings(.helpLiteral)))
        return text
    }

    private mutating func back(now: Double) -> Turn {
        let stageBefore = walk.state.stage
        guard let question = walk.back() else { return Turn(text: wrapped(strings(.nothingToUndo))) }
        forgetMove(of: question)
        var turn = proceed(now: now)
        // Back across a stage boundary: say which stage the rep is in again.
        let heading = walk.state.stage == stageBefore ? "" : stageHeading(walk.state.stage)
        turn.text = wrapped(paint.dim(strings(.backTo))) + heading + turn.text
        turn.records.insert(.undo(question: program.name(question.name.symbol)), at: 0)
        if walk.state.stage != stageBefore {
            let stage = program.stages[walk.state.stage]
            turn.records.insert(
                .stageEntered(
                    stage: program.name(stage.name.symbol), title: walk.renderIfPossible(stage.title),
                    number: walk.state.stage + 1),
                at: 1)
        }
        return turn
    }

    private func whereNow() -> String {
        let current = walk.state.stage
        var seen = Set<Int>()
        let done = walk.state.stagesEntered.filter { $0 != current && seen.insert($0).inserted }
        let title = { (index: Int) in shown(program.stages[index].title) }
        var text = ""
        if !done.isEmpty { text += wrapped(strings(.whereDone) + strings.colon + done.map(title).joined(separator: ", ")) }
        let banner = strings(.stageBanner, String(current + 1), String(program.stages.count), title(current))
        text += wrapped(paint.bold(strings(.whereNow) + strings.colon + banner))
        let later = (current + 1)..<program.stages.count
        if !later.isEmpty { text += wrapped(strings(.whereToCome) + strings.colon + later.map(title).joined(separator: ", ")) }
        return text
    }

    private func define(_ word: String) -> String {
        let glossary = program.terms.map(\.word.value)
        guard !glossary.isEmpty else { return wrapped(strings(.glossaryEmpty)) }
        guard !word.isEmpty else { return wrapped(strings(.defineEmpty, glossary.joined(separator: ", "))) }
        let found = program.define(word)
        guard !found.isEmpty else { return wrapped(strings(.defineUnknown, word, glossary.joined(separator: ", "))) }
        return found.map {
            wrapped(paint.bold(TerminalText.safe($0.word.value)) + strings.colon + TerminalText.safe($0.definition.value, lines: true))
        }.joined()
    }

    /// `end OUTCOME [REASON]`: asks to confirm before the deal is ended, since an ended session
    /// cannot be resumed.
    private mutating func end(_ rest: String) -> Turn {
        let (outcome, reason) = Self.split(rest)
        let known = program.outcomes ?? program.endingNames
        guard !outcome.isEmpty else { return Turn(text: wrapped(strings(.endNeedsOutcome, known.joined(separator: ", ")))) }
        var matches = known.filter { $0.lowercased() == outcome }
        if matches.isEmpty { matches = known.filter { LatinFolding.fold($0) == LatinFolding.fold(outcome) } }
        guard matches.count == 1, let name = matches.first else {
            let text = matches.isEmpty
                ? strings(.unknownOutcome, outcome, known.joined(separator: ", "))
                : strings(.ambiguousName, outcome, matches.joined(separator: ", "))
            return Turn(text: wrapped(text))
        }
        pendingEnd = PendingEnd(outcome: name, reason: reason.isEmpty ? nil : reason)
        return Turn(text: confirmQuestion())
    }

    private func confirmQuestion() -> String {
        guard let pending = pendingEnd else { return "" }
        let shown = pending.reason.map { "\(pending.outcome) · \($0)" } ?? pending.outcome
        return wrapped(paint.bold(strings(.confirmEnd, shown, words.yes[0], words.no[0])))
    }

    /// The answer to "End the deal now as ...?": yes ends it; no or back goes on where the walk was.
    private mutating func confirmEnd(_ typed: String, _ pending: PendingEnd, now: Double) -> Turn {
        let isBack = commands.match(typed.hasPrefix("/") ? String(typed.dropFirst()) : typed)?.command == .back
        switch isBack ? false : words.read(typed) {
        case true?:
            pendingEnd = nil
            walk.end(outcome: pending.outcome, reason: pending.reason)
            return proceed(now: now)
        case false?:
            pendingEnd = nil
            var text = wrapped(paint.dim(strings(.endCancelled)))
            if let question { text += "\n" + describe(question) }
            return Turn(text: text)
        case nil:
            return Turn(text: wrapped(strings(.confirmAgain, words.yes[0], words.no[0])) + confirmQuestion())
        }
    }
}

/// An `end OUTCOME` typed and not yet confirmed.
struct PendingEnd: Sendable, Hashable {
    let outcome: String
    let reason: String?
}
