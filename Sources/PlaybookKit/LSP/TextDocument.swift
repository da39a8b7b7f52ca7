/// What a document holds, for the checks the server makes of it.
public enum DocumentLanguage: String, Sendable {
    case playbook
    case scenarios

    /// By the file's extension, else by the client's language id (`playbook`, `scenarios` or
    /// `playbook-scenarios`);
    /// nil for any other document, which the server keeps but does not check.
    public static func of(path: String?, languageID: String?) -> DocumentLanguage? {
        if let path {
            if path.hasSuffix(".playbook") { return .playbook }
            if path.hasSuffix(".scenarios") { return .scenarios }
        }
        // docs/editors.md's set-ups name scenario files `playbook-scenarios`.
        if languageID == "playbook-scenarios" { return .scenarios }
        return languageID.flatMap(DocumentLanguage.init(rawValue:))
    }
}

/// One change of a didChange notification: `text` put in place of `range`, or the whole text
/// when there is no range.
public struct TextChange: Sendable, Equatable {
    public var range: LSPRange?
    public var text: String

    /// The change of `text` in place of `range` (all of the text when nil).
    public init(range: LSPRange?, text: String) {
        self.range = range
        self.text = text
    }
}

/// A document open in the editor: its text as bytes (UTF-8, as the protocol sends it), the
/// version the client gave it, and the index of its lines.
public struct TextDocument: Sendable {
    /// As the client wrote it; diagnostics go back under the same string.
    public let uri: String
    /// The file it is, for a `file:` URI; nil for another scheme (an unsaved `untitled:` buffer).
    public let path: String?
    public let language: DocumentLanguage?
    public private(set) var version: Int
    public private(set) var bytes: [UInt8]
    public private(set) var lines: LineIndex

    /// A document opened with this text.
    public init(uri: String, languageID: String?, version: Int, text: String) {
        self.uri = uri
        path = DocumentURI.path(of: uri)
        language = DocumentLanguage.of(path: path ?? uri, languageID: languageID)
        self.version = version
        bytes = Array(text.utf8)
        lines = LineIndex(bytes)
    }

    /// The byte a position names in the text (clamped: see `LineIndex.offset`).
    public func offset(of position: LSPPosition, encoding: PositionEncoding) -> Int {
        lines.offset(of: position, in: bytes, encoding: encoding)
    }

    /// The position of a byte of the text.
    public func position(of offset: Int, encoding: PositionEncoding) -> LSPPosition {
        lines.position(of: offset, in: bytes, encoding: encoding)
    }

    /// Applies the changes of one didChange in order, each to the text the one before left, and
    /// takes the new version. A range's positions are clamped to the text, and a range whose
    /// start is after its end is taken from the earlier to the later.
    mutating func apply(_ changes: [TextChange], version: Int, encoding: PositionEncoding) {
        for change in changes {
            let inserted = Array(change.text.utf8)
            guard let range = change.range else {
                bytes = inserted
                lines = LineIndex(bytes)
                continue
            }
            let ends = (offset(of: range.start, encoding: encoding), offset(of: range.end, encoding: encoding))
            let replaced = min(ends.0, ends.1)..<max(ends.0, ends.1)
            bytes.replaceSubrange(replaced, with: inserted)
            lines.replace(replaced, with: inserted)
        }
        self.version = version
    }
}
