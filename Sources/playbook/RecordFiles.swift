import Dispatch
import Glibc
import PlaybookKit

/// The record files under the folders and files given to `report` and `export` (docs/report.md,
/// Which records are read): folders read recursively through links, each folder and file once,
/// never a file opened that could hang (a FIFO) or be changed by reading.
struct RecordFiles {
    /// Paths of the records to read, in the order of their names (a record is named after its session).
    private(set) var paths: [String] = []
    /// Why an operand or a file under it is not read, one line each.
    private(set) var problems: [String] = []

    private var folders = Set<FileID>()
    private var files = Set<FileID>()
    /// The path read for each record name: two copies of a session's record are read once, the
    /// larger. Sizes are looked up only when two names meet.
    private var byName: [String: (path: String, size: Int?)] = [:]

    private struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    init(operands: [String]) {
        for operand in operands {
            var info = stat()
            guard stat(operand, &info) == 0 else {
                problems.append("cannot read '\(operand)': \(String(cString: strerror(errno)))")
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(operand, info)
            } else if info.st_mode & S_IFMT == S_IFREG {
                let name = operand.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(operand[operand.index(after: $0)...]) } ?? operand
                add(operand, name: name, FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), size: Int(info.st_size))
            } else {
                problems.append("'\(operand)' is not a record: it is not a regular file")
            }
        }
        paths = byName.keys.sorted().map { byName[$0]!.path }
    }

    /// A record file, unless it was met before (through a link) or a larger copy of the same
    /// session (by its name) was: a record only grows, so the larger copy is the later one.
    private mutating func add(_ path: String, name: String, _ id: FileID, size: Int?) {
        guard files.insert(id).inserted else { return }
        guard let other = byName[name] else {
            byName[name] = (path, size)
            return
        }
        let mine = size ?? Self.size(path), theirs = other.size ?? Self.size(other.path)
        let (kept, dropped) = (mine, other.path) <= (theirs, path) ? (other.path, path) : (path, other.path)
        problems.append("'\(dropped)' is a copy of the session in '\(kept)': only the larger is read")
        byName[name] = kept == path ? (path, mine) : (other.path, theirs)
    }

    private static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    private mutating func walk(_ folder: String, _ info: stat) {
        guard folders.insert(FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        guard let directory = opendir(folder) else {
            problems.append("cannot read the folder '\(folder)': \(String(cString: strerror(errno)))")
            return
        }
        var entries: [(name: String, type: UInt8, inode: UInt64)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            entries.append((name, entry.pointee.d_type, UInt64(entry.pointee.d_ino)))
        }
        closedir(directory)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        for entry in entries {
            let record = entry.name.hasSuffix(".jsonl")
            // A regular file, as the folder lists it: no stat needed (the inode is in the listing).
            if entry.type == UInt8(DT_REG) {
                if record { add(prefix + entry.name, name: entry.name, FileID(device: UInt64(info.st_dev), inode: entry.inode), size: nil) }
                continue
            }
            // Other files than records are passed over unless they may be (or lead to) a folder.
            guard record || entry.type == UInt8(DT_DIR) || entry.type == UInt8(DT_LNK) || entry.type == UInt8(DT_UNKNOWN) else { continue }
            let path = prefix + entry.name
            var child = stat()
            // Through links: a team folder is often links to each rep's folder.
            guard stat(path, &child) == 0 else {
                if record { problems.append("cannot read '\(path)': \(String(cString: strerror(errno)))") }
                continue
            }
            switch child.st_mode & S_IFMT {
            case S_IFDIR: walk(path, child)
            case S_IFREG where record:
                add(path, name: entry.name, FileID(device: UInt64(child.st_dev), inode: UInt64(child.st_ino)), size: Int(child.st_size))
            default:
                if record { problems.append("'\(path)' is not a record: it is not a regular file") }
            }
        }
    }
}

/// Reads one record file whole into a reused buffer and hands its bytes on; nil (with why in
/// `problems`) when it cannot be read. Opened without blocking, so that a FIFO swapped in since
/// the listing cannot hang the reading, and never written, locked or changed.
enum RecordBytes {
    static func read(
        _ path: String, into buffer: inout [UInt8], problems: inout [String],
        _ body: (UnsafeBufferPointer<UInt8>) -> RecordReader.Result
    ) -> RecordReader.Result? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            problems.append("cannot read '\(path)': \(String(cString: strerror(errno)))")
            return nil
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            problems.append("'\(path)' is not a record: it is not a regular file")
            return nil
        }
        var count = 0
        while true {
            if count == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let got = buffer.withUnsafeMutableBytes { raw in Glibc.read(descriptor, raw.baseAddress! + count, raw.count - count) }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else {
                problems.append("cannot read '\(path)': \(String(cString: strerror(errno)))")
                return nil
            }
            if got == 0 { break }
            count += got
            // The size it had when opened: what a walk appends meanwhile is for the next report
            // (and one read call fewer per record).
            if info.st_size > 0, count >= Int(info.st_size) { break }
        }
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[..<count])) }
    }

    /// Why a file read is not a record.
    static func notRecord(_ path: String, _ result: RecordReader.Result) -> String {
        switch result {
        case .noStart(let skipped) where skipped > 0: "'\(path)' is not a record: its start line cannot be read"
        case .empty: "'\(path)' is not a record: it is empty"
        default: "'\(path)' is not a record: it has no start line"
        }
    }
}

/// Reads the records on two threads, each into its own reader, and says what could not be read.
struct RecordReading {
    var reader: RecordReader
    var tally = Tally()

    /// What was read, and what could not be.
    struct Tally: Sendable {
        var sessions = 0
        var skippedLines = 0
        var filesWithSkippedLines = 0
        var problems: [String] = []

        mutating func add(_ path: String, _ result: RecordReader.Result?) {
            guard let result else { return }
            switch result {
            case .session(let skipped):
                sessions += 1
                if skipped > 0 {
                    skippedLines += skipped
                    filesWithSkippedLines += 1
                }
            case .noStart, .empty: problems.append(RecordBytes.notRecord(path, result))
            }
        }

        mutating func add(_ other: Tally) {
            sessions += other.sessions
            skippedLines += other.skippedLines
            filesWithSkippedLines += other.filesWithSkippedLines
            problems += other.problems
        }
    }

    init(_ paths: [String], filter: ReportFilter, keepDeals: Bool) {
        let parts = 2
        let results = PerThread<(RecordReader, Tally)?>(count: parts, nil)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let reader = RecordReader(filter: filter, keepDeals: keepDeals)
            var tally = Tally()
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            for index in stride(from: part, to: paths.count, by: parts) {
                let path = paths[index]
                tally.add(path, RecordBytes.read(path, into: &buffer, problems: &tally.problems) { reader.read($0) })
            }
            reader.finish()
            results[part] = (reader, tally)
        }
        let all = (0..<parts).compactMap { results[$0] }
        reader = all[0].0
        for part in all {
            if part.0 !== reader { reader.merge(part.0) }
            tally.add(part.1)
        }
        tally.problems.sort()
    }
}

/// One value for each thread of a `concurrentPerform`, each read and written by its own thread
/// only (so unsynchronized, safely), then read by the caller after all have finished.
final class PerThread<Value>: @unchecked Sendable {
    private let values: UnsafeMutableBufferPointer<Value>

    init(count: Int, _ value: Value) {
        values = .allocate(capacity: count)
        values.initialize(repeating: value)
    }

    deinit {
        values.deinitialize()
        values.deallocate()
    }

    subscript(part: Int) -> Value {
        get { values[part] }
        _modify { yield &values[part] }
    }
}
