import Testing

@testable import PlaybookKit

/// Outside text is never printed raw: TerminalText marks what a terminal would act on, and every
/// rendering for a terminal or a picture goes through it, even for text the check would refuse.
struct TerminalTextTests {
    /// A title change and a screen clear (ESC ... BEL, ESC [2J), a C1 CSI, an override and an isolate.
    static let hostile = "\u{1B}]0;OWNED\u{07}\u{1B}[2J \u{9B}31m \u{202E}gnp.exe\u{202C} \u{2066}x\u{2069}"

    static func hasUnsafe(_ text: String) -> Bool { text.unicodeScalars.contains(where: TerminalText.isUnsafe) }

    @Test func safeMarksEveryUnsafeScalarAndKeepsTheRest() {
        #expect(
            TerminalText.safe(Self.hostile)
                == "<U+1B>]0;OWNED<U+7><U+1B>[2J <U+9B>31m <U+202E>gnp.exe<U+202C> <U+2066>x<U+2069>")
        #expect(TerminalText.safe("שלום \u{200F}abc 客户 \u{A0}") == "שלום \u{200F}abc 客户 \u{A0}")
        #expect(TerminalText.safe("two\nlines\tand\r", lines: true) == "two\nlines\tand<U+D>")
        #expect(TerminalText.safe("two\nlines") == "two<U+A>lines")
        for value in [0x00, 0x1F, 0x7F, 0x80, 0x9F, 0x202A, 0x202E, 0x2066, 0x2069] {
            #expect(TerminalText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
        for value in [0x20, 0x7E, 0xA0, 0x200E, 0x200F, 0x2029, 0x2065, 0x206A] {
            #expect(!TerminalText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))")
        }
    }

    /// A playbook's own strings cannot hold such text (PB0111, in the fixtures); what reaches a
    /// walk from outside can: its file's name, typed answers (shown again through `{name}`), a
    /// word to define, the reason of an `end`, and answers replayed from a record.
    /// The file's name: the playbook has no header, so reports call it by that name.
    static let name = "deal\u{1B}[31m\u{202E}.playbook"

    static func program() throws -> Program {
        let text = """

            persona dana "Dana"
              role "Buyer"

            term "ROI" "Return on investment"

            stage one "Stage"
              ask who "Name?" text
              say "Hello {who}."
              buyer "Who are you, {who}?"
              ask pick "Pick" choice
                "Option"
                  score 1
                  feedback "Good, {who}."
                  best
                "Other" -> end lost "Lost"
              ask seats "Seats?" number 1..10
              if seats / (seats - seats) > 1 -> end won "never"
              end won "Won"
            """
        let check = checkPlaybook(SourceFile(path: name, bytes: Array(text.utf8)), loader: MemoryLoader([:]))
        return try #require(Program(check), "\(check.diagnostics.map(\.message))")
    }

    @Test(arguments: [false, true])
    func runnerShowsNothingRaw(practice: Bool) throws {
        let program = try Self.program()
        let options = practice ? PracticeOptions(persona: program.personas.first, holdFeedback: false) : nil
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false), practice: options)
        var shown = runner.proceed(now: 0).text
        let typed = ["define \u{202E}ROI\u{2066}", "Lan \u{202E}\u{2066}\u{9B}31m", "?", "where", "1", "end nowhere \u{202E}", "3"]
        for line in typed { shown += runner.receive(line, now: 1).text }
        #expect(shown.contains("Hello Lan <U+202E><U+2066>31m."), "\(shown)")
        #expect(!practice || shown.contains("Good, Lan <U+202E><U+2066>31m."), "\(shown)")
        // Dividing by zero faults, and the fault names the file.
        #expect(shown.contains("deal<U+1B>[31m<U+202E>.playbook:"), "\(shown)")
        #expect(!Self.hasUnsafe(shown.replacingOccurrences(of: "\n", with: "")), "\(shown.debugDescription)")

        var replayed = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false), practice: options)
        let report = replayed.replay([.answer(question: "who", value: .text("\u{1B}]0;OWNED\u{07}")), .answer(question: "seats", value: .number(2))])
        let stopped = try #require(report.stoppedBecause)
        #expect(!Self.hasUnsafe(stopped), "\(stopped.debugDescription)")
        let after = replayed.proceed(now: 2).text
        #expect(!Self.hasUnsafe(after.replacingOccurrences(of: "\n", with: "")), "\(after.debugDescription)")
    }

    @Test func runnerStringsArgumentsAreMadeSafe() {
        for language in RunnerStrings.languages {
            let strings = RunnerStrings(language: language)
            #expect(strings(.recordedIn, Self.hostile).contains("<U+1B>]0;OWNED<U+7>"), "\(language)")
            #expect(!Self.hasUnsafe(strings(.resumed, Self.hostile, Self.hostile)), "\(language)")
        }
    }

    @Test func pathReportsShowNothingRaw() throws {
        let analysis = PathAnalysis(try Self.program())
        let report = analysis.report(turnsPerWalk: PathReport.turnsShown).text(words: ReportWords(language: "en"))
        #expect(!Self.hasUnsafe(report.replacingOccurrences(of: "\n", with: "")), "\(report.debugDescription)")
        #expect(report.hasPrefix("deal<U+1B>[31m<U+202E>.playbook: walks"), "\(report)")
        let examples = try #require(analysis.examples(to: "won", limit: 5, turnsPerWalk: nil)).text(words: ReportWords(language: "en"))
        #expect(!Self.hasUnsafe(examples.replacingOccurrences(of: "\n", with: "")), "\(examples.debugDescription)")
        // JSON keeps the name (as escapes), and writes none of it raw.
        let json = analysis.report(turnsPerWalk: nil).json().text
        #expect(!Self.hasUnsafe(json), "\(json.prefix(300))")
        #expect(json.contains("deal\\u001b[31m\\u202e.playbook"), "\(json)")
    }
}
