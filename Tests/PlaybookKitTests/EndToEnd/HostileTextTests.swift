import Foundation
import Testing

@testable import PlaybookKit

/// Nothing raw reaches the terminal: the same hostile text (a terminal title change and a screen
/// clear, a C1 CSI, a bidirectional override and an isolate) goes in through every way outside
/// text gets in (a playbook's strings, a file's name, typed and piped answers, scenarios, the rep
/// and the deal kept in a record), and no command writes any of it raw, in any format. Colour is
/// off (NO_COLOR, and --color never where there is the option), so any ESC in the output is one
/// that came from outside.
struct HostileTextTests {
    typealias Workspace = CommandLineTests.Workspace
    typealias Run = CommandLineTests.Run

    /// ESC ] 0 ; OWNED BEL sets the terminal's title; ESC [2J clears the screen; U+009B is CSI in
    /// one character; U+202E reverses what follows; U+2066 isolates it.
    static let hostile = "\u{1B}]0;OWNED\u{07}\u{1B}[2J \u{9B}2J \u{202E}gnp.exe \u{2066}x"

    /// ESC, BEL and the other C0 controls but line feed and tab, DEL, the C1 controls, and the
    /// bidirectional controls.
    static func rawScalars(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && $0 != "\t" && TerminalText.isUnsafe($0) }
            .map { "U+" + String($0.value, radix: 16, uppercase: true) }
    }

    static func expectClean(_ run: Run, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!run.crashed, "\(what) crashed: \(run.stderr.prefix(300))", sourceLocation: sourceLocation)
        for (stream, text) in [("stdout", run.stdout), ("stderr", run.stderr)] {
            let raw = rawScalars(text)
            #expect(raw.isEmpty, "\(what) wrote \(Set(raw).sorted()) raw on \(stream):\n\(text.prefix(1_500).debugDescription)",
                sourceLocation: sourceLocation)
        }
    }

    static let environment = ["NO_COLOR": "1", "TERM": "xterm"]

    /// Runs `arguments` with colour off and checks what comes out; returns the run.
    @discardableResult
    static func clean(
        _ workspace: Workspace, _ arguments: [String], input: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Run {
        let run = try workspace.run(arguments, input: input, environment: environment, timeout: 60)
        expectClean(run, arguments.joined(separator: " ").debugDescription, sourceLocation: sourceLocation)
        return run
    }

    /// A playbook with the hostile text in every kind of string: the check reports each (PB0111).
    static let hostilePlaybook: String = {
        let h = hostile
        return """
            playbook "Deal \(h)"
              outcomes won, lost

            persona dana "Dana \(h)"
              role "Buyer \(h)"

            term "ROI \(h)" "Return \(h)"

            stage one "Stage \(h)"
              goal "Goal \(h)"
              ask who "Name \(h)?" text
              say "Hello {who} \(h)"
              ask pick "Pick \(h)" choice
                "Option \(h)"
                  score 1
                  best
                "Other" -> end lost "Lost \(h)"
              end won "Won \(h)"

            """
    }()

    /// A clean playbook that shows typed answers again, for the walks.
    static let cleanPlaybook = """
        playbook "Deal"
          outcomes won, lost

        persona dana "Dana"
          role "Buyer"

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
          end won "Won with {who}"

        """

    /// A file name with an escape sequence in it.
    static let hostileName = "deal\u{1B}]0;OWNED\u{07}\u{1B}[2J\u{9B}\u{202E}\u{2066}.playbook"

    static let typedAnswers = "Lan \(hostile)\n1\n3\n"

    // MARK: A playbook's strings

    @Test func hostileStringsAreReportedAndNothingRawIsPrinted() throws {
        let workspace = try Workspace()
        try workspace.write("deal.playbook", Self.hostilePlaybook)
        for format in ["human", "short", "json"] {
            let run = try Self.clean(workspace, ["check", "--color", "never", "--format", format, "deal.playbook"])
            #expect(run.status == 1, "\(format)")
            #expect(run.stdout.contains("PB0111"), "\(format)")
        }
        let human = try Self.clean(workspace, ["check", "--color", "never", "deal.playbook"])
        #expect(human.stdout.contains("error[PB0111]: a control character (U+1B) in a string"))
        #expect(human.stdout.contains("error[PB0111]: a control character (U+9B) in a string"))
        #expect(human.stdout.contains("error[PB0111]: a bidirectional control (U+202E) in a string"))
        #expect(human.stdout.contains("error[PB0111]: a bidirectional control (U+2066) in a string"))
        // The commands that need a playbook without errors print them, just as safely.
        for command in [
            ["run", "--color", "never", "--sessions", "sessions"], ["practice", "--color", "never", "--sessions", "sessions"],
            ["graph"], ["graph", "--format", "dot"], ["graph", "--format", "svg"], ["paths"], ["paths", "--format", "json"],
            ["test", "--explore"],
        ] {
            let run = try Self.clean(workspace, command + ["deal.playbook"], input: Self.typedAnswers)
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("error[PB0111]"), "\(command)")
        }
    }

    // MARK: A file's name

    @Test func fileNameWithAnEscapeSequenceIsNeverPrintedRaw() throws {
        let workspace = try Workspace()
        try workspace.write(Self.hostileName, Self.cleanPlaybook)
        let scenarios = String(Self.hostileName.dropLast(".playbook".count)) + ".scenarios"
        try workspace.write(scenarios, "scenario \"Option wins\"\n  who = \"Lan\"\n  pick = \"Option\"\n  seats = 3\n  expect lost\n")
        for format in ["human", "short", "json"] {
            let run = try Self.clean(workspace, ["check", "--color", "never", "--format", format, Self.hostileName])
            #expect(run.status == 0, "\(format): \(run.stderr)")
        }
        #expect(try Self.clean(workspace, ["check", Self.hostileName]).stdout.hasSuffix("[2J<U+9B><U+202E><U+2066>.playbook: no problems found\n"))
        for command in [
            ["graph"], ["graph", "--format", "dot"], ["graph", "--format", "svg"], ["paths"], ["paths", "--format", "json"],
            ["paths", "--to", "won"], ["test", "--explore"], ["test", "--random", "2"], ["test", "--coverage"],
        ] {
            try Self.clean(workspace, command + [Self.hostileName])
        }
        // The scenario expects the wrong outcome: the failure names both files.
        let test = try Self.clean(workspace, ["test", scenarios])
        #expect(test.status == 1)
        #expect(test.stdout.contains("<U+1B>]0;OWNED<U+7>"), "\(test.stdout)")
        let answered = try Self.clean(
            workspace, ["run", "--color", "never", "--sessions", "sessions", "--answers", scenarios, Self.hostileName])
        #expect(answered.status == 0, "\(answered.stderr)")

        // Errors that name the file: it is missing, it has an error, an option is unknown.
        let missing = try Self.clean(workspace, ["check", "missing" + Self.hostileName])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("playbook: cannot read 'missing"))
        try workspace.write("broken" + Self.hostileName, "stage a \"A\"\n  -> nowhere\n")
        for format in ["human", "short", "json"] {
            try Self.clean(workspace, ["check", "--color", "never", "--format", format, "broken" + Self.hostileName])
        }
        for command in [["run", "--color", "never", "--sessions", "sessions"], ["graph"], ["paths"]] {
            let run = try Self.clean(workspace, command + ["broken" + Self.hostileName], input: Self.typedAnswers)
            #expect(run.status == 1, "\(command)")
        }
        try Self.clean(workspace, ["check", "--" + Self.hostile, Self.hostileName])
        try Self.clean(workspace, [Self.hostile])
        try Self.clean(workspace, ["graph", "--stage", Self.hostile, Self.hostileName])
        try Self.clean(workspace, ["paths", "--to", Self.hostile, Self.hostileName])
    }

    // MARK: Answers and scenarios

    @Test func typedAnswersAreShownAgainSafely() throws {
        let workspace = try Workspace()
        try workspace.write("deal.playbook", Self.cleanPlaybook)
        let run = try Self.clean(
            workspace, ["run", "--color", "never", "--sessions", "sessions", "--seed", "1", "deal.playbook"], input: Self.typedAnswers)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Hello Lan "), "\(run.stdout)")
        #expect(run.stdout.contains("<U+202E>gnp.exe <U+2066>x"), "\(run.stdout)")
        let practice = try Self.clean(
            workspace, ["practice", "--color", "never", "--sessions", "sessions", "--persona", "dana", "deal.playbook"],
            input: Self.typedAnswers)
        #expect(practice.status == 0, "\(practice.stderr)")
        #expect(practice.stdout.contains("Good, Lan "))
        // Commands typed at the prompt echo what was typed.
        let commands = "define \(Self.hostile)\nnote \(Self.hostile)\nend \(Self.hostile)\nend lost \(Self.hostile)\n"
        try Self.clean(workspace, ["run", "--color", "never", "--sessions", "sessions", "deal.playbook"], input: commands)
        try Self.clean(workspace, ["practice", "--history", "--sessions", "sessions"])
    }

    @Test func hostileScenariosAreReportedSafely() throws {
        let workspace = try Workspace()
        try workspace.write("deal.playbook", Self.cleanPlaybook)
        try workspace.write(
            "deal.scenarios", "scenario \"Wins \(Self.hostile)\"\n  who = \"\(Self.hostile)\"\n  pick = \"Option\"\n  seats = 3\n  expect won\n")
        let test = try Self.clean(workspace, ["test", "deal.scenarios"])
        #expect(test.status == 1)
        #expect(test.stderr.contains("deal.scenarios:1:"), "\(test.stderr)")
        let answered = try Self.clean(workspace, ["run", "--sessions", "sessions", "--answers", "deal.scenarios", "deal.playbook"])
        #expect(answered.status == 2)
        let unknown = try Self.clean(workspace, ["run", "--sessions", "sessions", "--answers", "deal.scenarios", "--scenario", Self.hostile, "deal.playbook"])
        #expect(unknown.status == 2)
        // Bidirectional controls alone (no C0 control before them) are refused too, and do not
        // reach the walk as an answer.
        try workspace.write("bidi.scenarios", "scenario \"Wins\"\n  who = \"\u{202E}gnp.exe \u{2066}x\"\n  pick = \"Option\"\n  seats = 3\n  expect won\n")
        let bidi = try Self.clean(workspace, ["run", "--color", "never", "--sessions", "sessions", "--answers", "bidi.scenarios", "deal.playbook"])
        #expect(bidi.status == 2)
        #expect(
            bidi.stderr.contains("error[PB0111]: a bidirectional control (U+202E) in a string\n --> bidi.scenarios:2:10\n"),
            "\(bidi.stderr)")
        let tested = try Self.clean(workspace, ["test", "bidi.scenarios", "--playbook", "deal.playbook"])
        #expect(tested.status == 1)
    }

    // MARK: Records

    /// A paused session whose record holds the hostile text as its rep and deal, and in a typed
    /// answer (a text answer keeps what the rep typed, but for the terminal's own escapes).
    static func record(_ workspace: Workspace) throws {
        try workspace.write("deal.playbook", Self.cleanPlaybook)
        let run = try clean(
            workspace,
            ["run", "--color", "never", "--sessions", "sessions", "--rep", Self.hostile, "--deal", Self.hostile, "deal.playbook"],
            input: "Lan \(Self.hostile)\n")
        #expect(run.status == 1, "the piped answers run out, and the session pauses: \(run.stderr)")
    }

    // sessions, show and the error messages of resume print records' fields and session words
    // themselves (SessionsCommand, ShowCommand, Transcript, ResumeCommand): the records branch
    // makes them safe.

    @Test
    func sessionsListsARecordSafely() throws {
        let workspace = try Workspace()
        try Self.record(workspace)
        for format in ["table", "json"] { try Self.clean(workspace, ["sessions", "--sessions", "sessions", "--format", format]) }
        try Self.clean(workspace, ["sessions", "--sessions", "sessions", "--rep", Self.hostile])
    }

    @Test
    func showPrintsARecordSafely() throws {
        let workspace = try Workspace()
        try Self.record(workspace)
        for format in ["text", "markdown", "json"] { try Self.clean(workspace, ["show", "last", "--sessions", "sessions", "--format", format]) }
        try Self.clean(workspace, ["show", Self.hostile, "--sessions", "sessions"])
    }

    @Test func resumeGoesOnSafely() throws {
        let workspace = try Workspace()
        try Self.record(workspace)
        let run = try Self.clean(workspace, ["resume", "last", "--color", "never", "--sessions", "sessions"], input: "1\n3\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<U+202E>gnp.exe"), "the rep and the deal, and the answer shown again: \(run.stdout)")
    }

    @Test
    func resumeOfAnUnknownSessionSaysSoSafely() throws {
        let workspace = try Workspace()
        try Self.record(workspace)
        try Self.clean(workspace, ["resume", Self.hostile, "--sessions", "sessions"])
    }
}
