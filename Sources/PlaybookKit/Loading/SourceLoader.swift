/// Why a file could not be read.
public enum LoadFailure: Error, Sendable, Equatable {
    case notFound
    case isDirectory
    case unreadable(String)

    public var reason: String {
        switch self {
        case .notFound: "no such file"
        case .isDirectory: "it is a folder, not a file"
        case .unreadable(let why): why
        }
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
