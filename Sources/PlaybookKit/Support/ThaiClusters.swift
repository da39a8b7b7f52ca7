/// Thai character clusters (TCC, Theeramunkong et al. 2000): the smallest units Thai text can be
/// cut into without separating a vowel or tone mark from its consonant, nor a leading vowel
/// (เ แ โ ใ ไ) from the consonant after it. Words begin and end on cluster boundaries, and a run
/// the word list does not know is broken only there.
///
/// The rules are PyThaiNLP's (`pythainlp/tokenize/tcc.py`, Apache-2.0), tried in the same order
/// with the same greedy options, so that the clusters are the ones its word tokenizer uses.
enum ThaiClusters {
    /// The offsets (in Unicode scalars, from 1 to `scalars.count`) at which clusters end.
    /// `endsText`: nothing follows the scalars (else something that is not Thai does).
    static func ends(_ scalars: [Unicode.Scalar], endsText: Bool = true) -> Set<Int> {
        let matcher = Matcher(values: scalars.map(\.value), endsText: endsText)
        var ends = Set<Int>()
        var position = 0
        while position < scalars.count {
            var length = 1
            for pattern in patterns {
                if let end = matcher.match(pattern, 0, position) {
                    length = end - position
                    break
                }
            }
            position += length
            ends.insert(position)
        }
        return ends
    }

    /// Thai scalars (U+0E00 to U+0E7F) as bits, so that matching allocates nothing.
    private struct Letters {
        var bits: (UInt64, UInt64) = (0, 0)

        init(_ ranges: ClosedRange<UInt32>...) {
            for range in ranges {
                for value in range where (0x0E00..<0x0E80).contains(value) {
                    let bit = Int(value - 0x0E00)
                    if bit < 64 { bits.0 |= 1 << UInt64(bit) } else { bits.1 |= 1 << UInt64(bit - 64) }
                }
            }
        }

        func contains(_ value: UInt32) -> Bool {
            guard value >= 0x0E00, value < 0x0E80 else { return false }
            let bit = Int(value - 0x0E00)
            return bit < 64 ? bits.0 & (1 << UInt64(bit)) != 0 : bits.1 & (1 << UInt64(bit - 64)) != 0
        }
    }

    /// One element of a cluster pattern.
    private enum Atom {
        /// One scalar of the set.
        case one(Letters)
        /// One scalar of the set, or none.
        case maybe(Letters)
        /// Optionally a silent final: one or two consonants, a lower vowel or sara i, and ์.
        case silentFinal
        /// Optionally a tone mark and a consonant (after sara a, as in กั่น).
        case toneConsonant
        /// The next scalar is a consonant or a leading vowel, or the text ends (not consumed).
        case beforeSyllable
    }

    private static let consonant = Letters(0x0E01...0x0E2E)
    private static let tone = Letters(0x0E48...0x0E4B)
    /// PyThaiNLP's class for the vowel of a silent final, [ิุู|]: the "|" is tested apart.
    private static let lowerOrI = Letters(0x0E34...0x0E34, 0x0E38...0x0E39)
    private static let thanthakhat = Letters(0x0E4C...0x0E4C)
    private static let syllableStart = Letters(0x0E40...0x0E44, 0x0E01...0x0E2E)

    /// PyThaiNLP's patterns, in its notation: c a consonant, t an optional tone mark, k an optional
    /// silent final, T an optional tone mark and consonant, L the lookahead `(?=[เ-ไก-ฮ]|$)`,
    /// V [ะ-ู], I [ิีุู], U [ิุู], W [ึื], E [เ-ไ], F [ะาำ]?; `?` makes the letter before it optional.
    private static let sources = [
        "cัT", "cัTk", "เc็ck", "เcctาะk", "เccีtยะk", "เccีtยLk", "เcItยLk", "เcc็ck", "เcิc์ck", "เcิtck",
        "เcีtยะ?k", "เcืtอะk", "เcื", "เctา?ะ?k", "cWtck", "cVtk", "cU์", "cรรc์", "c็", "ctFk", "แc็ck",
        "แcc์k", "แctะk", "แcc็ck", "แccc์k", "โctะk", "Ectk", "ก็", "อึ", "หึ",
    ]

    private static let patterns: [[Atom]] = sources.map { source in
        var atoms: [Atom] = []
        for scalar in source.unicodeScalars {
            switch scalar {
            case "c": atoms.append(.one(consonant))
            case "t": atoms.append(.maybe(tone))
            case "k": atoms.append(.silentFinal)
            case "T": atoms.append(.toneConsonant)
            case "L": atoms.append(.beforeSyllable)
            case "V": atoms.append(.one(Letters(0x0E30...0x0E39)))
            case "I": atoms.append(.one(Letters(0x0E34...0x0E35, 0x0E38...0x0E39)))
            case "U": atoms.append(.one(Letters(0x0E34...0x0E34, 0x0E38...0x0E39)))
            case "W": atoms.append(.one(Letters(0x0E36...0x0E37)))
            case "E": atoms.append(.one(Letters(0x0E40...0x0E44)))
            case "F": atoms.append(.maybe(Letters(0x0E30...0x0E30, 0x0E32...0x0E33)))
            case "?":
                if case .one(let letters)? = atoms.last { atoms[atoms.count - 1] = .maybe(letters) }
            default: atoms.append(.one(Letters(scalar.value...scalar.value)))
            }
        }
        return atoms
    }

    /// Matching the patterns against one text.
    private struct Matcher {
        let values: [UInt32]
        let endsText: Bool

        func isIn(_ letters: Letters, at index: Int) -> Bool { index < values.count && letters.contains(values[index]) }

        /// Where `pattern[atom...]` matching from `position` ends, trying each option taken before
        /// left out, as a regular expression's greedy `?` does; nil when it cannot match.
        func match(_ pattern: [Atom], _ atom: Int, _ position: Int) -> Int? {
            guard atom < pattern.count else { return position }
            switch pattern[atom] {
            case .one(let letters):
                return isIn(letters, at: position) ? match(pattern, atom + 1, position + 1) : nil
            case .maybe(let letters):
                if isIn(letters, at: position), let end = match(pattern, atom + 1, position + 1) { return end }
                return match(pattern, atom + 1, position)
            case .toneConsonant:
                if isIn(tone, at: position), isIn(consonant, at: position + 1), let end = match(pattern, atom + 1, position + 2) {
                    return end
                }
                return match(pattern, atom + 1, position)
            case .silentFinal:
                // (cc?[ิุู|]?์)?, each option taken first.
                if isIn(consonant, at: position) {
                    for second in [true, false] where !second || isIn(consonant, at: position + 1) {
                        let afterSecond = position + (second ? 2 : 1)
                        let hasVowel = isIn(lowerOrI, at: afterSecond) || (afterSecond < values.count && values[afterSecond] == 0x7C)
                        for vowel in [true, false] where !vowel || hasVowel {
                            let mark = afterSecond + (vowel ? 1 : 0)
                            if isIn(thanthakhat, at: mark), let end = match(pattern, atom + 1, mark + 1) { return end }
                        }
                    }
                }
                return match(pattern, atom + 1, position)
            case .beforeSyllable:
                guard (position == values.count && endsText) || isIn(syllableStart, at: position) else { return nil }
                return match(pattern, atom + 1, position)
            }
        }
    }
}
