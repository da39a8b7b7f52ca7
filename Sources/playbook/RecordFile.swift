import Glibc
import PlaybookKit

/// An open record file. Every line is written whole and flushed to disk (fdatasync) before
/// `append` returns, so a crash or a kill loses nothing already answered. The file is locked
/// (flock) while the session runs, so that it cannot be resumed twice at once.
///
/// A record is opened once, by one descriptor, and everything is done through it: created with
/// its first line already in it, or, to resume, opened (never through a symlink, a regular file
/// of the user's own), locked, and only then read. Nothing done to its name meanwhile (a link
/// swapped in, a second `resume`) can send the answers elsewhere or continue from a stale state.
final class RecordFile: SessionRecorder {
    /// As shown to the user.
    let path: String
    private let descriptor: Int32
    /// What the file held when it was opened to resume, read under the lock.
    private(set) var contents: [UInt8] = []
    /// A last line torn by a crash is closed off before the first append, so that the next event
    /// starts on a line of its own (and nothing is written if nothing is appended).
    private var needsNewline = false

    /// Creates the record `name` in `folder`, owner read/write only, with `first` (its start
    /// event) in it: no one ever sees a record without its start line, even after a kill. The
    /// line is written and flushed to a hidden file in the same folder, which is then linked
    /// under the record's name (link(2) fails rather than replace a file that exists), unlinked
    /// under its own, and the folder flushed, so that the new name survives a power cut.
    init(creating name: String, in folder: SessionFolder, path: String, first: SessionEvent) throws(StoreError) {
        self.path = path
        let temporary = "." + name + ".part"
        descriptor = openat(folder.descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw StoreError("cannot create '\(path)': \(String(cString: strerror(errno)))", code: errno) }
        _ = flock(descriptor, LOCK_EX | LOCK_NB)
        TestHook.pause(after: "create")
        do throws(StoreError) {
            try append(first)
            guard linkat(folder.descriptor, temporary, folder.descriptor, name, 0) == 0 else {
                throw StoreError("cannot create '\(path)': \(String(cString: strerror(errno)))", code: errno)
            }
        } catch {
            // deinit closes the descriptor: the object is whole by now.
            unlinkat(folder.descriptor, temporary, 0)
            throw error
        }
        unlinkat(folder.descriptor, temporary, 0)
        fsync(folder.descriptor)
    }

    /// Opens the record `name` in `folder` to go on with it, and reads it (`contents`).
    init(resuming name: String, in folder: SessionFolder, path: String) throws(StoreError) {
        self.path = path
        // O_NONBLOCK: a FIFO put in a record's place must not hang the open (it is refused below).
        descriptor = openat(folder.descriptor, name, O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Self.openingError(errno, path: path) }
        // Thrown from here on, deinit closes the descriptor.
        try Self.requireRegular(descriptor, path: path)
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_uid != geteuid() {
            throw StoreError("'\(path)' belongs to another user (uid \(info.st_uid)); playbook adds only to your own records")
        }
        // Two windows answering into one record would interleave two deals; and the lock comes
        // before the read, so that a second window never goes on from a stale state.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            throw StoreError("the session is open in another window; finish or pause it there first")
        }
        contents = try Self.readAll(descriptor, path: path)
        needsNewline = contents.last.map { $0 != 0x0A } ?? false
        TestHook.pause(after: "read")
    }

    deinit { close(descriptor) }

    func append(_ event: SessionEvent) throws(StoreError) {
        try append([event])
    }

    /// The events of one turn, in one write and one flush: all on disk before the turn's text
    /// (and its question) is shown.
    func append(_ events: [SessionEvent]) throws(StoreError) {
        guard !events.isEmpty else { return }
        try write((needsNewline ? "\n" : "") + events.map { $0.jsonLine + "\n" }.joined())
        needsNewline = false
    }

    private func write(_ text: String) throws(StoreError) {
        let failure = writeAll(text, to: descriptor) ?? (fdatasync(descriptor) == 0 ? nil : errno)
        if let failure { throw StoreError("cannot write to '\(path)': \(String(cString: strerror(failure)))") }
    }

    /// Why a record could not be opened, in words.
    static func openingError(_ code: Int32, path: String) -> StoreError {
        switch code {
        case ELOOP: StoreError("'\(path)' is a symbolic link; playbook opens a record itself, never through a link")
        case ENOENT: StoreError("no record '\(path)'")
        default: StoreError("cannot open the session '\(path)': \(String(cString: strerror(code)))")
        }
    }

    static func requireRegular(_ descriptor: Int32, path: String) throws(StoreError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw StoreError("cannot read the session '\(path)': \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError("'\(path)' is not a regular file, so not a session record") }
    }

    /// Every byte of the file, from its start.
    static func readAll(_ descriptor: Int32, path: String) throws(StoreError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(bytes.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError("cannot read the session '\(path)': \(String(cString: strerror(errno)))")
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}
