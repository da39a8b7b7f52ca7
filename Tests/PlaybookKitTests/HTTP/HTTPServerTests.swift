import Glibc
import Synchronization
import Testing

@testable import PlaybookKit

/// The server over real sockets on 127.0.0.1, with raw clients: keep-alive, pipelining, closing,
/// the deadlines, the connection limit and clients that vanish. Times are shortened and only
/// ever compared with generous margins: which came first, never how fast.
@Suite(.serialized)
struct HTTPServerTests {
    /// Answers with the method and path; `/big` with 16 MiB; `/slow` after 300 ms.
    static let echo: HTTPServer.Handler = { request in
        switch request.path {
        case "/big": return .bytes([UInt8](repeating: 0x61, count: 16 << 20), contentType: "application/octet-stream")
        case "/slow":
            usleep(300_000)
            return .text("slow")
        default:
            let body = request.body.isEmpty ? "" : " " + String(decoding: request.body, as: UTF8.self)
            return .text("\(request.method) \(request.path)\(body)")
        }
    }

    static func limits(_ change: (inout HTTPLimits) -> Void = { _ in }) -> HTTPLimits {
        var limits = HTTPLimits()
        limits.headTimeout = .milliseconds(300)
        limits.bodyTimeout = .milliseconds(300)
        limits.idleTimeout = .milliseconds(300)
        change(&limits)
        return limits
    }

    static func serving(_ limits: HTTPLimits = limits(), host: String = "127.0.0.1", _ body: (HTTPServer) throws -> Void) throws {
        let server = try HTTPServer(host: host, port: 0, limits: limits, handler: echo)
        try server.start()
        defer { server.stop() }
        try body(server)
    }

    static let get = "GET /one HTTP/1.1\r\nHost: h\r\n\r\n"

