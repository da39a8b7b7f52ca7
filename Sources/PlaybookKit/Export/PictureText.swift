/// Text as it is drawn in a picture: one line, no control characters, shortened to a number of
/// terminal cells, and cut only between characters (grapheme clusters), so that a family emoji,
/// a Thai letter with its marks or a decomposed Vietnamese vowel is never split.
public enum PictureText {
    /// The longest label a picture shows, in terminal cells.
    public static let maxCells = 40

    /// Cells a character takes: `DisplayWidth.cells`.
    public static func cells(_ character: Character) -> Int { DisplayWidth.cells(character) }

    /// Cells the text takes, character by character.
    public static func cells(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += cells(character) }
        return total
    }

    /// One line: line breaks, tabs and other control characters become spaces, runs of white space
    /// become one space, the ends are trimmed, and the two scalars XML forbids (U+FFFE, U+FFFF)
    /// become U+FFFD, so that every format can hold the text.
    public static func oneLine(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character.unicodeScalars.contains(where: isControl) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            if character.unicodeScalars.contains(where: { $0.value == 0xFFFE || $0.value == 0xFFFF }) {
                result.append("\u{FFFD}")
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// The text on one line, at most `limit` cells wide: when longer, cut and ended with "…". The
    /// cut is at a space when one falls in the last third, so a word is not broken; otherwise
    /// (Chinese, Thai, a long word) between two characters.
    public static func shorten(_ text: String, to limit: Int = maxCells) -> String {
        let line = oneLine(text)
        guard cells(line) > limit else { return line }
        var kept = ""
        var used = 0
        var lastSpace: (index: String.Index, cells: Int)?
        for character in line {
            let width = cells(character)
            if used + width > limit - 1 { break }
            if character == " " { lastSpace = (kept.endIndex, used) }
            kept.append(character)
            used += width
        }
        if let lastSpace, lastSpace.cells * 3 >= (limit - 1) * 2 { kept = String(kept[..<lastSpace.index]) }
        while kept.last == " " { kept.removeLast() }
        return kept + "…"
    }

    /// Lines of at most `width` cells, broken where a terminal line would be (`Wrap`): at spaces,
    /// between Chinese characters but not before their closing punctuation, between Thai words.
    public static func wrap(_ text: String, width: Int) -> [String] {
        Wrap.lines(text, width: max(width, 2))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }
}
