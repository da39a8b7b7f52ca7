import Testing

@testable import PlaybookKit

/// The language features through the protocol, with exact responses: positions in UTF-16 (a
/// Chinese playbook with an emoji before a name), locations across files, edits as the client
/// applies them.
struct LSPNavigationTests {
    static let chinese = """
        playbook "价格异议 💰"
          language zh
          outcomes 成交 (win), 流失 (loss)

        stage 开场 "开场"
          ask 预算 "客户今年有预算吗？💰" yes/no
            no -> end 流失 "没有预算"
          say "💰{预算}"
          if 预算 -> 报价
          end 流失 "不合适"

        stage 报价 "报价"
          end 成交 "签约"
        """

    static let chineseScenarios = """
        scenario "有预算"
          预算 = 是
          expect 成交
        """

    /// A client with the Chinese playbook and its scenarios open.
    private func client(open: Bool = true) -> LSPTestClient {
        var client = LSPTestClient(files: ["/w/zh.playbook": Self.chinese, "/w/zh.scenarios": Self.chineseScenarios])
        client.initialize()
        _ = client.open("/w/zh.playbook", Self.chinese)
        if open { _ = client.open("/w/zh.scenarios", Self.chineseScenarios) }
        return client
    }

    private func at(_ path: String, _ line: Int, _ character: Int) -> JSON {
        .object([
            "textDocument": .object(["uri": .string(DocumentURI.uri(of: path))]),
            "position": .object(["line": .int(line), "character": .int(character)]),
        ])
    }

    /// `params` with one more member.
    private func adding(_ key: String, _ value: JSON, to params: JSON) -> JSON {
        guard case .object(var members) = params else { return params }
        members[key] = value
        return .object(members)
    }

    private static let uri = DocumentURI.uri(of: "/w/zh.playbook")
    private static let scenariosURI = DocumentURI.uri(of: "/w/zh.scenarios")

    private static func range(_ line: Int, _ start: Int, _ end: Int) -> String {
        #"{"end":{"character":\#(end),"line":\#(line)},"start":{"character":\#(start),"line":\#(line)}}"#
    }

    @Test func theServerSaysWhatItDoes() throws {
        var client = LSPTestClient()
        let initialized = client.initialize()
        let response = try #require(initialized)
        let capabilities = try #require(response["result"]?["capabilities"])
        guard case .object(let members) = capabilities else {
            Issue.record("no capabilities")
            return
        }
        #expect(
            members.keys.sorted() == [
                "codeActionProvider", "completionProvider", "definitionProvider", "documentFormattingProvider",
                "documentSymbolProvider", "foldingRangeProvider", "hoverProvider", "positionEncoding", "referencesProvider",
                "renameProvider", "semanticTokensProvider", "textDocumentSync",
            ])
        #expect(
            capabilities["semanticTokensProvider"]?["legend"]?["tokenTypes"]?.text
                == #"["keyword","namespace","function","property","variable","class","enumMember","string","number","comment","operator","type"]"#)
    }

    @Test func hoverCountsUTF16() throws {
        var client = client()
        // `  say "💰{预算}"`: the emoji is two UTF-16 units, so the name is at 10..<12.
        let hoverReply = client.request("textDocument/hover", at("/w/zh.playbook", 7, 11)).response
        let hover = try #require(hoverReply?["result"])
        #expect(
            hover.text
                == #"{"contents":{"kind":"markdown","value":"**question** `预算`: yes/no\n\n> 客户今年有预算吗？💰"},"range":"#
                + Self.range(7, 10, 12) + "}")
        // On a keyword, nothing.
        #expect(client.request("textDocument/hover", at("/w/zh.playbook", 8, 3)).response?["result"] == .null)
    }

    @Test func definitionFromThePlaybookAndFromItsScenarios() throws {
        var client = client()
        let fromBracesReply = client.request("textDocument/definition", at("/w/zh.playbook", 7, 10)).response
        let fromBraces = try #require(fromBracesReply?["result"])
        #expect(fromBraces.text == #"[{"range":"# + Self.range(5, 6, 8) + #","uri":""# + Self.uri + #""}]"#)
        let toStageReply = client.request("textDocument/definition", at("/w/zh.playbook", 8, 14)).response
        let toStage = try #require(toStageReply?["result"])
        #expect(toStage.text == #"[{"range":"# + Self.range(11, 6, 8) + #","uri":""# + Self.uri + #""}]"#)
        let fromScenarioReply = client.request("textDocument/definition", at("/w/zh.scenarios", 1, 3)).response
        let fromScenario = try #require(fromScenarioReply?["result"])
        #expect(fromScenario.text == #"[{"range":"# + Self.range(5, 6, 8) + #","uri":""# + Self.uri + #""}]"#)
        let outcomeReply = client.request("textDocument/definition", at("/w/zh.scenarios", 2, 10)).response
        let outcome = try #require(outcomeReply?["result"])
        #expect(outcome.text == #"[{"range":"# + Self.range(2, 11, 13) + #","uri":""# + Self.uri + #""}]"#)
    }

    @Test func referencesInThePlaybookAndItsScenarios() throws {
        var client = client(open: false)
        let params = adding("context", .object(["includeDeclaration": .bool(true)]), to: at("/w/zh.playbook", 5, 7))
        let foundReply = client.request("textDocument/references", params).response
        let found = try #require(foundReply?["result"]?.array)
        #expect(
            found.map(\.text) == [
                #"{"range":"# + Self.range(5, 6, 8) + #","uri":""# + Self.uri + #""}"#,
                #"{"range":"# + Self.range(7, 10, 12) + #","uri":""# + Self.uri + #""}"#,
                #"{"range":"# + Self.range(8, 5, 7) + #","uri":""# + Self.uri + #""}"#,
                #"{"range":"# + Self.range(1, 2, 4) + #","uri":""# + Self.scenariosURI + #""}"#,
            ])
    }

    @Test func renameEditsThePlaybookAndItsScenarios() throws {
        var client = client()
        let preparedReply = client.request("textDocument/prepareRename", at("/w/zh.playbook", 8, 6)).response
        let prepared = try #require(preparedReply?["result"])
        #expect(prepared.text == #"{"placeholder":"预算","range":"# + Self.range(8, 5, 7) + "}")
        let params = adding("newName", .string("今年预算"), to: at("/w/zh.playbook", 8, 6))
        let editReply = client.request("textDocument/rename", params).response
        let edit = try #require(editReply?["result"])
        let newText = #""newText":"今年预算","#
        #expect(
            edit.text
                == #"{"changes":{""# + Self.uri + #"":["#
                + ["{" + newText + #""range":"# + Self.range(5, 6, 8) + "}", "{" + newText + #""range":"# + Self.range(7, 10, 12) + "}",
                   "{" + newText + #""range":"# + Self.range(8, 5, 7) + "}"].joined(separator: ",")
                + #"],""# + Self.scenariosURI + #"":[{"# + newText + #""range":"# + Self.range(1, 2, 4) + "}]}}")
    }

    @Test func renameRefusalsAreErrors() throws {
        var client = client()
        let keywordReply = client.request("textDocument/prepareRename", at("/w/zh.playbook", 8, 3)).response
        let keyword = try #require(keywordReply?["error"])
        #expect(keyword["code"] == .int(-32803))
        let params = adding("newName", .string("报价"), to: at("/w/zh.playbook", 8, 6))
        let clashReply = client.request("textDocument/rename", params).response
        let clash = try #require(clashReply?["error"])
        #expect(clash.text == #"{"code":-32803,"message":"'报价' already names a stage (/w/zh.playbook:12); choose another name"}"#)
    }
}
