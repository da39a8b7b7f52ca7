/// Why a file could not be read.
public enum LoadFailure: Error, Sendable, Equatable {
    case notFound
    case isDirectory
    /// A named pipe, a device or a socket (what it is, e.g. "a named pipe (FIFO)"): reading one
    /// could wait for a writer forever, or never reach an end (/dev/zero).
    case notRegularFile(String)
    /// Larger than the loader reads from one file: `size` bytes (at least), `limit` the most.
    case tooLarge(size: Int, limit: Int)
    case unreadable(String)

    public var reason: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "it is a folder, not a file"
        case .notRegularFile(let kind):
            "it is \(kind), not a regular file (only regular files are read: a pipe or a device can keep a reader waiting forever, or never end)"
        case .tooLarge(let size, let limit):
            "it is \(Self.mebibytes(size)), larger than the \(Self.mebibytes(limit)) read from one file (a playbook, scenarios or answers file is far smaller; is it the right file?)"
        case .unreadable(let why): why
        }
    }

    /// "64 MiB", or "70.5 MiB": one decimal at most, the same whatever the machine's locale.
    static func mebibytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10) MiB" : "\(tenths / 10).\(tenths % 10) MiB"
    }
}

/// Reads files for the checker; the library itself never touches the file system.
public protocol SourceLoader {
    func load(_ path: String) -> Result<[UInt8], LoadFailure>
}

/// Files held in memory, for tests and the fuzzer.
public struct MemoryLoader: SourceLoader {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) { files = bytes }

    public func load(_ path: String) -> Result<[UInt8], LoadFailure> {
        if let bytes = files[PlaybookPath.normalize(path)] ?? files[path] { return .success(bytes) }
        let folder = PlaybookPath.normalize(path) + "/"
        if files.keys.contains(where: { $0.hasPrefix(folder) }) { return .failure(.isDirectory) }
        return .failure(.notFound)
    }
}
