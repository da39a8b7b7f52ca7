import Foundation
import Glibc

@testable import PlaybookKit

/// A client over a raw socket, for the server's tests: it sends bytes exactly as given and reads
/// responses one at a time, so a test can be a slow, a pipelining or a vanishing client.
final class TestClient {
    /// A response as read: status, headers by lower-cased name, body.
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    /// Connected to `127.0.0.1:port` (or `::1`); reads give up after `timeout` seconds.
    init(port: UInt16, ipv6: Bool = false, timeout: Int = 10) throws {
        fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        let connected: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, "::1", &address.sin6_addr)
            connected = withUnsafePointer(to: &address) {
                connect(fd, UnsafeRawPointer($0).assumingMemoryBound(to: sockaddr.self), socklen_t(MemoryLayout<sockaddr_in6>.size))
            }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            connected = withUnsafePointer(to: &address) {
                connect(fd, UnsafeRawPointer($0).assumingMemoryBound(to: sockaddr.self), socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw Failure(description: "connect: errno \(code)")
        }
    }

    deinit { Glibc.close(fd) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw Failure(description: "send: errno \(errno)") }
            offset += sent
        }
    }

    /// Ends what the client sends (a FIN), still reading what comes.
    func finishSending() { shutdown(fd, Int32(SHUT_WR)) }

    /// Reads more into the buffer; false at the end of the stream, on a reset or on the timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// The next response (a 100 Continue too), or nil if the stream ends first. A response to
    /// HEAD has no body, whatever its Content-Length says.
    func response(toHead: Bool = false) -> Response? {
        let end = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        while true {
            if buffer.count >= 4, let found = (0...(buffer.count - 4)).first(where: { buffer[$0..<$0 + 4].elementsEqual(end) }) {
                headEnd = found + 4
                break
            }
            guard fill() else { return nil }
        }
        guard let headEnd else { return nil }
        let lines = String(decoding: buffer[..<(headEnd - 4)], as: UTF8.self).components(separatedBy: "\r\n")
        let statusLine = lines[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let length = headers["content-length"].flatMap { Int($0) } ?? 0
        let bodyLength = status < 200 || toHead ? 0 : length
        while buffer.count < headEnd + bodyLength {
            guard fill() else { return nil }
        }
        let body = String(decoding: buffer[headEnd..<headEnd + bodyLength], as: UTF8.self)
        buffer.removeFirst(headEnd + bodyLength)
        return Response(status: status, headers: headers, body: body)
    }

    /// Whether the server has closed the connection: the stream ends with nothing more on it.
    func isClosedByServer() -> Bool {
        buffer.isEmpty && !fill() && buffer.isEmpty
    }

    /// Whether bytes can be read without waiting (with `within` milliseconds of grace).
    func hasData(within milliseconds: Int32 = 0) -> Bool {
        if !buffer.isEmpty { return true }
        var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0)]
        return poll(&fds, 1, milliseconds) > 0
    }
}
