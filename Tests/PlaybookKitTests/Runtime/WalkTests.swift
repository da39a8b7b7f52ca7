import Testing

@testable import PlaybookKit

struct CheckFailed: Error {}

/// The walk on its own: no runner, no I/O.
struct WalkTests {
    /// A program from playbook text that must check clean.
    static func program(_ text: String, files: [String: String] = [:]) throws -> Program {
        let result = check(text, files: files)
        guard let program = Program(result) else {
            Issue.record("does not check: \(result.diagnostics.prefix(5).map(\.message))")
            throw CheckFailed()
        }
        return program
    }

    /// Runs the walk, answering each question from `answers` by name (in order per name), and
    /// returns the events it showed.
    static func walk(_ walk: inout Walk, _ answers: [(String, Value)]) -> [WalkEvent] {
        var queue = answers[...]
        var events: [WalkEvent] = []
        while true {
            let event = walk.next()
            events.append(event)
            switch event {
            case .question(let question):
                guard let (name, value) = queue.popFirst(), name == walk.program.name(question.name.symbol) else {
                    return events
                }
                walk.answer(value)
            case .ended, .fault, .unmetCriterion: return events
            default: continue
            }
        }
    }

    static let pricing = """
        playbook "Pricing"
          outcomes won, lost

        stage size "Size"
          exit when total > 0 "Nothing to sell."
          ask seats "Seats?" number 1..100
          ask renew "Renewal?" yes/no
            yes
              set discount = 10
            no
              set discount = 0
          ask pitch "Pitch?" choice
            "Value"
              score +3
            "Discount"
              score -1
          set total = seats * 100 - discount

        stage close "Close"
          say "Total {total} for {seats} seats, renewal {renew}, \\{literal\\}."
          ask signed "Signed?" yes/no
            yes -> end won "Signed at {total}"
            no -> end lost
        """

    @Test func walksBranchesSetsScoresAndInterpolates() throws {
        var walk = Walk(program: try Self.program(Self.pricing), seed: 0)
        let events = Self.walk(
            &walk, [("seats", .number(12)), ("renew", .bool(true)), ("pitch", .text("Value")), ("signed", .bool(true))])
        #expect(events.contains(.say("Total 1190 for 12 seats, renewal yes, {literal}.")))
        #expect(events.last == .ended(Outcome(name: "won", reason: "Signed at 1190", score: 3, byRep: false)))
        #expect(walk.value(of: "discount") == .number(10))
        #expect(walk.value(of: "score") == .number(3))
        #expect(walk.state.stagesEntered == [0, 1])
    }

    @Test func savedStateRestoresAndContinuesTheSame() throws {
        let program = try Self.program(Self.pricing)
        var walk = Walk(program: program, seed: 0)
        _ = Self.walk(&walk, [("seats", .number(5)), ("renew", .bool(false))])
        let saved = walk.state
        let first = Self.walk(&walk, [("pitch", .text("Discount")), ("signed", .bool(false))])
        var restored = Walk(program: program, seed: 99)
        restored.restore(saved)
        let second = Self.walk(&restored, [("pitch", .text("Discount")), ("signed", .bool(false))])
        #expect(first == second)
        #expect(first.last == .ended(Outcome(name: "lost", reason: nil, score: -1, byRep: false)))
    }

    @Test func backUndoesTheAnswerAndWhatItCaused() throws {
        var walk = Walk(program: try Self.program(Self.pricing), seed: 0)
        _ = Self.walk(&walk, [("seats", .number(5)), ("renew", .bool(true)), ("pitch", .text("Value"))])
        #expect(walk.state.stagesEntered == [0, 1])
        let names = { (question: Question?) in question.map { walk.program.name($0.name.symbol) } }
        let pitch = walk.back()
        #expect(names(pitch) == "pitch")
        #expect(walk.value(of: "score") == .number(0))
        #expect(walk.state.stagesEntered == [0])
        let renew = walk.back()
        #expect(names(renew) == "renew")
        #expect(walk.value(of: "discount") == nil)
        let seats = walk.back()
        #expect(names(seats) == "seats")
        let none = walk.back()
        #expect(none == nil)
        #expect(walk.value(of: "seats") == nil)
        guard case .question(let question) = walk.next() else {
            Issue.record("not back at the first question")
            return
        }
        #expect(walk.program.name(question.name.symbol) == "seats")
    }

