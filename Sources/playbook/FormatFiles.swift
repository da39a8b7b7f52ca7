import Glibc
import PlaybookKit

/// The files side of `playbook fmt`: which files a folder stands for, standard input, and
/// replacing a file without a moment where it is half written.
enum FormatFiles {
    /// The files an operand names: a folder's `.playbook` and `.scenarios` files (not those of its
    /// subfolders), sorted; anything else is itself (reading it says what is wrong with it).
    static func expand(_ operand: String) -> Result<[String], LoadFailure> {
        var info = stat()
        guard stat(operand, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return .success([operand]) }
        guard let folder = opendir(operand) else { return .failure(.unreadable(String(cString: strerror(errno)))) }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix("."), name.hasSuffix(".playbook") || name.hasSuffix(".scenarios") else { continue }
            var file = stat()
            let path = operand.hasSuffix("/") ? operand + name : operand + "/" + name
            if stat(path, &file) == 0, file.st_mode & S_IFMT == S_IFREG { names.append(path) }
        }
        return .success(names.sorted())
    }

    /// All of standard input, at most `FileSystemLoader.defaultLimit` bytes; nil on a read error.
    static func readStandardInput() -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= FileSystemLoader.defaultLimit {
            let count = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
        errno = EFBIG
        return nil
    }

    /// Replaces the file at `path` (the file a symbolic link points to, the link kept) with
    /// `bytes`: written to a new file in the same folder, flushed to the disk, given the old
    /// file's permissions, then renamed over it, so that a failure at any point leaves the old
    /// file whole. The reason on failure.
    static func replace(_ path: String, with bytes: [UInt8]) -> String? {
        guard let resolved = realpath(path, nil) else { return String(cString: strerror(errno)) }
        let target = String(cString: resolved)
        free(resolved)
        var info = stat()
        guard stat(target, &info) == 0 else { return String(cString: strerror(errno)) }
        let slash = target.lastIndex(of: "/").map { target[..<$0] } ?? "."
        let name = target.lastIndex(of: "/").map { target[target.index(after: $0)...] } ?? Substring(target)
        var template = Array("\(slash)/.\(name).fmt-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        func fail(_ code: Int32) -> String {
            close(descriptor)
            unlink(temporary)
            return String(cString: strerror(code))
        }
        if let code = bytes.withUnsafeBufferPointer({ writeAll($0, to: descriptor) }) { return fail(code) }
        guard fchmod(descriptor, info.st_mode & 0o7777) == 0, fsync(descriptor) == 0 else { return fail(errno) }
        guard close(descriptor) == 0 else {
            let code = errno
            unlink(temporary)
            return String(cString: strerror(code))
        }
        guard rename(temporary, target) == 0 else {
            let code = errno
            unlink(temporary)
            return String(cString: strerror(code))
        }
        // The rename itself reaches the disk with the folder's entry.
        let folder = open(String(slash), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        return nil
    }
}
