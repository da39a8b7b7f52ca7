import Foundation
import Glibc
import PlaybookKit
import Testing

/// How `playbook report` reads a team's records: the same report whatever folders the files are
/// split into, and never a change to a record, nor a wait for a walk that holds one.
struct ReportReadingTests {
    /// The size, times (but the last access) and bytes of every file under a folder, by path.
    struct Snapshot: Equatable {
        var files: [String: File] = [:]

        struct File: Equatable {
            var size: Int
            var mode: UInt32
            var inode: UInt64
            var modified: [Int]
            var changed: [Int]
            var bytes: Data
        }

        init(_ folder: URL) throws {
            for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
                let full = folder.appendingPathComponent(path).path
                var info = stat()
                try #require(lstat(full, &info) == 0)
                guard info.st_mode & S_IFMT == S_IFREG else { continue }
                files[path] = File(
                    size: Int(info.st_size), mode: info.st_mode, inode: UInt64(info.st_ino),
                    modified: [info.st_mtim.tv_sec, info.st_mtim.tv_nsec], changed: [info.st_ctim.tv_sec, info.st_ctim.tv_nsec],
                    bytes: try Data(contentsOf: URL(fileURLWithPath: full)))
            }
        }
    }

    // MARK: split folders

    /// 300 generated sessions, one folder per rep; then the same files dealt into two folders, and
    /// into three, one file to each in turn (a rep's records end up in every folder), given as that
    /// many operands, and each rep's folder given by itself: every report is the same, byte for byte.
    @Test(.enabled(if: ReportReferenceTests.generatorPresent, "no ../shared/bench/gen_sessions.py beside the repository"))
    func aTeamSplitAcrossFoldersGivesTheSameReport() throws {
        let binary = try #require(CommandLineTests.binary, "no 'playbook' binary next to the test bundle")
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        // From the repository root, where the generator finds playbooks/sales-process-en.playbook.
        let generated = try ReportReferenceTests.python(
            [ReportReferenceTests.generator.path, "300", team.path, "--layout", "per-rep", "--bin", binary.path], in: Golden.root)
        try #require(generated.status == 0, "gen_sessions.py failed: \(generated.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: team.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        try #require(files.count == 300)
        let before = try Snapshot(team)

        func report(_ operands: [String]) throws -> String {
            let run = try workspace.run(["report", "--format", "json", "--as-of", "2026-12-01"] + operands)
            #expect(run.status == 0 && run.stderr.isEmpty, "\(operands.count) operands: \(run.stderr)")
            return run.stdout
        }
        let whole = try report([team.path])
        let json = try #require(try? JSON.parse(whole).get())
        #expect(json["files"] == .int(300))
        #expect(json["playbooks"]?.array?.first?["sessions"] == .int(300))

        var splits: [(String, [String])] = []
        for parts in [2, 3] {
            let folders = (0..<parts).map { workspace.folder.appendingPathComponent("split\(parts)/\($0)") }
            for (index, file) in files.enumerated() {
                let target = folders[index % parts].appendingPathComponent(file)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.copyItem(at: team.appendingPathComponent(file), to: target)
            }
            splits.append(("\(parts) folders", folders.map(\.path)))
            splits.append(("\(parts) folders, the last first", folders.reversed().map(\.path)))
        }
        let reps = try FileManager.default.contentsOfDirectory(atPath: team.path).sorted().map { team.appendingPathComponent($0).path }
        splits.append(("each rep's folder", reps))
        for (name, operands) in splits {
            let split = try report(operands)
            #expect(split == whole, "\(name): \(Self.differences(whole, split).prefix(20).joined(separator: "\n"))")
        }
        #expect(try Snapshot(team) == before, "reading changed a record")
    }

    /// The paths of the JSON values that differ between two reports.
    static func differences(_ a: String, _ b: String) -> [String] {
        guard let left = try? JSON.parse(a).get(), let right = try? JSON.parse(b).get() else { return ["not JSON"] }
        var found: [String] = []
        func walk(_ x: JSON, _ y: JSON, _ path: String) {
            switch (x, y) {
            case (.object(let one), .object(let other)):
                for key in Set(one.keys).union(other.keys).sorted() {
                    walk(one[key] ?? .null, other[key] ?? .null, path + "." + key)
                }
            case (.array(let one), .array(let other)) where one.count == other.count:
                for (index, pair) in zip(one, other).enumerated() { walk(pair.0, pair.1, path + "[\(index)]") }
            default:
                if x != y { found.append("\(path): \(x.text.prefix(200)) ≠ \(y.text.prefix(200))") }
            }
        }
        walk(left, right, "")
        return found
    }

    // MARK: reading never changes a record

    /// Reports and exports of the folder, and a report of a file by itself: afterwards every
    /// record has the same size, mode, times and bytes, and the folder holds no new file (no lock
    /// file, no cache).
    @Test func readingChangesNoRecord() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        try ReportInputTests.writeTeam(in: team)
        // A record a walk is writing to: its last line not yet whole.
        let open = ReportRecords(id: "20260305-090000-0004", start: "2026-03-05T09:00:00.000Z", outcome: nil)
        try open.write(in: team, text: open.text + #"{"event":"ask","question":"bud"#)
        // Only its owner may read it, as `run` makes it.
        try #require(chmod(team.appendingPathComponent(open.id + ".jsonl").path, 0o600) == 0)
        let before = try Snapshot(team)
        for arguments in [
            ["report", "--as-of", "2026-12-01", team.path], ["report", "--format", "json", "--as-of", "2026-12-01", team.path],
            ["export", team.path], ["export", "--format", "csv", team.path],
            ["report", "--as-of", "2026-12-01", team.appendingPathComponent(open.id + ".jsonl").path],
        ] {
            let run = try workspace.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        #expect(try Snapshot(team) == before)
    }

    /// A walk holds its record locked (`flock(LOCK_EX)`) while it runs. The report neither waits
    /// for the lock nor takes it: it ends at once, counts the session, and skips the line being
    /// written; the walk's lock still holds after.
    @Test func aRecordLockedByAWalkIsReadWithoutWaiting() throws {
        let workspace = try CommandLineTests.Workspace()
        let team = workspace.folder.appendingPathComponent("team")
        try ReportInputTests.writeTeam(in: team)
        let live = ReportRecords(id: "20260305-090000-0004", start: "2026-03-05T09:00:00.000Z", outcome: nil)
        let record = try live.write(in: team, text: live.text + #"{"event":"answer","question":"budget","sec"#)
        let walk = open(record.path, O_RDWR | O_APPEND)
        try #require(walk >= 0)
        defer { close(walk) }
        try #require(flock(walk, LOCK_EX | LOCK_NB) == 0)
        // The lock is real: another open of the record cannot take it.
        let other = open(record.path, O_RDONLY)
        defer { close(other) }
        #expect(flock(other, LOCK_SH | LOCK_NB) == -1 && errno == EWOULDBLOCK)

        let started = Date()
        let (run, report) = try ReportRecords.report([team.path], in: workspace, timeout: 20)
        #expect(run.status == 0)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(ReportRecords.notes(run.stderr) == ["1 line skipped in 1 file (torn, of another schema version, or not a known event)"], "\(run.stderr)")
        #expect(report?["files"] == .int(4))
        let playbook = report?["playbooks"]?.array?.first
        #expect(playbook?["sessions"] == .int(4))
        #expect(playbook?["status"]?["interrupted"] == .int(1), "the locked session is counted")
        let export = try workspace.run(["export", team.path], timeout: 20)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains(#""session":"\#(live.id)""#))
        #expect(flock(other, LOCK_SH | LOCK_NB) == -1 && errno == EWOULDBLOCK, "the walk's lock was let go")
    }
}
