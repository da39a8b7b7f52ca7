import Testing

@testable import PlaybookKit

/// `translate extract` writes a template straight from the text units (`POTemplate.bytes`);
/// `translate update` makes entries and writes them (`POTemplate.entries`, `POWriter`). Both
/// must give the same file, byte for byte, for small files and for big ones written in halves.
struct TemplateWriterTests {
    /// A stage that repeats lines (some on one line of the source), more than sixteen texts in
    /// a stage and in the glossary, placeholders with ASCII and Vietnamese names, and texts with
    /// quotes, backslashes, braces and line breaks.
    static let playbook = """
        playbook "Writer \\"test\\""
          outcomes won, lost

        term "MEDDPICC" "Metrics, economic buyer, decision criteria..."
        term "Champion" "Someone who sells for you\\nwhen you are not there."

        stage open "Open"
          goal "Learn the name, and \\{braces\\}."
          ask tên "Tên khách hàng?" text
          say "Hello {tên}."
          say "Hello {tên}."
          say "A \\\\ backslash and a \\"quote\\"."
          -> next

        stage long "Long"
        \((1...20).map { "  say \"Line \($0 % 7)\"" }.joined(separator: "\n"))
          end won "Done"

        """

    static func check(_ text: String) throws -> CheckResult {
        let result = checkPlaybook(SourceFile(path: "main.playbook", bytes: Array(text.utf8)), loader: MemoryLoader([:]))
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors.isEmpty, "\(errors)")
        return result
    }

    static func bothWays(_ result: CheckResult) -> (direct: [UInt8], made: [UInt8], count: Int, entries: Int) {
        let file = result.files[0]
        let source = result.sources[0]
        let direct = POTemplate.bytes(of: file, source: source, interner: result.interner, project: "main")
        let entries = POTemplate.entries(of: file, source: source, interner: result.interner)
        let made = POWriter.bytes(POTemplate.template(entries, project: "main"))
        return (direct.bytes, made, direct.count, entries.count)
    }

    @Test func aSmallFileIsWrittenAsItsEntriesWouldBe() throws {
        let written = Self.bothWays(try Self.check(Self.playbook))
        #expect(written.direct == written.made, "\(String(decoding: written.direct, as: UTF8.self))")
        #expect(written.count == written.entries)
        let text = String(decoding: written.direct, as: UTF8.self)
        // The repeated lines are one entry with both places (a Vietnamese name is no Python
        // placeholder); the long stage's seven lines, seven entries.
        #expect(text.contains("#: main.playbook:10 main.playbook:11\nmsgctxt \"stage open.say\"\nmsgid \"Hello {tên}.\""))
        #expect(text.components(separatedBy: "msgctxt \"stage long.say\"").count - 1 == 7)
    }

    @Test func aBigFileWrittenInHalvesIsWrittenAsItsEntriesWouldBe() throws {
        let stages = (0..<1200).map { index in
            """
            stage s\(index) "Stage \(index)"
              ask q\(index) "Is {who} ready at step \(index)?" yes/no
                yes -> \(index + 1 < 1200 ? "s\(index + 1)" : "end won \"Ready\"")
                no -> end lost "Not ready at \(index % 3)"

            """
        }
        let text = "playbook \"Big\"\n  outcomes won, lost\n\nstage first \"First\"\n  ask who \"Who?\" text\n  -> s0\n\n" + stages.joined()
        let written = Self.bothWays(try Self.check(text))
        #expect(written.direct == written.made)
        #expect(written.count == written.entries && written.count == 3 + 1200 * 3 + 1)
    }
}
