import Foundation
import Glibc
import Testing

/// Runs the built `playbook` binary and checks what a user sees: stdout, stderr, exit status.
struct CommandLineTests {
    /// What one run of the binary produced.
    typealias Run = ChildProcess.Result

    /// A fresh folder per test, removed when the test ends.
    final class Workspace {
        let folder: URL

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: folder) }

        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }

        /// Copies a playbook from Fixtures/cli: broken.playbook jumps to 'folowup' on line 6
        /// (PB0202), closing.playbook has only an unreachable `say` (PB0402), zh.playbook reads
        /// an unknown name on a Chinese line (PB0205).
        func copyFixture(_ name: String) throws {
            try FileManager.default.copyItem(
                at: CommandLineTests.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }

        /// Copies a shipped playbook from `playbooks/`.
        func copyShipped(_ name: String) throws {
            let source = Golden.root.appendingPathComponent("playbooks").appendingPathComponent(name)
            try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent(name))
        }

        /// Runs `playbook` (or `executable`) with `arguments` in this folder (`ChildProcess.run`).
        func run(
            _ arguments: [String], input: String? = nil, environment: [String: String] = [:], executable: URL? = nil,
            timeout: TimeInterval = 120, sourceLocation: SourceLocation = #_sourceLocation
        ) throws -> Run {
            let binary = try executable ?? #require(CommandLineTests.binary, "no 'playbook' binary next to the test bundle")
            return try ChildProcess.run(
                binary, arguments, in: folder, input: input, environment: environment, timeout: timeout, sourceLocation: sourceLocation)
        }
    }

    /// The `playbook` executable in the build products folder that holds the running tests
    /// (`.build/debug`, or `<scratch-path>/debug` with `--scratch-path`).
    static let binary: URL? = {
        var folders: [URL] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            folders.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        let bundle = Bundle.main.bundleURL
        folders += [bundle.deletingLastPathComponent(), bundle]
        for folder in folders {
            let candidate = folder.appendingPathComponent("playbook")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate.path)
            {
                return candidate
            }
        }
        return nil
    }()

    static let escape = "\u{1B}"
    static let fixtures = Golden.fixtures.appendingPathComponent("cli")

    static func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    // MARK: Checking

    @Test func binaryIsFoundNextToTheTests() throws {
        let binary = try #require(Self.binary)
        #expect(FileManager.default.isExecutableFile(atPath: binary.path))
    }

    @Test func cleanPlaybookExitsZero() throws {
        let workspace = try Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        let run = try workspace.run(["check", "discovery.playbook"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("discovery.playbook: no problems found\n"), "stdout: \(run.stdout)")
        #expect(run.stderr.isEmpty)
    }

    @Test func errorIsRenderedForPeople() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["check", "broken.playbook"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "error[PB0202]: there is no stage or question 'folowup' to jump to")
        #expect(lines.contains(" --> broken.playbook:6:12"))
        #expect(lines.contains("6 |     yes -> folowup"))
        #expect(lines.contains("  |            ^^^^^^^ unknown target"))
        #expect(lines.contains("  = help: did you mean 'followup'?"))
        #expect(run.stdout.hasSuffix("broken.playbook: 1 error\n"))
        #expect(!run.stdout.contains(Self.escape), "colour on a pipe")
        #expect(run.stderr.isEmpty)
    }

    @Test func shortFormatIsOneLinePerDiagnostic() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["check", "--format", "short", "broken.playbook"])
        #expect(run.status == 1)
        #expect(run.stdout == "broken.playbook:6:12: error: there is no stage or question 'folowup' to jump to [PB0202]\n")
        let pattern = #"^[^:]+:\d+:\d+: (error|warning): .+ \[PB\d{4}\]$"#
        for line in run.stdout.split(separator: "\n") {
            #expect(String(line).range(of: pattern, options: .regularExpression) != nil, "not a short line: \(line)")
        }
        // `--format=short` is the same option.
        #expect(try workspace.run(["check", "--format=short", "broken.playbook"]).stdout == run.stdout)
    }

    @Test func jsonFormatIsOneDocument() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["check", "--format", "json", "broken.playbook"])
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["errors"] as? Int == 1)
        #expect(document["warnings"] as? Int == 0)
        let files = try #require(document["files"] as? [[String: Any]])
        try #require(files.count == 1)
        #expect(files[0]["path"] as? String == "broken.playbook")
        #expect(files[0]["errors"] as? Int == 1)
        let diagnostics = try #require(files[0]["diagnostics"] as? [[String: Any]])
        try #require(diagnostics.count == 1)
        let diagnostic = diagnostics[0]
        #expect(diagnostic["code"] as? String == "PB0202")
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["line"] as? Int == 6)
        #expect(diagnostic["column"] as? Int == 12)
        #expect(diagnostic["help"] as? String == "did you mean 'followup'?")
        let labels = try #require(diagnostic["labels"] as? [[String: Any]])
        try #require(labels.count == 1)
        #expect(labels[0]["primary"] as? Bool == true)
        #expect(labels[0]["message"] as? String == "unknown target")
        #expect(labels[0]["endColumn"] as? Int == 19)
        // The label's bytes are 'folowup' in the file as on disk.
        let start = try #require(labels[0]["byteStart"] as? Int)
        let end = try #require(labels[0]["byteEnd"] as? Int)
        let bytes = Array(try Data(contentsOf: Self.fixtures.appendingPathComponent("broken.playbook")))
        try #require(0 <= start && start <= end && end <= bytes.count)
        #expect(String(decoding: bytes[start..<end], as: UTF8.self) == "folowup")
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("closing.playbook")
        let relaxed = try workspace.run(["check", "closing.playbook"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.hasPrefix("warning[PB0402]: this step can never be reached\n"))
        #expect(relaxed.stdout.hasSuffix("closing.playbook: 1 warning\n"))
        let strict = try workspace.run(["check", "--strict", "closing.playbook"])
        #expect(strict.status == 1)
        #expect(strict.stdout == relaxed.stdout)
    }

    // MARK: Colour

    @Test func colorAlwaysPaintsAndNeverDoesNot() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let always = try workspace.run(["check", "--color", "always", "broken.playbook"])
        let never = try workspace.run(["check", "--color", "never", "broken.playbook"])
        #expect(always.status == 1)
        #expect(never.status == 1)
        #expect(always.stdout.contains("\u{1B}[1;31merror[PB0202]"))
        #expect(!never.stdout.contains(Self.escape))
        #expect(always.stdout != never.stdout)
        // Colour only adds escapes: without them both say the same.
        #expect(Self.stripANSI(always.stdout) == never.stdout)
        // `always` wins over NO_COLOR, which only steers `auto`.
        let forced = try workspace.run(["check", "--color=always", "broken.playbook"], environment: ["NO_COLOR": "1"])
        #expect(forced.stdout == always.stdout)
    }

    static let script = URL(fileURLWithPath: "/usr/bin/script")

    /// `auto` paints on a terminal (util-linux `script` gives the child one), but not with
    /// NO_COLOR, not with TERM=dumb, and not on a pipe.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: script.path)))
    func colorAutoFollowsTheTerminalAndNoColor() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let command = "'\(try #require(Self.binary).path)' check broken.playbook"
        let onTerminal = { (environment: [String: String]) in
            try workspace.run(["-qec", command, "/dev/null"], environment: environment, executable: Self.script)
        }
        let terminal = try onTerminal(["TERM": "xterm"])
        #expect(terminal.status == 1)
        #expect(terminal.stdout.contains("\u{1B}[1;31merror[PB0202]"))
        let plain = try workspace.run(["check", "--color", "never", "broken.playbook"])
        for environment in [["TERM": "xterm", "NO_COLOR": "1"], ["TERM": "dumb"]] {
            let run = try onTerminal(environment)
            #expect(run.status == 1)
            #expect(run.stdout.replacingOccurrences(of: "\r\n", with: "\n") == plain.stdout, "\(environment)")
        }
        let pipe = try workspace.run(["check", "--color", "auto", "broken.playbook"], environment: ["TERM": "xterm"])
        #expect(pipe.stdout == plain.stdout)
    }

    // MARK: Usage and files

    @Test func unknownOptionSuggestsTheNearestOne() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["check", "--frmat", "short", "broken.playbook"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("unknown option --frmat"))
        #expect(run.stderr.contains("did you mean --format?"))
    }

    @Test func missingOperandsAndBadValuesAreUsageErrors() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let noFiles = try workspace.run(["check"])
        #expect(noFiles.status == 2)
        #expect(noFiles.stderr.contains("check needs at least one playbook file"))
        let xml = try workspace.run(["check", "--format", "xml", "broken.playbook"])
        #expect(xml.status == 2)
        #expect(xml.stdout.isEmpty)
        #expect(xml.stderr.contains("--format takes one of: human, short, json (not 'xml')"))
        let noValue = try workspace.run(["check", "broken.playbook", "--format"])
        #expect(noValue.status == 2)
        #expect(noValue.stderr.contains("--format needs a value"))
        let badColor = try workspace.run(["check", "--color", "sometimes", "broken.playbook"])
        #expect(badColor.status == 2)
        #expect(badColor.stderr.contains("'sometimes'"))
    }

    @Test func unknownCommandAndNoCommandAreUsageErrors() throws {
        let workspace = try Workspace()
        let unknown = try workspace.run(["chekc", "broken.playbook"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("unknown command 'chekc'"))
        #expect(unknown.stderr.contains("did you mean 'check'?"))
        let nothing = try workspace.run([])
        #expect(nothing.status == 2)
        #expect(nothing.stdout.isEmpty)
        #expect(nothing.stderr.contains("usage: playbook <command>"))
    }

    @Test func missingFileAndFolderCannotBeRead() throws {
        let workspace = try Workspace()
        try FileManager.default.createDirectory(
            at: workspace.folder.appendingPathComponent("shared.playbook"), withIntermediateDirectories: false)
        let missing = try workspace.run(["check", "missing.playbook"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr == "playbook: cannot read 'missing.playbook': no such file\n")
        let folder = try workspace.run(["check", "shared.playbook"])
        #expect(folder.status == 2)
        #expect(folder.stderr == "playbook: cannot read 'shared.playbook': it is a folder, not a file\n")
    }

    @Test func unreadableFileDoesNotStopTheOthers() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["check", "missing.playbook", "broken.playbook"])
        // 2 (a file could not be read) outranks 1 (errors found).
        #expect(run.status == 2)
        #expect(run.stderr.contains("cannot read 'missing.playbook'"))
        #expect(run.stdout.hasSuffix("broken.playbook: 1 error\n"))
    }

    @Test func helpAndVersion() throws {
        let workspace = try Workspace()
        for words in [["--help"], ["-h"], ["help"]] {
            let run = try workspace.run(words)
            #expect(run.status == 0, "\(words)")
            #expect(run.stdout.contains("usage: playbook <command> [options]"), "\(words)")
            #expect(run.stderr.isEmpty)
        }
        for words in [["check", "--help"], ["check", "-h"], ["check", "--help", "no-such-file.playbook"]] {
            let run = try workspace.run(words)
            #expect(run.status == 0, "\(words)")
            #expect(run.stdout.hasPrefix("usage: playbook check [options] FILE...\n"), "\(words)")
            #expect(run.stdout.contains("--strict"))
            #expect(run.stderr.isEmpty)
        }
        let version = try workspace.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.range(of: #"^playbook \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.stdout)")
    }

    @Test func severalFilesInOneRun() throws {
        let workspace = try Workspace()
        try workspace.copyShipped("discovery.playbook")
        try workspace.copyShipped("objections.playbook")
        try workspace.copyFixture("broken.playbook")
        let run = try workspace.run(["check", "discovery.playbook", "broken.playbook"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("discovery.playbook: no problems found\n"))
        #expect(run.stdout.hasSuffix("broken.playbook: 1 error\n"))
        #expect(run.stdout.contains("error[PB0202]"))

        let json = try workspace.run(["check", "--format", "json", "discovery.playbook", "broken.playbook"])
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["path"] as? String } == ["discovery.playbook", "broken.playbook"])
        #expect(files.compactMap { $0["errors"] as? Int } == [0, 1])
        #expect(document["errors"] as? Int == 1)
    }

    // MARK: Wide characters

    @Test func caretsSitUnderChineseText() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("zh.playbook")
        let run = try workspace.run(["check", "zh.playbook"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The file declares `language zh`: the rendering's own words are Chinese, the message English.
        #expect(lines.first == "错误[PB0205]: there is no question or variable '预算额'")
        // The column counts characters (14); the caret counts cells: 2 + 5 + 5×2 + 1 = 18 before it.
        #expect(lines.contains(" --> zh.playbook:8:14"))
        let source = try #require(lines.firstIndex(of: "8 |   say \"您的预算是{预算额}元。\""))
        try #require(source + 1 < lines.count)
        #expect(lines[source + 1] == "  | " + String(repeating: " ", count: 18) + "^^^^^^ unknown name")
        #expect(lines.contains("  = 建议: did you mean '预算'?"))
        #expect(run.stdout.hasSuffix("zh.playbook：1 个错误\n"))
    }

    // MARK: Crashes (run out of process: a crash must not take the test runner down)

    /// Conditions that are long but not nested in parentheses: 10,000 operators in a row.
    static let longChains: [String: String] = [
        "not": "if " + String(repeating: "not ", count: 10_000) + "yes -> end won \"x\"",
        "negate": "if " + String(repeating: "- ", count: 10_000) + "seats < 0 -> end won \"x\"",
        "plus": "set total = seats" + String(repeating: " + seats", count: 10_000),
        "and": "if yes" + String(repeating: " and yes", count: 10_000) + " -> end won \"x\"",
    ]

    @Test(arguments: longChains.keys.sorted())
    func longOperatorChainDoesNotCrash(_ kind: String) throws {
        let workspace = try Workspace()
        let step = try #require(Self.longChains[kind])
        try workspace.write(
            "chain.playbook",
            "playbook \"Chain\"\n  outcomes won, lost\n\nstage a \"A\"\n  ask seats \"How many seats?\" number\n  \(step)\n  end lost \"y\"\n")
        let run = try workspace.run(["check", "--format", "short", "chain.playbook"])
        guard !run.crashed else {
            let frame = run.stderr.split(separator: "\n").first { $0.contains(" in playbook at ") } ?? "?"
            Issue.record("playbook check crashed (signal \(run.status)) on a 10,000-operator '\(kind)' chain; top frame: \(frame)")
            return
        }
        #expect([0, 1].contains(run.status), "exit status \(run.status)")
        #expect(run.stderr.isEmpty, "\(run.stderr.prefix(500))")
    }
}
