import Foundation
import Testing

@testable import PlaybookKit

/// `playbook run --lang` in Vietnamese, Hebrew, Chinese and Thai, typed as a rep of each language
/// types (Vietnamese without tone marks, numbers as the language writes them): the transcript is
/// golden, a number filled into a translated line is written as the language writes it, and the
/// record keeps the option's key with the text the rep saw.
struct TranslatedRunTests {
    static let folder = Golden.fixtures.appendingPathComponent("translations")

    /// The rep's lines: a name, yes, a number, an option by its translated text.
    static let typed: [String: [String]] = [
        "vi": ["Lan", "co", "12.500", "nguoi ra quyet dinh"],
        "he": ["דנה", "כן", "12,500", "מקבל ההחלטה"],
        "zh": ["王芳", "是", "12,500", "决策者"],
        "th": ["สมชาย", "ใช่", "12,500", "ผู้ตัดสินใจ"],
    ]

    /// The seats typed, as the close stage's translated line writes them back.
    static let seats = ["vi": "12.500", "he": "12,500", "zh": "12,500", "th": "12,500"]

    @Test(arguments: ["vi", "he", "zh", "th"])
    func theWalkIsInTheLanguageAndTheRecordKeepsTheKey(_ language: String) throws {
        let workspace = try CommandLineTests.Workspace()
        for name in ["first-call.playbook", "first-call.\(language).po"] {
            try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(name), to: workspace.folder.appendingPathComponent(name))
        }
        let lines = try #require(Self.typed[language])
        let run = try workspace.run(
            ["run", "first-call.playbook", "--lang", language, "--sessions", "sessions"], input: lines.joined(separator: "\n") + "\n")
        #expect(run.status == 0, "\(run.stderr)")
        let records = try FileManager.default.contentsOfDirectory(atPath: workspace.folder.appendingPathComponent("sessions").path)
            .filter { $0.hasSuffix(".jsonl") }
        let record = try #require(records.first)
        let transcript = run.stdout.replacing(String(record.dropLast(6)), with: "SESSION")
        Golden.assert(transcript, matches: Self.folder.appendingPathComponent("run.\(language).txt"))
        let seats = try #require(Self.seats[language])
        let said = transcript.split(separator: "\n").filter { $0.contains(seats) && !$0.hasPrefix(">") }
        #expect(said.count == 1 && !transcript.contains("12500"), "\(transcript)")

        let text = try String(contentsOf: workspace.folder.appendingPathComponent("sessions/\(record)"), encoding: .utf8)
        #expect(text.contains("\"language\":\"\(language)\""))
        #expect(text.contains("\"title\":\"First call\""))
        let role = try #require(text.split(separator: "\n").first { $0.contains("\"event\":\"answer\"") && $0.contains("\"question\":\"role\"") })
        #expect(role.contains("\"value\":\"boss\""), "\(role)")
        #expect(!role.contains("\"shown\":\"Decision maker\""), "\(role)")
    }
}