    @Test func unmetExitCriterionHoldsTheWalkUntilBackOrEnd() throws {
        var walk = Walk(program: try Self.program(Self.pricing), seed: 0)
        let events = Self.walk(&walk, [("seats", .number(1)), ("renew", .bool(true)), ("pitch", .text("Value"))])
        // 1 seat at 100 minus a 10 discount is 90: the criterion holds; make it fail instead.
        #expect(events.last.map { if case .question = $0 { true } else { false } } == true)
        var failing = Walk(program: try Self.program(Self.pricing.replacingOccurrences(of: "seats * 100", with: "seats * 0")), seed: 0)
        let stuck = Self.walk(&failing, [("seats", .number(1)), ("renew", .bool(false)), ("pitch", .text("Value"))])
        #expect(stuck.last == .unmetCriterion(stage: 0, message: "Nothing to sell."))
        #expect(failing.next() == .unmetCriterion(stage: 0, message: "Nothing to sell."))
        let accepted = failing.answer(.bool(true))
        #expect(!accepted)
        failing.end(outcome: "lost", reason: "Nothing to sell")
        #expect(failing.next() == .ended(Outcome(name: "lost", reason: "Nothing to sell", score: 3, byRep: true)))
    }

    @Test func callsReturnAndEndInsideAFlow() throws {
        let program = try Self.program(
            """
            playbook "Flows"
              outcomes won, lost
            use "lib.playbook"
            stage one "One"
              call outer
              say "back in the stage"
              end won
            """,
            files: [
                "lib.playbook": """
                flow outer "Outer"
                  call inner
                  ask stay "Stay?" yes/no
                    no -> end lost "Left in a flow"
                  return
                flow inner "Inner"
                  say "inner"
                  return
                """
            ])
        var walk = Walk(program: program, seed: 0)
        let events = Self.walk(&walk, [("stay", .bool(true))])
        #expect(events.contains(.say("inner")))
        #expect(events.contains(.say("back in the stage")))
        #expect(events.last == .ended(Outcome(name: "won", reason: nil, score: 0, byRep: false)))
        var leaving = Walk(program: program, seed: 0)
        #expect(Self.walk(&leaving, [("stay", .bool(false))]).last == .ended(Outcome(name: "lost", reason: "Left in a flow", score: 0, byRep: false)))
    }

    @Test func divisionByZeroEndsTheWalkWithAMessage() throws {
        let program = try Self.program(
            """
            playbook "Fault"
              outcomes done
            stage one "One"
              ask months "Months?" number 0..
              set monthly = 1200 / months
              end done
            """)
        var walk = Walk(program: program, seed: 0)
        let events = Self.walk(&walk, [("months", .number(0))])
        guard case .fault(let fault)? = events.last else {
            Issue.record("expected a fault, got \(events)")
            return
        }
        #expect(fault.message == "division by zero: months is 0 in 1200 / months")
        #expect(fault.line == 5)
        #expect(walk.next() == events.last)
    }

    @Test func aLoopThatNeverAsksIsStoppedNotHung() throws {
        let program = try Self.program(
            """
            playbook "Loop"
              outcomes done
            stage one "One"
              set n = 1
              if n > 0 -> one
              end done
            """)
        var walk = Walk(program: program, seed: 0)
        var last = walk.next()
        var count = 0
        while case .enteredStage = last, count < 10_000_000 {
            last = walk.next()
            count += 1
        }
        guard case .fault(let fault) = last else {
            Issue.record("expected a fault, got \(last)")
            return
        }
        #expect(fault.message.contains("without asking anything"))
    }

