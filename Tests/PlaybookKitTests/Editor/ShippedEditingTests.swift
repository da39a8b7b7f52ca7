import Foundation
import Testing

@testable import PlaybookKit

/// The editor features over every shipped playbook, in each of its languages: every name resolves,
/// every question hovers, the tokens and the outline are well formed, and renaming four questions of
/// each to a new name and back gives the text written.
struct ShippedEditingTests {
    static let names: [String] = {
        let folder = Golden.root.appendingPathComponent("playbooks")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".playbook") }.sorted()
    }()

    private func checked(_ name: String, text: String? = nil) -> EditorPlaybook {
        let folder = Golden.root.appendingPathComponent("playbooks").path
        var files: [String: String] = [:]
        for file in Self.names { files[folder + "/" + file] = shipped(file) }
        let main = folder + "/" + name
        files[main] = text ?? shipped(name)
        return EditorPlaybook(checkPlaybook(SourceFile(path: main, bytes: Array((text ?? shipped(name)).utf8)), loader: MemoryLoader(files)))
    }

    @Test func thereAreShippedPlaybooks() {
        #expect(Self.names.count >= 20)
    }

    @Test(arguments: names) func everyNameResolvesAndEveryQuestionHovers(_ name: String) throws {
        let playbook = checked(name)
        #expect(playbook.result.diagnostics.filter { $0.severity == .error }.isEmpty)
        for occurrence in playbook.index.occurrences {
            let written = EditorFixture.text(occurrence.span, in: playbook)
            #expect(written.precomposedStringWithCanonicalMapping == occurrence.entity.name.precomposedStringWithCanonicalMapping)
            let hasDefinition = !playbook.index.definitions(of: occurrence.entity).isEmpty
            let builtIn = occurrence.entity == Entity(.variable, "score") || occurrence.entity.kind == .outcome
            #expect(hasDefinition || builtIn, "\(name): '\(written)' has no definition")
            if occurrence.entity.kind == .question {
                let hover = playbook.hover(file: Int(occurrence.span.file), at: Int(occurrence.span.start))
                #expect(hover?.markdown.hasPrefix("**question** `\(occurrence.entity.name)`") == true)
            }
        }
        for file in playbook.result.sources.indices {
            let tokens = playbook.semanticTokens(file: file)
            let source = playbook.result.sources[file]
            for (before, after) in zip(tokens, tokens.dropFirst()) {
                #expect(before.span.end <= after.span.start, "\(name): tokens overlap")
            }
            for token in tokens {
                #expect(source.lineIndex(of: Int(token.span.start)) == source.lineIndex(of: Int(token.span.end) - 1))
            }
            let stages = Set(playbook.result.files[file].stages.map { playbook.result.interner.name($0.name.symbol) })
            #expect(Set(playbook.outline(file: file).filter { $0.kind == .stage }.map(\.name)) == stages)
        }
    }

    @Test(arguments: names) func everyQuestionRenamesAndBack(_ name: String) throws {
        let playbook = checked(name)
        let text = shipped(name)
        let questions = Set(playbook.index.occurrences.filter { $0.entity.kind == .question && $0.span.file == 0 }.map(\.entity))
        // Four of them, spread over the names: each rename is two checks.
        let sorted = questions.sorted { $0.name < $1.name }
        let picked = Set([0, sorted.count / 3, 2 * sorted.count / 3, sorted.count - 1].filter(sorted.indices.contains))
        for question in picked.sorted().map({ sorted[$0] }) {
            let edits = try Rename(question, to: "renamed_question").edits(in: [playbook], scenarios: []).get()
            let main = playbook.result.sources[0].path
            let renamed = EditorFixture.apply(edits[main] ?? [], to: text)
            let after = checked(name, text: renamed)
            #expect(after.result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(question.name)")
            let back = try Rename(Entity(.question, "renamed_question"), to: question.name).edits(in: [after], scenarios: []).get()
            #expect(EditorFixture.apply(back[main] ?? [], to: renamed) == text, "\(name): \(question.name)")
        }
    }
}
