import Foundation
import Glibc
import PlaybookKit
import Testing

/// `playbook report` given bad input, as a user runs it (docs/report.md, "Which records are
/// read"): damaged lines counted and left out of every figure; empty, missing and looping
/// folders; FIFOs, files that are not records, unreadable files; the same record reached twice.
struct ReportInputTests {
    /// Three sessions of one playbook: won, lost, paused.
    static let team = [
        ReportRecords(id: "20260302-090000-0001", start: "2026-03-02T09:00:00.000Z", outcome: "won"),
        ReportRecords(id: "20260303-090000-0002", rep: "Minh", start: "2026-03-03T09:00:00.000Z", outcome: "lost"),
        ReportRecords(id: "20260304-090000-0003", start: "2026-03-04T09:00:00.000Z", outcome: nil, pause: true),
    ]

    static func writeTeam(in folder: URL) throws {
        for record in team { try record.write(in: folder) }
    }

    // MARK: damaged lines

    /// Lines that would change the figures if they were read: a torn `end`, an `end` of version
    /// 99 and one with no version, a `pause` of an unknown event's shape, bytes that are not UTF-8.
    @Test func damagedLinesAreCountedAndChangeNoFigure() throws {
        let workspace = try CommandLineTests.Workspace()
        let clean = workspace.folder.appendingPathComponent("clean")
        try Self.writeTeam(in: clean)
        let damaged = workspace.folder.appendingPathComponent("damaged")
        let (won, lost, paused) = (Self.team[0], Self.team[1], Self.team[2])
        // CRLF line ends, and a last line torn mid-write: read as LF, 1 line skipped.
        try won.write(in: damaged, text: won.lines.map { $0 + "\r\n" }.joined() + #"{"by_rep":true,"event":"end","outcome":"lo"#)
        // A pause of version 99 after the end, and a note that is not UTF-8: 2 lines skipped.
        var lines = lost.lines
        lines.append(#"{"event":"pause","reason":"command","time":"2026-03-05T09:00:00.000Z","v":99}"#)
        lines.insert("{\"event\":\"note\",\"question\":null,\"text\":\"\u{FFFD}\",\"time\":\"2026-03-03T09:00:05.000Z\",\"v\":1}", at: 4)
        var bytes = Array(lines.map { $0 + "\n" }.joined().utf8)
        let mark = try #require(bytes.firstRange(of: Array("\u{FFFD}".utf8)))
        bytes.replaceSubrange(mark, with: [0xC3, 0x28, 0xFF])
        try FileManager.default.createDirectory(at: damaged, withIntermediateDirectories: true)
        try Data(bytes).write(to: damaged.appendingPathComponent(lost.id + ".jsonl"))
        // An end with no version, an unknown event, and a stage_enter with no stage: 3 lines skipped.
        try paused.write(
            in: damaged,
            text: paused.text + #"{"by_rep":true,"event":"end","outcome":"won","reason":null,"score":0,"time":"2026-03-06T09:00:00.000Z"}"#
                + "\n" + #"{"event":"wormhole","time":"2026-03-06T09:00:01.000Z","v":1}"# + "\n"
                + #"{"event":"stage_enter","number":2,"time":"2026-03-06T09:00:02.000Z","title":"B","v":1}"# + "\n")

        let (cleanRun, cleanReport) = try ReportRecords.report([clean.path], in: workspace)
        #expect(cleanRun.status == 0 && cleanRun.stderr.isEmpty, "\(cleanRun.stderr)")
        let (run, report) = try ReportRecords.report([damaged.path], in: workspace)
        #expect(run.status == 0)
        #expect(
            ReportRecords.notes(run.stderr) == ["6 lines skipped in 3 files (torn, of another schema version, or not a known event)"],
            "\(run.stderr)")
        #expect(report?["skipped"] == .object(["lines": .int(6), "files": .int(3)]))
        #expect(cleanReport?["skipped"] == .object(["lines": .int(0), "files": .int(0)]))
        #expect(report?["files"] == .int(3))
        #expect(ReportRecords.without(["skipped"], report) == ReportRecords.without(["skipped"], cleanReport))
        let playbook = report?["playbooks"]?.array?.first
        #expect(playbook?["status"] == .object(["ended": .int(2), "paused": .int(1), "interrupted": .int(0), "faulted": .int(0)]))
        #expect(playbook?["outcomes"] == .object(["won": .int(1), "lost": .int(1)]))
    }

    // MARK: folders with nothing to read, or that do not end

    @Test func anEmptyFolderSaysSoAndFails() throws {
        let workspace = try CommandLineTests.Workspace()
        let empty = workspace.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (run, _) = try ReportRecords.report([empty.path], in: workspace)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "playbook: no deal in '\(empty.path)' to report on\n")
        // Files that are not records by their names are passed over without a word: the same.
        try Data("notes".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        try Data(Self.team[0].text.utf8).write(to: empty.appendingPathComponent(".20260302-090000-0001.jsonl.part"))
        let (again, _) = try ReportRecords.report([empty.path], in: workspace)
        #expect(again.status == 1)
        #expect(again.stderr == run.stderr)
    }

    @Test func aFolderThatDoesNotExistIsNamedAndFails() throws {
        let workspace = try CommandLineTests.Workspace()
        let missing = workspace.folder.appendingPathComponent("no-such-folder")
        let (run, _) = try ReportRecords.report([missing.path], in: workspace)
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "playbook: cannot read '\(missing.path)': No such file or directory\n")
        // Beside a folder that holds records: the report of those, and the missing one named.
        let team = workspace.folder.appendingPathComponent("team")
        try Self.writeTeam(in: team)
        let (both, report) = try ReportRecords.report([missing.path, team.path], in: workspace)
        #expect(both.status == 0)
        // There, it is a note: the report goes on without it.
        #expect(both.stderr == "playbook: note: cannot read '\(missing.path)': No such file or directory\n")
        #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 3])
    }

    /// `ln -s . loop` inside the folder, a link back up from a rep's folder, and two folders
    /// linking to each other: the walk ends, and each session is counted once, silently.
    @Test func loopsOfLinksEndAndCountEachSessionOnce() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        let ana = team.appendingPathComponent("ana")
        try Self.team[0].write(in: ana)
        try Self.team[1].write(in: team.appendingPathComponent("minh"))
        try FileManager.default.createSymbolicLink(atPath: team.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: ana.appendingPathComponent("up").path, withDestinationPath: "..")
        let (run, report) = try ReportRecords.report([team.path], in: workspace, timeout: 30)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(report?["files"] == .int(2))
        #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 2])

        let a = workspace.folder.appendingPathComponent("a")
        let b = workspace.folder.appendingPathComponent("b")
        try Self.team[0].write(in: a)
        try Self.team[2].write(in: b)
        try FileManager.default.createSymbolicLink(atPath: a.appendingPathComponent("to-b").path, withDestinationPath: "../b")
        try FileManager.default.createSymbolicLink(atPath: b.appendingPathComponent("to-a").path, withDestinationPath: "../a")
        for operands in [[a.path], [b.path], [a.path, b.path]] {
            let (run, report) = try ReportRecords.report(operands, in: workspace, timeout: 30)
            #expect(run.status == 0)
            #expect(run.stderr.isEmpty, "\(operands): \(run.stderr)")
            #expect(report?["files"] == .int(2), "\(operands)")
            #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 2], "\(operands)")
        }
    }

