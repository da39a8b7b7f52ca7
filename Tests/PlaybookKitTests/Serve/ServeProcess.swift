import Foundation
import Glibc
import Testing

/// `playbook serve` running for a test, and a browser's side of it over raw sockets: the token
/// traded for its cookie, same-origin form posts, redirects read back.
final class ServeProcess {
    let process: LiveProcess
    let port: UInt16
    let token: String
    let sessions: URL

    /// Serves `operands` (in `workspace`) with records in `workspace/sessions`.
    init(_ workspace: CommandLineTests.Workspace, _ operands: [String], sessions: URL? = nil) throws {
        let binary = try #require(CommandLineTests.binary)
        self.sessions = sessions ?? workspace.folder.appendingPathComponent("sessions")
        process = try LiveProcess(binary, ["serve"] + operands + ["--sessions", self.sessions.path], in: workspace.folder)
        try process.waitFor("?token=")
        try process.waitFor("\n")
        let address = try #require(process.text.split(separator: "\n").first { $0.contains("http://") }).trimmingCharacters(in: .whitespaces)
        let afterHost = try #require(address.split(separator: ":").last)
        port = try #require(UInt16(afterHost.prefix { $0.isNumber }))
        token = try #require(address.components(separatedBy: "token=").last)
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

    /// Ctrl-C, and how the server ended.
    func interrupt() throws -> LiveProcess.Ending {
        kill(process.processIdentifier, SIGINT)
        return try process.waitForExit()
    }

    /// One request on a connection of its own, with the cookie (unless `cookie` is false), and
    /// for a POST the form and this server's Origin.
    func request(_ method: String, _ path: String, form: [String: String]? = nil, cookie: Bool = true, origin: String? = nil) throws -> TestClient.Response {
        let client = try TestClient(port: port)
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        if cookie { head += "Cookie: playbook_token=\(token)\r\n" }
        var body = ""
        if let form {
            body = form.sorted { $0.key < $1.key }.map { Self.encode($0.key) + "=" + Self.encode($0.value) }.joined(separator: "&")
            head += "Origin: \(origin ?? "http://127.0.0.1:\(port)")\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n"
        }
        try client.send(head + "\r\n" + body)
        return try #require(client.response(), "no response to \(method) \(path)")
    }

    func get(_ path: String) throws -> TestClient.Response { try request("GET", path) }
    func post(_ path: String, _ form: [String: String]) throws -> TestClient.Response { try request("POST", path, form: form) }

    /// Starts a deal of the playbook served as `playbook`; returns the session's id and the tab's lease.
    func start(_ playbook: String, rep: String = "Dana") throws -> (session: String, lease: String) {
        let started = try post("/start", ["playbook": playbook, "mode": "run", "rep": rep, "deal": "Acme"])
        #expect(started.status == 303, "\(started.body)")
        return try Self.walkAddress(try #require(started.headers["location"]))
    }

    /// `/walk/ID?lease=L` read back.
    static func walkAddress(_ location: String) throws -> (session: String, lease: String) {
        let parts = location.components(separatedBy: "/walk/").last?.components(separatedBy: "?lease=") ?? []
        try #require(parts.count == 2, "not a walk address: \(location)")
        return (parts[0], parts[1])
    }

    /// The `turn` the walk page's forms carry.
    static func turn(of page: String) throws -> String {
        let marker = #"name="turn" value=""#
        let start = try #require(page.range(of: marker), "no turn field in the page")
        return String(page[start.upperBound...].prefix { $0 != "\"" })
    }

    /// The record of `session`, as its events' names.
    func events(_ session: String) throws -> [String] {
        let text = try String(contentsOf: sessions.appendingPathComponent(session + ".jsonl"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["event"] as? String
        }
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
