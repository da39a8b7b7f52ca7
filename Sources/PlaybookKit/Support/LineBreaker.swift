/// Where a line of text may be broken: the rules of Unicode's line breaking algorithm (UAX #14)
/// that matter for the languages playbooks are written in.
///
/// - After spaces (Latin, Vietnamese, Hebrew), never before them; never after opening
///   punctuation or before closing punctuation, even across spaces (`( x`, `x )`, `x ·`).
/// - Before and after CJK ideographs, kana, hangul and other wide characters, but never before
///   closing punctuation (，。！？、：；）」』 small kana, ー) nor after opening (（「『“).
/// - Thai between words, by a word list (`ThaiWords`), and between clusters where the list does
///   not know the word; never before ๆ or ฯ.
/// - After a hyphen between letters (`follow-|up`), around an em dash, after a zero width space;
///   never around a no-break space, a word joiner or a straight quote.
/// - Never inside a grapheme cluster: a letter and its marks, an emoji sequence, a flag.
///
/// Lao, Khmer and Myanmar, which also write no spaces, are broken only at spaces: there is no
/// word list for them.
public struct LineBreaker: Sendable {
    /// The text's characters (grapheme clusters); a line breaks only between two of them.
    public let characters: [Character]
    /// `breaks[i]`: a line may break before `characters[i]`.
    private let breaks: [Bool]
    /// `cuts[i]`: a word too long for a line may be cut before `characters[i]`.
    private let cuts: [Bool]

    public init(_ text: String) {
        let characters = Array(text)
        let kinds = characters.map(Self.kind)
        let count = characters.count
        var breaks = Array(repeating: false, count: count + 1)
        var cuts = Array(repeating: true, count: count + 1)
        var index = 1
        while index < count {
            if kinds[index - 1] == .thai, kinds[index] == .thai {
                // A run of Thai: its word boundaries, and its clusters for cutting.
                let start = index - 1
                var end = index
                while end < count, kinds[end] == .thai { end += 1 }
                let run = Array(characters[start..<end])
                let (words, clusters) = ThaiWords.boundaries(run, endsText: end == count)
                for offset in 1..<run.count { cuts[start + offset] = clusters[offset] }
                for offset in words where !Self.neverStartsALine(run[offset]) { breaks[start + offset] = true }
                index = end
                continue
            }
            breaks[index] = Self.allowsBreak(at: index, characters, kinds)
            index += 1
        }
        self.characters = characters
        self.breaks = breaks
        self.cuts = cuts
    }

    /// Whether a line may break before `characters[index]`.
    public func canBreak(before index: Int) -> Bool { index > 0 && index < characters.count && breaks[index] }

    /// Whether a word too long for a line may be cut before `characters[index]`: anywhere between
    /// two characters but inside a Thai cluster.
    public func canCut(before index: Int) -> Bool { index > 0 && index < characters.count && cuts[index] }

    /// Whether the character is a space a line may break after, and that is dropped at a break.
    public static func isSpace(_ character: Character) -> Bool { kind(character) == .space }

    /// The classes of UAX #14 this breaker tells apart, merged where they behave alike here.
    enum Kind: Sendable {
        case space, glue, zeroWidthSpace, open, close, quote, hyphen, dash, ideographic, thai, other
    }

    static func kind(_ character: Character) -> Kind {
        guard let scalar = character.unicodeScalars.first else { return .other }
        switch scalar.value {
        case 0x20, 0x09, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x205F, 0x3000: return .space
        case 0xA0, 0x034F, 0x180E, 0x2007, 0x2011, 0x202F, 0x2060, 0xFEFF: return .glue
        case 0x200B: return .zeroWidthSpace
        case 0x22, 0x27: return .quote
        case 0x2D, 0x2010, 0x2013, 0x05BE: return .hyphen
        case 0x2014, 0x2E3A, 0x2E3B: return .dash
        default: break
        }
        if opening.contains(scalar) { return .open }
        if closing.contains(scalar) { return .close }
        if ThaiWords.isThai(character) { return .thai }
        if DisplayWidth.cells(character) == 2 { return .ideographic }
        return .other
    }

    /// Opening punctuation and quotation marks: no break after them.
    static let opening: Set<Unicode.Scalar> = Set("([{“‘«¿¡‚„（［｛「『【〔〈《〖〘〚｟｢〝﹙﹛﹝".unicodeScalars)

    /// Closing punctuation, full stops, commas and marks that never start a line (UAX #14 CL,
    /// CP, EX, IS, NS, IN, closing QU, and the small kana of strict Japanese line breaking), and
    /// the runner's separator `·`.
    static let closing: Set<Unicode.Scalar> = Set(
        (")]}”’»,.:;!?%‰·°′″℃…‥‼⁇⁈⁉）］｝」』】〕〉》〗〙〛｠｣，。、：；！？．｡､･・ー～〜〞〟ゝゞヽヾ々〻゠"
            + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯｰ"
            + "﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞๚๛׃").unicodeScalars)

    /// ๆ and ฯ close the word before them.
    private static func neverStartsALine(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { $0.value == 0x0E46 || $0.value == 0x0E2F } ?? false
    }

    /// The pair rules, for a boundary outside a Thai run.
    private static func allowsBreak(at index: Int, _ characters: [Character], _ kinds: [Kind]) -> Bool {
        let before = kinds[index - 1]
        let after = kinds[index]
        if after == .space || after == .zeroWidthSpace { return false }
        if before == .space {
            // After spaces, unless opening punctuation came before them or closing comes next.
            var last = index - 1
            while last >= 0, kinds[last] == .space { last -= 1 }
            return last >= 0 && kinds[last] != .open && after != .close
        }
        if before == .glue || after == .glue { return false }
        if before == .zeroWidthSpace { return true }
        if before == .open || after == .close { return false }
        if before == .quote || after == .quote { return false }
        if before == .hyphen {
            return index >= 2 && characters[index - 2].isLetter && characters[index].isLetter
        }
        if before == .dash || after == .dash { return before != after }
        if before == .ideographic || after == .ideographic { return true }
        // Wide closing punctuation (，。、）) ends a phrase: what follows may start a line.
        return before == .close && DisplayWidth.cells(characters[index - 1]) == 2
    }
}
