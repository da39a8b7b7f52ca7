import Foundation
import Testing

@testable import PlaybookKit

/// `translate extract` and `update` as the library does them: the template's entries, and a
/// language's file brought up to date after each kind of edit of the playbook.
struct TranslationFileTests {
    static let playbook = """
        playbook "First call"
          outcomes won, lost

        stage qualify "Qualify"
          ask name "What is the buyer's name?" text
          say "Thank {name} for their time."
          ask role "Who is on the call?" choice
            boss "Decision maker" -> end won "A decision maker is on the call"
            "User" -> end lost "No decision maker"

        stage close "Close"
          say "Book the demo."
          end won "Demo booked"

        """

    static func entries(_ text: String) throws -> [POEntry] {
        let result = checkPlaybook(SourceFile(path: "main.playbook", bytes: Array(text.utf8)), loader: MemoryLoader([:]))
        #expect(!result.hasErrors, "\(result.diagnostics.map(\.message))")
        let units = TextUnits.of(result.files[0], source: result.sources[0], interner: result.interner)
        return POTemplate.entries(units, fileName: "main.playbook", source: result.sources[0])
    }

    /// The Vietnamese file of `playbook`, every text translated as "vi: SOURCE", one with a
    /// translator's comment.
    static func translated() throws -> POFile {
        var (po, _) = POMerge.merge(try entries(playbook), into: nil, language: "vi", project: "main", date: "2026-12-01 09:00+0000")
        for index in po.entries.indices { po.entries[index].translation = "vi: " + po.entries[index].id }
        po.entries[0].translatorComments = ["checked with the Hanoi team"]
        return po
    }

    static func update(_ po: POFile, to text: String) throws -> (POFile, POMergeSummary) {
        let reread = POParser.parse(SourceFile(path: "main.vi.po", bytes: Array(POWriter.write(po).utf8)), file: 0)
        #expect(reread.1.isEmpty, "\(reread.1.map(\.message))")
        return POMerge.merge(try entries(text), into: reread.0, language: "vi", project: "main", date: "2026-12-02 09:00+0000")
    }

    @Test func theTemplateSaysWhatEachTextIsAndWhere() throws {
        let entries = try Self.entries(Self.playbook)
        let say = try #require(entries.first { $0.context == "stage qualify.say" })
        #expect(say.id == "Thank {name} for their time.")
        #expect(say.references == ["main.playbook:6"])
        #expect(say.flags == ["python-brace-format"])
        #expect(say.extractedComments.contains { $0.contains("{name}") })
        let option = try #require(entries.first { $0.context == "ask role.option boss" })
        #expect(option.id == "Decision maker")
        #expect(option.extractedComments == ["an option of question 'role' (key 'boss'): “Who is on the call?”"])
        #expect(entries.contains { $0.context == "ask role.option" && $0.id == "User" })
        #expect(entries.count == 12)
    }

    @Test func writingAndReadingAFileGivesItBack() throws {
        let po = try Self.translated()
        let text = POWriter.write(po)
        let (reread, problems) = POParser.parse(SourceFile(path: "main.vi.po", bytes: Array(text.utf8)), file: 0)
        #expect(problems.isEmpty)
        #expect(POWriter.write(reread) == text)
        #expect(reread.language == "vi")
        #expect(reread.entries[0].translatorComments == ["checked with the Hanoi team"])
    }

    /// The comments and header fields as translation tools write them, spaces and all.
    @Test func commentsFlagsAndTheCharsetAreReadAsGettextWritesThem() {
        let text = """
            msgid ""
            msgstr ""
            "Language: vi\\r\\n"
            "Content-Type: text/plain;  charset= ISO-8859-1 \\n"

            #  two spaces kept
            #. what it is
            #: a.playbook:3  a.playbook:9
            #,  fuzzy ,python-brace-format,
            msgctxt "stage s"
            msgid "Open"
            msgstr "Mở"

            """
        let (po, problems) = POParser.parse(SourceFile(path: "a.vi.po", bytes: Array(text.utf8)), file: 0)
        #expect(po.language == "vi")
        #expect(problems.map(\.message) == ["the header says the file is in ISO-8859-1; playbook reads PO files in UTF-8"])
        let entry = po.entries.first
        #expect(entry?.translatorComments == [" two spaces kept"] && entry?.extractedComments == ["what it is"])
        #expect(entry?.references == ["a.playbook:3", "a.playbook:9"])
        #expect(entry?.flags == ["fuzzy", "python-brace-format"])
        for charset in ["UTF-8", "utf-8", "CHARSET"] {
            let header = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=\(charset)\\n\"\n"
            #expect(POParser.parse(SourceFile(path: "a.vi.po", bytes: Array(header.utf8)), file: 0).1.isEmpty, "\(charset)")
        }
    }

