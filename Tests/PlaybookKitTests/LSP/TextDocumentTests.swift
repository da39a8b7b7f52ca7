import Testing

@testable import PlaybookKit

/// Incremental sync: each change of a didChange applied in order, the line index kept right
/// without being rebuilt; and `file:` URIs both ways, with the scripts of the playbooks' authors.
struct TextDocumentTests {
    static func document(_ text: String) -> TextDocument {
        TextDocument(uri: "file:///w/main.playbook", languageID: "playbook", version: 1, text: text)
    }

    static func change(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int, _ text: String) -> TextChange {
        TextChange(
            range: LSPRange(start: LSPPosition(line: startLine, character: startCharacter), end: LSPPosition(line: endLine, character: endCharacter)),
            text: text)
    }

    static func text(_ document: TextDocument) -> String { String(decoding: document.bytes, as: UTF8.self) }

    @Test func changesApplyInOrderEachToTheTextTheOneBeforeLeft() {
        var document = Self.document("ask 预算 \"预算?\" yes/no\n  yes -> end won\n")
        document.apply(
            [
                Self.change(0, 4, 0, 6, "ngân_sách"),  // 预算 (2 units) becomes ngân_sách
                Self.change(1, 9, 1, 16, "lost \"🎉\""),
                Self.change(2, 0, 2, 0, "stage b \"B\"\r\n"),
            ], version: 2, encoding: .utf16)
        #expect(Self.text(document) == "ask ngân_sách \"预算?\" yes/no\n  yes -> lost \"🎉\"\nstage b \"B\"\r\n")
        #expect(document.version == 2)
        #expect(document.lines == LineIndex(document.bytes))
        // A change after an emoji counts it as two units.
        document.apply([Self.change(1, 17, 1, 17, "!")], version: 3, encoding: .utf16)
        #expect(Self.text(document).contains("lost \"🎉!\""))
        // No range: the whole text.
        document.apply([TextChange(range: nil, text: "שָׁלוֹם\n")], version: 4, encoding: .utf16)
        #expect(Self.text(document) == "שָׁלוֹם\n")
        #expect(document.lines.starts == [0, "שָׁלוֹם\n".utf8.count])
    }

    @Test func aReversedOrOutOfRangeChangeIsClampedNotATrap() {
        var document = Self.document("ab\ncd")
        document.apply([Self.change(1, 2, 0, 1, "X")], version: 2, encoding: .utf16)
        #expect(Self.text(document) == "aX")
        document = Self.document("ab\ncd")
        document.apply([Self.change(0, 99, 9, 0, "")], version: 3, encoding: .utf16)
        #expect(Self.text(document) == "ab")
        #expect(document.lines == LineIndex(document.bytes))
    }

    @Test func randomEditsKeepTheLineIndexAsARebuildWouldMakeIt() {
        var random = SeededGenerator(state: 2_017)
        let pieces = ["\n", "\r\n", "a", "ngân", "nga\u{0302}n", "预算", "ลูกค้าที่", "שָׁלוֹם", "🎉", "👩🏽‍💻", "  ", ""]
        var document = Self.document(LineIndexTests.text)
        for version in 2..<600 {
            var inserted = ""
            for _ in 0..<Int.random(in: 0...3, using: &random) { inserted += pieces.randomElement(using: &random) ?? "" }
            let lines = document.lines.lineCount
            let start = LSPPosition(line: Int.random(in: 0...lines, using: &random), character: Int.random(in: 0..<12, using: &random))
            let end = Bool.random(using: &random)
                ? start : LSPPosition(line: start.line + Int.random(in: 0...2, using: &random), character: Int.random(in: 0..<12, using: &random))
            let encoding = PositionEncoding.allCases.randomElement(using: &random) ?? .utf16
            let before = document.bytes
            let ends = (document.offset(of: start, encoding: encoding), document.offset(of: end, encoding: encoding))
            let (from, to) = (min(ends.0, ends.1), max(ends.0, ends.1))
            document.apply([TextChange(range: LSPRange(start: start, end: end), text: inserted)], version: version, encoding: encoding)
            #expect(document.bytes == Array(before[..<from]) + Array(inserted.utf8) + Array(before[to...]), "edit \(version)")
            #expect(document.lines == LineIndex(document.bytes), "edit \(version)")
        }
    }

    @Test func languageComesFromTheExtensionThenTheLanguageID() {
        #expect(DocumentLanguage.of(path: "/w/a.playbook", languageID: "") == .playbook)
        #expect(DocumentLanguage.of(path: "/w/a.scenarios", languageID: "playbook") == .scenarios)
        #expect(DocumentLanguage.of(path: nil, languageID: "playbook") == .playbook)
        #expect(DocumentLanguage.of(path: nil, languageID: "playbook-scenarios") == .scenarios)
        #expect(DocumentLanguage.of(path: "/w/notes.md", languageID: "markdown") == nil)
    }

    static let names = [
        ("/home/an/Tài liệu/bán hàng.playbook", "file:///home/an/T%C3%A0i%20li%E1%BB%87u/b%C3%A1n%20h%C3%A0ng.playbook"),
        ("/srv/销售/预算.playbook", "file:///srv/%E9%94%80%E5%94%AE/%E9%A2%84%E7%AE%97.playbook"),
        ("/w/การขาย/ลูกค้า.scenarios", "file:///w/%E0%B8%81%E0%B8%B2%E0%B8%A3%E0%B8%82%E0%B8%B2%E0%B8%A2/%E0%B8%A5%E0%B8%B9%E0%B8%81%E0%B8%84%E0%B9%89%E0%B8%B2.scenarios"),
        ("/w/מכירות/a b#c%d.playbook", "file:///w/%D7%9E%D7%9B%D7%99%D7%A8%D7%95%D7%AA/a%20b%23c%25d.playbook"),
        ("/w/🎉/x~y_z-1.playbook", "file:///w/%F0%9F%8E%89/x~y_z-1.playbook"),
    ]

    @Test func pathsAndURIsGoBothWays() {
        for (path, uri) in Self.names {
            #expect(DocumentURI.uri(of: path) == uri)
            #expect(DocumentURI.path(of: uri) == path)
        }
    }

    @Test func urisAsOtherClientsWriteThemAreRead() {
        // Neovim leaves some characters raw; VS Code writes lowercase hex; either may name localhost.
        #expect(DocumentURI.path(of: "file:///w/a(1)+b@c.playbook") == "/w/a(1)+b@c.playbook")
        #expect(DocumentURI.path(of: "file:///w/T%c3%a0i.playbook") == "/w/Tài.playbook")
        #expect(DocumentURI.path(of: "FILE://localhost/w/a.playbook") == "/w/a.playbook")
        #expect(DocumentURI.path(of: "file:///w/%E9%A2%84%E7%AE%97.playbook?x#y") == "/w/预算.playbook")
    }

    @Test func urisThatNameNoLocalFileAreRefused() {
        for uri in ["untitled:Untitled-1", "https://example.com/a.playbook", "file://server/share/a.playbook", "file:///w/%zz", "file:///w/%E9%A2",
            "file:///w/%00x", "file:///w/%FF.playbook", "file:"]
        {
            #expect(DocumentURI.path(of: uri) == nil, "\(uri)")
        }
    }
}
