/// A position as people count it: 1-based line, 1-based column in characters (Unicode scalars).
public struct Location: Sendable, Hashable {
    public var line: Int
    public var column: Int
}

extension SourceFile {
    /// Line and column of a byte offset.
    public func location(of offset: Int) -> Location {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(of: clamped)
        var column = 1
        var index = lineStart(line)
        while index < clamped {
            // Count scalars: every byte that does not continue a sequence starts one.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return Location(line: line + 1, column: column)
    }
}
