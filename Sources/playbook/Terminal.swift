import Glibc

/// Writes all of `text`, going on after partial writes and interrupted ones; the errno of a
/// failure, or nil.
func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

/// The process's standard streams and what they are attached to.
enum Terminal {
    static func write(_ text: String, to descriptor: Int32 = STDOUT_FILENO) {
        _ = writeAll(text, to: descriptor)
    }

    static func error(_ text: String) { write(text, to: STDERR_FILENO) }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static func wantsColor(_ descriptor: Int32, choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
            return isatty(descriptor) == 1
        }
    }
}

enum ColorChoice: String, CaseIterable {
    case auto, always, never
}
