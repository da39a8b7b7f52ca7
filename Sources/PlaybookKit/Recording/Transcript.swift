/// A deal's record as a person reads it: stages in order, each question with its answer (and the
/// answers revised with `back`), notes, unmet criteria, pauses and the outcome. Its labels are in
/// the playbook's language, as the runner's words were during the walk.
///
/// Its text and markdown are for a terminal or a paste, so every field of the record in them
/// (written by anyone who could write the file) goes through `TerminalText.safe`; its JSON keeps
/// the fields exact, for tools.
public struct Transcript: Sendable {
    public let log: SessionLog
    let strings: RunnerStrings
    let numbers: NumberStyle

    public init(_ log: SessionLog) {
        self.log = log
        strings = RunnerStrings(language: log.info?.language ?? "en")
        numbers = NumberStyle(language: strings.language)
    }

    /// One line of the transcript, in order.
    public enum Entry: Sendable, Hashable {
        case stage(title: String, number: Int)
        case answer(question: String, text: String, shown: String, seconds: Double, revised: Bool)
        case buyer(String)
        case note(String)
        case unmet(String)
        case paused(at: Double)
        case resumed(at: Double, notReplayed: Int, playbookChanged: Bool)
        case fault(String)
        /// Practice: the points of the move just answered.
        case move(MoveResult)
    }

    /// The entries, with answers later undone marked as revised.
    public var entries: [Entry] {
        var entries: [Entry] = []
        var texts: [String: String] = [:]
        var answerIndices: [Int] = []
        for event in log.events {
            switch event.kind {
            case .stageEntered(_, let title, let number): entries.append(.stage(title: title, number: number))
            case .asked(let question, let text, _, _): texts[question] = text
            case .answered(let question, _, let shown, let seconds):
                answerIndices.append(entries.count)
                entries.append(
                    .answer(question: question, text: texts[question] ?? question, shown: shown, seconds: seconds, revised: false))
            case .undo:
                if let index = answerIndices.popLast(), case .answer(let question, let text, let shown, let seconds, _) = entries[index] {
                    entries[index] = .answer(question: question, text: text, shown: shown, seconds: seconds, revised: true)
                }
            case .buyer(let line): entries.append(.buyer(line))
            case .note(let text, _): entries.append(.note(text))
            case .unmet(_, let message): entries.append(.unmet(message))
            case .paused: entries.append(.paused(at: event.time))
            case .resumed(_, let notReplayed, let changed):
                entries.append(.resumed(at: event.time, notReplayed: notReplayed, playbookChanged: changed))
            case .fault(let message, _, _): entries.append(.fault(message))
            case .move(let move): entries.append(.move(move))
            case .start, .stageLeft, .ended, .practiceResult: break
            }
        }
        return entries
    }

    /// Who speaks the buyer's lines: the persona, in practice (records from before `persona_name`
    /// give its id).
    var buyer: String { log.info.flatMap { $0.personaName ?? $0.persona } ?? strings(.buyer) }

    /// "won (Demo booked)", "paused", "interrupted".
    public var statusText: String {
        switch log.status {
        case .ended(let outcome, let reason, _): Self.safe(reason.map { "\(outcome) (\($0))" } ?? outcome)
        case .faulted: "stopped on a fault"
        case .paused: "paused"
        case .interrupted: "interrupted"
        }
    }

