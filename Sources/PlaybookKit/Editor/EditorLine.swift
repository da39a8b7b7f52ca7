/// One line of a playbook as the editor features read it: its indentation, its tokens (from the
/// language's own lexer) and where a trailing comment starts.
struct EditorLine {
    struct Piece {
        var kind: TokenKind
        var start: Int
        var end: Int
        /// The identifier as written, for identifiers.
        var word: String
        /// A string token that ends with its closing quote.
        var isClosed = false
    }

    /// Byte offset of the line's start and end (before its line break).
    let start: Int
    let end: Int
    /// Where the content starts, after the indentation.
    let contentStart: Int
    var pieces: [Piece] = []
    /// The `#` of a comment, when the line has one.
    var commentStart: Int?

    var indent: Int { contentStart - start }
    var isBlank: Bool { pieces.isEmpty && commentStart == nil }
    /// Blank, or only a comment: such lines take no part in the blocks.
    var isInsignificant: Bool { pieces.isEmpty }
    var firstWord: String? { pieces.first.flatMap { $0.kind == .identifier ? $0.word : nil } }

    /// Reads line `index` of `source` up to `limit` (a byte offset; the line's end by default).
    init(_ source: SourceFile, line index: Int, upTo limit: Int? = nil) {
        var lexer = LineLexer()
        self.init(source, line: index, upTo: limit, lexer: &lexer)
    }

    /// Reads line `index` with `lexer`, whose buffers are reused from line to line.
    init(_ source: SourceFile, line index: Int, upTo limit: Int? = nil, lexer: inout LineLexer) {
        let range = source.lineRange(index)
        start = range.lowerBound
        let bytes = source.bytes
        var content = range.lowerBound
        while content < range.upperBound, bytes[content] == UInt8(ascii: " ") || bytes[content] == UInt8(ascii: "\t") {
            content += 1
        }
        contentStart = content
        end = min(range.upperBound, max(content, limit ?? range.upperBound))
        guard content < end else { return }
        let last = bytes.withUnsafeBufferPointer { buffer in
            Lexer(bytes: buffer, file: 0).tokenize(
                content, end, interner: &lexer.interner, tokens: &lexer.tokens, texts: &lexer.texts,
                diagnostics: &lexer.diagnostics)
        }
        lexer.diagnostics.removeAll(keepingCapacity: true)
        let lineEnd = end
        pieces = lexer.tokens[..<last].map { token in
            Piece(
                kind: token.kind, start: token.start, end: token.end,
                word: token.kind == .identifier ? String(decoding: bytes[token.start..<token.end], as: UTF8.self) : "",
                isClosed: token.kind == .string && token.end - token.start >= 2 && bytes[token.end - 1] == UInt8(ascii: "\""))
        }
        // The lexer stops at a '#' outside strings: whatever follows the last token and starts
        // with one is the comment.
        var cursor = pieces.last?.end ?? content
        while cursor < lineEnd, bytes[cursor] != UInt8(ascii: "#") { cursor += 1 }
        if cursor < lineEnd { commentStart = cursor }
    }

    /// Whether `offset` is inside a string token (between its quotes) or a comment.
    func isInStringOrComment(_ offset: Int) -> Bool {
        if let commentStart, offset > commentStart { return true }
        return pieces.contains { $0.kind == .string && $0.start < offset && (offset < $0.end || !$0.isClosed) }
    }
}

/// The language's lexer with the buffers it fills, kept from line to line.
struct LineLexer {
    var interner = InternerClient(SharedInterner(Interner()))
    var tokens: [Token] = []
    var texts: [Text] = []
    var diagnostics: [Diagnostic] = []
}