    @Test func anUnchangedPlaybookChangesNothing() throws {
        let po = try Self.translated()
        let (updated, summary) = try Self.update(po, to: Self.playbook)
        #expect(summary == POMergeSummary(kept: 12))
        #expect(updated.entries.map(\.translation) == po.entries.map(\.translation))
        #expect(updated.entries[0].translatorComments == ["checked with the Hanoi team"])
    }

    @Test func aRewordedTextKeepsItsTranslationAsFuzzyWithTheOldSource() throws {
        let reworded = Self.playbook.replacing("boss \"Decision maker\"", with: "boss \"Person who signs\"")
            .replacing("Thank {name} for their time.", with: "Thank {name} warmly for their time.")
        let (updated, summary) = try Self.update(try Self.translated(), to: reworded)
        #expect(summary.fuzzy == 2 && summary.added == 0 && summary.obsoleted == 0)
        let option = try #require(updated.entries.first { $0.context == "ask role.option boss" })
        #expect(option.id == "Person who signs" && option.isFuzzy && option.previousID == "Decision maker")
        #expect(option.translation == "vi: Decision maker")
        let say = try #require(updated.entries.first { $0.context == "stage qualify.say" })
        #expect(say.isFuzzy && say.previousID == "Thank {name} for their time." && say.previousContext == nil)
        #expect(say.flags == ["fuzzy", "python-brace-format"])
    }

    @Test func aTextMovedToAnotherStageIsFuzzyWithItsOldPlace() throws {
        let moved = Self.playbook.replacing("  say \"Book the demo.\"\n", with: "")
            .replacing("  ask role", with: "  say \"Book the demo.\"\n  ask role")
        let (updated, summary) = try Self.update(try Self.translated(), to: moved)
        #expect(summary.fuzzy == 1 && summary.obsoleted == 0)
        let entry = try #require(updated.entries.first { $0.id == "Book the demo." })
        #expect(entry.context == "stage qualify.say" && entry.isFuzzy && entry.previousContext == "stage close.say")
        #expect(entry.translation == "vi: Book the demo.")
    }

    @Test func aDeletedTextIsKeptAsObsoleteAndAnAddedOneIsNew() throws {
        let edited = Self.playbook.replacing("  say \"Book the demo.\"\n", with: "  ask budget \"Is there a budget?\" yes/no\n")
        let (updated, summary) = try Self.update(try Self.translated(), to: edited)
        #expect(summary.added == 1 && summary.obsoleted == 1 && summary.fuzzy == 0)
        let added = try #require(updated.entries.first { $0.context == "ask budget" })
        #expect(added.translation.isEmpty && !added.isFuzzy)
        let gone = try #require(updated.entries.first { $0.id == "Book the demo." })
        #expect(gone.isObsolete && gone.translation == "vi: Book the demo.")
        #expect(POWriter.write(updated).contains("#~ msgid \"Book the demo.\"\n#~ msgstr \"vi: Book the demo.\"\n"))
        // Put back, the text finds its translation again.
        let (back, again) = try Self.update(updated, to: Self.playbook)
        #expect(again.revived == 1)
        #expect(back.entries.first { $0.id == "Book the demo." }?.isObsolete == false)
    }

    @Test func aRunShowsTranslatedTextsAndFallsBackForTheRest() throws {
        var po = try Self.translated()
        po.entries[po.entries.firstIndex { $0.context == "stage qualify" }!].translation = ""
        let files = ["main.playbook": Self.playbook, "main.vi.po": POWriter.write(po)]
        let loader = MemoryLoader(files)
        let check = try checkPlaybook(at: "main.playbook", loader: loader).get()
        let translations = Translations.read(for: check, languages: { _ in ["vi"] }, loader: loader)
        let program = try #require(Program(check)).localized(translations.localization("vi", check: check))
        #expect(program.language == "vi" && program.title == "vi: First call" && program.sourceTitle == "First call")
        let stage = try #require(check.files[0].stages.first)
        #expect(program.shown(stage.title) == "Qualify")
    }
}
