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
            "it is \(kind), not a regular file"
                + " (only regular files are read: a pipe or a device can keep a reader waiting forever, or never end)"
        case .tooLarge(let size, let limit):
            "it is \(Self.mebibytes(size)), larger than the \(Self.mebibytes(limit)) read from one file"
                + " (a playbook, scenarios or answers file is far smaller; is it the right file?)"
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

    /// The path with every symbolic link in it followed and `.` and `..` resolved, as the file
    /// system sees it; nil when it names nothing. The checker compares real paths to keep `use`
    /// inside the playbook's folder, links included.
    func realPath(_ path: String) -> String?
}

/// Files held in memory, for tests and the fuzzer.
public struct MemoryLoader: SourceLoader {
    public var files: [String: [UInt8]]
    /// Symbolic links: a path (normalized) and what it points to, relative to the link's folder
    /// or absolute, as `ln -s` writes them. Links may point at folders or at other links.
    public var links: [String: String] = [:]

    public init(_ files: [String: String], links: [String: String] = [:]) {
        self.files = files.mapValues { Array($0.utf8) }
        self.links = links
    }

    public init(bytes: [String: [UInt8]], links: [String: String] = [:]) {
        files = bytes
        self.links = links
    }

    public func load(_ path: String) -> Result<[UInt8], LoadFailure> {
        let resolved = realPath(path) ?? PlaybookPath.normalize(path)
        if let bytes = files[resolved] ?? files[path] { return .success(bytes) }
        let folder = resolved + "/"
        if files.keys.contains(where: { $0.hasPrefix(folder) }) { return .failure(.isDirectory) }
        return .failure(.notFound)
    }

    /// The path with the links of `links` followed, part by part, like realpath(3); nil when it
    /// names no file or folder, or its links go round in a circle.
    public func realPath(_ path: String) -> String? {
        var pending = PlaybookPath.normalize(path).split(separator: "/").map(String.init)
        var resolved = path.hasPrefix("/") ? "/" : ""
        var followed = 0
        while !pending.isEmpty {
            let part = pending.removeFirst()
            let candidate = PlaybookPath.join(resolved, part)
            guard let target = links[candidate] else {
                resolved = candidate
                continue
            }
            followed += 1
            guard followed <= 40 else { return nil }
            // Go on from the link's folder (or the root) with the target's parts first.
            resolved = target.hasPrefix("/") ? "/" : PlaybookPath.directory(of: candidate)
            pending = target.split(separator: "/").map(String.init) + pending
        }
        let folder = resolved.hasSuffix("/") ? resolved : resolved + "/"
        let exists = resolved.isEmpty || files[resolved] != nil || files.keys.contains { $0.hasPrefix(folder) }
        return exists ? resolved : nil
    }
}
