import Testing

@testable import PlaybookKit

/// Completion, code actions, formatting, symbols, folding and semantic tokens through the
/// protocol, in Hebrew, Vietnamese, Thai and with emoji.
struct LSPEditingTests {
    private func at(_ path: String, _ line: Int, _ character: Int, _ more: [String: JSON] = [:]) -> JSON {
        var members: [String: JSON] = [
            "textDocument": .object(["uri": .string(DocumentURI.uri(of: path))]),
            "position": .object(["line": .int(line), "character": .int(character)]),
        ]
        for (key, value) in more { members[key] = value }
        return .object(members)
    }

    private func document(_ path: String) -> JSON { .object(["textDocument": .object(["uri": .string(DocumentURI.uri(of: path))])]) }

    private func opened(_ path: String, _ text: String, files: [String: String] = [:]) -> LSPTestClient {
        var all = files
        all[path] = text
        var client = LSPTestClient(files: all)
        client.initialize()
        _ = client.open(path, text)
        return client
    }

    private static func range(_ line: Int, _ start: Int, _ end: Int, endLine: Int? = nil) -> String {
        #"{"end":{"character":\#(end),"line":\#(endLine ?? line)},"start":{"character":\#(start),"line":\#(line)}}"#
    }

    static let hebrew = """
        playbook "שיחת גילוי"
          language he
          outcomes נסגר (win), אבד (loss)

        stage פתיחה "פתיחה"
          ask תקציב "יש תקציב?" yes/no
            no -> end אבד "אין תקציב"
          -> 
        stage סגירה "סגירה"
          end נסגר "נחתם"
        """

