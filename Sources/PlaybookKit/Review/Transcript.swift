/// A deal's record as a person reads it: first the answers in force, by stage, with their notes
/// (what a rep pastes into the CRM), then step by step: each question with its answer (and the
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
    /// The playbook's texts in the language shown, when it is not the record's.
    let texts: TranscriptTexts?

    /// The transcript in the record's language; or, given `language`, its own words, yes, no and
    /// numbers in that one, and the playbook's texts from `texts` where it has them.
    public init(_ log: SessionLog, language: String? = nil, texts: TranscriptTexts? = nil) {
        self.log = log
        strings = RunnerStrings(language: language ?? log.info?.language ?? "en")
        numbers = NumberStyle(language: strings.language)
        self.texts = texts
    }

    /// One line of the transcript, in order.
    public enum Entry: Sendable, Hashable {
        case stage(title: String, number: Int)
        case answer(Answer)
        case buyer(String)
        /// A note, and the question waiting when it was typed.
        case note(String, question: String?)
        case unmet(String)
        case paused(at: Double)
        case resumed(at: Double, notReplayed: Int, playbookChanged: Bool)
        case fault(String)
        /// Practice: the points of the move just answered.
        case move(MoveResult)
    }

    /// An answer as recorded, and where it was given.
    public struct Answer: Sendable, Hashable {
        public var question: String
        /// The question as shown.
        public var text: String
        public var value: Value
        public var shown: String
        public var seconds: Double
        /// The stage's id, title and 1-based number, as the record entered it.
        public var stage: String
        public var stageTitle: String
        public var stageNumber: Int
        /// Undone with `back` later.
        public var revised = false
    }

    /// The entries, with answers later undone marked as revised.
    public var entries: [Entry] {
        var entries: [Entry] = []
        var asked: [String: (text: String, stage: String)] = [:]
        var stages: [String: (title: String, number: Int)] = [:]
        var answerIndices: [Int] = []
        for event in log.events {
            switch event.kind {
            case .stageEntered(let stage, let recorded, let number):
                let title = texts?.stageTitles[stage] ?? recorded
                stages[stage] = (title, number)
                entries.append(.stage(title: title, number: number))
            case .asked(let question, let text, _, let stage): asked[question] = (texts?.questions[question] ?? text, stage)
            case .answered(let question, let value, let shown, let seconds):
                answerIndices.append(entries.count)
                let stage = asked[question]?.stage ?? ""
                entries.append(
                    .answer(
                        Answer(
                            question: question, text: asked[question]?.text ?? question, value: value,
                            shown: self.shown(value, recorded: shown, question: question), seconds: seconds,
                            stage: stage, stageTitle: stages[stage]?.title ?? stage, stageNumber: stages[stage]?.number ?? 0)))
            case .undo:
                if let index = answerIndices.popLast(), case .answer(var answer) = entries[index] {
                    answer.revised = true
                    entries[index] = .answer(answer)
                }
            case .buyer(let line): entries.append(.buyer(line))
            case .note(let text, let question): entries.append(.note(text, question: question))
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

    /// An answer as the transcript's language shows it: the record's own when that is the language.
    private func shown(_ value: Value, recorded: String, question: String) -> String {
        guard strings.language != (log.info?.language ?? "en") || texts != nil else { return recorded }
        switch value {
        case .bool, .number:
            let words = YesNoWords.shown(strings.language)
            return value.display(yes: words.yes, no: words.no, style: numbers)
        case .text(let key): return texts?.options[question]?[key] ?? recorded
        }
    }

    /// Who speaks the buyer's lines: the persona, in practice (records from before `persona_name`
    /// give its id).
    var buyer: String { log.info.flatMap { $0.personaName ?? $0.persona } ?? strings(.buyer) }

    /// The answers in force of one stage, each with the notes typed at its question.
    public struct StageAnswers: Sendable {
        public var stage: String
        public var title: String
        public var number: Int
        public var answers: [(answer: Answer, notes: [String])]
    }

    /// The answers in force, by stage in the order first entered, and the notes typed where no
    /// question of theirs was answered (at an exit criterion, or at a question later undone).
    public var summary: (stages: [StageAnswers], otherNotes: [String]) {
        var stages: [StageAnswers] = []
        var notes: [String: [String]] = [:]
        for entry in entries {
            switch entry {
            case .answer(let answer) where !answer.revised:
                if let index = stages.firstIndex(where: { $0.stage == answer.stage }) {
                    stages[index].answers.append((answer, []))
                } else {
                    stages.append(StageAnswers(stage: answer.stage, title: answer.stageTitle, number: answer.stageNumber, answers: [(answer, [])]))
                }
            case .note(let text, let question): notes[question ?? "", default: []].append(text)
            default: break
            }
        }
        // A note belongs with the answer to its question (the last one, if it was asked again).
        for stage in stages.indices.reversed() {
            for index in stages[stage].answers.indices.reversed() {
                if let texts = notes.removeValue(forKey: stages[stage].answers[index].answer.question) {
                    stages[stage].answers[index].notes = texts
                }
            }
        }
        return (stages, notes.keys.sorted().flatMap { notes[$0] ?? [] })
    }

    /// The step-by-step entries without a stage heading that nothing follows (a stage passed
    /// through on the way back with `back`), nor one that repeats the heading before it.
    var steps: [Entry] {
        var kept: [Entry] = []
        for entry in entries {
            if case .stage = entry, let last = kept.last, case .stage = last { kept.removeLast() }
            kept.append(entry)
        }
        if let last = kept.last, case .stage = last { kept.removeLast() }
        var heading: Int?
        return kept.filter { entry in
            guard case .stage(_, let number) = entry else { return true }
            defer { heading = number }
            return number != heading
        }
    }

    /// For a terminal or a text file.
    public func text() -> String {
        var out = header(bold: { $0 }) + "\n"
        let (stages, otherNotes) = summary
        if !stages.isEmpty || !otherNotes.isEmpty {
            out += "\n" + strings(.summaryTitle) + "\n"
            for group in stages {
                out += strings(.shownStage, String(group.number), Self.safe(group.title)) + "\n"
                for (answer, notes) in group.answers {
                    out += "  \(Self.safe(answer.text)) → \(Self.safe(answer.shown))\n"
                    for note in notes { out += "    " + strings(.note) + strings.colon + Self.safe(note) + "\n" }
                }
            }
            for note in otherNotes { out += "  " + strings(.note) + strings.colon + Self.safe(note) + "\n" }
            out += "\n" + strings(.logTitle) + "\n"
        }
        for entry in steps {
            switch entry {
            case .stage(let title, let number): out += "\n" + strings(.shownStage, String(number), Self.safe(title)) + "\n"
            case .answer(let answer):
                let (text, shown, revised) = (Self.safe(answer.text), Self.safe(answer.shown), answer.revised)
                out += "  \(revised ? "↺ " : "")\(text) → \(shown)\(revised ? " " + strings(.revised) : "") [\(duration(answer.seconds))]\n"
            case .buyer(let line): out += "  " + Self.safe(buyer) + strings.colon + "“\(Self.safe(line))”\n"
            case .note(let note, _): out += "  " + strings(.note) + strings.colon + Self.safe(note) + "\n"
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
        let (stages, otherNotes) = summary
        if !stages.isEmpty || !otherNotes.isEmpty {
            out += "\n### " + strings(.summaryTitle) + "\n"
            for group in stages {
                out += "\n**" + strings(.shownStage, String(group.number), Self.escape(group.title)) + "**\n\n"
                for (answer, notes) in group.answers {
                    out += "- \(Self.escape(answer.text)) **\(Self.escape(answer.shown))**\n"
                    for note in notes { out += "  - 📝 \(Self.escape(note))\n" }
                }
            }
            if !otherNotes.isEmpty { out += "\n" + otherNotes.map { "- 📝 \(Self.escape($0))\n" }.joined() }
            out += "\n### " + strings(.logTitle) + "\n"
        }
        for entry in steps {
            switch entry {
            case .stage(let title, let number): out += "\n#### " + strings(.shownStage, String(number), Self.escape(title)) + "\n\n"
            case .answer(let answer):
                let line = "\(Self.escape(answer.text)) **\(Self.escape(answer.shown))**"
                out += answer.revised ? "- ~~\(line)~~ \(strings(.revised))\n" : "- \(line)\n"
            case .buyer(let line): out += "- " + Self.escape(buyer) + strings.colon + "“\(Self.escape(line))”\n"
            case .note(let note, _): out += "- 📝 \(Self.escape(note))\n"
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

    /// For other tools: the session's facts, every answer (revised ones marked) with its typed
    /// value and stage, the notes with the question each was typed at, and the values the walk
    /// computed (`computed`, by variable; null with `computed_unavailable` saying why).
    public func json(computed: [String: Value]? = nil, unavailable: String? = nil) -> JSON {
        let info = log.info
        var answers: [JSON] = []
        var notes: [JSON] = []
        for entry in entries {
            if case .answer(let answer) = entry {
                answers.append(
                    .object([
                        "question": .string(answer.question), "text": .string(answer.text), "shown": .string(answer.shown),
                        "value": answer.value.json, "stage": .string(answer.stage),
                        "seconds": .number(answer.seconds), "revised": .bool(answer.revised),
                    ]))
            } else if case .note(let note, let question) = entry {
                notes.append(.object(["text": .string(note), "question": question.map(JSON.string) ?? .null]))
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
            "computed": computed.map { .object($0.mapValues(\.json)) } ?? .null,
            "computed_unavailable": unavailable.map(JSON.string) ?? .null,
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
        var first = bold(texts.map { Self.safe($0.title) } ?? info.map { Self.safe($0.playbookTitle) } ?? "Session")
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

    /// "4 s", "1 min 5 s"; "?" for a time no walk takes (a record edited to say -3 or 1e300).
    func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e12 else { return "?" }
        return seconds < 60 ? strings(.seconds, String(Int(seconds.rounded())))
            : strings(.minutesSeconds, String(Int(seconds / 60)), String(Int(seconds.truncatingRemainder(dividingBy: 60))))
    }

    /// Markdown's special characters, so that a buyer's words cannot become formatting; and
    /// then made safe for a terminal (a markdown transcript is often printed, then pasted).
    static func escape(_ text: String) -> String { MarkdownText.escape(text) }

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
