/// initialize, shutdown and exit (LSP 3.17, "Lifecycle Messages").
extension LSPServer {
    /// Agrees the position encoding, takes the workspace folders and the client's process, and
    /// says what the server can do.
    mutating func initialize(_ params: JSON) throws(LSPError) -> JSON {
        guard case .object = params else { throw .invalidParams("initialize takes an object of params") }
        switch params["processId"] {
        case nil, .null?: clientProcessID = nil
        case .int(let id)? where id > 0 && id <= Int(Int32.max): clientProcessID = Int32(id)
        default: throw .invalidParams("processId is neither a process id nor null")
        }
        encoding = Self.encoding(offered: params["capabilities"]?["general"]?["positionEncodings"]?.array ?? [])
        var folders = (params["workspaceFolders"]?.array ?? []).compactMap { $0["uri"]?.string.flatMap(DocumentURI.path(of:)) }
        if folders.isEmpty, let root = params["rootUri"]?.string.flatMap(DocumentURI.path(of:)) { folders = [root] }
        if folders.isEmpty, let root = params["rootPath"]?.string, root.hasPrefix("/") { folders = [root] }
        roots = folders.map(PlaybookPath.normalize)
        phase = .running
        return .object([
            "capabilities": .object(capabilities()),
            "serverInfo": .object(["name": .string("playbook")]),
        ])
    }

    /// What the server does, as initialize's result says it. A feature adds its capability here
    /// beside its handler in `requests`.
    func capabilities() -> [String: JSON] {
        [
            "positionEncoding": .string(encoding.rawValue),
            "textDocumentSync": .object([
                "openClose": .bool(true),
                "change": .int(2),  // TextDocumentSyncKind.Incremental
                "save": .object(["includeText": .bool(false)]),
            ]),
            "hoverProvider": .bool(true),
            "definitionProvider": .bool(true),
            "referencesProvider": .bool(true),
            "renameProvider": .object(["prepareProvider": .bool(true)]),
            "completionProvider": .object(["triggerCharacters": .array([" ", ">", "\""].map(JSON.string))]),
            "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix")])]),
            "documentFormattingProvider": .bool(true),
            "documentSymbolProvider": .bool(true),
            "foldingRangeProvider": .bool(true),
            "semanticTokensProvider": .object([
                "legend": .object([
                    "tokenTypes": .array(Self.semanticTokenTypes.map(JSON.string)),
                    "tokenModifiers": .array(Self.semanticTokenModifiers.map(JSON.string)),
                ]),
                "full": .bool(true),
            ]),
        ]
    }

    /// The first encoding the client offers that the server counts in (it offers them in the
    /// order it prefers); UTF-16, which every client must support, when it offers none of them.
    static func encoding(offered: [JSON]) -> PositionEncoding {
        offered.lazy.compactMap { $0.string.flatMap(PositionEncoding.init(rawValue:)) }.first ?? .utf16
    }

    mutating func shutdown() -> JSON {
        phase = .shutDown
        return .null
    }

    mutating func exit() {
        exitStatus = phase == .shutDown ? 0 : 1
    }
}
