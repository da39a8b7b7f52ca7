import Glibc
import PlaybookKit

/// Reads playbook, scenarios and answers files (and session records) from disk for the library:
/// regular files only, and none larger than `limit`.
struct FileSystemLoader: SourceLoader {
    /// The most read from one file. The largest playbooks the benchmarks generate (50,000
    /// stages) are 13 MB; a file several times that is not a playbook, and reading it whole
    /// would only fill the memory.
    static let defaultLimit = 64 << 20

    var limit = defaultLimit

    func load(_ path: String) -> Result<[UInt8], LoadFailure> {
        // O_NONBLOCK: opening a named pipe waits for a writer otherwise; opening a terminal
        // does not make it ours (O_NOCTTY). Neither changes how a regular file is read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(Self.failure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Self.failure(errno)) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.isDirectory)
        case S_IFIFO: return .failure(.notRegularFile("a named pipe (FIFO)"))
        case S_IFCHR, S_IFBLK: return .failure(.notRegularFile("a device"))
        case S_IFSOCK: return .failure(.notRegularFile("a socket"))
        default: return .failure(.notRegularFile("not a file"))
        }
        let size = max(0, Int(info.st_size))
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        // The size from fstat, plus one byte: reading 0 bytes into it confirms the end without
        // doubling the buffer (files that grow while read still grow the buffer, up to the limit).
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                guard filled <= limit else { return .failure(.tooLarge(size: filled, limit: limit)) }
                bytes.append(contentsOf: repeatElement(0, count: min(max(4096, bytes.count / 2), limit + 1 - filled)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Self.failure(errno))
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { return .failure(.tooLarge(size: filled, limit: limit)) }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    /// realpath(3): every link followed, absolute; nil when the path names nothing.
    func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path.isEmpty ? "." : path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func failure(_ code: Int32) -> LoadFailure {
        switch code {
        case ENOENT, ENOTDIR: .notFound
        case EISDIR: .isDirectory
        default: .unreadable(String(cString: strerror(code)))
        }
    }
}

/// Writes whole files (generated scenarios, pictures): replaced, never appended to.
enum FileWriter {
    /// Writes the whole text to a file, replacing it; the reason on failure.
    static func write(_ text: String, to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure = writeAll(text, to: descriptor).map { String(cString: strerror($0)) }
        if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }
}
