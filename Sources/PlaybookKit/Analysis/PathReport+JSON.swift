/// The reports of `playbook paths --format json`: counts are decimal strings, exact at any size.
extension PathReport {
    public func json() -> JSON {
        .object([
            "version": .int(1),
            "file": .string(file),
            "title": .string(title),
            "outcomes": .array(
                outcomes.map { outcome in
                    var members = PathJSON.count(outcome.walks)
                    members["outcome"] = .string(outcome.name)
                    members["shortest"] = outcome.shortest.map(PathJSON.walk) ?? .null
                    members["longestLoopFreeQuestions"] = outcome.longestLoopFreeQuestions.map(JSON.int) ?? .null
                    return .object(members)
                }),
            "total": .object(PathJSON.count(total)),
            "longestLoopFree": longestLoopFree.map(PathJSON.walk) ?? .null,
            "askedOnEveryWalk": .array(
                askedOnEveryWalk.map { .object(["question": .string($0.name), "file": .string($0.file), "line": .int($0.line)]) }),
        ])
    }
}

extension WalkExamples {
    public func json() -> JSON {
        var members = PathJSON.count(walks)
        members["version"] = .int(1)
        members["file"] = .string(file)
        members["outcome"] = .string(outcome)
        members["examples"] = .array(examples.map(PathJSON.walk))
        return .object(members)
    }
}

enum PathJSON {
    /// `walks` (null when infinite), `infinite`, `loopFreeWalks` and `loop` (null when finite).
    static func count(_ walks: WalkCount) -> [String: JSON] {
        let loopFree = JSON.string(walks.loopFree.description)
        return [
            "walks": walks.isInfinite ? .null : loopFree,
            "infinite": .bool(walks.isInfinite),
            "loopFreeWalks": loopFree,
            "loop": walks.loop.map(loop) ?? .null,
        ]
    }

    static func loop(_ site: LoopSite) -> JSON {
        .object([
            "kind": .string(site.kind.rawValue),
            "file": .string(site.file),
            "line": .int(site.line),
            "source": .string(site.source),
            "target": .string(PathText.target(site.target, words: ReportWords(language: "en"))),
            "targetLine": .int(site.targetLine),
        ])
    }

    /// A walk; one asked for in short also says how many turns are left out, and where.
    static func walk(_ walk: ListedWalk) -> JSON {
        var members: [String: JSON] = [
            "outcome": .string(walk.outcome),
            "questions": .int(walk.questions),
            "turns": .array(walk.turns.map(turn)),
        ]
        if walk.omittedTurns > 0 {
            members["omittedTurns"] = .int(walk.omittedTurns)
            members["omittedAt"] = .int(walk.omittedAt)
        }
        return .object(members)
    }

    /// A question: `type`, `question` and, for yes/no and choice, `answer`; an `if`: `condition`
    /// and `taken`.
    static func turn(_ turn: WalkStep) -> JSON {
        var members: [String: JSON] = ["type": .string(turn.type), "file": .string(turn.file), "line": .int(turn.line)]
        switch turn.kind {
        case .yesNo(let yes):
            members["question"] = .string(turn.subject)
            members["answer"] = .string(yes ? "yes" : "no")
        case .option(let answer):
            members["question"] = .string(turn.subject)
            members["answer"] = .string(answer)
        case .anyAnswer:
            members["question"] = .string(turn.subject)
        case .condition(let taken):
            members["condition"] = .string(turn.subject)
            members["taken"] = .bool(taken)
        }
        return .object(members)
    }
}
