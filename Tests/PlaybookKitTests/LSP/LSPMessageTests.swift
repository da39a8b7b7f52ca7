import Testing

@testable import PlaybookKit

/// JSON-RPC 2.0 messages as LSP uses them: what is a request, a notification or a response, and
/// the error code and id a body that is none of them is answered with.
struct LSPMessageTests {
    static func parsed(_ text: String) -> Result<LSPMessage, LSPMessage.Refusal> { LSPMessage.parse(Array(text.utf8)) }

    @Test func requestsNotificationsAndResponsesAreTold() {
        #expect(
            Self.parsed(#"{"jsonrpc":"2.0","id":7,"method":"initialize","params":{"a":1}}"#)
                == .success(.request(id: .number(7), method: "initialize", params: .object(["a": .int(1)]))))
        #expect(Self.parsed(#"{"jsonrpc":"2.0","id":"x-1","method":"shutdown"}"#) == .success(.request(id: .string("x-1"), method: "shutdown", params: .null)))
        #expect(Self.parsed(#"{"jsonrpc":"2.0","method":"exit"}"#) == .success(.notification(method: "exit", params: .null)))
        #expect(Self.parsed(#"{"jsonrpc":"2.0","id":3,"result":null}"#) == .success(.response(id: .number(3))))
        #expect(Self.parsed(#"{"jsonrpc":"2.0","id":null,"error":{"code":-1,"message":"m"}}"#) == .success(.response(id: nil)))
    }

    /// The code and the id of the refusal.
    static func refusal(_ text: String) -> (Int, JSON)? {
        guard case .failure(let refusal) = parsed(text) else { return nil }
        return (refusal.error.code, refusal.id)
    }

    @Test func aBodyThatIsNotJSONIsAParseErrorWithANullID() throws {
        let refusal = try #require(Self.refusal(#"{"jsonrpc":"2.0","id":1,"method":"#))
        #expect(refusal == (-32700, .null))
        #expect(Self.refusal("\u{FF}") ?? (0, .null) == (-32700, .null))
    }

    @Test func jsonThatIsNotAMessageIsAnInvalidRequest() {
        for text in ["[]", "[1]", "3", #""s""#, "{}", #"{"jsonrpc":"2.0"}"#, #"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#, #"{"jsonrpc":"2.0","id":{},"method":"m"}"#] {
            #expect(Self.refusal(text) ?? (0, .bool(false)) == (-32600, .null), "\(text)")
        }
        // Refusals of a message whose id could be read carry it.
        for text in [#"{"id":4,"method":"m"}"#, #"{"jsonrpc":"1.0","id":4,"method":"m"}"#, #"{"jsonrpc":"2.0","id":4,"method":5}"#, #"{"jsonrpc":"2.0","id":4,"method":"m","params":3}"#] {
            #expect(Self.refusal(text) ?? (0, .null) == (-32600, .int(4)), "\(text)")
        }
    }

    @Test func responsesAndNotificationsAreWrittenAsTheProtocolSays() {
        #expect(LSPMessage.response(id: .number(1), result: .null).text == #"{"id":1,"jsonrpc":"2.0","result":null}"#)
        #expect(
            LSPMessage.errorResponse(id: .null, .parseError("bad")).text == #"{"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"}"#)
        #expect(LSPMessage.notification("exit", .null).text == #"{"jsonrpc":"2.0","method":"exit"}"#)
        #expect(LSPError.methodNotFound("a\u{1B}b").message == "no method 'a<U+1B>b' in this server")
    }
}