    @Test func buyerLinesFollowTheSeed() throws {
        let program = try Self.program(
            """
            playbook "Buyer"
              outcomes done
            stage one "One"
              buyer
                "a"
                "b"
                "c"
                "d"
              end done
            """)
        func line(_ seed: UInt64) -> WalkEvent {
            var walk = Walk(program: program, seed: seed)
            _ = walk.next()
            return walk.next()
        }
        #expect(line(1) == line(1))
        let seen = Set((0..<64).map { line(UInt64($0)) })
        #expect(seen == [.buyer("a"), .buyer("b"), .buyer("c"), .buyer("d")])
    }

    @Test func answersAreReadInThePlaybooksLanguage() throws {
        let program = try Self.program(
            """
            playbook "Hỏi"
              language vi
              outcomes xong
            stage một "Một"
              ask có_không "Có ngân sách?" yes/no
              ask số "Bao nhiêu?" number 1..100
              end xong
            """)
        let words = YesNoWords(language: program.language)
        let yesNo = try #require(program.question(named: "có_không"))
        let number = try #require(program.question(named: "số"))
        #expect(parseAnswer("Có", for: yesNo, words: words) == .success(.bool(true)))
        #expect(parseAnswer("không", for: yesNo, words: words) == .success(.bool(false)))
        #expect(parseAnswer("yes", for: yesNo, words: words) == .success(.bool(true)))
        #expect(parseAnswer("是", for: yesNo, words: words) == .failure(.notYesNo))
        // Polite particles and end punctuation around a yes or a no, in each language.
        let polite: [(String, String, Bool?)] = [
            ("vi", "dạ có", true), ("vi", "không ạ", false), ("vi", "Vâng ạ", true), ("vi", "dạ", true), ("vi", "dạ không ạ", false),
            ("th", "ใช่ครับ", true), ("th", "ไม่ค่ะ", false), ("th", "ไม่ใช่ครับผม", false), ("th", "ครับ", nil),
            ("zh", "对的", true), ("zh", "没有啊", false), ("zh", "是。", true), ("zh", "不是的", false), ("zh", "的", nil),
            ("en", "Yes!", true), ("en", "nope", false), ("en", "yes please", nil), ("he", "כן.", true),
        ]
        for (language, typed, expected) in polite {
            #expect(YesNoWords(language: language).read(typed) == expected, "\(language): \(typed)")
        }
        #expect(parseAnswer("４２", for: number, words: words) == .success(.number(42)))
        #expect(parseAnswer("๔๒", for: number, words: words) == .success(.number(42)))
        #expect(parseAnswer("101", for: number, words: words) == .failure(.outOfRange(NumberRange(low: 1, high: 100))))
        #expect(parseAnswer("nan", for: number, words: words) == .failure(.notANumber))
        #expect(parseAnswer("inf", for: number, words: words) == .failure(.notANumber))
        let open = try #require(try Self.program(
            "playbook \"B\"\n  outcomes x\nstage a \"A\"\n  ask budget \"Budget?\" number 0..\n  end x\n").question(named: "budget"))
        // English (and Thai, Hebrew, Chinese): commas group digits, a point is the decimal mark.
        let english = YesNoWords(language: "en")
        for (typed, value) in [("100,000", 100_000.0), ("1,250,000.5", 1_250_000.5), ("1.500", 1.5), ("2.5", 2.5)] {
            #expect(parseAnswer(typed, for: open, words: english) == .success(.number(value)), "en: \(typed)")
        }
        for typed in ["12,50", "1,0", "1.250.000", "1,2,3"] {
            #expect(parseAnswer(typed, for: open, words: english) == .failure(.notANumber), "en: \(typed)")
        }
        // Vietnamese: dots group digits and a comma is the decimal mark; 100,000 and 2.5 are
        // still read as a rep on an English keyboard means them.
        let vietnamese: [(String, Double)] = [
            ("100.000", 100_000), ("1.250.000", 1_250_000), ("1.250.000,5", 1_250_000.5), ("2,5", 2.5),
            ("12,50", 12.5), ("100,000", 100_000), ("1,250,000.5", 1_250_000.5), ("2.5", 2.5),
        ]
        for (typed, value) in vietnamese {
            #expect(parseAnswer(typed, for: open, words: words) == .success(.number(value)), "vi: \(typed)")
        }
        for typed in ["1.25.000", "1,2,3", "1.500,5,5"] {
            #expect(parseAnswer(typed, for: open, words: words) == .failure(.notANumber), "vi: \(typed)")
        }
    }

    @Test func numbersShowWithoutNoise() {
        #expect(Value.format(1460) == "1460")
        #expect(Value.format(0.1 + 0.2) == "0.3")
        #expect(Value.format(-2.5) == "-2.5")
        #expect(Value.format(1e20) == "1e+20")
        #expect(Value.format(200.0 / 3) == "66.67")
        #expect(Value.format(100 * 0.3) == "30")
        #expect(Value.format(0.001234) == "0.00123")
        #expect(Value.format(-0.001) == "-0.001")
        #expect(Value.number(0.1 + 0.2).literal == "0.30000000000000004")
        #expect(Value.text("a \"b\"").literal == "\"a \\\"b\\\"\"")
    }

    /// For people, from five digits up, in the language's way; a year stays a year.
    @Test func numbersAreGroupedAsTheLanguageWritesThem() {
        let english = NumberStyle(language: "en")
        let vietnamese = NumberStyle(language: "vi")
        let cases: [(Double, String, String)] = [
            (2026, "2026", "2026"), (12_500, "12,500", "12.500"), (250_000, "250,000", "250.000"),
            (1_250_000.5, "1,250,000.5", "1.250.000,5"), (-48_000, "-48,000", "-48.000"), (2.5, "2.5", "2,5"),
            (200.0 / 3, "66.67", "66,67"), (1e20, "1e+20", "1e+20"), (-0.001, "-0.001", "-0,001"),
        ]
        for (number, inEnglish, inVietnamese) in cases {
            #expect(Value.format(number, style: english) == inEnglish)
            #expect(Value.format(number, style: vietnamese) == inVietnamese)
            #expect(Value.format(number, style: .plain) == Value.format(number))
        }
        #expect(NumberStyle(language: "th") == english)
        #expect(NumberStyle(language: "zh-Hans") == english)
    }

    @Test func interpolationUsesThePlaybooksNumberStyle() throws {
        let program = try Self.program(
            """
            playbook "Giá"
              language vi
              outcomes xong
            stage a "A"
              ask n "Bao nhiêu?" number 0..
              set x = n / 4
              say "{n} và {x} năm 2026"
              end xong
            """)
        var walk = Walk(program: program, seed: 0)
        #expect(Self.walk(&walk, [("n", .number(1_250_002))]).contains(.say("1.250.002 và 312.500,5 năm 2026")))
    }
}

