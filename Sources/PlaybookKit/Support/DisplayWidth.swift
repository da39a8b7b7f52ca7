/// Terminal cell widths of text, for placing carets under the right cells.
///
/// Follows the conventions of `wcwidth` / codespan-reporting: combining
/// marks and format characters take no cells, East Asian Wide and Fullwidth
/// characters (and emoji with default emoji presentation) take two, and
/// everything else takes one.
public enum DisplayWidth {
    /// Cells one Unicode scalar takes in a terminal: 0 for combining marks
    /// (Mn, Me), format characters (Cf, e.g. ZWJ U+200D, bidi marks
    /// U+200E/U+200F), variation selectors and other zero-width scalars
    /// (U+200B, U+1160–U+11FF Hangul jungseong/jongseong); 2 for East Asian
    /// Wide and Fullwidth and emoji with default emoji presentation; 1
    /// otherwise. Control characters (C0/C1, DEL) count 1 (the caller renders
    /// them as a replacement). A tab is NOT handled here.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Fast path: ASCII, C1 controls and Latin-1/Latin Extended/IPA/spacing
        // modifiers are all one cell (including U+00AD soft hyphen).
        if v < 0x300 { return 1 }

        // Zero-width scalars that are not Mn/Me/Cf.
        if v == 0x200B { return 0 }                       // zero width space
        if v >= 0x1160 && v <= 0x11FF { return 0 }        // Hangul jungseong/jongseong
        if v >= 0xD7B0 && v <= 0xD7FF { return 0 }        // Hangul jamo extended-B

        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }

        if isWide(v) { return 2 }
        // No scalar below U+231A has default emoji presentation.
        if v >= 0x231A && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Cells a character (a grapheme cluster) takes: its scalars' cells, at most 2. A family
    /// emoji (three faces joined by ZWJ) or a flag (two regional indicators) is one glyph two
    /// cells wide, not the sum of its parts; a letter with its marks takes the letter's cells.
    public static func cells(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first { return of(scalar) }
        return min(of(String(character)), 2)
    }

    /// Cells the text takes, with tabs expanded to the next multiple of
    /// `tabStop` counted from `startColumn` (0-based cell column where the
    /// text starts).
    public static func of<S: StringProtocol>(_ text: S, startColumn: Int = 0, tabStop: Int = 4) -> Int {
        var column = startColumn
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x09 {
                if tabStop > 0 {
                    column += tabStop - ((column % tabStop) + tabStop) % tabStop
                } else {
                    column += 1
                }
            } else if v < 0x300 {
                column += 1
            } else {
                column += of(scalar)
            }
        }
        return column - startColumn
    }

    /// Whether `v` lies in one of the East Asian Wide (W) / Fullwidth (F)
    /// ranges of `wideRanges`.
    @inline(__always)
    static func isWide(_ v: UInt32) -> Bool {
        if v < 0x1100 { return false }
        let table = wideRanges
        var lo = 0
        var hi = table.count - 1
        while lo <= hi {
            let mid = (lo &+ hi) >> 1
            let range = table[mid]
            if v < range.0 {
                hi = mid - 1
            } else if v > range.1 {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Width W and F ranges (Unicode 15), sorted, non-overlapping.
    /// Emoji with default emoji presentation are also listed so the table
    /// stands on its own; `isEmojiPresentation` covers anything newer.
    static let wideRanges: [(UInt32, UInt32)] = [
        (0x1100, 0x115F), (0x231A, 0x231B), (0x2329, 0x232A), (0x23E9, 0x23EC),
        (0x23F0, 0x23F0), (0x23F3, 0x23F3), (0x25FD, 0x25FE), (0x2614, 0x2615),
        (0x2648, 0x2653), (0x267F, 0x267F), (0x2693, 0x2693), (0x26A1, 0x26A1),
        (0x26AA, 0x26AB), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26CE, 0x26CE),
        (0x26D4, 0x26D4), (0x26EA, 0x26EA), (0x26F2, 0x26F3), (0x26F5, 0x26F5),
        (0x26FA, 0x26FA), (0x26FD, 0x26FD), (0x2705, 0x2705), (0x270A, 0x270B),
        (0x2728, 0x2728), (0x274C, 0x274C), (0x274E, 0x274E), (0x2753, 0x2755),
        (0x2757, 0x2757), (0x2795, 0x2797), (0x27B0, 0x27B0), (0x27BF, 0x27BF),
        (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55),
        (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x2FFB),
        (0x3000, 0x303E), (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F),
        (0x3131, 0x318E), (0x3190, 0x31E3), (0x31F0, 0x321E), (0x3220, 0x3247),
        (0x3250, 0x4DBF), (0x4E00, 0xA48C), (0xA490, 0xA4C6), (0xA960, 0xA97C),
        (0xAC00, 0xD7A3), (0xF900, 0xFAFF), (0xFE10, 0xFE19), (0xFE30, 0xFE52),
        (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFF01, 0xFF60), (0xFFE0, 0xFFE6),
        (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1), (0x17000, 0x187F7),
        (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1AFF0, 0x1AFF3),
        (0x1AFF5, 0x1AFFB), (0x1AFFD, 0x1AFFE), (0x1B000, 0x1B122),
        (0x1B132, 0x1B132), (0x1B150, 0x1B152), (0x1B155, 0x1B155),
        (0x1B164, 0x1B167), (0x1B170, 0x1B2FB),
        (0x1F004, 0x1F004), (0x1F0CF, 0x1F0CF), (0x1F18E, 0x1F18E),
        (0x1F191, 0x1F19A), (0x1F200, 0x1F202), (0x1F210, 0x1F23B),
        (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265),
        (0x1F300, 0x1F320), (0x1F32D, 0x1F335), (0x1F337, 0x1F37C),
        (0x1F37E, 0x1F393), (0x1F3A0, 0x1F3CA), (0x1F3CF, 0x1F3D3),
        (0x1F3E0, 0x1F3F0), (0x1F3F4, 0x1F3F4), (0x1F3F8, 0x1F43E),
        (0x1F440, 0x1F440), (0x1F442, 0x1F4FC), (0x1F4FF, 0x1F53D),
        (0x1F54B, 0x1F54E), (0x1F550, 0x1F567), (0x1F57A, 0x1F57A),
        (0x1F595, 0x1F596), (0x1F5A4, 0x1F5A4), (0x1F5FB, 0x1F64F),
        (0x1F680, 0x1F6C5), (0x1F6CC, 0x1F6CC), (0x1F6D0, 0x1F6D2),
        (0x1F6D5, 0x1F6D7), (0x1F6DC, 0x1F6DF), (0x1F6EB, 0x1F6EC),
        (0x1F6F4, 0x1F6FC), (0x1F7E0, 0x1F7EB), (0x1F7F0, 0x1F7F0),
        (0x1F90C, 0x1F93A), (0x1F93C, 0x1F945), (0x1F947, 0x1F9FF),
        (0x1FA70, 0x1FA7C), (0x1FA80, 0x1FA88), (0x1FA90, 0x1FABD),
        (0x1FABF, 0x1FAC5), (0x1FACE, 0x1FADB), (0x1FAE0, 0x1FAE8),
        (0x1FAF0, 0x1FAF8),
        (0x20000, 0x2FFFD), (0x30000, 0x3FFFD),
    ]
}
