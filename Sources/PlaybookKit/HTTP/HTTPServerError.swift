import Glibc

/// Why a server could not listen.
public enum HTTPServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another program (or another `playbook serve`) listens on the port.
    case portInUse(UInt16)
    /// A port below 1024 without the privilege for it.
    case portNeedsPrivilege(UInt16)
    /// The host is not an IP address of this machine (`127.0.0.1`, `::1`, `localhost`, ...).
    case notAnAddress(String)
    /// A system call failed: its name and `errno`.
    case system(String, Int32)

    /// The error as a user reads it: "port 8080 is in use".
    public var description: String {
        switch self {
        case .portInUse(let port): "port \(port) is in use"
        case .portNeedsPrivilege(let port): "port \(port) needs privileges; use a port from 1024 up"
        case .notAnAddress(let host): "cannot listen on '\(host)': not an IP address of this machine"
        case .system(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
