import Glibc
import PlaybookKit

/// The playbooks `serve` offers: the files given, and the `.playbook` files in the folders given
/// (not in their subfolders), each checked once when the server starts.
struct ServedPlaybooks: Sendable {
    /// A playbook that checks and has stages to walk.
    struct Entry: Sendable {
        /// In the page's addresses: the file's name without `.playbook`, made unique.
        let id: String
        /// From the root, as records keep it.
        let path: String
        let program: Program
        let check: CheckResult
    }

    private(set) var entries: [Entry] = []
    /// What could not be served, in words: files with errors, files that cannot be read.
    private(set) var problems: [String] = []

    init(operands: [String]) {
        for operand in operands {
            var info = stat()
            guard stat(operand, &info) == 0 else {
                problems.append("cannot read '\(operand)': \(String(cString: strerror(errno)))")
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                for name in Self.playbookNames(in: operand) { add(operand + (operand.hasSuffix("/") ? "" : "/") + name, quiet: true) }
            } else {
                add(operand, quiet: false)
            }
        }
    }

    /// The entry `id` names.
    func entry(_ id: String) -> Entry? { entries.first { $0.id == id } }

    /// The entry read from `path` (a record's playbook), when it is served.
    func entry(path: String) -> Entry? { entries.first { $0.path == path } }

    /// What the home page lists.
    var listed: [ServedPlaybook] {
        entries.map {
            ServedPlaybook(
                id: $0.id, title: $0.program.title, methodology: $0.program.methodology, language: $0.program.language,
                version: $0.program.version, description: $0.program.description)
        }
    }

    /// A library of flows (`use`d by others, with no stages) is passed over in a folder and
    /// named when given alone.
    private mutating func add(_ path: String, quiet: Bool) {
        switch checkPlaybook(at: path, loader: FileSystemLoader()) {
        case .failure(let failure):
            problems.append("cannot read '\(path)': \(failure.reason)")
        case .success(let check):
            guard let program = Program(check) else {
                let errors = check.diagnostics.filter { $0.severity == .error }.count
                problems.append("'\(path)' has \(errors == 1 ? "1 error" : "\(errors) errors") ('playbook check \(path)' shows them)")
                return
            }
            guard !program.stages.isEmpty else {
                if !quiet { problems.append("'\(path)' has no stages to walk (a library of flows for other playbooks)") }
                return
            }
            entries.append(Entry(id: uniqueID(for: path), path: RunCommand.absolute(path), program: program, check: check))
        }
    }

    private func uniqueID(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? "playbook"
        let stem = name.hasSuffix(".playbook") ? String(name.dropLast(".playbook".count)) : name
        let safe = String(stem.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "-" })
        var id = safe.isEmpty ? "playbook" : safe
        var number = 2
        while entries.contains(where: { $0.id == id }) {
            id = safe + "-" + String(number)
            number += 1
        }
        return id
    }

    /// The `.playbook` files directly in `folder`, sorted by name.
    private static func playbookNames(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".playbook"), !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }
}
