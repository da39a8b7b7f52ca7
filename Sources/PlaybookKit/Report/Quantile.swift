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

    static func of(_ values: [Int64], _ p: Double) -> Double? { sorted(values.sorted().map(Double.init), p) }

    static func median(_ values: [Int64]) -> Double? { of(values, 0.5) }

    static func median(_ values: [Double]) -> Double? { sorted(values.sorted(), 0.5) }

    /// part ÷ whole, or nil when the whole is 0.
    static func rate(_ part: Int, _ whole: Int) -> Double? { whole > 0 ? Double(part) / Double(whole) : nil }

    static func erfc(_ x: Double) -> Double { Glibc.erfc(x) }
}