    /// For a terminal or a text file.
    public func text() -> String {
        var out = header(bold: { $0 }) + "\n"
        for entry in entries {
            switch entry {
            case .stage(let title, let number): out += "\n" + strings(.shownStage, String(number), Self.safe(title)) + "\n"
            case .answer(_, let text, let shown, let seconds, let revised):
                let (text, shown) = (Self.safe(text), Self.safe(shown))
                out += "  \(revised ? "↺ " : "")\(text) → \(shown)\(revised ? " " + strings(.revised) : "") [\(duration(seconds))]\n"
            case .buyer(let line): out += "  " + Self.safe(buyer) + strings.colon + "“\(Self.safe(line))”\n"
            case .note(let note): out += "  " + strings(.note) + strings.colon + Self.safe(note) + "\n"
            case .unmet(let message): out += "  " + strings(.couldNotLeave, Self.safe(message)) + "\n"
            case .paused(let time): out += "  — " + strings(.pausedAt, Self.minute(time)) + "\n"
            case .resumed(let time, let notReplayed, let changed):
                out += "  — " + strings(.resumedAt, Self.minute(time))
                out += notReplayed == 0 ? "\n" : " " + didNotFit(notReplayed, playbookChanged: changed) + "\n"
            case .fault(let message): out += "  " + strings(.walkStopped, Self.safe(message)) + "\n"
            case .move(let move): out += "    \(Self.safe(movePoints(move)))\n"
            }
        }
        out += "\n" + footer()
        return out
    }

    /// To paste into a CRM's notes: headings, a table per stage is too wide, so lists.
    public func markdown() -> String {
        var out = "## " + header(bold: { "**\($0)**" }).replacingAll("\n", with: "  \n") + "\n"
        for entry in entries {
            switch entry {
            case .stage(let title, let number): out += "\n### " + strings(.shownStage, String(number), Self.escape(title)) + "\n\n"
            case .answer(_, let text, let shown, _, let revised):
                let line = "\(Self.escape(text)) **\(Self.escape(shown))**"
                out += revised ? "- ~~\(line)~~ \(strings(.revised))\n" : "- \(line)\n"
            case .buyer(let line): out += "- " + Self.escape(buyer) + strings.colon + "“\(Self.escape(line))”\n"
            case .note(let note): out += "- 📝 \(Self.escape(note))\n"
            case .unmet(let message): out += "- ⚠️ " + strings(.couldNotLeave, Self.escape(message)) + "\n"
            case .paused(let time): out += "- *" + strings(.pausedAt, Self.minute(time)) + "*\n"
            case .resumed(let time, _, _): out += "- *" + strings(.resumedAt, Self.minute(time)) + "*\n"
            case .fault(let message): out += "- ⚠️ " + strings(.walkStopped, Self.escape(message)) + "\n"
            case .move(let move): out += "  - \(Self.escape(movePoints(move)))\n"
            }
        }
        out += "\n" + footer().replacingAll("\n", with: "  \n")
        return out
    }

    /// For other tools: the session's facts and the final answers (revised ones marked).
    public func json() -> JSON {
        let info = log.info
        var answers: [JSON] = []
        var notes: [JSON] = []
        for entry in entries {
            if case .answer(let question, let text, let shown, let seconds, let revised) = entry {
                answers.append(
                    .object([
                        "question": .string(question), "text": .string(text), "shown": .string(shown),
                        "seconds": .number(seconds), "revised": .bool(revised),
                    ]))
            } else if case .note(let note) = entry {
                notes.append(.string(note))
            }
        }
        var outcome = JSON.null
        if case .ended(let name, let reason, let score) = log.status {
            outcome = .object(["name": .string(name), "reason": reason.map(JSON.string) ?? .null, "score": .number(score)])
        }
        return .object([
            "version": .int(SessionEvent.schemaVersion),
            "session": .string(info?.id ?? ""),
            "playbook": .string(info?.playbookTitle ?? ""),
            "rep": info?.rep.map(JSON.string) ?? .null,
            "deal": info?.deal.map(JSON.string) ?? .null,
            "started": log.startTime.map { .string(Timestamp.format($0)) } ?? .null,
            "status": .string(Self.statusWord(log.status)),
            "outcome": outcome,
            "answers": .array(answers),
            "notes": .array(notes),
        ])
    }

    /// `ended`, `paused`, `interrupted` or `faulted`.
    public static func statusWord(_ status: SessionLog.Status) -> String {
        switch status {
        case .ended: "ended"
        case .faulted: "faulted"
        case .paused: "paused"
        case .interrupted: "interrupted"
        }
    }

