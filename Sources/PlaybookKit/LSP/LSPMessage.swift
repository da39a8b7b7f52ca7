/// The id of a request: a whole number or a string, given back as the client wrote it.
public enum LSPRequestID: Sendable, Hashable {
    case number(Int)
    case string(String)

    /// The id as it goes back in the response.
    public var json: JSON {
        switch self {
        case .number(let value): .int(value)
        case .string(let value): .string(value)
        }
    }

    /// The id a message carries, if it is one JSON-RPC allows (a number with a fraction, an
    /// object or null is not).
    init?(_ json: JSON) {
        switch json {
        case .int(let value): self = .number(value)
        case .string(let value): self = .string(value)
        default: return nil
        }
    }
}

/// An error response's code and message (JSON-RPC 2.0 and LSP 3.17's codes).
public struct LSPError: Error, Sendable, Equatable {
    public var code: Int
    /// One lowercase line that stands alone.
    public var message: String

    /// An error with this code and message.
    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The body is not JSON.
    public static func parseError(_ message: String) -> LSPError { LSPError(-32700, message) }
    /// The JSON is not a request, a notification or a response; or the request is not allowed now.
    public static func invalidRequest(_ message: String) -> LSPError { LSPError(-32600, message) }
    /// No such method.
    public static func methodNotFound(_ method: String) -> LSPError {
        LSPError(-32601, "no method '\(TerminalText.safe(method))' in this server")
    }
    /// The params are not what the method takes.
    public static func invalidParams(_ message: String) -> LSPError { LSPError(-32602, message) }
    /// A request before `initialize`.
    public static let serverNotInitialized = LSPError(-32002, "the server is not initialized: send 'initialize' first")
    /// The params are right but the request cannot be done (LSP 3.17's RequestFailed).
    public static func requestFailed(_ message: String) -> LSPError { LSPError(-32803, message) }

    /// The error object of a response.
    public var json: JSON { .object(["code": .int(code), "message": .string(message)]) }
}

/// One message of JSON-RPC 2.0 as LSP uses it.
public enum LSPMessage: Sendable, Equatable {
    /// A request, which gets one response with its id.
    case request(id: LSPRequestID, method: String, params: JSON)
    /// A notification, which gets none.
    case notification(method: String, params: JSON)
    /// A response from the client to a request of the server's.
    case response(id: LSPRequestID?)

    /// Why a body is not a message, and the id to answer with (null when none can be read).
    public struct Refusal: Error, Sendable, Equatable {
        public var id: JSON
        public var error: LSPError
    }

    /// Reads a message from one body: a refusal with the error response's id and code when the
    /// body is not JSON (-32700) or the JSON is not a message (-32600).
    public static func parse(_ body: [UInt8]) -> Result<LSPMessage, Refusal> {
        switch JSON.parse(body) {
        case .failure(let failure):
            return .failure(Refusal(id: .null, error: .parseError("the message is not JSON: \(failure.message) at byte \(failure.offset)")))
        case .success(let json):
            return read(json)
        }
    }

    /// Reads a message from its JSON.
    public static func read(_ json: JSON) -> Result<LSPMessage, Refusal> {
        guard case .object(let members) = json else {
            let what = json.array != nil ? "a batch (an array), which LSP does not use" : "not an object"
            return .failure(Refusal(id: .null, error: .invalidRequest("the message is \(what)")))
        }
        let rawID = members["id"]
        let id = rawID.flatMap(LSPRequestID.init)
        // An id of the wrong kind cannot be answered under it.
        let answerID = id?.json ?? .null
        func refuse(_ message: String) -> Result<LSPMessage, Refusal> {
            .failure(Refusal(id: answerID, error: .invalidRequest(message)))
        }
        guard members["jsonrpc"] == .string("2.0") else { return refuse("the message has no \"jsonrpc\": \"2.0\"") }
        if let rawID, id == nil, rawID != .null || members["method"] != nil {
            return refuse("the id is neither a whole number nor a string")
        }
        guard let methodValue = members["method"] else {
            guard members["result"] != nil || members["error"] != nil else {
                return refuse("the message has neither a method nor a result or error")
            }
            return .success(.response(id: id))
        }
        guard let method = methodValue.string else { return refuse("the method is not a string") }
        let params = members["params"] ?? .null
        switch params {
        case .object, .array, .null: break
        default: return refuse("the params of '\(TerminalText.safe(method))' are neither an object nor an array")
        }
        if let id { return .success(.request(id: id, method: method, params: params)) }
        return .success(.notification(method: method, params: params))
    }

    /// A success response.
    public static func response(id: LSPRequestID, result: JSON) -> JSON {
        .object(["jsonrpc": .string("2.0"), "id": id.json, "result": result])
    }

    /// An error response; `id` is null when the request's id could not be read.
    public static func errorResponse(id: JSON, _ error: LSPError) -> JSON {
        .object(["jsonrpc": .string("2.0"), "id": id, "error": error.json])
    }

    /// A notification from the server; params of null are left out, as JSON-RPC asks.
    public static func notification(_ method: String, _ params: JSON) -> JSON {
        var members: [String: JSON] = ["jsonrpc": .string("2.0"), "method": .string(method)]
        if params != .null { members["params"] = params }
        return .object(members)
    }
}
