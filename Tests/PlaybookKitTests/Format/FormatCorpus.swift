import Foundation
import Testing

@testable import PlaybookKit

/// The files the formatter is tried on: every playbook fixture, every shipped playbook and
/// scenario file, the docs' examples, the mutation corpus of `MutationTests`, and the fuzzers'
/// seed inputs (`Fuzz/run.sh`: the brief's sample, the shipped files, the fixtures, its own
/// `use` seed, and any input kept in `Fuzz/crashes`).
struct FormatInput: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    /// The other files it may `use`, by name.
    var files: [String: String]

    var testDescription: String { name }
}

enum FormatCorpus {
    static let root = Golden.root

    /// The text files under `folder` (relative to the repository) whose name ends with `suffix`, by path.
    /// Bytes, not text: some fixtures are not UTF-8 (PB0100) or are binary (PB0101).
    static func files(under folder: URL, suffix: String) -> [(path: String, bytes: [UInt8])] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var found: [(String, [UInt8])] = []
        for case let url as URL in walker where url.lastPathComponent.hasSuffix(suffix) {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                let data = try? Data(contentsOf: url)
            else { continue }
            found.append((url.path, Array(data)))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// The files next to `path`, by name, for its `use` lines.
    static func siblings(of path: String) -> [String: String] {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        var files: [String: String] = [:]
        for (other, bytes) in Self.files(under: folder, suffix: ".playbook")
        where URL(fileURLWithPath: other).deletingLastPathComponent() == folder {
            files[URL(fileURLWithPath: other).lastPathComponent] = String(decoding: bytes, as: UTF8.self)
        }
        return files
    }

    static func relative(_ path: String) -> String {
        path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
    }

    static let fuzzUseSeed = [
        "playbook \"Fuzz\"", "  outcomes won, lost, nurture", "", "use \"lib.playbook\"", "", "stage a \"A\"",
        "  ask ok \"Ready?\" yes/no", "    no", "      call objections", "  -> end won \"ok\"",
    ].joined(separator: "\n") + "\n"

    static let playbooks: [FormatInput] = {
        var inputs: [FormatInput] = []
        let folders = ["playbooks", "Tests/PlaybookKitTests/Fixtures", "Fuzz/crashes"].map { root.appendingPathComponent($0) }
        let brief = root.appendingPathComponent("../shared/brief").standardized
        for folder in folders + [brief] {
            for (path, bytes) in files(under: folder, suffix: ".playbook") {
                inputs.append(FormatInput(name: relative(path), bytes: bytes, files: siblings(of: path)))
            }
        }
        for (path, bytes) in files(under: root.appendingPathComponent("Fuzz/crashes"), suffix: "") where path.contains("/check-") {
            inputs.append(FormatInput(name: relative(path), bytes: bytes, files: [:]))
        }
        let objections = shipped("objections.playbook")
        inputs.append(FormatInput(name: "fuzz seed_use_lib.playbook", bytes: Array(fuzzUseSeed.utf8), files: [:]))
        for example in DocsExamplesTests.examples {
            inputs.append(FormatInput(name: example.testDescription, bytes: Array(example.code.utf8), files: ["objections.playbook": objections]))
        }
        for name in MutationTests.sources {
            let original = shipped(name)
            for seed in 0..<60 {
                inputs.append(
                    FormatInput(
                        name: "\(name) mutant \(seed)", bytes: Array(MutationTests.mutate(original, seed: UInt64(seed)).utf8),
                        files: ["objections.playbook": objections]))
            }
        }
        return inputs
    }()

    static let scenarios: [FormatInput] = {
        var inputs: [FormatInput] = []
        let folders = ["playbooks", "Tests/PlaybookKitTests/Fixtures", "../shared/brief"].map { root.appendingPathComponent($0).standardized }
        for folder in folders {
            for (path, bytes) in files(under: folder, suffix: ".scenarios") {
                inputs.append(FormatInput(name: relative(path), bytes: bytes, files: [:]))
            }
        }
        for (path, bytes) in files(under: root.appendingPathComponent("Fuzz/crashes"), suffix: "") where path.contains("/scenarios-") {
            inputs.append(FormatInput(name: relative(path), bytes: bytes, files: [:]))
        }
        // The docs' scenario file, as running.md shows it.
        let running = DocsExamplesTests.lines(of: "docs/running.md")
        if let start = running.firstIndex(of: "# comment") {
            let body = running[start...].prefix { $0 != "```" }
            inputs.append(FormatInput(name: "docs/running.md scenario file", bytes: Array((body.joined(separator: "\n") + "\n").utf8), files: [:]))
        }
        return inputs
    }()
}
