import Testing

@testable import PlaybookKit

/// Quantiles by selection agree with quantiles of the sorted values (the definition of
/// docs/report.md), whatever the order, repeats and size.
struct QuantileTests {
    @Test func selectionAgreesWithSorting() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 4, 5, 10, 11, 100, 1001] {
            for spread in [1, 3, 1_000_000] {
                let values = (0..<size).map { _ in Int64.random(in: 0..<Int64(spread), using: &generator) }
                let sorted = values.sorted().map(Double.init)
                for p in [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] {
                    #expect(Quantile.of(values, p) == Quantile.sorted(sorted, p), "size \(size), spread \(spread), p \(p)")
                }
                var selected = values
                let k = size / 2
                Quantile.select(&selected, k)
                #expect(selected[k] == Int64(sorted[k]))
                #expect(selected[..<k].allSatisfy { $0 <= selected[k] } && selected[(k + 1)...].allSatisfy { $0 >= selected[k] })
            }
        }
        #expect(Quantile.of([], 0.5) == nil)
        #expect(Quantile.median([4, 1, 3, 2] as [Int64]) == 2.5)
    }
}
