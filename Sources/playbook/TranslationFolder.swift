import Glibc
import PlaybookKit

/// The disk side of translations: which languages a playbook file has beside it, and writing a
/// translation file without a moment where it is half written.
enum TranslationFolder {
    /// The languages of the `.po` files named for the playbook at `path` in its folder, sorted.
    static func languages(besides path: String) -> [String] {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? "."
        guard let directory = opendir(folder.isEmpty ? "/" : folder) else { return [] }
        defer { closedir(directory) }
        var languages: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if let language = TranslationPaths.language(ofFileNamed: name, for: path) { languages.append(language) }
        }
        return languages.sorted()
    }

    /// Reads the translations of every file of `check` into `languages` (nil: every language
    /// found beside each file).
    static func read(for check: CheckResult, languages: [String]?) -> Translations {
        Translations.read(for: check, languages: { languages ?? Self.languages(besides: $0) }, loader: FileSystemLoader())
    }

    /// Writes `bytes` to `path`: over the old file as `fmt` replaces one, or as a new file. The
    /// reason on failure.
    static func write(_ bytes: [UInt8], to path: String) -> String? {
        if access(path, F_OK) == 0 { return FormatFiles.replace(path, with: bytes) }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        if let code = bytes.withUnsafeBufferPointer({ writeAll($0, to: descriptor) }) {
            close(descriptor)
            unlink(path)
            return String(cString: strerror(code))
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    /// Now, as PO headers write a date: `2026-12-03 06:50+0000`.
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min))+0000"
    }
}
