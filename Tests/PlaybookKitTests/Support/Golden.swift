import Foundation
import Testing

/// Golden files: compares text with a file beside the tests, or, when PLAYBOOK_RECORD=1 is set,
/// writes the file if the text changed and prints `recorded PATH (new|changed|unchanged)`; a write
/// that fails fails the test. A mismatch shows a line diff.
enum Golden {
    static let recording = ProcessInfo.processInfo.environment["PLAYBOOK_RECORD"] == "1"

    /// The repository root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures = root.appendingPathComponent("Tests/PlaybookKitTests/Fixtures")

    static func assert(_ actual: String, matches file: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = try? String(contentsOf: file, encoding: .utf8)
        if recording {
            do {
                print("recorded \(file.path) (\(try record(actual, to: file, replacing: expected)))")
            } catch {
                Issue.record("could not record \(file.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected else {
            Issue.record("missing golden file \(file.path); run with PLAYBOOK_RECORD=1 to write it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("\(file.lastPathComponent) differs:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// Writes the golden file unless it already holds the text, and says which it was: new,
    /// changed or unchanged.
    static func record(_ actual: String, to file: URL, replacing expected: String?) throws -> String {
        if expected == actual { return "unchanged" }
        try actual.write(to: file, atomically: true, encoding: .utf8)
        return expected == nil ? "new" : "changed"
    }

    /// A plain line diff: `-` expected, `+` actual. With `context`, only the changed lines and
    /// that many lines around each are kept, each with its line number in `actual` (or in
    /// `expected`, for a line taken out), and `…` where lines are left out.
    static func diff(_ expected: String, _ actual: String, context: Int? = nil) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[i][j] = old[i] == new[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        // Each line of the diff: its mark, its 1-based line number, its text.
        var lines: [(mark: String, number: Int, text: Substring)] = []
        var i = 0
        var j = 0
        while i < old.count || j < new.count {
            if i < old.count, j < new.count, old[i] == new[j] {
                lines.append((" ", j + 1, old[i]))
                i += 1
                j += 1
            } else if j < new.count, i == old.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                lines.append(("+", j + 1, new[j]))
                j += 1
            } else {
                lines.append(("-", i + 1, old[i]))
                i += 1
            }
        }
        guard let context else { return lines.map { "\($0.mark) \($0.text)" }.joined(separator: "\n") }
        let changed = lines.indices.filter { lines[$0].mark != " " }
        var shown: [String] = []
        var last = -1
        for index in lines.indices where changed.contains(where: { abs($0 - index) <= context }) {
            if index > last + 1 { shown.append("…") }
            shown.append("\(lines[index].mark)\(lines[index].number): \(lines[index].text)")
            last = index
        }
        if last < lines.count - 1, last >= 0 { shown.append("…") }
        return shown.joined(separator: "\n")
    }
}
