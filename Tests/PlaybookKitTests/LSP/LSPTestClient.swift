import Testing

@testable import PlaybookKit

/// A client for in-process tests of `LSPServer`: it frames each message as a client would,
/// decodes the frames with `LSPFrameDecoder`, hands the bodies to the server, lets it go idle
/// when the input is drained (as the transport does), and keeps what came back.
struct LSPTestClient {
    /// A lister that gives the files of the memory loader under the root.
    struct Lister: WorkspaceLister {
        var files: [String]
        func playbookFiles(under root: String) -> [String] { files.filter { $0.hasPrefix(root + "/") } }
    }

    var server: LSPServer
    var decoder = LSPFrameDecoder()
    private var nextID = 1

    static let docsBase = "file:///docs/diagnostics"

    /// A server over these files (absolute paths), linking codes to `docsBase`.
    init(files: [String: String] = [:]) {
        server = LSPServer(loader: MemoryLoader(files), lister: Lister(files: files.keys.sorted()), docsBase: Self.docsBase)
    }

    /// Sends raw bytes, as a client's pipe would carry them, and returns every message back.
    mutating func send(bytes: [UInt8]) -> [JSON] {
        decoder.feed(bytes)
        var replies: [JSON] = []
        while true {
            switch decoder.next() {
            case .message(let body): replies += server.receive(body)
            case .malformed(let why): replies += server.framingFailed(why)
            case .needMore:
                return replies + server.idle()
            }
        }
    }

    /// Sends messages framed in one write, then lets the server go idle.
    mutating func send(_ messages: [JSON]) -> [JSON] {
        send(bytes: messages.flatMap(LSPFrameDecoder.frame))
    }

    /// A request with the next id; its response and whatever came with it.
    mutating func request(_ method: String, _ params: JSON = .null) -> (response: JSON?, others: [JSON]) {
        let id = nextID
        nextID += 1
        var members: [String: JSON] = ["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method)]
        if params != .null { members["params"] = params }
        let replies = send([.object(members)])
        let response = replies.first { $0["id"] == .int(id) && $0["method"] == nil }
        return (response, replies.filter { $0 != response })
    }

    /// A notification; what the server sent after it.
    mutating func notify(_ method: String, _ params: JSON = .null) -> [JSON] {
        send([LSPMessage.notification(method, params)])
    }

    /// initialize (offering `encodings`, or none) and initialized.
    @discardableResult
    mutating func initialize(encodings: [String]? = nil, root: String = "/w") -> JSON? {
        var capabilities: [String: JSON] = [:]
        if let encodings { capabilities["general"] = .object(["positionEncodings": .array(encodings.map { .string($0) })]) }
        let params: JSON = .object([
            "processId": .null, "rootUri": .string(DocumentURI.uri(of: root)), "capabilities": .object(capabilities),
        ])
        let response = request("initialize", params).response
        _ = notify("initialized", .object([:]))
        return response
    }

    /// didOpen of a file by path; the notifications that came back.
    mutating func open(_ path: String, _ text: String, version: Int = 1) -> [JSON] {
        notify(
            "textDocument/didOpen",
            .object([
                "textDocument": .object([
                    "uri": .string(DocumentURI.uri(of: path)), "languageId": .string("playbook"), "version": .int(version),
                    "text": .string(text),
                ])
            ]))
    }

    /// didChange with incremental changes (start line, start character, end line, end character, text).
    mutating func change(_ path: String, version: Int, _ changes: [(Int, Int, Int, Int, String)]) -> [JSON] {
        notify(
            "textDocument/didChange",
            .object([
                "textDocument": .object(["uri": .string(DocumentURI.uri(of: path)), "version": .int(version)]),
                "contentChanges": .array(
                    changes.map { change in
                        .object([
                            "range": LSPRange(
                                start: LSPPosition(line: change.0, character: change.1), end: LSPPosition(line: change.2, character: change.3)
                            ).json,
                            "text": .string(change.4),
                        ])
                    }),
            ]))
    }

    /// The publishDiagnostics among `messages`, by URI.
    static func published(_ messages: [JSON]) -> [String: JSON] {
        var found: [String: JSON] = [:]
        for message in messages where message["method"] == .string("textDocument/publishDiagnostics") {
            if let uri = message["params"]?["uri"]?.string { found[uri] = message["params"] }
        }
        return found
    }

    /// The diagnostics published for `path` among `messages`; nil when none were.
    static func diagnostics(_ messages: [JSON], _ path: String) -> [JSON]? {
        published(messages)[DocumentURI.uri(of: path)]?["diagnostics"]?.array
    }
}
