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
        guard case .success(let json) = JSON.parse(String(line)), let name = json["event"]?.string,
            let time = json["time"]?.string.flatMap(Timestamp.parse)
        else { return nil }
        func text(_ key: String) -> String? { json[key]?.string }
        let kind: Kind
        switch name {
        case "start":
            guard let id = text("session"), let playbook = json["playbook"] else { return nil }
            kind = .start(
                SessionInfo(
                    id: id, mode: text("mode") ?? "run", playbookTitle: playbook["title"]?.string ?? "",
                    playbookPath: playbook["path"]?.string ?? "", playbookVersion: playbook["version"]?.string,
                    playbookHash: playbook["hash"]?.string ?? "", language: text("language") ?? "en", rep: text("rep"),
                    deal: text("deal"), seed: text("seed").flatMap { UInt64($0) } ?? 0, persona: text("persona"),
                    personaName: text("persona_name"), holdFeedback: text("feedback") == "end"))
        case "stage_enter":
            guard let stage = text("stage") else { return nil }
            kind = .stageEntered(stage: stage, title: text("title") ?? stage, number: json["number"]?.int ?? 0)
        case "stage_leave":
            guard let stage = text("stage") else { return nil }
            kind = .stageLeft(stage: stage)
        case "ask":
            guard let question = text("question") else { return nil }
            kind = .asked(question: question, text: text("text") ?? "", type: text("type") ?? "", stage: text("stage") ?? "")
        case "answer":
            guard let question = text("question"), let value = json["value"].flatMap(Value.init(json:)) else { return nil }
            kind = .answered(
                question: question, value: value, shown: text("shown") ?? value.display(),
                seconds: json["seconds"]?.double ?? 0)
        case "buyer":
            kind = .buyer(line: text("line") ?? "")
        case "note":
            kind = .note(text: text("text") ?? "", question: text("question"))
        case "undo":
            guard let question = text("question") else { return nil }
            kind = .undo(question: question)
        case "unmet":
            kind = .unmet(stage: text("stage") ?? "", message: text("message") ?? "")
        case "pause":
            kind = .paused(reason: text("reason").flatMap(PauseReason.init(rawValue:)) ?? .command)
        case "resume":
            kind = .resumed(
                replayed: json["replayed"]?.int ?? 0, notReplayed: json["not_replayed"]?.int ?? 0,
                playbookChanged: json["playbook_changed"]?.bool ?? false)
        case "end":
            guard let outcome = text("outcome") else { return nil }
            kind = .ended(
                outcome: outcome, reason: text("reason"), score: json["score"]?.double ?? 0,
                byRep: json["by_rep"]?.bool ?? false)
        case "fault":
            kind = .fault(message: text("message") ?? "", file: text("file") ?? "", line: json["line"]?.int ?? 0)
        case "move":
            guard let move = MoveResult(json: json) else { return nil }
            kind = .move(move)
        case "practice_result":
            guard let score = json["score"]?.double, let bestOnPath = json["best_on_path"]?.double else { return nil }
            kind = .practiceResult(
                PracticeResult(
                    score: score, bestOnPath: bestOnPath, bestPossible: json["best_possible"]?.double,
                    grade: json["grade"]?.double, moves: json["moves"]?.array?.compactMap(MoveResult.init(json:)) ?? [],
                    takenBack: json["taken_back"]?.array?.compactMap(MoveResult.init(json:)) ?? []))
        default:
            return nil
        }
        self.init(kind, time: time)
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
