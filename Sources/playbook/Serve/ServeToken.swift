import Glibc
import PlaybookKit

/// The secret in the address `serve` prints, kept in the sessions folder (`.serve-token`,
/// readable by its owner only) so that a server started again accepts the tabs already open:
/// a rep restarts it, reloads the page, and the deal goes on.
enum ServeToken {
    static let name = ".serve-token"

    /// The token kept in `folder`, or a new one kept there; a new one each time when it
    /// cannot be kept.
    static func load(in folder: SessionFolder) -> String {
        if let kept = try? folder.read(name, path: name), let token = valid(kept) { return token }
        let token = HTTPGate.newToken()
        let temporary = name + ".\(getpid()).part"
        let file = openat(folder.descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { return token }
        let written = writeAll(token + "\n", to: file) == nil && fsync(file) == 0
        close(file)
        // Renamed into place whole: a server started at the same moment reads one token or the other.
        if !written || renameat(folder.descriptor, temporary, folder.descriptor, name) != 0 { unlinkat(folder.descriptor, temporary, 0) }
        return token
    }

    /// 64 hex digits, as `HTTPGate.newToken` makes them (and a line break).
    private static func valid(_ bytes: [UInt8]) -> String? {
        let digits = bytes.last == 0x0A ? bytes.dropLast() : bytes[...]
        guard digits.count == 64, digits.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }
}
