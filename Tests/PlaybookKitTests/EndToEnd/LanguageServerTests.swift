import Foundation
import Glibc
import Testing

@testable import PlaybookKit

/// The built `playbook lsp` over real pipes: its exit statuses, that it ends when its client
/// goes (input closed, process gone), that garbage is answered and the stream goes on, and a
/// broken playbook on disk diagnosed with links to the docs pages.
struct LanguageServerTests {
    @Test func shutdownThenExitEndsWithZero() throws {
        let workspace = try CommandLineTests.Workspace()
        let server = try LanguageServerProcess(in: workspace.folder)
        let initialized = try server.initialize(folder: workspace.folder)
        #expect(initialized["result"]?["capabilities"]?["positionEncoding"] == .string("utf-16"))
        #expect(try server.request("shutdown").text == #"{"id":2,"jsonrpc":"2.0","result":null}"#)
        try server.notify("exit")
        #expect(try server.waitForExit() == 0)
        #expect(server.errorText == "")
    }

    @Test func exitWithoutShutdownEndsWithOne() throws {
        let workspace = try CommandLineTests.Workspace()
        let server = try LanguageServerProcess(in: workspace.folder)
        _ = try server.initialize(folder: workspace.folder)
        try server.notify("exit")
        #expect(try server.waitForExit() == 1)
    }

    @Test func theEndOfItsInputEndsIt() throws {
        let workspace = try CommandLineTests.Workspace()
        let server = try LanguageServerProcess(in: workspace.folder)
        _ = try server.initialize(folder: workspace.folder)
        try server.closeInput()
        #expect(try server.waitForExit() == 1)
    }

    @Test func itEndsWhenTheClientsProcessIsGone() throws {
        let workspace = try CommandLineTests.Workspace()
        let client = Process()
        client.executableURL = URL(fileURLWithPath: "/bin/sleep")
        client.arguments = ["60"]
        try client.run()
        let server = try LanguageServerProcess(in: workspace.folder)
        _ = try server.initialize(folder: workspace.folder, processID: client.processIdentifier)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(server.isRunning)
        kill(client.processIdentifier, SIGKILL)
        client.waitUntilExit()
        // Its input stays open: only the check of the process can end it.
        #expect(try server.waitForExit(timeout: 10) == 1)
        #expect(server.errorText.contains("is gone"))
    }

    @Test func garbageIsAnsweredAndTheStreamGoesOn() throws {
        let workspace = try CommandLineTests.Workspace()
        let server = try LanguageServerProcess(in: workspace.folder)
        try server.write(Array("Content-Length: 3\r\n\r\nabc".utf8))
        let notJSON = try server.waitFor("a parse error") { $0["error"] != nil }
        #expect(notJSON["error"]?["code"] == .int(-32700))
        #expect(notJSON["id"] == .null)
        try server.write(Array("Content-Length: zz\r\n\r\n{}".utf8) + Array(repeating: 0xFF, count: 100))
        let badFrame = try server.waitFor("the refusal of a bad frame") { $0["error"] != nil }
        #expect(badFrame["error"]?["message"]?.string?.contains("Content-Length") == true)
        #expect(try server.request("shutdown")["error"]?["code"] == .int(-32002))
        _ = try server.initialize(folder: workspace.folder)
        #expect(try server.request("shutdown")["result"] == .null)
        try server.notify("exit")
        #expect(try server.waitForExit() == 0)
        #expect(server.errorText.contains("playbook lsp: a Content-Length that is not a number of bytes: 'zz'"))
    }

    @Test func aBrokenPlaybookOnDiskIsDiagnosedWithLinksToTheDocs() throws {
        let workspace = try CommandLineTests.Workspace()
        try workspace.copyFixture("broken.playbook")
        let path = workspace.folder.appendingPathComponent("broken.playbook").path
        let server = try LanguageServerProcess(in: workspace.folder)
        _ = try server.initialize(folder: workspace.folder)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try server.notify(
            "textDocument/didOpen",
            .object([
                "textDocument": .object([
                    "uri": .string(DocumentURI.uri(of: path)), "languageId": .string("playbook"), "version": .int(1), "text": .string(text),
                ])
            ]))
        let published = try server.waitFor("the diagnostics") { $0["method"] == .string("textDocument/publishDiagnostics") }
        let diagnostic = try #require(published["params"]?["diagnostics"]?.array?.first)
        #expect(diagnostic["code"] == .string("PB0202"))
        #expect(diagnostic["range"]?["start"] == LSPPosition(line: 5, character: 11).json)
        // The docs of the source tree the binary was built in.
        let href = try #require(diagnostic["codeDescription"]?["href"]?.string)
        let page = try #require(DocumentURI.path(of: href))
        #expect(page.hasSuffix("/docs/diagnostics/PB0202-unknown-target.md"))
        #expect(FileManager.default.fileExists(atPath: page))
        // Closing it clears them, though nothing else is left to check.
        try server.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(DocumentURI.uri(of: path))])]))
        let cleared = try server.waitFor("the diagnostics cleared") { $0["method"] == .string("textDocument/publishDiagnostics") }
        #expect(cleared["params"]?["diagnostics"] == .array([]))
        _ = try server.request("shutdown")
        try server.notify("exit")
        #expect(try server.waitForExit() == 0)
    }

    @Test func onATerminalItSaysWhatItIs() throws {
        let workspace = try CommandLineTests.Workspace()
        let binary = try #require(CommandLineTests.binary)
        let process = try LiveProcess.onTerminal("'\(binary.path)' lsp", in: workspace.folder)
        try process.waitFor("this is the language server")
        try process.type(byte: 0x04)
        #expect(try process.waitForExit() == .exited(1))
    }
}
