/// Turns spans of a check's files into LSP locations: the URI of each file (an open document's
/// as the client wrote it, else its path encoded) and the range in the encoding agreed. A file
/// that is not open gets its line index built once, on first use.
struct SpanLocator {
    /// One file of the check, ready to convert offsets in.
    private struct Place {
        var uri: String
        var bytes: [UInt8]
        var lines: LineIndex
        /// The byte order mark the check dropped from its bytes, which the client counts.
        var shift: Int
    }

    let sources: [SourceFile]
    /// The absolute path of each source; nil for the main file of a document that is no file.
    let paths: [String?]
    let main: TextDocument
    let open: [String: TextDocument]
    let encoding: PositionEncoding
    private var places: [Int: Place] = [:]

    /// A locator for `sources`, whose first is the document `main`; `paths` are theirs.
    init(sources: [SourceFile], paths: [String?], main: TextDocument, documents: [String: TextDocument], encoding: PositionEncoding) {
        self.sources = sources
        self.paths = paths
        self.main = main
        var open: [String: TextDocument] = [:]
        for document in documents.values { if let path = document.path { open[path] = document } }
        self.open = open
        self.encoding = encoding
    }

    /// Where a span is: its file's URI and its range.
    mutating func location(of span: Span) -> (uri: String, range: LSPRange) {
        let file = Int(span.file)
        guard sources.indices.contains(file) else {
            return (main.uri, LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0)))
        }
        let place = place(file)
        let size = place.bytes.count - place.shift
        let start = max(0, min(Int(span.start), size)) + place.shift
        let end = max(0, min(Int(span.end), size)) + place.shift
        return (place.uri, place.lines.range(of: start..<max(start, end), in: place.bytes, encoding: encoding))
    }

    /// A location as LSP's `Location` object.
    mutating func locationJSON(of span: Span) -> JSON {
        let (uri, range) = location(of: span)
        return .object(["uri": .string(uri), "range": range.json])
    }

    /// The URI of file `file` of the check.
    mutating func uri(of file: Int) -> String {
        sources.indices.contains(file) ? place(file).uri : main.uri
    }

    private mutating func place(_ file: Int) -> Place {
        if let place = places[file] { return place }
        let source = sources[file]
        let document = file == 0 ? main : paths[file].flatMap { open[$0] }
        let place: Place
        if let document {
            place = Place(uri: document.uri, bytes: document.bytes, lines: document.lines, shift: source.byteOrderMarkLength)
        } else {
            let bytes = (source.byteOrderMarkLength == 3 ? [0xEF, 0xBB, 0xBF] : []) + source.bytes
            let uri = paths[file].map(DocumentURI.uri(of:)) ?? main.uri
            place = Place(uri: uri, bytes: bytes, lines: LineIndex(bytes), shift: source.byteOrderMarkLength)
        }
        places[file] = place
        return place
    }
}