    @Test func completionAfterAnArrowInHebrew() throws {
        var client = opened("/w/he.playbook", Self.hebrew)
        let reply = client.request("textDocument/completion", at("/w/he.playbook", 7, 5)).response
        let items = try #require(reply?["result"]?["items"]?.array)
        #expect(items.map { $0["label"]?.string ?? "" } == ["סגירה", "פתיחה", "תקציב", "next", "end"])
        #expect(
            items.first?.text
                == #"{"detail":"סגירה","kind":9,"label":"סגירה","sortText":"0000","textEdit":{"newText":"סגירה","range":"#
                + Self.range(7, 5, 5) + "}}")
    }

    static let vietnamese = """
        playbook "Khám phá"
          language vi
          outcomes thắng (win), thua (loss)

        stage tình_huống "Tình huống"
          ask ngân_sách "Có ngân sách không?" yes/no
            no -> end thua "Chưa có"
          -> báo_gía
        stage báo_giá "Báo giá"
          end thắng "Xong"
        """

    @Test func aQuickFixForANearNameInVietnamese() throws {
        var client = opened("/w/vi.playbook", Self.vietnamese)
        let params = at("/w/vi.playbook", 7, 6, ["range": .object(["start": .object(["line": .int(7), "character": .int(5)]),
            "end": .object(["line": .int(7), "character": .int(5)])]), "context": .object(["diagnostics": .array([])])])
        let reply = client.request("textDocument/codeAction", params).response
        let actions = try #require(reply?["result"]?.array)
        #expect(
            actions.map(\.text) == [
                #"{"diagnostics":[],"edit":{"changes":{""# + DocumentURI.uri(of: "/w/vi.playbook") + #"":[{"newText":"báo_giá","range":"#
                    + Self.range(7, 5, 12) + #"}]}},"isPreferred":true,"kind":"quickfix","title":"Change 'báo_gía' to 'báo_giá'"}"#
            ])
    }

    @Test func formattingGivesTheEditsOfPlaybookFmt() throws {
        let messy = "stage a   \"A\"\n   ask x \"X?\"   yes/no   # why\n      no  ->   end lost\n   end   won\n"
        var client = opened("/w/f.playbook", messy)
        let reply = client.request("textDocument/formatting", document("/w/f.playbook")).response
        let edits = try #require(reply?["result"]?.array)
        let expected = "stage a \"A\"\n  ask x \"X?\" yes/no  # why\n    no -> end lost\n  end won\n"
        #expect(formatPlaybook(SourceFile(path: "f", bytes: Array(messy.utf8))).text == expected)
        #expect(edits.count == 1)
        #expect(edits.first?.text == #"{"newText":"# + JSON.string(expected).text + #","range":"# + Self.range(0, 0, 0, endLine: 4) + "}")
        // A file that does not parse is left as it is.
        var broken = opened("/w/b.playbook", "stage a \"A\n")
        #expect(broken.request("textDocument/formatting", document("/w/b.playbook")).response?["result"] == .array([]))
    }

    static let thai = """
        playbook "รอบการขาย"
          language th
          outcomes ปิดได้ (win), ไม่ได้ (loss)

        stage การรับรู้ "การรับรู้"
          ask งบประมาณ "ลูกค้ามีงบประมาณไหม" yes/no
            no -> end ไม่ได้ "ไม่มีงบ"
          end ปิดได้ "ตกลง"
        """

    @Test func symbolsAndFoldingInThai() throws {
        var client = opened("/w/th.playbook", Self.thai)
        let symbolsReply = client.request("textDocument/documentSymbol", document("/w/th.playbook")).response
        let symbols = try #require(symbolsReply?["result"]?.array)
        #expect(symbols.map { $0["name"]?.string ?? "" } == ["รอบการขาย", "การรับรู้"])
        #expect(
            symbols.last?.text
                == #"{"children":[{"children":[],"detail":"ลูกค้ามีงบประมาณไหม","kind":8,"name":"งบประมาณ","range":"#
                + Self.range(5, 2, 30, endLine: 6) + #","selectionRange":"# + Self.range(5, 6, 14)
                + #"}],"detail":"การรับรู้","kind":3,"name":"การรับรู้","range":"# + Self.range(4, 0, 19, endLine: 7)
                + #","selectionRange":"# + Self.range(4, 6, 15) + "}")
        let foldingReply = client.request("textDocument/foldingRange", document("/w/th.playbook")).response
        #expect(
            foldingReply?["result"]?.text
                == #"[{"endLine":2,"kind":"region","startLine":0},{"endLine":7,"kind":"region","startLine":4},{"endLine":6,"kind":"region","startLine":5}]"#)
    }

    @Test func semanticTokensCountUTF16() throws {
        let text = "stage a \"🙂\"\n  say \"🙂 {score}\"\n  end won\n"
        var client = opened("/w/s.playbook", text)
        let reply = client.request("textDocument/semanticTokens/full", document("/w/s.playbook")).response
        let data = try #require(reply?["result"]?["data"]?.array).compactMap(\.int)
        // Each token: line delta, start delta, length, type, modifiers.
        #expect(
            data == [
                0, 0, 5, 0, 0,  // stage
                0, 6, 1, 1, 1,  // a (a stage, declared)
                0, 2, 4, 7, 0,  // "🙂": the emoji is two units
                1, 2, 3, 0, 0,  // say
                0, 4, 5, 7, 0,  // "🙂 {
                0, 5, 5, 4, 2,  // score (built in)
                0, 5, 2, 7, 0,  // }"
                1, 2, 3, 0, 0,  // end
                0, 4, 3, 6, 0,  // won
            ])
    }

    @Test func aFlowOfALibraryIsRenamedInEveryPlaybookThatUsesIt() throws {
        let library = "flow greet \"Greet\"\n  say \"Hello\"\n  return\n"
        let first = "playbook \"A\"\n  outcomes won\nuse \"lib.playbook\"\nstage a \"A\"\n  call greet\n  end won\n"
        let second = "playbook \"B\"\n  outcomes won\nuse \"lib.playbook\"\nstage b \"B\"\n  call greet\n  call greet\n  end won\n"
        let other = "playbook \"C\"\n  outcomes won\nstage c \"C\"\n  end won\n"
        var client = opened(
            "/w/lib.playbook", library, files: ["/w/a.playbook": first, "/w/b.playbook": second, "/w/c.playbook": other])
        let reply = client.request("textDocument/rename", at("/w/lib.playbook", 0, 6, ["newName": .string("welcome")])).response
        let changes = try #require(reply?["result"]?["changes"])
        guard case .object(let files) = changes else {
            Issue.record("no changes: \(reply?.text ?? "")")
            return
        }
        #expect(files.keys.sorted() == ["/w/a.playbook", "/w/b.playbook", "/w/lib.playbook"].map(DocumentURI.uri(of:)))
        #expect(files[DocumentURI.uri(of: "/w/b.playbook")]?.array?.count == 2)
    }
}
