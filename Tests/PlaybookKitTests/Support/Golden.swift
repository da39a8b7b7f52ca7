import Foundation
import Testing

/// Golden files: compares text with a file beside the tests, or rewrites the file when
/// PLAYBOOK_RECORD=1 is set. A mismatch shows a line diff.
enum Golden {
    static let recording = ProcessInfo.processInfo.environment["PLAYBOOK_RECORD"] == "1"

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/PlaybookKitTests/Fixtures")

    static func assert(_ actual: String, matches file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if recording {
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("missing golden file \(file.path); run with PLAYBOOK_RECORD=1 to write it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(file.lastPathComponent) differs:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// A plain line diff: `-` expected, `+` actual, with the lines around each change.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append("  " + old[i])
                i += 1
                j += 1
            } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                lines.append("+ " + new[j])
                j += 1
            } else {
                lines.append("- " + old[i])
                i += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
