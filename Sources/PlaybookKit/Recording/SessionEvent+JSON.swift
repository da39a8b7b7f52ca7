extension SessionEvent {
    /// The event as one line of JSON (no line end), keys sorted.
    public var jsonLine: String {
        var fields: [String: JSON] = [
            "v": .int(Self.schemaVersion), "event": .string(kind.name), "time": .string(Timestamp.format(time)),
        ]
        func text(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
        switch kind {
        case .start(let info):
            fields["session"] = .string(info.id)
            fields["mode"] = .string(info.mode)
            fields["playbook"] = .object([
                "title": .string(info.playbookTitle), "path": .string(info.playbookPath),
                "version": text(info.playbookVersion), "hash": .string(info.playbookHash),
            ])
            fields["language"] = .string(info.language)
            fields["rep"] = text(info.rep)
            fields["deal"] = text(info.deal)
            fields["seed"] = .string(String(info.seed))
            if info.mode == "practice" {
                fields["persona"] = text(info.persona)
                fields["persona_name"] = text(info.personaName)
                fields["feedback"] = .string(info.holdFeedback ? "end" : "now")
            }
        case .stageEntered(let stage, let title, let number):
            fields["stage"] = .string(stage)
            fields["title"] = .string(title)
            fields["number"] = .int(number)
        case .stageLeft(let stage):
            fields["stage"] = .string(stage)
        case .asked(let question, let text, let type, let stage):
            fields["question"] = .string(question)
            fields["text"] = .string(text)
            fields["type"] = .string(type)
            fields["stage"] = .string(stage)
        case .answered(let question, let value, let shown, let seconds):
            fields["question"] = .string(question)
            fields["value"] = value.json
            fields["shown"] = .string(shown)
            fields["seconds"] = .number((seconds * 1000).rounded() / 1000)
        case .buyer(let line):
            fields["line"] = .string(line)
        case .note(let note, let question):
            fields["text"] = .string(note)
            fields["question"] = text(question)
        case .undo(let question):
            fields["question"] = .string(question)
        case .unmet(let stage, let message):
            fields["stage"] = .string(stage)
            fields["message"] = .string(message)
        case .paused(let reason):
            fields["reason"] = .string(reason.rawValue)
        case .resumed(let replayed, let notReplayed, let changed):
            fields["replayed"] = .int(replayed)
            fields["not_replayed"] = .int(notReplayed)
            fields["playbook_changed"] = .bool(changed)
        case .ended(let outcome, let reason, let score, let byRep):
            fields["outcome"] = .string(outcome)
            fields["reason"] = text(reason)
            fields["score"] = .number(score)
            fields["by_rep"] = .bool(byRep)
        case .fault(let message, let file, let line):
            fields["message"] = .string(message)
            fields["file"] = .string(file)
            fields["line"] = .int(line)
        case .move(let move):
            fields.merge(move.fields) { $1 }
        case .practiceResult(let result):
            fields["score"] = .number(result.score)
            fields["best_on_path"] = .number(result.bestOnPath)
            fields["best_possible"] = result.bestPossible.map(JSON.number) ?? .null
            fields["grade"] = result.grade.map(JSON.number) ?? .null
            fields["moves"] = .array(result.moves.map { .object($0.fields) })
            fields["taken_back"] = .array(result.takenBack.map { .object($0.fields) })
        }
        return JSON.object(fields).text
    }

    /// Reads a line written by `jsonLine`; nil for a line that is torn, not JSON, or an event
    /// this version does not know (a newer writer's).
    public init?(jsonLine line: some StringProtocol) {
        guard case .success(let event) = Self.read(line: Array(line.utf8)[...], number: 1) else { return nil }
        self = event
    }

    /// Reads one line of a record (its bytes, without the line end): the event, or why it
    /// cannot be read. Any bytes may be given.
    public static func read(line: ArraySlice<UInt8>, number: Int) -> Result<SessionEvent, SkippedLine> {
        func skipped(_ problem: SkippedLine.Problem, event: String? = nil) -> Result<SessionEvent, SkippedLine> {
            .failure(SkippedLine(number: number, event: event, problem: problem))
        }
        // Checked first: JSON text is UTF-8, and a line that is not is not read with replacements.
        guard String(validating: line, as: UTF8.self) != nil else { return skipped(.invalidUTF8) }
        guard case .success(let json) = JSON.parse(line), case .object = json else { return skipped(.notJSON) }
        let name = json["event"]?.string
        guard json["v"]?.int == schemaVersion else { return skipped(.unknownVersion(json["v"]?.text), event: name) }
        guard let name else { return skipped(.badField("event")) }
        guard let time = json["time"]?.string.flatMap(Timestamp.parse) else { return skipped(.badField("time"), event: name) }
        switch Kind.read(name, json) {
        case .success(let kind): return .success(SessionEvent(kind, time: time))
        case .failure(let problem): return skipped(problem, event: name)
        }
    }
}

extension SessionEvent.Kind {
    /// The event `name` from the fields of its line.
    fileprivate static func read(_ name: String, _ json: JSON) -> Result<Self, SkippedLine.Problem> {
        func text(_ key: String) -> String? { json[key]?.string }
        switch name {
        case "start":
            guard let id = text("session") else { return .failure(.badField("session")) }
            guard let playbook = json["playbook"], case .object = playbook else { return .failure(.badField("playbook")) }
            guard let written = json["seed"] else { return .failure(.badField("seed")) }
            // A decimal string, as written: "0x1f", "+5", " 5" or a JSON number are not seeds.
            guard let digits = written.string, !digits.isEmpty, digits.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let seed = UInt64(digits)
            else { return .failure(.badSeed(written.string ?? written.text)) }
            return .success(
                .start(
                    SessionInfo(
                        id: id, mode: text("mode") ?? "run", playbookTitle: playbook["title"]?.string ?? "",
                        playbookPath: playbook["path"]?.string ?? "", playbookVersion: playbook["version"]?.string,
                        playbookHash: playbook["hash"]?.string ?? "", language: text("language") ?? "en", rep: text("rep"),
                        deal: text("deal"), seed: seed, persona: text("persona"), personaName: text("persona_name"),
                        holdFeedback: text("feedback") == "end")))
        case "stage_enter":
            guard let stage = text("stage") else { return .failure(.badField("stage")) }
            return .success(.stageEntered(stage: stage, title: text("title") ?? stage, number: json["number"]?.int ?? 0))
        case "stage_leave":
            guard let stage = text("stage") else { return .failure(.badField("stage")) }
            return .success(.stageLeft(stage: stage))
        case "ask":
            guard let question = text("question") else { return .failure(.badField("question")) }
            return .success(
                .asked(question: question, text: text("text") ?? "", type: text("type") ?? "", stage: text("stage") ?? ""))
        case "answer":
            guard let question = text("question") else { return .failure(.badField("question")) }
            guard let value = json["value"].flatMap(Value.init(json:)) else { return .failure(.badField("value")) }
            return .success(
                .answered(
                    question: question, value: value, shown: text("shown") ?? value.display(),
                    seconds: json["seconds"]?.double ?? 0))
        case "buyer":
            return .success(.buyer(line: text("line") ?? ""))
        case "note":
            return .success(.note(text: text("text") ?? "", question: text("question")))
        case "undo":
            guard let question = text("question") else { return .failure(.badField("question")) }
            return .success(.undo(question: question))
        case "unmet":
            return .success(.unmet(stage: text("stage") ?? "", message: text("message") ?? ""))
        case "pause":
            return .success(.paused(reason: text("reason").flatMap(PauseReason.init(rawValue:)) ?? .command))
        case "resume":
            return .success(
                .resumed(
                    replayed: json["replayed"]?.int ?? 0, notReplayed: json["not_replayed"]?.int ?? 0,
                    playbookChanged: json["playbook_changed"]?.bool ?? false))
        case "end":
            guard let outcome = text("outcome") else { return .failure(.badField("outcome")) }
            return .success(
                .ended(
                    outcome: outcome, reason: text("reason"), score: json["score"]?.double ?? 0,
                    byRep: json["by_rep"]?.bool ?? false))
        case "fault":
            return .success(.fault(message: text("message") ?? "", file: text("file") ?? "", line: json["line"]?.int ?? 0))
        case "move":
            guard let move = MoveResult(json: json) else {
                return .failure(.badField(text("question") == nil ? "question" : text("chosen") == nil ? "chosen" : "points"))
            }
            return .success(.move(move))
        case "practice_result":
            guard let score = json["score"]?.double else { return .failure(.badField("score")) }
            guard let bestOnPath = json["best_on_path"]?.double else { return .failure(.badField("best_on_path")) }
            return .success(
                .practiceResult(
                    PracticeResult(
                        score: score, bestOnPath: bestOnPath, bestPossible: json["best_possible"]?.double,
                        grade: json["grade"]?.double, moves: json["moves"]?.array?.compactMap(MoveResult.init(json:)) ?? [],
                        takenBack: json["taken_back"]?.array?.compactMap(MoveResult.init(json:)) ?? [])))
        default:
            return .failure(.unknownEvent(name))
        }
    }
}

extension SessionEvent.Kind {
    /// The `event` field.
    public var name: String {
        switch self {
        case .start: "start"
        case .stageEntered: "stage_enter"
        case .stageLeft: "stage_leave"
        case .asked: "ask"
        case .answered: "answer"
        case .buyer: "buyer"
        case .note: "note"
        case .undo: "undo"
        case .unmet: "unmet"
        case .paused: "pause"
        case .resumed: "resume"
        case .ended: "end"
        case .fault: "fault"
        case .move: "move"
        case .practiceResult: "practice_result"
        }
    }
}

extension Value {
    /// yes/no as a JSON boolean, numbers as numbers, text as a string.
    var json: JSON {
        switch self {
        case .bool(let flag): .bool(flag)
        case .number(let number): .number(number)
        case .text(let text): .string(text)
        }
    }

    init?(json: JSON) {
        switch json {
        case .bool(let flag): self = .bool(flag)
        case .string(let text): self = .text(text)
        default:
            guard let number = json.double else { return nil }
            self = .number(number)
        }
    }
}

extension MoveResult {
    var fields: [String: JSON] {
        [
            "question": .string(question), "text": .string(text), "chosen": .string(chosen), "points": .number(points),
            "best": .bool(isBest), "best_option": .string(bestOption), "best_points": .number(bestPoints),
        ]
    }

    init?(json: JSON) {
        guard let question = json["question"]?.string, let chosen = json["chosen"]?.string,
            let points = json["points"]?.double
        else { return nil }
        self.init(
            question: question, text: json["text"]?.string ?? question, chosen: chosen, points: points,
            isBest: json["best"]?.bool ?? false, bestOption: json["best_option"]?.string ?? "",
            bestPoints: json["best_points"]?.double ?? points)
    }
}
