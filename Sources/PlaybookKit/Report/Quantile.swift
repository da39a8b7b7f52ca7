import Glibc

/// The statistics of docs/report.md, each with one right answer: continuous quantiles (as SQL's
/// `quantile_cont`), rates of nothing that are nil, not zero.
enum Quantile {
    /// The p-quantile of sorted values: at place h = (n − 1)·p, between the values at ⌊h⌋ and ⌈h⌉.
    static func sorted(_ values: [Double], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let place = Double(values.count - 1) * p
        let low = Int(place.rounded(.down))
        let high = Int(place.rounded(.up))
        guard low != high else { return values[low] }
        return values[low] + (values[high] - values[low]) * (place - Double(low))
    }

    /// The same of values in any order, found by selection rather than a sort (a question's
    /// answer times are millions).
    static func of(_ values: [Int64], _ p: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        var values = values
        let place = Double(values.count - 1) * p
        let low = Int(place.rounded(.down))
        let high = Int(place.rounded(.up))
        select(&values, low)
        let below = Double(values[low])
        guard high != low else { return below }
        // Everything after `low` is at least values[low]: the next value is the least of them.
        let above = Double(values[(low + 1)...].min()!)
        return below + (above - below) * (place - Double(low))
    }

    /// Reorders `values` so that `values[k]` is the value a sort would put there, with none after
    /// it smaller (Hoare's selection, the pivot the median of three).
    static func select(_ values: inout [Int64], _ k: Int) {
        var low = 0
        var high = values.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                return
            }
        }
    }

    static func median(_ values: [Int64]) -> Double? { of(values, 0.5) }

    static func median(_ values: [Double]) -> Double? { sorted(values.sorted(), 0.5) }

    /// part ÷ whole, or nil when the whole is 0.
    static func rate(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    static func erfc(_ x: Double) -> Double { Glibc.erfc(x) }
}
