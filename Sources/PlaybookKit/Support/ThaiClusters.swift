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
        var ends = Set<Int>()
        var position = 0
        while position < scalars.count {
            var length = 1
            for pattern in patterns {
                if let end = match(pattern, 0, scalars, position, endsText) {
                    length = end - position
                    break
                }
            }
            position += length
            ends.insert(position)
        }
        return ends
    }

    /// One element of a cluster pattern.
    private enum Atom {
        /// One scalar of the set.
        case one([ClosedRange<UInt32>])
        /// One scalar of the set, or none.
        case maybe([ClosedRange<UInt32>])
        /// Optionally a silent final: one or two consonants, a lower vowel or sara i, and ์.
        case silentFinal
        /// Optionally a tone mark and a consonant (after sara a, as in กั่น).
        case toneConsonant
        /// The next scalar is a consonant or a leading vowel, or the text ends (not consumed).
        case beforeSyllable
    }

    private static let consonant: ClosedRange<UInt32> = 0x0E01...0x0E2E
    private static let tone: ClosedRange<UInt32> = 0x0E48...0x0E4B

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
            case "c": atoms.append(.one([consonant]))
            case "t": atoms.append(.maybe([tone]))
            case "k": atoms.append(.silentFinal)
            case "T": atoms.append(.toneConsonant)
            case "L": atoms.append(.beforeSyllable)
            case "V": atoms.append(.one([0x0E30...0x0E39]))
            case "I": atoms.append(.one([0x0E34...0x0E35, 0x0E38...0x0E39]))
            case "U": atoms.append(.one([0x0E34...0x0E34, 0x0E38...0x0E39]))
            case "W": atoms.append(.one([0x0E36...0x0E37]))
            case "E": atoms.append(.one([0x0E40...0x0E44]))
            case "F": atoms.append(.maybe([0x0E30...0x0E30, 0x0E32...0x0E33]))
            case "?":
                if case .one(let ranges)? = atoms.last {
                    atoms[atoms.count - 1] = .maybe(ranges)
                }
            default: atoms.append(.one([scalar.value...scalar.value]))
            }
        }
        return atoms
    }

    /// Where `pattern[atom...]` matching from `position` ends, trying each option taken before
    /// left out, as a regular expression's greedy `?` does; nil when it cannot match.
    private static func match(
        _ pattern: [Atom], _ atom: Int, _ scalars: [Unicode.Scalar], _ position: Int, _ endsText: Bool
    ) -> Int? {
        guard atom < pattern.count else { return position }
        func match(_ pattern: [Atom], _ atom: Int, _ scalars: [Unicode.Scalar], _ position: Int) -> Int? {
            Self.match(pattern, atom, scalars, position, endsText)
        }
        func isIn(_ ranges: [ClosedRange<UInt32>], at index: Int) -> Bool {
            index < scalars.count && ranges.contains { $0.contains(scalars[index].value) }
        }
        switch pattern[atom] {
        case .one(let ranges):
            return isIn(ranges, at: position) ? match(pattern, atom + 1, scalars, position + 1) : nil
        case .maybe(let ranges):
            if isIn(ranges, at: position), let end = match(pattern, atom + 1, scalars, position + 1) { return end }
            return match(pattern, atom + 1, scalars, position)
        case .toneConsonant:
            if isIn([tone], at: position), isIn([consonant], at: position + 1),
                let end = match(pattern, atom + 1, scalars, position + 2)
            {
                return end
            }
            return match(pattern, atom + 1, scalars, position)
        case .silentFinal:
            // (cc?[ิุู|]?์)?  — PyThaiNLP's class also holds "|", kept for the same clusters.
            let lower: [ClosedRange<UInt32>] = [0x0E34...0x0E34, 0x0E38...0x0E39, 0x7C...0x7C]
            if isIn([consonant], at: position) {
                for second in [true, false] where !second || isIn([consonant], at: position + 1) {
                    let afterSecond = position + (second ? 2 : 1)
                    for vowel in [true, false] where !vowel || isIn(lower, at: afterSecond) {
                        let mark = afterSecond + (vowel ? 1 : 0)
                        if isIn([0x0E4C...0x0E4C], at: mark), let end = match(pattern, atom + 1, scalars, mark + 1) {
                            return end
                        }
                    }
                }
            }
            return match(pattern, atom + 1, scalars, position)
        case .beforeSyllable:
            guard (position == scalars.count && endsText) || isIn([0x0E40...0x0E44, consonant], at: position) else {
                return nil
            }
            return match(pattern, atom + 1, scalars, position)
        }
    }
}
