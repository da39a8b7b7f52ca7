import Glibc
import PlaybookKit

/// Reads playbook files from disk for the library.
struct FileSystemLoader: SourceLoader {
    func load(_ path: String) -> Result<[UInt8], LoadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Self.failure(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Self.failure(errno)) }
        if info.st_mode & S_IFMT == S_IFDIR { return .failure(.isDirectory) }
        // The size from fstat, plus one byte: reading 0 bytes into it confirms the end without
        // doubling the buffer (files that grow while read still grow the buffer).
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2))) }
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
        bytes.removeSubrange(filled...)
        return .success(bytes)
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
