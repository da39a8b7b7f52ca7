/// Text as a picture or a table cell shows it: one line, no control characters, shortened to a
/// number of terminal cells, and cut only between characters (grapheme clusters), so that a
/// family emoji, a Thai letter with its marks or a decomposed Vietnamese vowel is never split.
public enum ShortLine {
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

    /// The text on one line, at most `limit` cells wide: when longer, cut and ended with "…" (and
    /// the closing quote of a text in quotes, `say “Hello…”`). The cut is where a line could break
    /// (`LineBreaker`: at a space, between Thai words, not before closing punctuation) when one falls
    /// in the last third, so a word is not broken; otherwise (a long word) between two characters,
    /// and outside a Thai cluster when there is room.
    public static func shorten(_ text: String, to limit: Int = maxCells) -> String {
        let line = oneLine(text)
        guard cells(line) > limit else { return line }
        let closing = line.hasSuffix("”") && limit > 3 ? "”" : ""
        let room = limit - 1 - cells(closing)
        // What fits, and the character after it (there is one): enough to know where a line could
        // break without looking at the rest of a long text.
        var fitting: [Character] = []
        var widths = [0]
        for character in line {
            fitting.append(character)
            let width = widths[widths.count - 1] + cells(character)
            if width > room { break }
            widths.append(width)
        }
        let count = widths.count - 1
        let breaker = LineBreaker(String(fitting))
        var cut = count
        // A line may end before a space, or where the breaker allows.
        let ends = { (cut: Int) in
            cut > 0 && cut < fitting.count && (breaker.canBreak(before: cut) || LineBreaker.isSpace(fitting[cut]))
        }
        if let last = (0...count).last(where: ends), widths[last] * 3 >= room * 2 {
            cut = last
        } else {
            while cut > 1, !breaker.canCut(before: cut) { cut -= 1 }
            if !breaker.canCut(before: cut) { cut = count }
        }
        var kept = fitting[..<cut]
        while let last = kept.last, LineBreaker.isSpace(last) { kept.removeLast() }
        return String(kept) + "…" + closing
    }

    /// Lines of at most `width` cells, broken where a terminal line would be (`Wrap`): at spaces,
    /// between Chinese characters but not before their closing punctuation, between Thai words.
    public static func wrap(_ text: String, width: Int) -> [String] {
        Wrap.lines(text, width: max(width, 2))
    }

    /// The text on at most `maxLines` lines of `width` cells, wrapped as `wrap` does; what does not
    /// fit is shortened on the last line. Only the start of a very long text is looked at.
    public static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        let width = max(width, 4)
        let line = oneLine(text)
        let needed = (maxLines + 1) * width
        let head = line.count > needed ? String(line.prefix(needed)) : line
        let breaker = LineBreaker(head)
        let pieces = Wrap.pieces(breaker, width: width)
        let characters = breaker.characters
        guard pieces.count > maxLines || head.count < line.count else {
            return pieces.map { String(characters[$0.start..<$0.kept]) }
        }
        let kept = max(1, min(maxLines, pieces.count)) - 1
        let rest = String(characters[pieces[kept].start...]) + (head.count < line.count ? "…" : "")
        let last = cells(rest) > width ? shorten(rest, to: width) : rest
        return pieces.prefix(kept).map { String(characters[$0.start..<$0.kept]) } + [last]
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar.value == 0x2028
            || scalar.value == 0x2029
    }
}
