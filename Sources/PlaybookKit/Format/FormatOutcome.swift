/// What formatting a file gives: its canonical text, or the reasons it was left alone.
public enum FormatOutcome: Sendable {
    /// The file's canonical text (UTF-8, LF line breaks, no byte order mark, one final line break
    /// unless the file is empty). It may equal the input.
    case formatted(String)
    /// The file was not formatted: it has syntax errors (or is not UTF-8 text), so its structure
    /// is not known. These are those diagnostics, their spans into the source as file 0.
    case refused([Diagnostic])

    /// The canonical text, or nil when the file was refused.
    public var text: String? {
        if case .formatted(let text) = self { text } else { nil }
    }
}
