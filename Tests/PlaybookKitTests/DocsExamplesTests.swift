import Foundation
import Testing

@testable import PlaybookKit

/// One ```playbook block of the docs, with what the docs say it produces.
struct DocsExample: Sendable, CustomTestStringConvertible {
    /// The markdown file, relative to the repository root.
    var file: String
    /// 1-based line of the opening fence.
    var line: Int
    var code: String
    /// From a preceding `<!-- expect: PB0401 PB0402 -->`; empty means the block must check clean.
    var expectedCodes: [String]
    /// The lines of a following ```text block that shows `playbook check --format short` output.
    var expectedShort: [String]?

    var testDescription: String { "\(file):\(line)" }
}

/// Every ```playbook block in README.md and docs/language.md checks as the docs say: clean, or with
/// exactly the codes of its `<!-- expect: ... -->` comment, and with the short output shown under it.
struct DocsExamplesTests {
    static let markdownFiles = ["README.md", "docs/language.md"]
    static let mainPath = "example.playbook"

    static func lines(of file: String) -> [String] {
        let url = Golden.root.appendingPathComponent(file)
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    }

    /// The fenced block opening at `index` (its fence line): its body and the index after its closing fence.
    static func fencedBody(_ lines: [String], at index: Int) -> (body: [String], next: Int) {
        var body: [String] = []
        var cursor = index + 1
        while cursor < lines.count, lines[cursor].trimmingCharacters(in: .whitespaces) != "```" {
            body.append(lines[cursor])
            cursor += 1
        }
        return (body, cursor + 1)
    }

    static func examples(in file: String) -> [DocsExample] {
        let lines = lines(of: file)
        var examples: [DocsExample] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```playbook" else {
                index += 1
                continue
            }
            let (body, next) = fencedBody(lines, at: index)
            var expected: [String] = []
            var back = index - 1
            while back >= 0, lines[back].trimmingCharacters(in: .whitespaces).isEmpty { back -= 1 }
            if back >= 0, let match = lines[back].wholeMatch(of: /<!--\s*expect:\s*(.*?)\s*-->/) {
                expected = match.output.1.split(separator: " ").map(String.init).sorted()
            }
            var forward = next
            while forward < lines.count, lines[forward].trimmingCharacters(in: .whitespaces).isEmpty { forward += 1 }
            var short: [String]?
            if forward < lines.count, lines[forward] == "```text" {
                let text = fencedBody(lines, at: forward).body
                if text.contains(where: { $0.hasPrefix(mainPath + ":") }) { short = text }
            }
            examples.append(
                DocsExample(
                    file: file, line: index + 1, code: body.joined(separator: "\n") + "\n", expectedCodes: expected,
                    expectedShort: short))
            index = next
        }
        return examples
    }

    static let examples: [DocsExample] = markdownFiles.flatMap(examples(in:))

    static let objections: String = {
        let url = Golden.root.appendingPathComponent("playbooks/objections.playbook")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func theDocsHaveExamplesAndEveryExpectCommentBelongsToOne() {
        #expect(!Self.objections.isEmpty)
        #expect(Self.examples.count >= 28)
        for file in Self.markdownFiles {
            #expect(Self.examples.contains { $0.file == file }, "no ```playbook block found in \(file)")
            // A comment that is not right above a block (a typo, a block moved away) would go unchecked.
            let comments = Self.lines(of: file).count { $0.hasPrefix("<!-- expect:") }
            let attached = Self.examples.count { $0.file == file && !$0.expectedCodes.isEmpty }
            #expect(comments == attached, "\(file): \(comments) expect comments, \(attached) on blocks")
        }
    }

    @Test(arguments: examples)
    func exampleChecksAsDocumented(_ example: DocsExample) throws {
        let loader = MemoryLoader([Self.mainPath: example.code, "objections.playbook": Self.objections])
        let result = try checkPlaybook(at: Self.mainPath, loader: loader).get()
        let renderer = DiagnosticRenderer(sources: result.sources, color: false)
        let codes = result.diagnostics.map(\.code.rawValue).sorted()
        let shown = result.diagnostics.map(renderer.short).joined(separator: "\n")
        if example.expectedCodes.isEmpty {
            #expect(result.diagnostics.isEmpty, "\(example.testDescription) should check clean; got:\n\(shown)")
        } else {
            #expect(codes == example.expectedCodes, "\(example.testDescription); got:\n\(shown)")
        }
        if let expectedShort = example.expectedShort {
            let actual = result.diagnostics.map(renderer.short)
            #expect(
                actual == expectedShort,
                "\(example.testDescription) short output differs:\n\(Golden.diff(expectedShort.joined(separator: "\n"), actual.joined(separator: "\n")))"
            )
        }
    }
}