    private func header(bold: (String) -> String) -> String {
        let info = log.info
        var first = bold(info.map { Self.safe($0.playbookTitle) } ?? "Session")
        if let deal = info?.deal { first += " · " + strings(.shownDeal, Self.safe(deal)) }
        if let rep = info?.rep { first += " · " + strings(.shownRep, Self.safe(rep)) }
        let started = log.startTime.map { " · " + strings(.started, Self.minute($0)) } ?? ""
        return first + "\n" + strings(.session, info.map { Self.safe($0.id) } ?? "?") + started
    }

    /// The practice result, when the record has one.
    public var practiceResult: PracticeResult? {
        for event in log.events.reversed() { if case .practiceResult(let result) = event.kind { return result } }
        return nil
    }

    /// "+3 points (best)" or "-2 points · best: "Ask what it is worth" (+3)".
    func movePoints(_ move: MoveResult) -> String {
        let signed = { (points: Double) in (points > 0 ? "+" : "") + Value.format(points, style: numbers) }
        if move.isBest { return strings(.pointsBest, signed(move.points)) }
        return strings(.pointsOther, signed(move.points), move.bestOption, signed(move.bestPoints))
    }

    private func footer() -> String {
        switch log.status {
        case .ended(let outcome, let reason, let score):
            var line = strings(.outcome) + strings.colon + Self.safe(outcome)
            if let reason { line += "\n" + strings(.reason) + strings.colon + Self.safe(reason) }
            if let result = practiceResult {
                let (score, onPath) = (Value.format(result.score, style: numbers), Value.format(result.bestOnPath, style: numbers))
                line += "\n" + (result.bestPossible.map { strings(.shownScoreAny, score, onPath, Value.format($0, style: numbers)) }
                    ?? strings(.shownScoreWalk, score, onPath))
                if let grade = result.grade { line += "\n" + strings(.grade) + strings.colon + Value.format(grade.rounded(), style: numbers) + "%" }
            } else if score != 0 {
                line += "\n" + strings(.score) + strings.colon + Value.format(score, style: numbers)
            }
            return line + "\n"
        case .faulted: return strings(.status) + strings.colon + strings(.statusFaulted) + "\n"
        case .paused: return strings(.status) + strings.colon + strings(.statusPaused) + "\n"
        case .interrupted: return strings(.status) + strings.colon + strings(.statusInterrupted) + "\n"
        }
    }

    /// `2026-11-22 17:35 UTC`.
    public static func minute(_ time: Double) -> String {
        let stamp = Timestamp.format(time)
        return String(stamp.prefix(10)) + " " + String(stamp.dropFirst(11).prefix(5)) + " UTC"
    }

    func duration(_ seconds: Double) -> String {
        seconds < 60 ? strings(.seconds, String(Int(seconds.rounded())))
            : strings(.minutesSeconds, String(Int(seconds / 60)), String(Int(seconds.truncatingRemainder(dividingBy: 60))))
    }

    /// Markdown's special characters, so that a buyer's words cannot become formatting; and
    /// then made safe for a terminal (a markdown transcript is often printed, then pasted).
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<>#|~".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return safe(out)
    }

    /// A field of the record, for a terminal.
    static func safe(_ text: String) -> String { TerminalText.safe(text) }

    /// "(the playbook had changed; 2 recorded answers did not fit)", or without the first part
    /// when the playbook had not changed (the record did not fit: damaged, or edited).
    func didNotFit(_ count: Int, playbookChanged: Bool) -> String {
        let phrase: RunnerStrings.Phrase = playbookChanged
            ? (count == 1 ? .oneDidNotFit : .didNotFit) : (count == 1 ? .oneDidNotFitSamePlaybook : .didNotFitSamePlaybook)
        return strings(phrase, String(count))
    }
}
