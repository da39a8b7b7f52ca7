import Foundation
import PlaybookKit
import Testing

/// `playbook report`'s filters (docs/report.md, "Filters") on seven sessions written by hand,
/// whose counts are worked out here by hand.
struct ReportFilterTests {
    static let discovery = "Khám phá nhu cầu"
    static let objections = "Xử lý từ chối"

    /// The workspace with `team/` holding the seven records, and `playbooks/kham-pha.playbook`
    /// (a file, which does not check: the report takes its stages from the records).
    static func team() throws -> CommandLineTests.Workspace {
        let workspace = try CommandLineTests.Workspace()
        let playbooks = workspace.folder.appendingPathComponent("playbooks")
        try FileManager.default.createDirectory(at: playbooks, withIntermediateDirectories: true)
        try Data("not a playbook\n".utf8).write(to: playbooks.appendingPathComponent("kham-pha.playbook"))
        // Made absolute as `run` writes it; `tu-choi.playbook` has been deleted since.
        let folder = try #require(realpath(playbooks.path, nil).map { String(cString: $0) })
        let found = ReportRecords(id: "", title: discovery, path: folder + "/kham-pha.playbook")
        let gone = ReportRecords(id: "", title: objections, path: folder + "/tu-choi.playbook")
        var records: [ReportRecords] = []
        func add(_ base: ReportRecords, _ id: String, _ rep: String?, _ version: String?, _ start: String, _ outcome: String?, mode: String = "run") {
            var record = base
            record.id = id
            record.rep = rep
            record.version = version
            record.start = start
            record.outcome = outcome
            record.pause = outcome == "pause"
            if record.pause { record.outcome = nil }
            record.mode = mode
            records.append(record)
        }
        add(found, "s1", "Lan", "1.0", "2026-03-02T09:00:00.000Z", "won")
        add(found, "s2", "Minh", "1.1", "2026-03-03T23:59:59.999Z", "lost")
        add(found, "s3", "Lan", nil, "2026-03-04T00:00:00.000Z", "pause")
        add(gone, "s4", nil, "1.0", "2026-03-05T12:00:00.000Z", nil)
        add(found, "s5", "Lan", "1.0", "2026-03-03T10:00:00.000Z", "won", mode: "practice")
        add(found, "s6", "Ngọc", "1.0", "2026-03-10T08:00:00.000Z", "won")
        add(gone, "s7", "Minh", "1.0", "2026-03-01T00:00:00.000Z", "lost")
        for record in records { try record.write(in: workspace.folder.appendingPathComponent("team")) }
        return workspace
    }

    /// Sessions per playbook of `report team FILTERS`, which must succeed.
    static func counts(_ filters: [String], in workspace: CommandLineTests.Workspace, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Int] {
        let (run, json) = try ReportRecords.report(filters + ["team"], in: workspace, sourceLocation: sourceLocation)
        #expect(run.status == 0, "\(filters): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.isEmpty, "\(filters): \(run.stderr)", sourceLocation: sourceLocation)
        return ReportRecords.sessions(json)
    }

    @Test func eachFilterKeepsTheSessionsCountedByHand() throws {
        let workspace = try Self.team()
        let (d, o) = (Self.discovery, Self.objections)
        let expected: [([String], [String: Int])] = [
            ([], [d: 4, o: 2]),  // s1 s2 s3 s6; s4 s7 (s5 is practice)
            (["--rep", "Lan"], [d: 2]),  // s1 s3
            (["--rep", "Lan", "--rep", "Minh"], [d: 3, o: 1]),  // s1 s2 s3; s7
            (["--rep", "Ngọc"], [d: 1]),  // s6
            (["--version", "1.0"], [d: 2, o: 2]),  // s1 s6; s4 s7
            (["--version", "1.1"], [d: 1]),  // s2
            (["--rep", "Lan", "--version", "1.0"], [d: 1]),  // s1
            // Days are whole UTC days, both ends included: 23:59:59.999 is in, midnight after is out.
            (["--since", "2026-03-03", "--until", "2026-03-04"], [d: 2]),  // s2 s3
            (["--since", "2026-03-04"], [d: 2, o: 1]),  // s3 s6; s4
            (["--until", "2026-03-03"], [d: 2, o: 1]),  // s1 s2; s7
            (["--since", "2026-03-10", "--until", "2026-03-10"], [d: 1]),  // s6
            (["--since", "2026-03-01", "--until", "2026-03-01"], [o: 1]),  // s7, at midnight
            // By title without regard to case, Vietnamese capitals included; by path, absolute or not.
            (["--playbook", "KHÁM PHÁ NHU CẦU"], [d: 4]),
            (["--playbook", "xử lý TỪ CHỐI"], [o: 2]),
            (["--playbook", workspace.folder.appendingPathComponent("playbooks/kham-pha.playbook").path], [d: 4]),
            (["--playbook", "playbooks/kham-pha.playbook"], [d: 4]),
            (["--playbook", "./playbooks/../playbooks/kham-pha.playbook"], [d: 4]),
            (["--mode", "practice"], [d: 1]),  // s5
            (["--mode", "practice", "--rep", "Lan", "--since", "2026-03-03"], [d: 1]),
            (["--mode", "run"], [d: 4, o: 2]),
        ]
        for (filters, counts) in expected {
            #expect(try Self.counts(filters, in: workspace) == counts, "\(filters)")
        }
    }

