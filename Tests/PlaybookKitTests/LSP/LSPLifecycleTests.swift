import Testing

@testable import PlaybookKit

/// initialize, shutdown and exit, and the error answered to each kind of bad message: exact
/// responses, as a client reads them.
struct LSPLifecycleTests {
    @Test func initializeSaysWhatTheServerDoes() throws {
        var client = LSPTestClient()
        let reply = client.initialize()
        let response = try #require(reply)
        #expect(
            response.text
                == #"{"id":1,"jsonrpc":"2.0","result":{"capabilities":{"codeActionProvider":{"codeActionKinds":["quickfix"]},"#
                + #""completionProvider":{"triggerCharacters":[" ",">","\""]},"definitionProvider":true,"#
                + #""documentFormattingProvider":true,"documentSymbolProvider":true,"foldingRangeProvider":true,"hoverProvider":true,"#
                + #""positionEncoding":"utf-16","referencesProvider":true,"renameProvider":{"prepareProvider":true},"#
                + #""semanticTokensProvider":{"full":true,"legend":{"tokenModifiers":["declaration","defaultLibrary"],"#
                + #""tokenTypes":["keyword","namespace","function","property","variable","class","enumMember","string","number","#
                + #""comment","operator","type"]}},"#
                + #""textDocumentSync":{"change":2,"openClose":true,"save":{"includeText":false}}},"serverInfo":{"name":"playbook"}}}"#)
        #expect(client.server.phase == .running)
        #expect(client.server.roots == ["/w"])
    }

    @Test(arguments: [
        (["utf-8", "utf-16"], "utf-8"), (["utf-32"], "utf-32"), (["utf-16", "utf-8"], "utf-16"), (["latin-1"], "utf-16"), ([], "utf-16"),
    ])
    func thePositionEncodingIsTheFirstTheClientOffersThatTheServerKnows(_ offered: [String], _ chosen: String) throws {
        var client = LSPTestClient()
        let reply = client.initialize(encodings: offered)
        let response = try #require(reply)
        #expect(response["result"]?["capabilities"]?["positionEncoding"] == .string(chosen))
    }

    @Test func theClientsProcessAndFoldersAreTaken() {
        var client = LSPTestClient()
        let params: JSON = .object([
            "processId": .int(4242), "rootUri": .string("file:///ignored"),
            "workspaceFolders": .array([.object(["uri": .string("file:///w/T%C3%A0i%20li%E1%BB%87u"), "name": .string("x")])]),
        ])
        _ = client.request("initialize", params)
        #expect(client.server.clientProcessID == 4242)
        #expect(client.server.roots == ["/w/Tài liệu"])
        var bad = LSPTestClient()
        #expect(bad.request("initialize", .object(["processId": .string("me")])).response?["error"]?["code"] == .int(-32602))
        #expect(bad.server.phase == .starting)
    }

    @Test func requestsBeforeInitializeAreRefusedAndNotificationsDropped() {
        var client = LSPTestClient()
        #expect(client.request("shutdown").response?.text == #"{"error":{"code":-32002,"message":"the server is not initialized: send 'initialize' first"},"id":1,"jsonrpc":"2.0"}"#)
        #expect(client.open("/w/a.playbook", "x") == [])
        #expect(client.server.documents.isEmpty)
    }

    @Test func shutdownThenExitEndsWithZero() {
        var client = LSPTestClient()
        client.initialize()
        #expect(client.request("shutdown").response?.text == #"{"id":2,"jsonrpc":"2.0","result":null}"#)
        #expect(client.request("textDocument/hover").response?["error"]?["code"] == .int(-32600))
        #expect(client.server.exitStatus == nil)
        #expect(client.notify("exit") == [])
        #expect(client.server.exitStatus == 0)
    }

    @Test func exitWithoutShutdownEndsWithOneEvenBeforeInitialize() {
        var running = LSPTestClient()
        running.initialize()
        _ = running.notify("exit")
        #expect(running.server.exitStatus == 1)
        var starting = LSPTestClient()
        _ = starting.notify("exit")
        #expect(starting.server.exitStatus == 1)
    }

