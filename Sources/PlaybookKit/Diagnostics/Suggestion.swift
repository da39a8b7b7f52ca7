/// Near names for "did you mean ...?", by edit distance over characters.
public enum Suggestion {
    /// The candidate closest to `name`, when it is close enough to be a likely typo.
    public static func nearest<S: Sequence>(to name: String, among candidates: S) -> String? where S.Element == String {
        let target = Array(name.lowercased())
        let limit = max(1, min(3, target.count / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased())
            guard abs(other.count - target.count) <= limit else { continue }
            let distance = Self.distance(target, other, limit: limit)
            if distance <= limit, best.map({ distance < $0.1 || (distance == $0.1 && candidate < $0.0) }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// How many near names one check looks for among all the names of a playbook: each search
    /// reads every name, so a file with thousands of unknown names stays linear.
    public static let searchesPerCheck = 200

    /// "did you mean 'x'?" or nil.
    public static func didYouMean<S: Sequence>(_ name: String, among candidates: S) -> String? where S.Element == String {
        nearest(to: name, among: candidates).map(didYouMean)
    }

    /// "did you mean 'x'?" for a candidate found another way.
    public static func didYouMean(_ candidate: String) -> String { "did you mean '\(candidate)'?" }

    /// "did you mean "x"?", for a text (an option) rather than a name.
    public static func didYouMeanText(_ candidate: String) -> String { "did you mean \"\(candidate)\"?" }

    /// The candidate that a help line written by `didYouMean` offers, and whether it is a text
    /// (to be written as a string) rather than a name: what an editor's quick fix writes.
    public static func candidate(inHelp help: String?) -> (candidate: String, isText: Bool)? {
        guard let help, help.hasPrefix("did you mean "), help.hasSuffix("?") else { return nil }
        let quoted = help.dropFirst("did you mean ".count).dropLast()
        guard quoted.count >= 2, let open = quoted.first, open == "'" || open == "\"", quoted.last == open else { return nil }
        return (String(quoted.dropFirst().dropLast()), open == "\"")
    }

    /// Optimal string alignment distance (a swap of neighbours counts 1), stopping early past `limit`.
    static func distance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowBest = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, twoBack[j - 2] + 1) }
                current[j] = value
                rowBest = min(rowBest, value)
            }
            if rowBest > limit { return rowBest }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
