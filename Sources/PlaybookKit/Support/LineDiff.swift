/// A run of old lines replaced by a run of new lines: a deletion when `new` is empty, an
/// insertion when `old` is empty.
public struct LineChange: Sendable, Hashable {
    /// The indices of the old lines replaced.
    public var old: Range<Int>
    /// The indices of the new lines put in their place.
    public var new: Range<Int>

    public init(old: Range<Int>, new: Range<Int>) {
        self.old = old
        self.new = new
    }
}

/// The fewest changes that turn `old` into `new` (Myers' O(ND) difference algorithm, in linear
/// space), in order, none touching the next: what an editor needs to send minimal edits and what a
/// unified diff shows.
public func lineDiff(_ old: [Substring], _ new: [Substring]) -> [LineChange] {
    // Lines as numbers, so that the inner loops compare integers, not text.
    var ids: [Substring: Int32] = [:]
    ids.reserveCapacity(old.count + new.count)
    func id(_ line: Substring) -> Int32 {
        if let known = ids[line] { return known }
        let next = Int32(ids.count)
        ids[line] = next
        return next
    }
    var differ = LineDiffer(a: old.map(id), b: new.map(id))
    differ.diff(0, differ.a.count, 0, differ.b.count)
    return differ.changes
}

/// The state of one `lineDiff`: the two sides as numbers, and the changes found so far.
private struct LineDiffer {
    let a: [Int32]
    let b: [Int32]
    var changes: [LineChange] = []

    init(a: [Int32], b: [Int32]) {
        self.a = a
        self.b = b
    }

    /// Appends a change, merged into the one before when they touch.
    mutating func add(_ old: Range<Int>, _ new: Range<Int>) {
        guard !old.isEmpty || !new.isEmpty else { return }
        if let last = changes.last, last.old.upperBound == old.lowerBound, last.new.upperBound == new.lowerBound {
            changes[changes.count - 1] = LineChange(old: last.old.lowerBound..<old.upperBound, new: last.new.lowerBound..<new.upperBound)
        } else {
            changes.append(LineChange(old: old, new: new))
        }
    }

    /// The changes between `a[aLow..<aHigh]` and `b[bLow..<bHigh]`, appended in order.
    mutating func diff(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) {
        var aLow = aLow, bLow = bLow, aHigh = aHigh, bHigh = bHigh
        while aLow < aHigh, bLow < bHigh, a[aLow] == b[bLow] {
            aLow += 1
            bLow += 1
        }
        while aLow < aHigh, bLow < bHigh, a[aHigh - 1] == b[bHigh - 1] {
            aHigh -= 1
            bHigh -= 1
        }
        if aLow == aHigh || bLow == bHigh {
            add(aLow..<aHigh, bLow..<bHigh)
            return
        }
        guard let (x, y) = middle(aLow, aHigh, bLow, bHigh) else {
            add(aLow..<aHigh, bLow..<bHigh)
            return
        }
        diff(aLow, x, bLow, y)
        diff(x, aHigh, y, bHigh)
    }

    /// A point on an optimal edit path, found by running the search from both ends until they
    /// meet (Myers 1986, section 4b); nil when the two sides have no line in common.
    private func middle(_ aLow: Int, _ aHigh: Int, _ bLow: Int, _ bHigh: Int) -> (Int, Int)? {
        let n = aHigh - aLow
        let m = bHigh - bLow
        let maxD = (n + m + 1) / 2
        let offset = maxD + 1
        var forward = [Int](repeating: -1, count: 2 * maxD + 3)
        var backward = forward
        forward[offset + 1] = 0
        backward[offset + 1] = 0
        let delta = n - m
        let odd = delta & 1 != 0
        // Diagonals that ran off an edge are not searched again.
        var forwardStart = 0, forwardEnd = 0, backwardStart = 0, backwardEnd = 0
        for d in 0..<maxD {
            var k = -d + forwardStart
            while k <= d - forwardEnd {
                let index = offset + k
                var x = k == -d || (k != d && forward[index - 1] < forward[index + 1]) ? forward[index + 1] : forward[index - 1] + 1
                var y = x - k
                while x < n, y < m, a[aLow + x] == b[bLow + y] {
                    x += 1
                    y += 1
                }
                forward[index] = x
                if x > n {
                    forwardEnd += 2
                } else if y > m {
                    forwardStart += 2
                } else if odd {
                    let other = offset + delta - k
                    if other >= 0, other < backward.count, backward[other] != -1, x >= n - backward[other] {
                        return (aLow + x, bLow + y)
                    }
                }
                k += 2
            }
            k = -d + backwardStart
            while k <= d - backwardEnd {
                let index = offset + k
                var x = k == -d || (k != d && backward[index - 1] < backward[index + 1]) ? backward[index + 1] : backward[index - 1] + 1
                var y = x - k
                while x < n, y < m, a[aHigh - 1 - x] == b[bHigh - 1 - y] {
                    x += 1
                    y += 1
                }
                backward[index] = x
                if x > n {
                    backwardEnd += 2
                } else if y > m {
                    backwardStart += 2
                } else if !odd {
                    let other = offset + delta - k
                    if other >= 0, other < forward.count, forward[other] != -1 {
                        let forwardX = forward[other]
                        let forwardY = forwardX - (other - offset)
                        if forwardX >= n - x { return (aLow + forwardX, bLow + forwardY) }
                    }
                }
                k += 2
            }
        }
        return nil
    }
}
