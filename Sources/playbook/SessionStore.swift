import Glibc
import PlaybookKit

/// The sessions folder and the record files in it: one JSON Lines file per session, readable by
/// its owner only, each event written and flushed to disk before the next question is shown.
struct SessionStore {
    let directory: String

    init(directory: String) { self.directory = directory }

    /// The folder a command's `--sessions` names, or the default one.
    init(_ arguments: Arguments) { directory = Self.directory(option: arguments.value("--sessions")) }

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

    static let folderName = "the sessions folder"

    func path(of id: String) -> String { directory + "/" + id + ".jsonl" }

    /// The folder, to create a record in: created (with its parents) readable by the owner
    /// only, and refused if it is not private to the user.
    func openForWriting() throws(StoreError) -> SessionFolder {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: false) {
            path += path.isEmpty && part.isEmpty ? "/" : (path.isEmpty || path == "/" ? "" : "/") + part
            if part.isEmpty || part == "." { continue }
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw StoreError("cannot create \(Self.folderName) '\(directory)': \(String(cString: strerror(errno)))")
            }
        }
        guard let folder = try SessionFolder.open(directory, name: Self.folderName) else {
            throw StoreError("cannot create \(Self.folderName) '\(directory)'")
        }
        try folder.requirePrivate()
        return folder
    }

    /// The folder, to read records from; nil when there is none yet.
    func openForReading() throws(StoreError) -> SessionFolder? {
        try SessionFolder.open(directory, name: Self.folderName)
    }

    /// Session ids in the folder, newest first (ids begin with the UTC time).
    static func ids(in folder: SessionFolder) throws(StoreError) -> [String] {
        try folder.recordNames().map { String($0.dropLast(".jsonl".count)) }.sorted(by: >)
    }

    /// Where a record the user names is: a path, an id, a unique start of an id, or `last`.
    /// `writing`: its folder must be private to the user (as for `run`).
    func locate(_ word: String, writing: Bool) throws(StoreError) -> RecordLocation {
        if word.contains("/") || word.hasSuffix(".jsonl") {
            let slash = word.lastIndex(of: "/")
            let name = slash.map { String(word[word.index(after: $0)...]) } ?? word
            let folderPath = slash.map { $0 == word.startIndex ? "/" : String(word[..<$0]) } ?? "."
            guard !name.isEmpty, name != ".", name != ".." else { throw StoreError("'\(word)' is a folder, not a session record") }
            guard let folder = try SessionFolder.open(folderPath, name: "the record's folder") else {
                throw StoreError("no record '\(word)': there is no folder '\(folderPath)'")
            }
            if writing { try folder.requirePrivate() }
            return RecordLocation(folder: folder, name: name, path: word)
        }
        guard let folder = try SessionFolder.open(directory, name: Self.folderName) else {
            throw StoreError("no session '\(word)' in \(directory) (see 'playbook sessions')")
        }
        if writing { try folder.requirePrivate() }
        let known = try Self.ids(in: folder)
        func found(_ id: String) -> RecordLocation { RecordLocation(folder: folder, name: id + ".jsonl", path: path(of: id)) }
        if word == "last", let newest = known.first { return found(newest) }
        if known.contains(word) { return found(word) }
        let matches = known.filter { $0.hasPrefix(word) }
        if matches.count == 1 { return found(matches[0]) }
        if matches.isEmpty { throw StoreError("no session '\(word)' in \(directory) (see 'playbook sessions')") }
        throw StoreError("'\(word)' matches \(matches.count) sessions: \(matches.prefix(5).joined(separator: ", "))")
    }
}

/// A record as the user named it: the folder it is in (open), its name there, and its path as
/// shown.
struct RecordLocation {
    let folder: SessionFolder
    let name: String
    let path: String

    /// Its bytes, for reading only.
    func read() throws(StoreError) -> [UInt8] { try folder.read(name, path: path) }
}

struct StoreError: Error {
    let message: String
    /// The system's error number, when one caused it.
    let code: Int32
    init(_ message: String, code: Int32 = 0) {
        self.message = message
        self.code = code
    }
}