    /// "whose playbook `path` is `P` (made absolute)": the playbook of the records may be gone, and
    /// its path, given from the folder it was in, is still the same path.
    @Test func aPlaybookThatIsGoneIsFoundByItsPathMadeAbsolute() throws {
        let workspace = try Self.team()
        #expect(try Self.counts(["--playbook", "playbooks/tu-choi.playbook"], in: workspace) == [Self.objections: 2])
    }

    /// A rep's practice runs are counted beside their deals, with the other filters.
    @Test func practiceRunsAreCountedForTheirRep() throws {
        let workspace = try Self.team()
        let (_, json) = try ReportRecords.report(["--rep", "Lan", "team"], in: workspace)
        let reps = json?["playbooks"]?.array?.first?["reps"]?.array ?? []
        #expect(reps.map { $0["rep"] } == [.string("Lan")])
        #expect(reps.first?["sessions"] == .int(2))
        #expect(reps.first?["practice_runs"] == .int(1))
        let (_, before) = try ReportRecords.report(["--rep", "Lan", "--until", "2026-03-02", "team"], in: workspace)
        #expect(before?["playbooks"]?.array?.first?["reps"]?.array?.first?["practice_runs"] == .int(0))
    }

    @Test func filtersThatKeepNothingSaySoAndFail() throws {
        let workspace = try Self.team()
        for (filters, what) in [
            (["--rep", "Nobody"], "deal"), (["--since", "2026-03-11"], "deal"), (["--version", "9"], "deal"),
            (["--playbook", "Another"], "deal"), (["--mode", "practice", "--rep", "Minh"], "practice run"),
        ] {
            let (run, _) = try ReportRecords.report(filters + ["team"], in: workspace)
            #expect(run.status == 1, "\(filters)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr == "playbook: no \(what) in 'team' matches the filters\n", "\(filters)")
        }
    }

    @Test func badDatesAndModesAreRefusedWithStatusTwo() throws {
        let workspace = try Self.team()
        for (option, value) in [
            ("--since", "2026-02-30"), ("--since", "2026-3-4"), ("--until", "2026-03-04T00:00:00Z"), ("--since", "yesterday"),
            ("--until", ""), ("--until", "2026-13-01"), ("--since", "２０２６-03-04"), ("--since", "+2026-03-04"),
        ] {
            let (run, _) = try ReportRecords.report([option, value, "team"], in: workspace)
            #expect(run.status == 2, "\(option) \(value)")
            #expect(run.stdout.isEmpty)
            #expect(
                run.stderr == "playbook: \(option) takes a date as YYYY-MM-DD, not '\(value)'\nRun 'playbook --help' for usage.\n",
                "\(option) \(value): \(run.stderr)")
        }
        let (mode, _) = try ReportRecords.report(["--mode", "rehearsal", "team"], in: workspace)
        #expect(mode.status == 2)
        #expect(mode.stderr.hasPrefix("playbook: --mode takes one of: run, practice (not 'rehearsal')\n"), "\(mode.stderr)")
        let asOf = try workspace.run(["report", "--format", "json", "--as-of", "2026-12-01T25:00:00Z", "team"])
        #expect(asOf.status == 2, "\(asOf.stderr)")
    }
}
