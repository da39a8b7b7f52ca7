extension PlaybookTally {
    /// Adds a session read by `scan` (whose bytes are still `bytes`) to the figures.
    mutating func add(_ scan: SessionScan, _ bytes: UnsafeBufferPointer<UInt8>, info: SessionInfo, keepDeals: Bool) {
        let names = scan.interner
        let ended = scan.status == .ended
        let outcome = ended ? names.string(scan.outcome) : ""
        let cycle = scan.endTime - scan.startTime
        languages[info.language, default: 0] += 1
        sessions += 1
        status[scan.status.rawValue] += 1
        if ended {
            outcomes[outcome, default: 0] += 1
            cycles.append(cycle)
        }
        active.append(scan.activeMilliseconds)
        addStages(scan, info: info, outcome: ended ? outcome : nil)
        addQuestions(scan, bytes, info: info, outcome: ended ? outcome : nil)
        let lastStage = scan.lastEntered >= 0 ? names.string(scan.stages[scan.lastEntered].stage) : nil
        let rep = tally(of: info.rep)
        rep.sessions += 1
        if ended {
            rep.outcomes[outcome, default: 0] += 1
            rep.cycles.append(cycle)
            if let lastStage { rep.endedIn[outcome, default: [:]][lastStage, default: 0] += 1 }
        }
        let version: VersionTally
        if let known = versions[info.playbookVersion] {
            version = known
        } else {
            version = VersionTally()
            versions[info.playbookVersion] = version
        }
        version.sessions += 1
        if ended { version.outcomes[outcome, default: 0] += 1 }
        for visit in scan.stages {
            let name = names.string(visit.stage)
            if visit.firstEnter != nil { version.entered[name, default: 0] += 1 }
            if visit.left { version.left[name, default: 0] += 1 }
        }
        let week = ReportCalendar.monday(of: scan.startTime)
        weeks[week, default: WeekTally()].started += 1
        if ended { weeks[week, default: WeekTally()].outcomes[outcome, default: 0] += 1 }
        if keepDeals {
            deals.append(
                DealRow(
                    session: info.id, deal: info.deal, rep: info.rep, version: info.playbookVersion, status: scan.status,
                    outcome: ended ? outcome : nil, stage: lastStage, started: scan.startTime, lastActivity: scan.lastTime,
                    cycleDays: ended ? Double(cycle) / 86_400_000 : nil, mode: info.mode, reason: ended ? scan.reason : nil,
                    score: ended ? scan.score : nil,
                    answers: scan.questions.indices.compactMap { index in
                        scan.answerInForce(index).map { (question: names.string(scan.questions[index].question), shown: names.string($0.shown)) }
                    }))
        }
    }

    /// Adds a practice run of this playbook to its rep's practice figures.
    mutating func addPractice(_ scan: SessionScan, info: SessionInfo) {
        let rep = tally(of: info.rep)
        rep.practiceRuns += 1
        if let grade = scan.grade {
            rep.gradeSum += grade
            rep.graded += 1
        }
    }

    private mutating func tally(of rep: String?) -> RepTally {
        if let known = reps[rep] { return known }
        let made = RepTally()
        reps[rep] = made
        return made
    }

    /// The stage's tally, found by its number in the scan's interner.
    private mutating func stage(_ id: Int32, _ names: ByteInterner) -> StageTally {
        let index = Int(id)
        if index < stageCache.count, let known = stageCache[index] { return known }
        if index >= stageCache.count { stageCache.append(contentsOf: repeatElement(nil, count: index + 1 - stageCache.count + 64)) }
        let name = names.string(id)
        let found = stages[name] ?? StageTally()
        stages[name] = found
        stageCache[index] = found
        return found
    }

    private mutating func question(_ id: Int32, _ names: ByteInterner) -> QuestionTally {
        let index = Int(id)
        if index < questionCache.count, let known = questionCache[index] { return known }
        if index >= questionCache.count {
            questionCache.append(contentsOf: repeatElement(nil, count: index + 1 - questionCache.count + 64))
        }
        let name = names.string(id)
        let found = questions[name] ?? QuestionTally()
        questions[name] = found
        questionCache[index] = found
        return found
    }

    private mutating func addStages(_ scan: SessionScan, info: SessionInfo, outcome: String?) {
        let names = scan.interner
        for (index, visit) in scan.stages.enumerated() {
            let stage = stage(visit.stage, names)
            if let enter = visit.firstEnter {
                stage.entered += 1
                if stage.titleSession.isEmpty || info.id < stage.titleSession {
                    stage.title = names.string(visit.title)
                    stage.titleSession = info.id
                }
                if let leave = visit.firstLeave { stage.times.append(leave - enter) }
                if !visit.left { stage.rest[outcome ?? "", default: 0] += 1 }
            }
            stage.number = min(stage.number, visit.number)
            if visit.left { stage.left += 1 }
            if outcome == nil, index == scan.lastEntered, scan.lastEnteredOpen {
                stage.open.append(OpenDeal(session: info.id, deal: info.deal, rep: info.rep, since: visit.lastEnter))
            }
        }
    }

    private mutating func addQuestions(_ scan: SessionScan, _ bytes: UnsafeBufferPointer<UInt8>, info: SessionInfo, outcome: String?) {
        let names = scan.interner
        for (index, visit) in scan.questions.enumerated() {
            let question = question(visit.question, names)
            let type = names.string(visit.type)
            if visit.asked {
                question.asked += 1
                question.types[type, default: 0] += 1
                let stage = names.string(visit.stage)
                question.stages[stage, default: 0] += 1
                let number = scan.stages.first { $0.stage == visit.stage }?.number ?? Int.max
                if (number, visit.place) < question.place { question.place = (number, visit.place) }
                if question.textSession.isEmpty || info.id < question.textSession {
                    question.text = visit.textRead ?? String(decoding: UnsafeBufferPointer(rebasing: bytes[visit.text]), as: UTF8.self)
                    question.textSession = info.id
                }
            }
            if let answer = scan.answerInForce(index) {
                question.answered += 1
                let key: AnswerKey
                switch answer.value {
                case .yes:
                    question.yes += 1
                    key = .yes
                case .no:
                    question.no += 1
                    key = .no
                case .number(let number):
                    question.numbers.append(number)
                    key = .number(number)
                case .text(let id):
                    key = .text(names.string(id))
                    if type != "text" { question.options[names.string(id), default: 0] += 1 }
                }
                if let outcome, type != "text", type != "number" {
                    question.byAnswer[key, default: [:]][outcome, default: 0] += 1
                }
            }
        }
        for answer in scan.answers { question(answer.question, names).seconds.append(answer.milliseconds) }
        if let outcome, scan.lastAnswerBeforeEnd >= 0 {
            question(scan.lastAnswerBeforeEnd, names).lastBeforeEnd[outcome, default: 0] += 1
        }
    }
}

/// Days and ISO 8601 weeks, in UTC.
public enum ReportCalendar {
    /// The Monday of the ISO week holding a time (milliseconds since 1970), as days since 1970.
    public static func monday(of milliseconds: Int64) -> Int64 {
        let day = milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
        let weekday = ((day + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        return day - weekday
    }

    /// `2026-W02`: the ISO year (that of the week's Thursday) and week number.
    public static func weekName(monday: Int64) -> String {
        let thursday = monday + 3
        let year = Timestamp.civil(fromDays: thursday).0
        let week = (thursday - Timestamp.daysFromCivil(year, 1, 1)) / 7 + 1
        return "\(year)-W\(week < 10 ? "0" : "")\(week)"
    }

    /// Midnight UTC of `YYYY-MM-DD`, in milliseconds since 1970; nil for anything else.
    public static func day(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let millis = Timestamp.milliseconds(bytes[0..<10] + Array("T00:00:00Z".utf8))
        else { return nil }
        let parts = text.split(separator: "-").compactMap { Int64($0) }
        guard parts.count == 3, Timestamp.civil(fromDays: millis / 86_400_000) == (parts[0], parts[1], parts[2]) else { return nil }
        return millis
    }
}
