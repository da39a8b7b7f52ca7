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

    /// A scalar as a byte: its place in the Thai block (U+0E00 to U+0E7F), 0xFF outside it.
    private static func code(_ scalar: Unicode.Scalar) -> UInt8 {
        (0x0E00..<0x0E80).contains(scalar.value) ? UInt8(scalar.value - 0x0E00) : 0xFF
    }

    /// The words of `list`, as bytes (`code`), sorted: the words that begin with a given text
    /// are a range, found by binary search without building a string.
    static let words: [[UInt8]] = {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        for scalar in list.unicodeScalars {
            if scalar == " " || scalar == "\n" {
                if !word.isEmpty { words.append(word) }
                word = []
            } else {
                word.append(code(scalar))
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.sorted { $0.lexicographicallyPrecedes($1) }
    }()

    /// Whether the list holds the text.
    static func knows(_ text: String) -> Bool {
        let bytes = text.unicodeScalars.map(code)
        var range = 0..<words.count
        for (depth, byte) in bytes.enumerated() { range = narrowed(range, depth: depth, to: byte) }
        return !range.isEmpty && words[range.lowerBound].count == bytes.count
    }

    /// Of `range`, words sharing their first `depth` bytes, those whose next byte is `byte`.
    private static func narrowed(_ range: Range<Int>, depth: Int, to byte: UInt8) -> Range<Int> {
        // Shorter words sort first, then by the byte at `depth`: both searches are monotone.
        func first(in range: Range<Int>, where isPast: ([UInt8]) -> Bool) -> Int {
            var low = range.lowerBound
            var high = range.upperBound
            while low < high {
                let middle = (low + high) / 2
                if isPast(words[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }
        let low = first(in: range) { $0.count > depth && $0[depth] >= byte }
        let high = first(in: low..<range.upperBound) { $0.count > depth && $0[depth] > byte }
        return low..<high
    }

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
        // The scalar offset of each character boundary, and whether it is a cluster boundary too.
        var scalars: [Unicode.Scalar] = []
        var offsets = [0]
        for character in run {
            scalars += character.unicodeScalars
            offsets.append(scalars.count)
        }
        let clusterEnds = ThaiClusters.ends(scalars, endsText: endsText)
        let onCluster = [true] + offsets.dropFirst().map { clusterEnds.contains($0) }
        let bytes = scalars.map(code)
        // best[i]: the cost of the best cut of run[i...], and where its first piece ends.
        let none = (unknown: Int.max, pieces: Int.max, next: count)
        var best = Array(repeating: none, count: count + 1)
        best[count] = (0, 0, count)
        for start in stride(from: count - 1, through: 0, by: -1) where onCluster[start] {
            var chosen = none
            // One cluster, as unknown (unless it is a word), and then each word of the list that
            // begins here, shortest first: a longer piece replaces a shorter only when it costs less.
            if let cluster = (start + 1...count).first(where: { onCluster[$0] }), best[cluster].unknown != .max {
                chosen = (best[cluster].unknown + cluster - start, best[cluster].pieces + 1, cluster)
            }
            var range = 0..<words.count
            var end = start
            var position = offsets[start]
            while !range.isEmpty, position < bytes.count {
                range = narrowed(range, depth: position - offsets[start], to: bytes[position])
                position += 1
                while end < count, offsets[end] < position { end += 1 }
                guard !range.isEmpty, offsets[end] == position, onCluster[end], best[end].unknown != .max,
                    words[range.lowerBound].count == position - offsets[start]
                else { continue }
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
