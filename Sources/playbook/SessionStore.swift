import Glibc
import PlaybookKit

/// The sessions folder and the record files in it: one JSON Lines file per session, readable by
/// its owner only, each event written and flushed to disk before the next question is shown.
struct SessionStore {
    let directory: String

    /// `--sessions DIR`, else $PLAYBOOK_SESSIONS, else $XDG_DATA_HOME/playbook/sessions, else
    /// ~/.local/share/playbook/sessions.
    static func directory(option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let value = environment("PLAYBOOK_SESSIONS") { return value }
        if let data = environment("XDG_DATA_HOME") { return data + "/playbook/sessions" }
        let home = environment("HOME") ?? "."
        return home + "/.local/share/playbook/sessions"
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    func path(of id: String) -> String { directory + "/" + id + ".jsonl" }

    /// Creates the folder (and its parents) readable by the owner only.
    func prepare() throws(StoreError) {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: false) {
            path += path.isEmpty && part.isEmpty ? "/" : (path.isEmpty || path == "/" ? "" : "/") + part
            if part.isEmpty || part == "." { continue }
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw StoreError("cannot create the sessions folder '\(directory)': \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Session ids in the folder, newest first (ids begin with the UTC time).
    func ids() -> [String] {
        guard let folder = opendir(directory) else { return [] }
        defer { closedir(folder) }
        var ids: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".jsonl") { ids.append(String(name.dropLast(6))) }
        }
        return ids.sorted(by: >)
    }

    /// The record file a user means: a path, an id, a unique start of an id, or `last`.
    func find(_ word: String) throws(StoreError) -> String {
        if word.contains("/") || word.hasSuffix(".jsonl") { return word }
        let known = ids()
        if word == "last", let newest = known.first { return path(of: newest) }
        if known.contains(word) { return path(of: word) }
        let matches = known.filter { $0.hasPrefix(word) }
        if matches.count == 1 { return path(of: matches[0]) }
        if matches.isEmpty { throw StoreError("no session '\(word)' in \(directory) (see 'playbook sessions')") }
        throw StoreError("'\(word)' matches \(matches.count) sessions: \(matches.prefix(5).joined(separator: ", "))")
    }

    func read(_ path: String) throws(StoreError) -> String {
        switch FileSystemLoader().load(path) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(let failure): throw StoreError("cannot read the session '\(path)': \(failure.reason)")
        }
    }
}

struct StoreError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// An open record file. Every line is written whole and flushed to disk (fsync) before `append`
/// returns, so a crash or a kill loses nothing already answered. The file is locked (flock)
/// while the session runs, so that it cannot be resumed twice at once.
final class RecordFile {
    let path: String
    private let descriptor: Int32

    /// Creates a new file, owner read/write only; fails if it exists.
    init(creating path: String) throws(StoreError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError("cannot create '\(path)': \(String(cString: strerror(errno)))") }
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        // The new name itself must survive a power cut: flush the folder too.
        let folder = open(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".", O_RDONLY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Opens an existing record to add to it. A last line torn by a crash is closed off first,
    /// so that the next event starts on a line of its own.
    init(appendingTo path: String, endsWithNewline: Bool) throws(StoreError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError("cannot write to '\(path)': \(String(cString: strerror(errno)))") }
        // Two windows answering into one record would interleave two deals.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError("the session is open in another window; finish or pause it there first")
        }
        if !endsWithNewline { try write("\n") }
    }

    deinit { close(descriptor) }

    func append(_ event: SessionEvent) throws(StoreError) {
        try append([event])
    }

    /// The events of one turn, in one write and one flush: all on disk before the turn's text
    /// (and its question) is shown.
    func append(_ events: [SessionEvent]) throws(StoreError) {
        guard !events.isEmpty else { return }
        try write(events.map { $0.jsonLine + "\n" }.joined())
    }

    private func write(_ text: String) throws(StoreError) {
        let failure = writeAll(text, to: descriptor) ?? (fdatasync(descriptor) == 0 ? nil : errno)
        if let failure { throw StoreError("cannot write to '\(path)': \(String(cString: strerror(failure)))") }
    }
}
