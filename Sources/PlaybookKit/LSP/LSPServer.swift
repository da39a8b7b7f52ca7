/// The language server of `playbook lsp` (LSP 3.17) as a state machine without I/O: the
/// transport gives it each message body as it is framed and sends what it returns, and calls
/// `idle()` when no more input is waiting, which is when diagnostics are checked and published
/// (so that a burst of changes costs one check). Its files come from the loader it is given,
/// with the open documents' text over them.
public struct LSPServer {
    /// Where the server is in its lifecycle.
    public enum Phase: Sendable, Equatable {
        /// Before `initialize`: requests are refused with -32002, notifications dropped.
        case starting
        /// Between `initialize` and `shutdown`.
        case running
        /// After `shutdown`: requests are refused with -32600; only `exit` is heard.
        case shutDown
    }

    /// A request's handler: its params in, its result out, or the error to answer.
    typealias RequestHandler = @Sendable (inout LSPServer, JSON) throws(LSPError) -> JSON
    /// A notification's handler: its params in; what it has to say goes to `outbox`.
    typealias NotificationHandler = @Sendable (inout LSPServer, JSON) throws(LSPError) -> Void

    /// The requests served, by method. Each feature adds its line here, and its capability in
    /// `capabilities()`.
    static let requests: [String: RequestHandler] = [
        "initialize": { server, params throws(LSPError) in try server.initialize(params) },
        "shutdown": { server, _ in server.shutdown() },
        "textDocument/hover": { server, params throws(LSPError) in try server.hover(params) },
        "textDocument/definition": { server, params throws(LSPError) in try server.definition(params) },
        "textDocument/references": { server, params throws(LSPError) in try server.references(params) },
        "textDocument/prepareRename": { server, params throws(LSPError) in try server.prepareRename(params) },
        "textDocument/rename": { server, params throws(LSPError) in try server.rename(params) },
        "textDocument/completion": { server, params throws(LSPError) in try server.completion(params) },
        "textDocument/codeAction": { server, params throws(LSPError) in try server.codeAction(params) },
        "textDocument/formatting": { server, params throws(LSPError) in try server.formatting(params) },
        "textDocument/documentSymbol": { server, params throws(LSPError) in try server.documentSymbol(params) },
        "textDocument/foldingRange": { server, params throws(LSPError) in try server.foldingRange(params) },
        "textDocument/semanticTokens/full": { server, params throws(LSPError) in try server.semanticTokens(params) },
    ]

    /// The notifications heard, by method; any other is ignored.
    static let notifications: [String: NotificationHandler] = [
        "initialized": { _, _ in },
        "exit": { server, _ in server.exit() },
        "$/cancelRequest": { _, _ in },  // Each request is answered before the next is read: none is left to cancel.
        "$/setTrace": { _, _ in },
        "textDocument/didOpen": { server, params throws(LSPError) in try server.didOpen(params) },
        "textDocument/didChange": { server, params throws(LSPError) in try server.didChange(params) },
        "textDocument/didClose": { server, params throws(LSPError) in try server.didClose(params) },
        "textDocument/didSave": { server, params throws(LSPError) in try server.didSave(params) },
    ]

    public internal(set) var phase = Phase.starting
    /// Set by `exit`: the status the process should end with (0 after `shutdown`, 1 without).
    public internal(set) var exitStatus: Int32?
    /// The client's process, from `initialize`: when it is gone, the server should end too.
    public internal(set) var clientProcessID: Int32?
    /// How positions count characters, agreed in `initialize`.
    public internal(set) var encoding = PositionEncoding.utf16
    /// The open documents, by URI as the client wrote it.
    public internal(set) var documents: [String: TextDocument] = [:]
    /// The workspace folders (absolute paths), from `initialize`.
    public internal(set) var roots: [String] = []

    let loader: any SourceLoader
    let lister: any WorkspaceLister
    /// Where the diagnostics' docs pages are (`file:///.../docs/diagnostics`), or nil for none.
    let docsBase: String?
    /// Notifications to send with the next answer (logs, diagnostics).
    var outbox: [JSON] = []
    /// The diagnostics side: checks made, what is due, what was published.
    var diagnostics = DiagnosticsState()

    /// A server that reads files through `loader`, lists workspace files with `lister`, and
    /// links each diagnostic code to its page under `docsBase` (no link when nil).
    public init(loader: any SourceLoader, lister: any WorkspaceLister, docsBase: String?) {
        self.loader = loader
        self.lister = lister
        self.docsBase = docsBase
    }

    /// Takes one message body and returns the messages to send, in order: the response to a
    /// request (or the error response for a body that is not a message), and notifications.
    public mutating func receive(_ body: [UInt8]) -> [JSON] {
        switch LSPMessage.parse(body) {
        case .failure(let refusal):
            outbox.append(LSPMessage.errorResponse(id: refusal.id, refusal.error))
        case .success(.response):
            break  // The server sends no requests that wait for an answer.
        case .success(.request(let id, let method, let params)):
            outbox.append(answer(id: id, method: method, params: params))
        case .success(.notification(let method, let params)):
            hear(method: method, params: params)
        }
        return takeOutbox()
    }

    /// A frame the transport could not read: answered as a parse error with a null id, which is
    /// all JSON-RPC allows when no id can be read.
    public mutating func framingFailed(_ reason: String) -> [JSON] {
        [LSPMessage.errorResponse(id: .null, .parseError("a message could not be read: \(reason)"))]
    }

    private mutating func answer(id: LSPRequestID, method: String, params: JSON) -> JSON {
        switch phase {
        case .starting where method != "initialize":
            return LSPMessage.errorResponse(id: id.json, .serverNotInitialized)
        case .running where method == "initialize":
            return LSPMessage.errorResponse(id: id.json, .invalidRequest("the server is already initialized"))
        case .shutDown:
            return LSPMessage.errorResponse(id: id.json, .invalidRequest("the server is shut down: only 'exit' is heard"))
        default: break
        }
        guard let handler = Self.requests[method] else { return LSPMessage.errorResponse(id: id.json, .methodNotFound(method)) }
        do throws(LSPError) {
            return LSPMessage.response(id: id, result: try handler(&self, params))
        } catch {
            return LSPMessage.errorResponse(id: id.json, error)
        }
    }

    private mutating func hear(method: String, params: JSON) {
        // Before initialize and after shutdown, only exit counts (LSP 3.17, "initialize").
        guard phase == .running || method == "exit", let handler = Self.notifications[method] else { return }
        do throws(LSPError) {
            try handler(&self, params)
        } catch {
            // A notification gets no response: the client hears of the problem in its log.
            log(.warning, "\(method): \(error.message)")
        }
    }

    /// Checks the documents whose diagnostics are due and returns their publishDiagnostics.
    public mutating func idle() -> [JSON] {
        publishDue()
        return takeOutbox()
    }

    /// Whether `idle()` has work: documents to check, or files to publish (a closed one's).
    public var hasPendingWork: Bool { !diagnostics.due.isEmpty || !diagnostics.republish.isEmpty }

    private mutating func takeOutbox() -> [JSON] {
        defer { outbox = [] }
        return outbox
    }

    /// The kinds of window/logMessage.
    enum LogKind: Int {
        case error = 1, warning, info, log
    }

    /// A line for the client's log (window/logMessage): a notification cannot be answered.
    mutating func log(_ kind: LogKind, _ message: String) {
        outbox.append(LSPMessage.notification("window/logMessage", .object(["type": .int(kind.rawValue), "message": .string(message)])))
    }
}