    /// A FIFO named like a record, in the folder and given by itself: never opened (opening one
    /// for reading waits for a writer), named on stderr, not counted.
    @Test func aFIFONamedLikeARecordDoesNotHangTheReport() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        try Self.writeTeam(in: team)
        let fifo = team.appendingPathComponent("x.jsonl")
        try #require(mkfifo(fifo.path, 0o600) == 0, "mkfifo: \(String(cString: strerror(errno)))")
        try #require(mkfifo(team.appendingPathComponent("pipe").path, 0o600) == 0)
        let (run, report) = try ReportRecords.report([team.path], in: workspace, timeout: 20)
        #expect(run.status == 0)
        #expect(ReportRecords.notes(run.stderr) == ["'\(fifo.path)' is not a record: it is not a regular file"], "\(run.stderr)")
        #expect(report?["files"] == .int(3))
        #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 3])
        let (alone, _) = try ReportRecords.report([fifo.path], in: workspace, timeout: 20)
        #expect(alone.status == 1)
        #expect(alone.stderr == "playbook: '\(fifo.path)' is not a record: it is not a regular file\n")
    }

    /// Files named `*.jsonl` that are not records: each named on stderr with why, none counted,
    /// none of their lines counted as skipped.
    @Test func filesThatAreNotRecordsAreNamedAndNotCounted() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        try Self.team[0].write(in: team)
        try Self.team[1].write(in: team)
        func write(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: team.appendingPathComponent(name))
        }
        try write("random.jsonl", "Gọi lại cho Lan vào thứ Hai\nשלום\n随便写写\n")
        try write("empty.jsonl", "")
        try write("blank.jsonl", "\n\r\n\n")
        try write("nostart.jsonl", Self.team[0].lines.dropFirst().map { $0 + "\n" }.joined())
        try write("hexseed.jsonl", ReportRecords(id: "20260305-090000-0004", seed: "\"0x1f\"").text)
        try write("numberseed.jsonl", ReportRecords(id: "20260305-090000-0005", seed: "42").text)
        try write("bigseed.jsonl", ReportRecords(id: "20260305-090000-0006", seed: "\"18446744073709551616\"").text)
        let (run, report) = try ReportRecords.report([team.path], in: workspace)
        #expect(run.status == 0)
        let notes = ReportRecords.notes(run.stderr)
        let path = team.path + "/"
        #expect(
            notes == [
                "'\(path)bigseed.jsonl' is not a record: its start line cannot be read",
                "'\(path)blank.jsonl' is not a record: it is empty",
                "'\(path)empty.jsonl' is not a record: it is empty",
                "'\(path)hexseed.jsonl' is not a record: its start line cannot be read",
                "'\(path)nostart.jsonl' is not a record: it has no start line",
                "'\(path)numberseed.jsonl' is not a record: its start line cannot be read",
                "'\(path)random.jsonl' is not a record: its start line cannot be read",
            ], "\(run.stderr)")
        #expect(report?["files"] == .int(2))
        #expect(report?["skipped"] == .object(["lines": .int(0), "files": .int(0)]))
        #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 2])
        // Given by itself whatever its name, a file that is not a record is named the same way.
        try write("notes.txt", "not a record\n")
        let (alone, _) = try ReportRecords.report([team.appendingPathComponent("notes.txt").path], in: workspace)
        #expect(alone.status == 1)
        #expect(alone.stderr.hasPrefix("playbook: note: '\(path)notes.txt' is not a record: its start line cannot be read\n"), "\(alone.stderr)")
    }

    @Test(.enabled(if: geteuid() != 0, "root reads a file whatever its mode, so the case cannot be made"))
    func anUnreadableFileIsNamedWithWhy() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        try Self.team[0].write(in: team)
        let locked = try Self.team[1].write(in: team)
        try #require(chmod(locked.path, 0o000) == 0)
        defer { chmod(locked.path, 0o600) }
        let (run, report) = try ReportRecords.report([team.path], in: workspace)
        #expect(run.status == 0)
        #expect(ReportRecords.notes(run.stderr) == ["cannot read '\(locked.path)': Permission denied"], "\(run.stderr)")
        #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 1])
    }

    // MARK: the same record reached twice

    /// A folder given twice, a file given beside its folder, a link to the folder: one file, one
    /// session, each counted once and nothing said.
    @Test func aRecordReachedTwiceIsCountedOnce() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        try Self.writeTeam(in: team)
        let file = team.appendingPathComponent(Self.team[0].id + ".jsonl").path
        let link = workspace.folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: team.path)
        for operands in [[team.path, team.path], [file, team.path], [team.path, file], [team.path, link.path], [file, file]] {
            let (run, report) = try ReportRecords.report(operands, in: workspace)
            #expect(run.status == 0)
            #expect(run.stderr.isEmpty, "\(operands): \(run.stderr)")
            let count = operands == [file, file] ? 1 : 3
            #expect(report?["files"] == .int(count), "\(operands)")
            #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": count], "\(operands)")
        }
    }

    /// Two copies of a session's record in two folders (a rep's folder and a backup taken before
    /// the session ended): counted once, from the larger (a record only grows), the other named.
    @Test func aSessionWithTwoCopiesIsCountedOnceFromTheLargerCopy() throws {
        let workspace = try CommandLineTests.Workspace()
        let ana = workspace.folder.appendingPathComponent("team/ana")
        let backup = workspace.folder.appendingPathComponent("team/backup")
        let ended = Self.team[0]
        var open = ended
        open.outcome = nil
        let whole = try ended.write(in: ana)
        let older = try open.write(in: backup)
        let (run, report) = try ReportRecords.report([workspace.folder.appendingPathComponent("team").path], in: workspace)
        #expect(run.status == 0)
        #expect(ReportRecords.notes(run.stderr) == ["'\(older.path)' is a copy of the session in '\(whole.path)': only the larger is read"], "\(run.stderr)")
        #expect(report?["files"] == .int(1))
        #expect(report?["playbooks"]?.array?.first?["won"] == .int(1), "the copy with the end line is the one read")
    }

    /// "the larger (a record only grows, so the larger copy is the later one); of two of one size,
    /// the first by path in byte order": a copy made larger by a torn line is the one read, though
    /// it has fewer readable lines; of two copies alike, the one under `a/`.
    @Test func ofTwoCopiesTheLargerIsReadThenTheFirstByPath() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        let ended = Self.team[0]
        let whole = try ended.write(in: team.appendingPathComponent("ana"))
        // 4 readable lines and a torn note of 2,000 bytes, against 6 readable lines.
        let torn = ended.lines.prefix(4).map { $0 + "\n" }.joined()
            + #"{"event":"note","question":null,"text":""# + String(repeating: "Gọi lại cho Lan. ", count: 110)
        let larger = try ended.write(in: team.appendingPathComponent("backup"), text: torn)
        let (run, report) = try ReportRecords.report([team.path], in: workspace)
        #expect(run.status == 0)
        #expect(ReportRecords.notes(run.stderr).first == "'\(whole.path)' is a copy of the session in '\(larger.path)': only the larger is read", "\(run.stderr)")
        #expect(report?["files"] == .int(1))
        #expect(report?["playbooks"]?.array?.first?["won"] == .int(0), "the larger, torn copy is read")
        #expect(report?["skipped"] == .object(["lines": .int(1), "files": .int(1)]))

        let alike = workspace.folder.appendingPathComponent("alike")
        let second = try ended.write(in: alike.appendingPathComponent("b"))
        let first = try ended.write(in: alike.appendingPathComponent("a"))
        let (tie, _) = try ReportRecords.report([alike.path], in: workspace)
        #expect(ReportRecords.notes(tie.stderr) == ["'\(second.path)' is a copy of the session in '\(first.path)': only the larger is read"], "\(tie.stderr)")
    }

    /// A record given by itself beside a folder holding a copy of it (mailed, then saved into the
    /// team's folder): the same name, so one session, read once.
    @Test func aFileGivenBesideAFolderWithItsCopyIsReadOnce() throws {
        let workspace = try CommandLineTests.Workspace()
        let record = Self.team[0]
        let saved = try record.write(in: workspace.folder.appendingPathComponent("team/ana"))
        let attached = try record.write(in: workspace.folder.appendingPathComponent("mail"))
        for operands in [[attached.path, saved.deletingLastPathComponent().path], [saved.deletingLastPathComponent().path, attached.path]] {
            let (run, report) = try ReportRecords.report(operands, in: workspace)
            #expect(run.status == 0)
            #expect(report?["files"] == .int(1), "\(operands)")
            #expect(ReportRecords.sessions(report) == ["Khám phá nhu cầu": 1], "\(operands)")
            #expect(ReportRecords.notes(run.stderr).count == 1, "the other copy is named: \(run.stderr)")
        }
    }

    // MARK: numbers a record can hold

    /// An answer's `seconds` too large to count in milliseconds (a hand edit, a clock gone wrong)
    /// is a number JSON allows: the report must not trap on it (STYLE.md: library code never traps on
    /// what a user's file holds). It traps converting it to Int64 in SessionScan (fast and exact
    /// ways alike), and the sum of two large ones overflows.
    @Test(arguments: [["1e300"], ["9.3e15"], ["-1e300"], ["5e15", "5e15"]])
    func anAnswerOfHugeSecondsDoesNotCrashTheReport(_ seconds: [String]) throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        let record = Self.team[0]
        var lines = record.lines
        for (index, value) in seconds.enumerated() {
            lines.insert(lines[3].replacingOccurrences(of: #""seconds":4"#, with: #""seconds":"# + value), at: 4 + index)
        }
        try record.write(in: team, text: lines.map { $0 + "\n" }.joined())
        let run = try workspace.run(["report", "--format", "json", "--as-of", "2026-12-01", team.path])
                #expect(!run.crashed && run.status == 0, "\(seconds): \(run.stderr.prefix(300))")
    }

    /// A `time` that is not a time as docs/sessions.md writes it (`2026-11-22T17:35:12.123Z`): the
    /// SQL of docs/report.md drops such a line (its pattern, then `try_strptime`), so the report must
    /// skip it too. `Timestamp.parse` checks only the digits: it reads February 30 as March 2, any
    /// byte between the parts, and a fraction of one or two digits (or of four) as .000.
    @Test(arguments: ["2026-03-02X10:00:00.000Z", "2026-02-30T10:00:00.000Z", "2026-03-02T10:00:00.5Z", "2026-03-02T10:00:00.1234Z"])
    func aLineWhoseTimeIsNotATimeIsSkipped(_ time: String) throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        let record = Self.team[2]
        try record.write(in: team, text: record.text + #"{"event":"resume","not_replayed":0,"playbook_changed":false,"replayed":1,"time":"\#(time)","v":1}"# + "\n")
        let (run, report) = try ReportRecords.report([team.path], in: workspace)
        #expect(run.status == 0)
                #expect(report?["skipped"] == .object(["lines": .int(1), "files": .int(1)]), "\(time)")
        #expect(report?["playbooks"]?.array?.first?["status"]?["paused"] == .int(1), "\(time) was read: the session is interrupted")
    }

    /// A new user with nothing recorded yet, who runs `report` or `export` with no folder: told
    /// what to do, not that a folder they never named cannot be read.
    @Test(arguments: ["report", "export"])
    func nothingRecordedYetSaysWhatToDo(_ command: String) throws {
        let workspace = try CommandLineTests.Workspace()
        let folder = workspace.folder.appendingPathComponent("sessions").path
        let run = try workspace.run([command], environment: ["PLAYBOOK_SESSIONS": folder])
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "playbook: no sessions in \(folder) yet: record deals with 'playbook run FILE', or give a team's folder: 'playbook \(command) FOLDER'\n"
        )
    }

    /// An empty folder, or filters that keep nothing: `export` says so and fails, as `report` does,
    /// rather than write an empty file that looks like a team without deals.
    @Test func anExportOfNothingSaysSoAndFails() throws {
        let workspace = try CommandLineTests.Workspace()
        let empty = workspace.folder.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let run = try workspace.run(["export", empty.path])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr == "playbook: no deal in '\(empty.path)' to export\n")
        let team = workspace.folder.appendingPathComponent("team")
        try Self.writeTeam(in: team)
        let none = try workspace.run(["export", team.path, "--rep", "nobody"])
        #expect(none.status == 1 && none.stderr == "playbook: no deal in '\(team.path)' matches the filters\n")
        let some = try workspace.run(["export", team.path])
        #expect(some.status == 0 && !some.stdout.isEmpty)
    }
}