extension WalkTests {
    /// Undo keeps only what each answer changed: going back over a long walk restores every value,
    /// stage and score on the way.
    @Test func backAcrossAThousandStagesRestoresEachStep() throws {
        var text = "playbook \"Long\"\n  outcomes done\n"
        for index in 0..<1000 {
            text += "stage s\(index) \"S\(index)\"\n  ask q\(index) \"Q?\" yes/no\n    yes\n      set score += 1\n      set last = \(index)\n"
        }
        text += "stage last_stage \"End\"\n  end done\n"
        var walk = Walk(program: try Self.program(text), seed: 0)
        let answers = (0..<1000).map { ("q\($0)", Value.bool(true)) }
        #expect(Self.walk(&walk, answers).last == .ended(Outcome(name: "done", reason: nil, score: 1000, byRep: false)))
        for expected in stride(from: 999, through: 0, by: -1) {
            guard let question = walk.back() else {
                Issue.record("no answer to undo at q\(expected)")
                return
            }
            #expect(walk.program.name(question.name.symbol) == "q\(expected)")
            #expect(walk.value(of: "last") == (expected == 0 ? nil : .number(Double(expected - 1))))
            #expect(walk.value(of: "score") == .number(Double(expected)))
            #expect(walk.state.stagesEntered.count == expected + 1)
        }
        let none = walk.back()
        #expect(none == nil)
        #expect(walk.value(of: "last") == nil)
    }
}
