import Glibc
import PlaybookKit

/// An open folder of session records: the sessions folder, or the folder of a record given by
/// path. Records in it are opened relative to this descriptor, so that the folder that was
/// checked is the folder used, whatever happens to its path meanwhile.
final class SessionFolder {
    /// As the user gave it (for messages).
    let path: String
    let descriptor: Int32
    /// Why the folder is not private to the user, and how to fix that; nil when it is. `run`,
    /// `practice` and `resume` refuse such a folder (`requirePrivate`); `sessions` and `show`
    /// read from it with a warning, since reading cannot harm a record.
    let unsafety: String?

    private init(path: String, descriptor: Int32, unsafety: String?) {
        self.path = path
        self.descriptor = descriptor
        self.unsafety = unsafety
    }

    deinit { close(descriptor) }

    /// Opens the folder at `path`, called `name` in messages ("the sessions folder"); nil when
    /// there is none. A symlink at the end of the path is followed only to say where it leads:
    /// such a folder is not private (whoever can change the link can move the records).
    static func open(_ path: String, name: String) throws(StoreError) -> SessionFolder? {
        let flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC
        var descriptor = Glibc.open(path, flags | O_NOFOLLOW)
        var link: String?
        if descriptor < 0 {
            let failure = errno
            var info = stat()
            // O_NOFOLLOW | O_DIRECTORY fails with ENOTDIR on a symlink too: lstat tells them apart.
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                link = Self.target(of: path)
                descriptor = Glibc.open(path, flags)
            } else {
                errno = failure
            }
        }
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ENOTDIR: throw StoreError("\(name) '\(path)' is not a folder")
            default: throw StoreError("cannot read \(name) '\(path)': \(String(cString: strerror(errno)))")
            }
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw StoreError("cannot read \(name) '\(path)': \(reason)")
        }
        return SessionFolder(path: path, descriptor: descriptor, unsafety: unsafety(of: info, link: link, path: path, name: name))
    }

    /// Refuses a folder that is not private to the user: others could plant, swap or link
    /// records in it, and so get the buyer's answers written where they choose.
    func requirePrivate() throws(StoreError) {
        if let unsafety { throw StoreError(unsafety) }
    }

    private static func unsafety(of info: stat, link: String?, path: String, name: String) -> String? {
        let quoted = shellQuoted(path)
        if let link {
            return "\(name) '\(path)' is a symbolic link (to '\(link)'); records are kept only in a real folder, "
                + "so that nobody can point them elsewhere: give the folder itself, with --sessions \(shellQuoted(link))"
        }
        if info.st_uid != geteuid() {
            return "\(name) '\(path)' belongs to another user (uid \(info.st_uid)), who could change the records in it; "
                + "keep records in a folder of your own, with --sessions DIR or PLAYBOOK_SESSIONS=DIR"
        }
        let mode = info.st_mode & 0o7777
        if mode & 0o022 != 0 {
            return "other users can write to \(name) '\(path)' (mode \(String(mode, radix: 8))), and so plant or swap "
                + "records in it; make it yours alone with: chmod 700 \(quoted)"
        }
        return nil
    }

    /// `'it''s'` for a shell: the fix a message suggests can be pasted as it is.
    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    private static func target(of link: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in the folder that are records (`*.jsonl`, not hidden: a record being created
    /// is a hidden file until its first line is on disk).
    func recordNames() throws(StoreError) -> [String] {
        // A descriptor of its own, so that listing does not move this one's offset.
        let copy = openat(descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard copy >= 0, let stream = fdopendir(copy) else {
            let reason = String(cString: strerror(errno))
            if copy >= 0 { close(copy) }
            throw StoreError("cannot read the folder '\(path)': \(reason)")
        }
        defer { closedir(stream) }
        var names: [String] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw StoreError("cannot read the folder '\(path)': \(String(cString: strerror(errno)))") }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".jsonl"), !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    /// The bytes of the record `name`, for reading only: a regular file, never through a symlink
    /// (and never blocking, as opening a FIFO would).
    func read(_ name: String, path: String) throws(StoreError) -> [UInt8] {
        let record = openat(descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard record >= 0 else { throw RecordFile.openingError(errno, path: path) }
        defer { close(record) }
        try RecordFile.requireRegular(record, path: path)
        return try RecordFile.readAll(record, path: path)
    }
}