    @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
        try Self.serving { server in
            let client = try TestClient(port: server.port)
            try client.send(Self.get)
            let first = try #require(client.response())
            #expect(first.status == 200)
            #expect(first.body == "GET /one")
            #expect(first.headers["content-length"] == "8")
            #expect(first.headers["connection"] == nil)
            try client.send("POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\nbody")
            #expect(client.response()?.body == "POST /two body")
        }
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        try Self.serving { server in
            let client = try TestClient(port: server.port)
            // The slow one first: the second must still come after it.
            try client.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\nGET /fast HTTP/1.1\r\nHost: h\r\n\r\nHEAD /head HTTP/1.1\r\nHost: h\r\n\r\n")
            #expect(client.response()?.body == "slow")
            #expect(client.response()?.body == "GET /fast")
            let head = try #require(client.response(toHead: true))
            #expect(head.headers["content-length"] == "10")
            #expect(head.body == "")
            // Nothing after the HEAD response: it had no body.
            #expect(!client.hasData(within: 100))
        }
    }

    @Test func connectionCloseIsHonoured() throws {
        try Self.serving { server in
            let client = try TestClient(port: server.port)
            try client.send("GET /bye HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            let response = try #require(client.response())
            #expect(response.headers["connection"] == "close")
            #expect(client.isClosedByServer())
            // HTTP/1.0 closes unless asked to keep the connection.
            let old = try TestClient(port: server.port)
            try old.send("GET /old HTTP/1.0\r\n\r\n")
            #expect(old.response()?.body == "GET /old")
            #expect(old.isClosedByServer())
            let kept = try TestClient(port: server.port)
            try kept.send("GET /kept HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.response()?.headers["connection"] == "keep-alive")
            try kept.send("GET /again HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
            #expect(kept.response()?.body == "GET /again")
        }
    }

    @Test func malformedRequestIsRefusedAndClosed() throws {
        try Self.serving { server in
            let client = try TestClient(port: server.port)
            try client.send("GET / HTTP/1.1\r\nHost : h\r\n\r\n")
            let response = try #require(client.response())
            #expect(response.status == 400)
            #expect(response.body == "a space before the colon of a header\n")
            #expect(response.headers["content-type"] == "text/plain; charset=utf-8")
            #expect(client.isClosedByServer())
        }
    }

    @Test func expectContinueGetsTheInterimResponse() throws {
        try Self.serving { server in
            let client = try TestClient(port: server.port)
            try client.send("POST /up HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
            #expect(client.response()?.status == 100)
            try client.send("hello")
            #expect(client.response()?.body == "POST /up hello")
        }
    }

    /// One client stuck halfway through its head holds only its own thread: another is answered
    /// while it waits, and it is told 408 once its head deadline passes.
    @Test func slowClientDoesNotHoldOthers() throws {
        try Self.serving(Self.limits { $0.headTimeout = .seconds(2) }) { server in
            let slow = try TestClient(port: server.port)
            try slow.send("GET /slow HTTP/1.1\r\nHo")
            let other = try TestClient(port: server.port)
            try other.send(Self.get)
            #expect(other.response()?.status == 200)
            // Answered before the slow one's deadline: it has heard nothing yet.
            #expect(!slow.hasData())
            let late = try #require(slow.response())
            #expect(late.status == 408)
            #expect(late.body == "the request head did not arrive in time\n")
            #expect(slow.isClosedByServer())
        }
    }

    @Test func slowBodyGets408() throws {
        try Self.serving { server in
            let client = try TestClient(port: server.port)
            try client.send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nhalf")
            #expect(client.response()?.status == 408)
        }
    }

    @Test func silentClientIsClosedAfterTheIdleTimeout() throws {
        try Self.serving { server in
            let silent = try TestClient(port: server.port)
            #expect(silent.isClosedByServer())
            // So is a kept-alive one after its last response.
            let kept = try TestClient(port: server.port)
            try kept.send(Self.get)
            #expect(kept.response()?.status == 200)
            #expect(kept.isClosedByServer())
        }
    }

    /// 300 clients at once against a limit of 256: each of the 256 is served, the 44 others are
    /// told 503 at once.
    @Test func connectionsOverTheLimitGet503() throws {
        try Self.serving(Self.limits { $0.idleTimeout = .seconds(30) }) { server in
            let clients = try (0..<300).map { _ in try TestClient(port: server.port) }
            for client in clients { try client.send(Self.get) }
            let statuses = clients.map { $0.response()?.status }
            #expect(statuses.count { $0 == 200 } == 256)
            #expect(statuses.count { $0 == 503 } == 44)
        }
    }

    /// A client that goes away mid-response costs the server a failed send, not a SIGPIPE (which
    /// would end this test process: the runner keeps its default action, checked here).
    @Test func clientClosingMidResponseDoesNotHurtTheServer() throws {
        var action = sigaction()
        sigaction(SIGPIPE, nil, &action)
        #expect(action.__sigaction_handler.sa_handler == nil, "SIGPIPE is not at its default action")
        try Self.serving { server in
            // Closing with the response unread resets the connection. Once the client has also
            // ended its side, the reset makes the server's next send fail with EPIPE, the error
            // that raises SIGPIPE; without that, with ECONNRESET, which does not.
            for finishFirst in [false, true, false, true] {
                let client = try TestClient(port: server.port)
                try client.send("GET /big HTTP/1.1\r\nHost: h\r\n\r\n")
                if finishFirst { client.finishSending() }
                #expect(client.hasData(within: 5000))
            }
            usleep(200_000)
            let after = try TestClient(port: server.port)
            try after.send(Self.get)
            #expect(after.response()?.status == 200)
        }
    }

    @Test func portInUseIsSaid() throws {
        try Self.serving { server in
            #expect(throws: HTTPServerError.portInUse(server.port)) {
                _ = try HTTPServer(host: "127.0.0.1", port: server.port, handler: Self.echo)
            }
            #expect(HTTPServerError.portInUse(8080).description == "port 8080 is in use")
        }
        #expect(throws: HTTPServerError.notAnAddress("example.com")) {
            _ = try HTTPServer(host: "example.com", port: 0, handler: Self.echo)
        }
    }

    @Test func servesOnIPv6Loopback() throws {
        try Self.serving(host: "[::1]") { server in
            let client = try TestClient(port: server.port, ipv6: true)
            try client.send(Self.get)
            #expect(client.response()?.status == 200)
        }
    }

    /// After stop, the port takes no connection, and a request being handled was still answered.
    @Test func stopLetsTheRequestInHandFinish() throws {
        let server = try HTTPServer(host: "127.0.0.1", port: 0, limits: Self.limits(), handler: Self.echo)
        try server.start()
        let client = try TestClient(port: server.port)
        try client.send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n")
        usleep(100_000)
        server.stop()
        let response = try #require(client.response())
        #expect(response.body == "slow")
        #expect(response.headers["connection"] == "close")
        #expect(throws: TestClient.Failure.self) { _ = try TestClient(port: server.port) }
    }
}
