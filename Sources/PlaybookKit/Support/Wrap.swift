/// Text wrapped to a width in terminal cells (CJK 2 cells, combining marks 0), at the places
/// `LineBreaker` allows: spaces, between CJK characters, between Thai words.
///
/// ANSI escape sequences (`ESC [ ... m`) pass through taking no cells and are never split. The
/// spaces at a break are dropped. A word longer than a line is cut between two characters, never
/// inside a grapheme cluster, and inside a Thai cluster only when the line holds nothing else.
public enum Wrap {
    /// The text as lines of at most `width` cells. Each line after the first (after a line break
    /// in the text, or one this makes) starts with `hanging` spaces, at most half the width, so
    /// that a wrapped item reads as one (`  1. `, `  +3 · `). A width of 0 or less: the text's own
    /// lines, unchanged.
    public static func lines(_ text: String, width: Int, hanging: Int = 0) -> [String] {
        let hardLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard width > 0 else { return hardLines.map(String.init) }
        let indent = max(0, min(hanging, width / 2))
        var lines: [String] = []
        for (number, hardLine) in hardLines.enumerated() {
            if hardLine.isEmpty {
                lines.append("")
                continue
            }
            lines += wrap(String(hardLine), width: width, first: number == 0 ? 0 : indent, hanging: indent)
        }
        return lines
    }

    /// `lines` joined by line breaks.
    public static func wrap(_ text: String, width: Int, hanging: Int = 0) -> String {
        lines(text, width: width, hanging: hanging).joined(separator: "\n")
    }

    /// Cells a line takes on a terminal, escape sequences taking none.
    public static func cells(_ text: String) -> Int { cells(of: Line.split(text).visible) }

    private static func cells(of visible: String) -> Int {
        var column = 0
        for character in visible { column += cells(character, at: column) }
        return column
    }

    /// Tabs go to the next multiple of 8, as on a terminal.
    private static func cells(_ character: Character, at column: Int) -> Int {
        character == "\t" ? 8 - column % 8 : DisplayWidth.cells(character)
    }

    /// One line of text without line breaks: its visible characters, and the escape sequences that
    /// come before each (`escapes[count]`: after the last).
    private struct Line {
        let breaker: LineBreaker
        let escapes: [String]

        /// The text without its escape sequences, and each sequence with the offset (in scalars of
        /// the visible text) where it stood.
        static func split(_ text: String) -> (visible: String, escapes: [(offset: Int, text: String)]) {
            guard text.unicodeScalars.contains("\u{1B}") else { return (text, []) }
            var visible = String.UnicodeScalarView()
            var visibleCount = 0
            var found: [(offset: Int, text: String)] = []
            let scalars = Array(text.unicodeScalars)
            var index = 0
            while index < scalars.count {
                guard scalars[index] == "\u{1B}" else {
                    visible.append(scalars[index])
                    visibleCount += 1
                    index += 1
                    continue
                }
                // CSI: ESC [ parameters, then a final byte from @ to ~; else ESC and one more.
                var end = index + 1
                if end < scalars.count, scalars[end] == "[" {
                    end += 1
                    while end < scalars.count, !(0x40...0x7E).contains(scalars[end].value) { end += 1 }
                }
                end = min(end + 1, scalars.count)
                found.append((visibleCount, String(String.UnicodeScalarView(scalars[index..<end]))))
                index = end
            }
            return (String(visible), found)
        }

        init(visible: String, escapes found: [(offset: Int, text: String)]) {
            breaker = LineBreaker(visible)
            // An escape goes before the first character that starts at or after it.
            var escapes = Array(repeating: "", count: breaker.characters.count + 1)
            var character = 0
            var offset = 0
            for escape in found {
                while character < breaker.characters.count, offset < escape.offset {
                    offset += breaker.characters[character].unicodeScalars.count
                    character += 1
                }
                escapes[character] += escape.text
            }
            self.escapes = escapes
        }

        /// Characters `range`, each after its escapes.
        func text(_ range: Range<Int>) -> String {
            var out = ""
            for index in range { out += escapes[index] + String(breaker.characters[index]) }
            return out
        }
    }

    /// One line of the text (no line breaks in it), the first line starting after `first` cells of
    /// indentation, the others after `hanging`.
    private static func wrap(_ text: String, width: Int, first: Int, hanging: Int) -> [String] {
        let (visible, escapes) = Line.split(text)
        // Most lines fit: no need to find where they could break.
        if first == 0, cells(of: visible) <= width { return [text] }
        let line = Line(visible: visible, escapes: escapes)
        let pieces = self.pieces(line.breaker, width: width, first: first, hanging: hanging)
        guard pieces.count > 1 || first > 0 else { return [text] }
        let count = line.breaker.characters.count
        return pieces.enumerated().map { number, piece in
            var shown = String(repeating: " ", count: number == 0 ? first : hanging) + line.text(piece.start..<piece.kept)
            // The escapes of the spaces dropped at the break, and after the last character.
            for index in piece.kept..<piece.end { shown += line.escapes[index] }
            return piece.end == count ? shown + line.escapes[count] : shown
        }
    }

    /// One line as shown: `characters[start..<kept]`, then the spaces up to `end` that the break
    /// drops.
    struct Piece: Equatable {
        var start: Int
        var kept: Int
        var end: Int
    }

    /// Where a line of text without line breaks is broken to fit `width`, the first line after
    /// `first` cells of indentation and the others after `hanging`.
    static func pieces(_ breaker: LineBreaker, width: Int, first: Int = 0, hanging: Int = 0) -> [Piece] {
        let characters = breaker.characters
        let count = characters.count
        var pieces: [Piece] = []
        var start = 0
        var indent = first
        while start < count || pieces.isEmpty {
            let room = width - indent
            var column = 0
            var lastBreak: Int?
            var hasContent = false
            var overflow: Int?
            var index = start
            while index < count {
                let character = characters[index]
                if hasContent, breaker.canBreak(before: index) { lastBreak = index }
                let isSpace = LineBreaker.isSpace(character)
                let taken = cells(character, at: indent + column)
                // Spaces never overflow: at a break they are dropped.
                if !isSpace, index > start, column + taken > room {
                    overflow = index
                    break
                }
                column += taken
                if !isSpace { hasContent = true }
                index += 1
            }
            guard let overflow else {
                pieces.append(Piece(start: start, kept: count, end: count))
                break
            }
            var end = lastBreak ?? overflow
            if lastBreak == nil {
                // A word longer than the line: cut it, outside a Thai cluster if the line allows.
                var cut = overflow
                while cut > start + 1, !breaker.canCut(before: cut) { cut -= 1 }
                if breaker.canCut(before: cut) { end = cut }
            }
            var kept = end
            while kept > start, LineBreaker.isSpace(characters[kept - 1]) { kept -= 1 }
            pieces.append(Piece(start: start, kept: kept, end: end))
            start = end
            indent = hanging
        }
        return pieces
    }
}