    @Test func aSecondInitializeAndUnknownMethodsAreRefused() {
        var client = LSPTestClient()
        client.initialize()
        #expect(client.request("initialize", .object([:])).response?["error"]?["code"] == .int(-32600))
        #expect(client.request("workspace/magic").response?.text == #"{"error":{"code":-32601,"message":"no method 'workspace/magic' in this server"},"id":3,"jsonrpc":"2.0"}"#)
        // Notifications the server does not know, `$/` ones included, are ignored without a word.
        #expect(client.notify("$/progress", .object(["token": .int(1)])) == [])
        #expect(client.notify("workspace/didChangeConfiguration", .object([:])) == [])
        #expect(client.notify("$/cancelRequest", .object(["id": .int(9)])) == [])
    }

    @Test func badMessagesGetTheProtocolsErrors() {
        var client = LSPTestClient()
        client.initialize()
        let notJSON = client.send(bytes: Array("Content-Length: 5\r\n\r\n{\"a\":".utf8))
        #expect(notJSON.map(\.text) == [#"{"error":{"code":-32700,"message":"the message is not JSON: unexpected end of input at byte 5"},"id":null,"jsonrpc":"2.0"}"#])
        let batch = client.send([.array([])])
        #expect(batch.first?["error"]?["code"] == .int(-32600))
        let noVersion = client.send([.object(["id": .int(77), "method": .string("shutdown")])])
        #expect(noVersion.first?["id"] == .int(77))
        #expect(noVersion.first?["error"]?["code"] == .int(-32600))
        let badFrame = client.send(bytes: Array("Content-Type: x\r\n\r\n".utf8))
        #expect(badFrame.map(\.text) == [#"{"error":{"code":-32700,"message":"a message could not be read: a header without Content-Length"},"id":null,"jsonrpc":"2.0"}"#])
        // A response from the client, to a request the server never made, is taken quietly.
        #expect(client.send([.object(["jsonrpc": .string("2.0"), "id": .int(5), "result": .null])]) == [])
        // The server still works.
        #expect(client.request("shutdown").response?["result"] == .null)
    }

    @Test func aNotificationWithBadParamsIsLoggedNotAnswered() {
        var client = LSPTestClient()
        client.initialize()
        let replies = client.notify("textDocument/didOpen", .object(["textDocument": .object(["uri": .string("file:///w/a.playbook")])]))
        #expect(replies.map(\.text) == [#"{"jsonrpc":"2.0","method":"window/logMessage","params":{"message":"textDocument/didOpen: didOpen needs textDocument.uri, .version and .text","type":2}}"#])
    }

    /// Random bytes, random JSON and truncated messages: every reply is a JSON-RPC message, and
    /// the server answers a request properly afterwards.
    @Test func randomAndTruncatedMessagesNeverBreakTheServer() {
        var random = SeededGenerator(state: 15)
        var client = LSPTestClient(files: ["/w/lib.playbook": "flow f\n  say \"x\"\n"])
        client.initialize()
        let good: [String] = [
            #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///w/a.playbook","languageId":"playbook","version":1,"text":"playbook \"A\"\nuse \"lib.playbook\"\nstage s \"S\"\n  ask q \"Q? 🎉\" yes/no\n    yes -> end won\n"}}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///w/a.playbook","version":5},"contentChanges":[{"range":{"start":{"line":3,"character":9},"end":{"line":9,"character":2}},"text":"ש"}]}}"#,
            #"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///w/a.playbook"},"position":{"line":0,"character":1}}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///w/a.playbook"}}}"#,
        ]
        var replies = 0
        for _ in 0..<400 {
            var body = Array((good.randomElement(using: &random) ?? "{}").utf8)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: body = Array(body.prefix(Int.random(in: 0...body.count, using: &random)))
            case 1: for _ in 0..<3 { body[Int.random(in: 0..<body.count, using: &random)] = UInt8.random(in: 0...255, using: &random) }
            case 2: body = (0..<Int.random(in: 0..<40, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            default: break
            }
            // Sometimes the frame's length is wrong too.
            let length = Bool.random(using: &random) ? body.count : Int.random(in: 0...body.count + 5, using: &random)
            for reply in client.send(bytes: Array("Content-Length: \(length)\r\n\r\n".utf8) + body) {
                #expect(reply["jsonrpc"] == .string("2.0"))
                #expect(reply["method"]?.string != nil || reply["id"] != nil)
                replies += 1
            }
        }
        #expect(replies > 100)
        // A frame whose length was too long may still wait for bytes; on a fresh stream, the
        // server answers as before.
        client.decoder = LSPFrameDecoder()
        let (response, _) = client.request("shutdown")
        #expect(response?["result"] == .null)
    }
}
