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
            if case .text(let key) = value, Int(typed) == nil {
                let option = shownOption(key, of: question)
                if commands.match(typed) != nil || option.lowercased() != typed.lowercased() {
                    turn.items.insert(.chosen(option), at: 0)
                }
            }
            return turn
        }
        guard let (command, word, rest) = commands.match(typed) else { return answer(typed, now: now) }
        var turn = run(command, rest, now: now)
        // A text question takes any line, this one too: say how to give it as the answer.
        if let question, case .text = question.type, !rest.isEmpty || command == .end {
            turn.items.insert(.message(strings(.readAsCommand, word), .quiet), at: 0)
        }
        return turn
    }

    /// Does what the rep asked for by other means than a typed line (the web page's buttons
    /// and fields): the same moves as the commands, with the same records.
    public mutating func perform(_ input: RepInput, now: Double) -> Turn {
        switch input {
        case .line(let line): return receive(line, now: now)
        case .answer(let text):
            if pendingEnd != nil { return Turn(items: confirmQuestion()) }
            return answer(Self.typedText(text).trimmingWhitespace(), now: now)
        case .option(let number):
            guard pendingEnd == nil, let question, case .choice = question.type else { return Turn(items: [notWaiting]) }
            let options = question.branches.compactMap(\.optionKey)
            guard options.indices.contains(number - 1) else {
                return Turn(items: [.problem(explain(.notAnOption(count: options.count)))])
            }
            return give(.text(options[number - 1]), now: now)
        case .value(let value):
            guard pendingEnd == nil, question != nil else { return Turn(items: [notWaiting]) }
            return give(value, now: now)
        case .back:
            pendingEnd = nil
            return back(now: now)
        case .note(let text):
            return run(.note, Self.typedText(text).trimmingWhitespace(), now: now)
        case .end(let outcome, let reason):
            return end(outcome: outcome, reason: reason.map { Self.typedText($0).trimmingWhitespace() } ?? "")
        case .confirmEnd(let confirmed):
            guard let pending = pendingEnd else { return Turn(items: [notWaiting]) }
            return confirmEnd(confirmed ? words.yes[0] : words.no[0], pending, now: now)
        case .pause(let reason):
            return .pause(reason)
        }
    }

    private var notWaiting: DisplayItem { .message(strings(.notWaiting), .plain) }

    private mutating func run(_ command: RepCommand, _ rest: String, now: Double) -> Turn {
        switch command {
        case .help: return Turn(items: [help()] + questionAgain)
        case .back: return back(now: now)
        case .note:
            guard !rest.isEmpty else { return Turn(items: [.message(strings(.noteEmpty), .plain)]) }
            return Turn(items: [.message(strings(.noteKept), .quiet)], records: [.note(text: rest, question: waitingQuestion)])
        case .where: return Turn(items: [whereNow()] + questionAgain)
        case .define: return Turn(items: [define(rest)] + questionAgain)
        case .pause: return .pause(.command)
        case .end:
            let (outcome, reason) = Self.split(rest)
            return end(outcome: outcome, reason: reason)
        }
    }

    /// The waiting question once more, after a command's text pushed it up the screen.
    private var questionAgain: [DisplayItem] { question.map { [.question(view(of: $0))] } ?? [] }

    /// The line as an answer to the waiting question. A choice taken from text typed without
    /// accents is named, so the rep sees which option it was.
    private mutating func answer(_ typed: String, now: Double) -> Turn {
        guard case .question(let question) = walk.next() else { return Turn(items: [notWaiting]) }
        switch read(typed, for: question) {
        case .failure(let problem):
            return Turn(items: [.problem(explain(problem))])
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
        parseAnswer(text, for: question, words: words, shown: walk.program.shownOption)
    }

    /// The text of the option with this key, as the rep reads it.
    func shownOption(_ key: String, of question: Question) -> String {
        question.option(key).flatMap(walk.program.shownOption) ?? key
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

    private func help() -> DisplayItem {
        let own = RepCommand.allCases.compactMap { command in
            commands.ownWords(for: command).first.map { "\($0) (\(command.rawValue))" }
        }
        return .help(
            HelpView(
                why: question?.why.map(rendered), tip: question?.tip.map(rendered), hasQuestion: question != nil,
                outcomes: outcomeNames, ownWords: own))
    }

    private mutating func back(now: Double) -> Turn {
        let stageBefore = walk.state.stage
        guard let question = walk.back() else { return Turn(items: [.message(strings(.nothingToUndo), .plain)]) }
        forgetMove(of: question)
        var turn = proceed(now: now)
        // Back across a stage boundary: say which stage the rep is in again.
        let heading = walk.state.stage == stageBefore ? [] : [stageItem(walk.state.stage)]
        turn.items = [.message(strings(.backTo), .quiet)] + heading + turn.items
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

    private func whereNow() -> DisplayItem {
        let current = walk.state.stage
        var seen = Set<Int>()
        let done = walk.state.stagesEntered.filter { $0 != current && seen.insert($0).inserted }
        let title = { (index: Int) in self.rendered(self.program.stages[index].title) }
        return .whereNow(
            done: done.map(title), current: current, count: program.stages.count, title: title(current),
            toCome: ((current + 1)..<program.stages.count).map(title))
    }

    private func define(_ word: String) -> DisplayItem {
        let glossary = program.terms.map { program.shown($0.word) }
        guard !glossary.isEmpty else { return .message(strings(.glossaryEmpty), .plain) }
        guard !word.isEmpty else { return .message(strings(.defineEmpty, glossary.joined(separator: ", ")), .plain) }
        let found = program.define(word)
        guard !found.isEmpty else { return .message(strings(.defineUnknown, word, glossary.joined(separator: ", ")), .plain) }
        return .definitions(found.map { GlossaryEntry(word: program.shown($0.word), definition: program.shown($0.definition)) })
    }

    /// `end OUTCOME [REASON]`: asks to confirm before the deal is ended, since an ended session
    /// cannot be resumed. The outcome may be typed in any case, and without accents.
    private mutating func end(outcome typed: String, reason: String) -> Turn {
        let outcome = typed.lowercased()
        let known = outcomeNames
        guard !outcome.isEmpty else { return Turn(items: [.message(strings(.endNeedsOutcome, known.joined(separator: ", ")), .plain)]) }
        var matches = known.filter { $0.lowercased() == outcome }
        if matches.isEmpty { matches = known.filter { LatinFolding.fold($0) == LatinFolding.fold(outcome) } }
        guard matches.count == 1, let name = matches.first else {
            let text = matches.isEmpty
                ? strings(.unknownOutcome, outcome, known.joined(separator: ", "))
                : strings(.ambiguousName, outcome, matches.joined(separator: ", "))
            return Turn(items: [.message(text, .plain)])
        }
        pendingEnd = PendingEnd(outcome: name, reason: reason.isEmpty ? nil : reason)
        return Turn(items: confirmQuestion())
    }

    private func confirmQuestion() -> [DisplayItem] {
        guard let pending = pendingEnd else { return [] }
        return [.confirmEnd(outcome: pending.outcome, reason: pending.reason)]
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
            return Turn(items: [.message(strings(.endCancelled), .quiet)] + questionAgain)
        case nil:
            return Turn(items: [.message(strings(.confirmAgain, words.yes[0], words.no[0]), .plain)] + confirmQuestion())
        }
    }
}

/// An `end OUTCOME` typed and not yet confirmed.
public struct PendingEnd: Sendable, Hashable {
    public let outcome: String
    public let reason: String?
}

/// What a rep does in a walk by other means than a typed line: a button or field of the web
/// page, or an answer read from a file.
public enum RepInput: Sendable, Hashable {
    /// A line typed at a prompt: an answer or a command, as the terminal reads it.
    case line(String)
    /// Text given as the answer to the waiting question (never read as a command).
    case answer(String)
    /// The waiting choice question's option, numbered from 1.
    case option(Int)
    /// An answer already read.
    case value(Value)
    case back
    case note(String)
    /// Asks to end the deal; it ends when confirmed.
    case end(outcome: String, reason: String?)
    case confirmEnd(Bool)
    case pause(PauseReason)
}
