import Testing

@testable import PlaybookKit

/// Session records: lines written, read back, torn, replayed.
struct SessionRecordTests {
    static let info = SessionInfo(
        id: "20261122-173512-3fa9", mode: "run", playbookTitle: "Khám phá", playbookPath: "/p/x.playbook",
        playbookVersion: "1.0", playbookHash: "fnv1a64:0123456789abcdef", language: "vi", rep: "Lan", deal: "公司 A",
        seed: 18_446_744_073_709_551_615)

    static let kinds: [SessionEvent.Kind] = [
        .start(info),
        .stageEntered(stage: "tiếp_cận", title: "Tiếp cận", number: 1),
        .asked(question: "ngân_sách", text: "Có ngân sách?", type: "yes/no", stage: "tiếp_cận"),
        .answered(question: "ngân_sách", value: .bool(true), shown: "có", seconds: 2.5),
        .answered(question: "số", value: .number(1460.5), shown: "1460.5", seconds: 0),
        .answered(question: "vai_trò", value: .text("Người \"quyết định\""), shown: "Người \"quyết định\"", seconds: 1),
        .buyer(line: "Tại sao lại là bây giờ?"),
        .note(text: "לקוח ביקש הצעה\nבמרץ", question: nil),
        .undo(question: "số"),
        .unmet(stage: "tiếp_cận", message: "Chưa có ngân sách."),
        .paused(reason: .interrupt),
        .resumed(replayed: 3, notReplayed: 1, playbookChanged: true),
        .stageLeft(stage: "tiếp_cận"),
        .ended(outcome: "thắng", reason: nil, score: -1.5, byRep: true),
        .fault(message: "division by zero", file: "x.playbook", line: 7),
    ]

    @Test func everyEventReadsBackAsWritten() {
        for (index, kind) in Self.kinds.enumerated() {
            let event = SessionEvent(kind, time: 1_795_369_512.123 + Double(index))
            let line = event.jsonLine
            #expect(!line.contains("\n"))
            let read = SessionEvent(jsonLine: line)
            #expect(read?.kind == kind, "\(line)")
            #expect(abs((read?.time ?? 0) - event.time) < 0.001)
        }
    }

    @Test func aTornLastLineIsSkippedAndTheRestIsRead() {
        let lines = Self.kinds.prefix(4).map { SessionEvent($0, time: 0).jsonLine }
        let torn = lines.joined(separator: "\n") + "\n" + String(lines[3].prefix(25))
        let log = SessionLog(text: torn)
        #expect(log.events.count == 4)
        #expect(log.unreadableLines == [5])
        #expect(log.info?.rep == "Lan")
        #expect(log.status == .interrupted)
        #expect(log.inputs == [.answer(question: "ngân_sách", value: .bool(true))])
    }

    @Test func statusFollowsTheLastEventThatDecidesIt() {
        func status(_ kinds: [SessionEvent.Kind]) -> SessionLog.Status {
            SessionLog(text: kinds.map { SessionEvent($0, time: 0).jsonLine }.joined(separator: "\n")).status
        }
        #expect(status([.start(Self.info), .paused(reason: .command)]) == .paused)
        #expect(status([.start(Self.info), .paused(reason: .command), .resumed(replayed: 0, notReplayed: 0, playbookChanged: false)]) == .interrupted)
        #expect(status([.start(Self.info), .ended(outcome: "won", reason: "ok", score: 2, byRep: false)]) == .ended(outcome: "won", reason: "ok", score: 2))
        #expect(status([.start(Self.info), .fault(message: "m", file: "f", line: 1)]) == .faulted("m"))
    }

    @Test func timestampsAreISO8601InUTC() {
        #expect(Timestamp.format(0) == "1970-01-01T00:00:00.000Z")
        #expect(Timestamp.format(1_795_369_512.123) == "2026-11-22T17:45:12.123Z")
        #expect(Timestamp.format(951_782_400) == "2000-02-29T00:00:00.000Z")
        #expect(Timestamp.format(-1) == "1969-12-31T23:59:59.000Z")
        #expect(Timestamp.parse("2026-11-22T17:45:12.123Z") == 1_795_369_512.123)
        #expect(Timestamp.parse("2000-02-29T00:00:00Z") == 951_782_400)
        #expect(Timestamp.parse("2026-13-01T00:00:00Z") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
    }

