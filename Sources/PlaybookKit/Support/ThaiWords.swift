/// Where Thai, which writes no spaces between words, may be broken: between words, found by
/// maximal matching over a word list (`list`, generated from PyThaiNLP's, see
/// `ThaiWords+List.swift`), and between character clusters in what the list does not know.
enum ThaiWords {
    /// Whether the character is part of a Thai word: a letter, vowel or mark, ฯ or ๆ. Not a Thai
    /// digit, ฿, ๏, ๚ or ๛, which stand apart like their Latin counterparts.
    static func isThai(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first?.value else { return false }
        return (0x0E01...0x0E3A).contains(first) || (0x0E40...0x0E4E).contains(first)
    }

    /// The words the breaker knows.
    static let words: Set<String> = Set(list.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// The length of the longest word, in characters: no match is tried beyond it.
    static let longest: Int = words.map(\.count).max() ?? 0

    /// Where a run of Thai characters may break: `words`, the offsets (from 1 to `run.count - 1`)
    /// between two words, and `clusters[i]`, whether a cluster boundary lies before `run[i]`.
    /// `endsText`: the run ends the text (else something that is not Thai follows).
    ///
    /// Maximal matching: of all the ways to cut the run into words of the list and clusters it
    /// does not know, the one with the fewest characters left unknown, then the fewest pieces
    /// (so a long word the list knows wins over the short words it is made of), and among those
    /// the shortest first piece, then the shortest second..., as PyThaiNLP's tokenizer (newmm)
    /// chooses. Words begin and end on cluster boundaries, as there.
    static func boundaries(_ run: [Character], endsText: Bool = true) -> (words: [Int], clusters: [Bool]) {
        let count = run.count
        guard count > 1 else { return ([], Array(repeating: true, count: count + 1)) }
        // Whether each character boundary is a cluster boundary too.
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        for character in run {
            scalars += character.unicodeScalars
            offsets.append(scalars.count)
        }
        let clusterEnds = ThaiClusters.ends(scalars, endsText: endsText)
        let onCluster = [true] + offsets.map { clusterEnds.contains($0) }
        // best[i]: the cost of the best cut of run[i...], and where its first piece ends.
        let none = (unknown: Int.max, pieces: Int.max, next: count)
        var best = Array(repeating: none, count: count + 1)
        best[count] = (0, 0, count)
        for start in stride(from: count - 1, through: 0, by: -1) where onCluster[start] {
            var chosen = none
            // Shortest first: a longer piece replaces a shorter one only when it costs less.
            if let cluster = (start + 1...count).first(where: { onCluster[$0] }), best[cluster].unknown != .max {
                let known = words.contains(String(run[start..<cluster]))
                chosen = (best[cluster].unknown + (known ? 0 : cluster - start), best[cluster].pieces + 1, cluster)
            }
            for end in start + 1...min(count, start + longest)
            where onCluster[end] && best[end].unknown != .max && words.contains(String(run[start..<end])) {
                let cost = (unknown: best[end].unknown, pieces: best[end].pieces + 1, next: end)
                if (cost.unknown, cost.pieces) < (chosen.unknown, chosen.pieces) { chosen = cost }
            }
            best[start] = chosen
        }
        var breaks: [Int] = []
        var position = best[0].next
        while position < count {
            breaks.append(position)
            position = best[position].next
        }
        return (breaks, onCluster)
    }
}
