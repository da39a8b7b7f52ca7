import Glibc

/// Writes all of `text`, going on after partial writes and interrupted ones; the errno of a
/// failure, or nil.
func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { writeAll($0, to: descriptor) }
}

/// Writes all of `bytes`, the same way.
func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return nil
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

    /// The width in cells to wrap the runner's text at: `option` (`--width N`; 0: none), else the
    /// terminal's when standard output is one, else `$COLUMNS`, else nil: piped output is left as
    /// written.
    static func width(option: Int?) -> Int? {
        if let option { return option > 0 ? option : nil }
        var size = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)), columns > 0 { return columns }
        return nil
    }

    /// `--width N`: a whole number of cells, 0 for no wrapping.
    static func widthOption(_ arguments: Arguments) throws(UsageError) -> Int? {
        guard let text = arguments.value("--width") else { return nil }
        guard let width = Int(text), width >= 0 else {
            throw UsageError("--width takes a whole number of terminal cells, 0 for no wrapping (not '\(text)')")
        }
        return width
    }
}

enum ColorChoice: String, CaseIterable {
    case auto, always, never
}
