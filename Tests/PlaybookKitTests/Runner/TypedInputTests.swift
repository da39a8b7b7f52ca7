import Testing

@testable import PlaybookKit

/// What a rep types at the prompt: an option that reads like a command, a command in the
/// playbook's language, Vietnamese without tone marks, and `end` that asks before it ends.
struct TypedInputTests {
    /// The runner after `lines` are typed, and every event they recorded.
    static func type(
        _ lines: [String], into source: String, files: [String: String] = [:]
    ) throws -> (Runner, [SessionEvent.Kind], String) {
        let program = try WalkTests.program(source, files: files)
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false))
        var turn = runner.proceed(now: 0)
        var records = turn.records
        var text = turn.text
        for line in lines {
            turn = runner.receive(line, now: 1)
            records += turn.records
            text += "> " + line + "\n" + turn.text
        }
        return (runner.runner, records, text)
    }

    static func answers(_ records: [SessionEvent.Kind]) -> [String] {
        records.compactMap { record in
            if case .answered(let question, let value, _, _) = record { return "\(question) = \(value.literal)" }
            return nil
        }
    }

    static let commandLike = """
        playbook "Options like commands"
          outcomes won, lost
        stage one "One"
          ask team "Which team?" choice
            "Back office"
            "Note takers"
            "Pause team"
            "End lost customers"
          ask again "Which team next?" choice
            "Back office"
            "Note takers"
            "Pause team"
            "End lost customers"
          ask ok "Ready?" yes/no
            yes -> end won
            no -> end lost
        """

    @Test func anOptionThatReadsLikeACommandIsThatOption() throws {
        let (runner, records, text) = try Self.type(["Back office", "End lost customers"], into: Self.commandLike)
        #expect(Self.answers(records) == [#"team = "Back office""#, #"again = "End lost customers""#])
        #expect(!records.contains { if case .undo = $0 { true } else { false } })
        #expect(!records.contains { if case .ended = $0 { true } else { false } })
        #expect(runner.question.map { runner.program.name($0.name.symbol) } == "ok")
        #expect(text.contains("→ End lost customers"))
    }

    @Test func noteTakersAndPauseTeamAreOptionsToo() throws {
        let (_, records, _) = try Self.type(["note takers", "PAUSE TEAM"], into: Self.commandLike)
        #expect(Self.answers(records) == [#"team = "Note takers""#, #"again = "Pause team""#])
        #expect(!records.contains { if case .note = $0 { true } else { false } })
        #expect(!records.contains { if case .paused = $0 { true } else { false } })
    }

    @Test func endUserInTheReferenceSampleIsTheOption() throws {
        let (_, records, text) = try Self.type(
            ["End user"], into: shipped("discovery.playbook"), files: ["objections.playbook": shipped("objections.playbook")])
        #expect(Self.answers(records) == [#"role = "End user""#])
        #expect(!text.contains("not an outcome"))
    }

    @Test func aCommandThatTakesNoWordsStandsAlone() throws {
        // At a yes/no question, "back office" is neither an answer nor `back`: nothing is undone.
        let (_, records, text) = try Self.type(["1", "2", "back office"], into: Self.commandLike)
        #expect(Self.answers(records).count == 2)
        #expect(!records.contains { if case .undo = $0 { true } else { false } })
        #expect(text.hasSuffix("> back office\nAnswer yes or no.\n"))
    }

    @Test func endAsksBeforeItEndsAndCanBeTakenBack() throws {
        let (runner, records, text) = try Self.type(["1", "end lost Went quiet", "maybe", "no"], into: Self.commandLike)
        #expect(!records.contains { if case .ended = $0 { true } else { false } })
        #expect(text.contains("End the deal now as “lost · Went quiet”? [yes/no]"))
        #expect(text.contains("Answer yes to end the deal, or no to go on."))
        #expect(text.contains("Not ended; the deal goes on."))
        #expect(runner.question.map { runner.program.name($0.name.symbol) } == "again")

        let (_, backed, _) = try Self.type(["end won", "back", "2"], into: Self.commandLike)
        #expect(Self.answers(backed) == [#"team = "Note takers""#])

        let (ended, confirmed, _) = try Self.type(["end won", "y"], into: Self.commandLike)
        #expect(confirmed.contains(.ended(outcome: "won", reason: nil, score: 0, byRep: true)))
        #expect(ended.question == nil)
    }

    @Test func aSlashMakesACommandAndABackslashAnAnswer() throws {
        let (_, records, _) = try Self.type(["1", "/back", "\\Pause team"], into: Self.commandLike)
        #expect(Self.answers(records) == [#"team = "Back office""#, #"team = "Pause team""#])
        #expect(records.contains(.undo(question: "team")))
    }

    @Test func aCommandAtATextQuestionSaysHowToAnswerWithIt() throws {
        let source = """
            playbook "Text"
              outcomes won
            stage one "One"
              ask pain "What hurts?" text
              -> end won
            """
        let (_, records, text) = try Self.type(["note takers are slow"], into: source)
        #expect(records.contains(.note(text: "takers are slow", question: "pain")))
        #expect(text.contains("(read as the command note; type \\ before it to give it as the answer)"))
    }

    static let vietnamese = """
        playbook "Quy trình"
          language vi
          outcomes thắng, thua, nuôi_dưỡng
        term "Khách hàng tiềm năng" "Người có thể mua."
        stage một "Một"
          ask vai_trò "Ai?" choice
            "Người ký hợp đồng"
            "Người sử dụng"
            "Cơ hội"
            "Có hội"
          ask phù_hợp "Phù hợp?" yes/no
          ask đồng_ý "Đồng ý?" yes/no
            yes -> end thắng
            no -> end thua
        """

    @Test func vietnameseWithoutToneMarksIsUnderstood() throws {
        let (runner, records, text) = try Self.type(["nguoi ky hop dong", "co", "dinh nghia khach hang"], into: Self.vietnamese)
        #expect(Self.answers(records) == [#"vai_trò = "Người ký hợp đồng""#, "phù_hợp = yes"])
        #expect(text.contains("→ Người ký hợp đồng"))
        #expect(text.contains("Khách hàng tiềm năng: Người có thể mua."))
        #expect(runner.question.map { runner.program.name($0.name.symbol) } == "đồng_ý")

        let (_, more, _) = try Self.type(["2", "khong", "quay lai", "khong a", "end nuoi_duong", "co"], into: Self.vietnamese)
        #expect(Self.answers(more) == [#"vai_trò = "Người sử dụng""#, "phù_hợp = no", "phù_hợp = no"])
        #expect(more.contains(.undo(question: "phù_hợp")))
        #expect(more.contains(.ended(outcome: "nuôi_dưỡng", reason: nil, score: 0, byRep: true)))
    }

    @Test func anAmbiguousUnaccentedOptionIsNotTaken() throws {
        let (runner, records, text) = try Self.type(["co hoi"], into: Self.vietnamese)
        #expect(Self.answers(records).isEmpty)
        #expect(text.contains("3. Cơ hội, 4. Có hội"))
        #expect(runner.question.map { runner.program.name($0.name.symbol) } == "vai_trò")
        // Typed with its accents, it is exact.
        let (_, exact, _) = try Self.type(["Có hội"], into: Self.vietnamese)
        #expect(Self.answers(exact) == [#"vai_trò = "Có hội""#])
    }

    @Test(arguments: [("he", "חזרה"), ("zh", "返回"), ("th", "ย้อนกลับ"), ("vi", "quay lại"), ("en", "back")])
    func theLanguagesOwnWordForBackUndoes(_ language: String, _ word: String) throws {
        let source = """
            playbook "Back"
              language \(language)
              outcomes won
            stage one "One"
              ask a "A?" number 1..10
              ask b "B?" number 1..10
              -> end won
            """
        let (_, records, _) = try Self.type(["3", word], into: source)
        #expect(records.contains(.undo(question: "a")))
    }

    @Test func aChineseNoteMayFollowAFullWidthColon() throws {
        let source = """
            playbook "备注"
              language zh
              outcomes 成交
            stage one "一"
              ask a "预算？" number 1..10
              -> end 成交
            """
        let (_, records, _) = try Self.type(["备注：客户很忙"], into: source)
        #expect(records.contains(.note(text: "客户很忙", question: "a")))
    }

    @Test func helpListsTheLanguagesCommandWords() throws {
        let (_, _, text) = try Self.type(["?"], into: Self.vietnamese)
        #expect(text.contains("quay lại (back), ghi chú (note)"))
    }

    @Test(arguments: ["?", "where", "define ROI"])
    func theQuestionIsShownAgainAfterACommandThatPrintsText(_ line: String) throws {
        let (_, _, text) = try Self.type([line], into: Self.commandLike)
        #expect(text.hasSuffix("? Which team?\n  1. Back office\n  2. Note takers\n  3. Pause team\n  4. End lost customers\n"))
    }
}
