import Foundation
import Testing

@testable import PlaybookKit

/// Sessions walked in several languages of one playbook are one playbook in the report, answers
/// counted by key; `report --lang` and `show --lang` give their words and the playbook's texts in
/// a language.
struct TranslatedRecordsTests {
    /// Three deals of the fixture playbook, in English, Vietnamese and Hebrew; each answers the
    /// role question with the keyed option `boss` and is won.
    static func workspace() throws -> CommandLineTests.Workspace {
        let workspace = try CommandLineTests.Workspace()
        for name in ["first-call.playbook", "first-call.vi.po", "first-call.he.po"] {
            try FileManager.default.copyItem(
                at: TranslatedRunTests.folder.appendingPathComponent(name), to: workspace.folder.appendingPathComponent(name))
        }
        let typed = TranslatedRunTests.typed.merging(["en": ["Ann", "yes", "40", "Decision maker"]]) { first, _ in first }
        for language in ["en", "vi", "he"] {
            let lines = try #require(typed[language])
            let run = try workspace.run(
                ["run", "first-call.playbook", "--sessions", "sessions"] + (language == "en" ? [] : ["--lang", language]),
                input: lines.joined(separator: "\n") + "\n")
            #expect(run.status == 0, "\(run.stderr)")
        }
        return workspace
    }

    static func report(_ workspace: CommandLineTests.Workspace, _ arguments: [String]) throws -> [String: Any] {
        let run = try workspace.run(["report", "sessions", "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let playbooks = try #require(json["playbooks"] as? [[String: Any]])
        #expect(playbooks.count == 1, "the languages are one playbook")
        return try #require(playbooks.first)
    }

    static func role(_ playbook: [String: Any]) throws -> [String: Any] {
        let questions = try #require(playbook["questions"] as? [[String: Any]])
        return try #require(questions.first { $0["question"] as? String == "role" })
    }

    @Test func theLanguagesAreOnePlaybookCountedByKey() throws {
        let workspace = try Self.workspace()
        let playbook = try Self.report(workspace, [])
        #expect(playbook["language"] as? String == "en")
        #expect(playbook["title"] as? String == "First call")
        #expect(playbook["sessions"] as? Int == 3)
        let role = try Self.role(playbook)
        #expect(role["text"] as? String == "Who is on the call?")
        #expect(role["options"] as? [String: Int] == ["boss": 3, "User": 0])
        #expect(role["option_texts"] as? [String: String] == ["boss": "Decision maker"])
        let byAnswer = try #require(role["by_answer"] as? [[String: Any]])
        #expect(byAnswer.first?["answer"] as? String == "boss")
        #expect(byAnswer.first?["won"] as? Int == 3)

        // The text report shows the option's text with the win rate its key has.
        let text = try workspace.run(["report", "sessions", "--color", "never"])
        let row = try #require(text.stdout.split(separator: "\n").first { $0.contains("Decision maker") })
        #expect(row.contains("100% of 3"), "\(row)")
    }

    @Test func withLangTheReportIsInThatLanguage() throws {
        let workspace = try Self.workspace()
        let playbook = try Self.report(workspace, ["--lang", "vi"])
        #expect(playbook["language"] as? String == "vi")
        #expect(playbook["title"] as? String == "Cuộc gọi đầu tiên")
        let role = try Self.role(playbook)
        #expect(role["text"] as? String == "Ai đang tham gia cuộc gọi?")
        #expect(role["options"] as? [String: Int] == ["boss": 3, "User": 0])
        #expect((role["option_texts"] as? [String: String])?["boss"] == "Người ra quyết định")

        let text = try workspace.run(["report", "sessions", "--lang", "vi", "--color", "never"])
        #expect(text.stdout.hasPrefix("Cuộc gọi đầu tiên\n"), "\(text.stdout)")
        #expect(text.stdout.contains("Tổng quan"))
        let row = try #require(text.stdout.split(separator: "\n").first { $0.contains("Người ra quyết định") })
        #expect(row.contains("100% trên 3"), "\(row)")
    }

    @Test func aLanguageWithNoTranslationKeepsTheTextsWithANote() throws {
        let workspace = try Self.workspace()
        let run = try workspace.run(["report", "sessions", "--lang", "th", "--color", "never"])
        #expect(run.status == 0)
        #expect(run.stderr.contains("has no translation into th; its texts are shown as written"), "\(run.stderr)")
        #expect(run.stdout.hasPrefix("First call\n"))
        #expect(run.stdout.contains("Who is on the call?"))
        let bad = try workspace.run(["report", "sessions", "--lang", "v i"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--lang takes a language tag"), "\(bad.stderr)")
    }

    @Test func showWithLangGivesARecordInAnotherLanguage() throws {
        let workspace = try Self.workspace()
        let folder = workspace.folder.appendingPathComponent("sessions")
        let records = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jsonl") }
        let vietnamese = try #require(
            try records.first { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8).contains("\"language\":\"vi\"") })
        let shown = try workspace.run(["show", "sessions/\(vietnamese)", "--lang", "he"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("שיחה ראשונה"), "\(shown.stdout)")
        #expect(shown.stdout.contains("מי בשיחה? → מקבל ההחלטה"), "\(shown.stdout)")
        #expect(shown.stdout.contains("→ כן"), "yes in Hebrew: \(shown.stdout)")
        #expect(!shown.stdout.contains("Ai đang tham gia"))

        // Changed since the session: the words follow --lang, the playbook's texts stay as recorded.
        let source = workspace.folder.appendingPathComponent("first-call.playbook")
        try (String(contentsOf: source, encoding: .utf8) + "\n").write(to: source, atomically: true, encoding: .utf8)
        let changed = try workspace.run(["show", "sessions/\(vietnamese)", "--lang", "he"])
        #expect(changed.status == 0)
        #expect(changed.stderr.contains("has changed since the session; the playbook's texts are shown as recorded"), "\(changed.stderr)")
        #expect(changed.stdout.contains("Ai đang tham gia cuộc gọi? → Người ra quyết định"), "\(changed.stdout)")
    }
}
