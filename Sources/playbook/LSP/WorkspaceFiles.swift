import Glibc
import PlaybookKit

/// The playbook files of a workspace folder, read with opendir(3) and readdir(3) (many times
/// faster than Foundation's enumerator on big folders).
struct DirectoryLister: WorkspaceLister {
    /// Enough for any set of playbooks; a home folder given as the workspace stops here.
    static let maximumFiles = 50_000

    func playbookFiles(under root: String) -> [String] {
        var found: [String] = []
        var folders = [root]
        while let folder = folders.popLast(), found.count < Self.maximumFiles {
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                // Hidden folders (.git) and SwiftPM's build folder hold no one's playbooks.
                guard !name.hasPrefix("."), name != ".build" else { continue }
                let path = folder == "/" ? "/" + name : folder + "/" + name
                var info = stat()
                // lstat: a link to a folder is not followed, so no loop of links is walked.
                guard lstat(path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: folders.append(path)
                case S_IFREG where name.hasSuffix(".playbook") || name.hasSuffix(".scenarios"): found.append(path)
                default: break
                }
            }
        }
        return found.sorted()
    }
}

/// Where the diagnostics' docs pages are: the docs/diagnostics folder of the source tree the
/// binary was built in (walking up from it), as a `file:` URI; nil when there is none.
enum DiagnosticsDocs {
    static func base() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return nil }
        var folder = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while let slash = folder.lastIndex(of: "/"), slash != folder.startIndex {
            folder = String(folder[..<slash])
            var info = stat()
            let docs = folder + "/docs/diagnostics"
            if stat(docs, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return DocumentURI.uri(of: docs) }
        }
        return nil
    }
}
