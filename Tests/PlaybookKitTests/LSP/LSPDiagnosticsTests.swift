import Testing

@testable import PlaybookKit

/// publishDiagnostics: the diagnostics of `playbook check`, on open and after each burst of
/// changes, for the document and the files it uses, with ranges in the client's encoding.
struct LSPDiagnosticsTests {
    static let broken = """
        playbook "Unknown target"
          outcomes won, lost

        stage qualify "Qualify"
          ask budget "Is there a budget?" yes/no
            yes -> folowup
            no -> end lost "No budget"

        stage followup "Follow-up"
          ask later "Talk again next quarter?" yes/no
            yes -> end won "Booked"
            no -> end lost "No interest"

        """

    static let unknownTarget =
        #"{"code":"PB0202","codeDescription":{"href":"file:///docs/diagnostics/PB0202-unknown-target.md"},"#
        + #""message":"there is no stage or question 'folowup' to jump to\nhelp: did you mean 'followup'?","#
        + #""range":{"end":{"character":18,"line":5},"start":{"character":11,"line":5}},"severity":1,"source":"playbook"}"#

    @Test func openingABrokenPlaybookPublishesItsDiagnostics() {
        var client = LSPTestClient()
        client.initialize()
        let replies = client.open("/w/broken.playbook", Self.broken)
        #expect(
            replies.map(\.text) == [
                #"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":["# + Self.unknownTarget
                    + #"],"uri":"file:///w/broken.playbook","version":1}}"#
            ])
    }

    @Test func aFixIsPublishedWithTheNewVersionAndABurstCostsOnePublish() {
        var client = LSPTestClient()
        client.initialize()
        _ = client.open("/w/broken.playbook", Self.broken)
        // Three changes in one read: "folowup" → "followup", one letter at a time and back.
        let messages = [
            ("/w/broken.playbook", 2, [(5, 13, 5, 13, "x")]), ("/w/broken.playbook", 3, [(5, 13, 5, 14, "")]),
            ("/w/broken.playbook", 4, [(5, 13, 5, 13, "l")]),
        ].map { path, version, changes in
            JSON.object([
                "jsonrpc": .string("2.0"), "method": .string("textDocument/didChange"),
                "params": .object([
                    "textDocument": .object(["uri": .string(DocumentURI.uri(of: path)), "version": .int(version)]),
                    "contentChanges": .array(
                        changes.map {
                            .object([
                                "range": LSPRange(start: LSPPosition(line: $0.0, character: $0.1), end: LSPPosition(line: $0.2, character: $0.3)).json,
                                "text": .string($0.4),
                            ])
                        }),
                ]),
            ])
        }
        let replies = client.send(messages)
        #expect(replies.map(\.text) == [#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":[],"uri":"file:///w/broken.playbook","version":4}}"#])
        let text = String(decoding: client.server.documents[DocumentURI.uri(of: "/w/broken.playbook")]?.bytes ?? [], as: UTF8.self)
        #expect(text.contains("yes -> followup\n"))
    }

    @Test func aChangeThatKeepsTheDiagnosticsStillPublishesThemForTheNewVersion() {
        var client = LSPTestClient()
        client.initialize()
        _ = client.open("/w/broken.playbook", Self.broken)
        let replies = client.change("/w/broken.playbook", version: 2, [(0, 10, 0, 10, "An ")])
        #expect(LSPTestClient.published(replies)[DocumentURI.uri(of: "/w/broken.playbook")]?["version"] == .int(2))
        #expect(LSPTestClient.diagnostics(replies, "/w/broken.playbook")?.map(\.text) == [Self.unknownTarget])
    }

    @Test func aStaleOrUnknownChangeIsRefusedAndTheTextKept() {
        var client = LSPTestClient()
        client.initialize()
        _ = client.open("/w/broken.playbook", Self.broken, version: 5)
        let stale = client.change("/w/broken.playbook", version: 5, [(0, 0, 9, 0, "")])
        #expect(stale.map(\.text) == [#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"textDocument/didChange: a change to version 5 of file:///w/broken.playbook, which is at version 5: ignored","type":2}}"#])
        #expect(client.server.documents[DocumentURI.uri(of: "/w/broken.playbook")]?.bytes == Array(Self.broken.utf8))
        let unknown = client.change("/w/other.playbook", version: 9, [(0, 0, 0, 0, "x")])
        #expect(unknown.first?["params"]?["message"] == .string("textDocument/didChange: a change for file:///w/other.playbook, which is not open: ignored"))
    }

    @Test func openingAgainPublishesAgainThoughNothingChanged() {
        var client = LSPTestClient()
        client.initialize()
        _ = client.open("/w/broken.playbook", Self.broken)
        let again = client.open("/w/broken.playbook", Self.broken, version: 2)
        #expect(LSPTestClient.diagnostics(again, "/w/broken.playbook")?.map(\.text) == [Self.unknownTarget])
        #expect(again.first?["params"]?["message"] == .string("file:///w/broken.playbook was opened again: its text is replaced"))
    }

    @Test func closingClearsTheDiagnostics() {
        var client = LSPTestClient()
        client.initialize()
        _ = client.open("/w/broken.playbook", Self.broken)
        let replies = client.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string("file:///w/broken.playbook")])]))
        #expect(replies.map(\.text) == [#"{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"diagnostics":[],"uri":"file:///w/broken.playbook"}}"#])
        #expect(client.server.documents.isEmpty)
    }

    /// The duplicate persona is in the used file: published under that file's URI, with the
    /// playbook's declaration as related information; the used file's name in a folder of
    /// Chinese words is percent-encoded.
    @Test func aUsedFilesDiagnosticsArePublishedForItsURI() throws {
        let main = """
            playbook "续约电话"
              language zh
              outcomes won, lost

            use "买家/personas.playbook"

            persona 陈静 "陈静"
              role "财务总监"

            stage 续约 "续约"
              ask 同意 "客户同意续约了吗？" yes/no
                yes -> end won "已续约"
                no -> end lost "未续约"

            """
        let personas = "# 团队一起练习的买家。\n\npersona 陈静 \"陈静\"\n  role \"采购经理\"\n"
        var client = LSPTestClient(files: ["/w/销售/买家/personas.playbook": personas])
        client.initialize()
        let replies = client.open("/w/销售/main.playbook", main)
        let published = LSPTestClient.published(replies)
        #expect(published.keys.sorted() == ["file:///w/%E9%94%80%E5%94%AE/main.playbook", "file:///w/%E9%94%80%E5%94%AE/%E4%B9%B0%E5%AE%B6/personas.playbook"].sorted())
        #expect(LSPTestClient.diagnostics(replies, "/w/销售/main.playbook") == [])
        let duplicate = try #require(LSPTestClient.diagnostics(replies, "/w/销售/买家/personas.playbook")?.first)
        #expect(
            duplicate.text
                == #"{"code":"PB0201","codeDescription":{"href":"file:///docs/diagnostics/PB0201-duplicate-name.md"},"#
                + #""message":"'陈静' is declared twice\nhelp: stages, flows, questions and personas need different names; rename one of them","#
                + #""range":{"end":{"character":10,"line":2},"start":{"character":8,"line":2}},"#
                + #""relatedInformation":[{"location":{"range":{"end":{"character":10,"line":6},"start":{"character":8,"line":6}},"#
                + #""uri":"file:///w/%E9%94%80%E5%94%AE/main.playbook"},"message":"the persona '陈静' is declared here"}],"#
                + #""severity":1,"source":"playbook"}"#)
        // Not open, the file's diagnostics carry no version.
        #expect(published["file:///w/%E9%94%80%E5%94%AE/%E4%B9%B0%E5%AE%B6/personas.playbook"]?["version"] == nil)
    }

    /// A used file open in the editor counts with its unsaved text: removing the flow the
    /// playbook calls makes the playbook's diagnostic, and putting it back clears it.
    @Test func anOpenUsedFileCountsWithItsUnsavedText() throws {
        let lib = "flow greet\n  say \"Xin chào\"\n  return\n"
        let main = "playbook \"P\"\n  outcomes won\nuse \"lib.playbook\"\nstage s \"S\"\n  call greet\n  end won\n"
        var client = LSPTestClient(files: ["/w/lib.playbook": lib, "/w/main.playbook": main])
        client.initialize()
        #expect(LSPTestClient.diagnostics(client.open("/w/main.playbook", main), "/w/main.playbook") == [])
        _ = client.open("/w/lib.playbook", lib)
        let broken = client.change("/w/lib.playbook", version: 2, [(0, 5, 0, 10, "hello")])
        let codes = try #require(LSPTestClient.diagnostics(broken, "/w/main.playbook")).compactMap { $0["code"]?.string }
        #expect(codes.contains("PB0203"), "\(broken.map(\.text))")
        let mended = client.change("/w/lib.playbook", version: 3, [(0, 5, 0, 10, "greet")])
        #expect(LSPTestClient.diagnostics(mended, "/w/main.playbook") == [])
    }

    /// An unknown name after text in each script (and an emoji, two UTF-16 units): the range
    /// counts what a client counts, in UTF-16 and in UTF-8.
    @Test(arguments: [
        ("en", "Your budget is "), ("vi", "Ngân sách của anh là "), ("vi", "Nga\u{0302}n sa\u{0301}ch "), ("zh", "您的预算是"),
        ("th", "งบประมาณของคุณคือ "), ("he", "התקציב שלך הוא "), ("en", "🎉👩🏽‍💻 "),
    ])
    func rangesCountWhatTheClientCounts(_ language: String, _ before: String) throws {
        let line = "  say \"\(before){amount}\""
        let text = "playbook \"P\"\n  language \(language)\n  outcomes won\nstage s \"S\"\n\(line)\n  -> end won\n"
        let prefix = "  say \"\(before){"
        for (encoding, count) in [("utf-16", prefix.utf16.count), ("utf-8", prefix.utf8.count)] {
            var client = LSPTestClient()
            client.initialize(encodings: [encoding])
            let replies = client.open("/w/p.playbook", text)
            let diagnostic = try #require(LSPTestClient.diagnostics(replies, "/w/p.playbook")?.first)
            #expect(diagnostic["code"] == .string("PB0205"))
            let units = encoding == "utf-16" ? "amount".utf16.count : "amount".utf8.count
            #expect(
                diagnostic["range"]?.text == #"{"end":{"character":\#(count + units),"line":4},"start":{"character":\#(count),"line":4}}"#,
                "\(encoding)")
        }
    }
}