    /// In the playbook's language (Vietnamese here), as the runner spoke during the walk.
    @Test func transcriptMarksRevisedAnswersAndTheOutcome() {
        let kinds: [SessionEvent.Kind] = [
            .start(Self.info),
            .stageEntered(stage: "a", title: "Tiếp cận", number: 1),
            .asked(question: "q", text: "Có ngân sách?", type: "yes/no", stage: "a"),
            .answered(question: "q", value: .bool(false), shown: "không", seconds: 3),
            .undo(question: "q"),
            .asked(question: "q", text: "Có ngân sách?", type: "yes/no", stage: "a"),
            .answered(question: "q", value: .bool(true), shown: "có", seconds: 65),
            .note(text: "*urgent*", question: "q"),
            .ended(outcome: "thắng", reason: "Đặt lịch demo", score: 0, byRep: false),
        ]
        let log = SessionLog(text: kinds.map { SessionEvent($0, time: 0).jsonLine }.joined(separator: "\n"))
        let transcript = Transcript(log)
        #expect(
            transcript.text() == """
                Khám phá · thương vụ: 公司 A · nhân viên: Lan
                Phiên 20261122-173512-3fa9 · bắt đầu lúc 1970-01-01 00:00 UTC

                Câu trả lời
                Giai đoạn 1 · Tiếp cận
                  Có ngân sách? → có
                    Ghi chú: *urgent*

                Từng bước

                Giai đoạn 1 · Tiếp cận
                  ↺ Có ngân sách? → không (đã sửa) [3 giây]
                  Có ngân sách? → có [1 phút 5 giây]
                  Ghi chú: *urgent*

                Kết quả: thắng
                Lý do: Đặt lịch demo

                """)
        #expect(transcript.markdown().contains("- ~~Có ngân sách? **không**~~ (đã sửa)\n"))
        #expect(transcript.markdown().contains("- 📝 \\*urgent\\*\n"))
        let json = transcript.json()
        #expect(json["status"]?.string == "ended")
        #expect(json["answers"]?.array?.count == 2)
        #expect(json["answers"]?.array?.first?["revised"]?.bool == true)
        #expect(json["answers"]?.array?.last?["value"] == .bool(true))
        #expect(json["answers"]?.array?.last?["stage"]?.string == "a")
        #expect(json["notes"]?.array?.first?["question"]?.string == "q")
        #expect(json["outcome"]?["name"]?.string == "thắng")
    }
}

extension SessionRecordTests {
    /// A stage left with `back` before anything was answered in it leaves no empty heading, and
    /// coming back to a stage does not head it twice in a row.
    @Test func theStepByStepLogHasNoEmptyOrRepeatedStageHeadings() {
        let kinds: [SessionEvent.Kind] = [
            .start(Self.info),
            .stageEntered(stage: "a", title: "One", number: 1),
            .asked(question: "q", text: "Q?", type: "yes/no", stage: "a"),
            .answered(question: "q", value: .bool(true), shown: "có", seconds: 1),
            .stageEntered(stage: "b", title: "Two", number: 2),
            .undo(question: "q"),
            .stageEntered(stage: "a", title: "One", number: 1),
            .asked(question: "q", text: "Q?", type: "yes/no", stage: "a"),
            .answered(question: "q", value: .bool(false), shown: "không", seconds: 1),
        ]
        let log = SessionLog(text: kinds.map { SessionEvent($0, time: 0).jsonLine }.joined(separator: "\n"))
        let text = Transcript(log).text()
        let steps = text.components(separatedBy: "Từng bước")[1]
        #expect(!steps.contains("Giai đoạn 2"))
        #expect(steps.components(separatedBy: "Giai đoạn 1").count == 2)
    }
}
