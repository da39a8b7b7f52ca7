import Testing

@testable import PlaybookKit

/// `lineDiff` finds a shortest edit (as long as a brute-force longest common subsequence says),
/// its changes turn the old lines into the new ones, and `unifiedDiff` writes them as `diff -u` does.
struct LineDiffTests {
    /// The length of a longest common subsequence, by dynamic programming.
    static func commonLength(_ a: [Substring], _ b: [Substring]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    static func apply(_ changes: [LineChange], _ old: [Substring], _ new: [Substring]) -> [Substring] {
        var out: [Substring] = []
        var cursor = 0
        for change in changes {
            out += old[cursor..<change.old.lowerBound]
            out += new[change.new]
            cursor = change.old.upperBound
        }
        return out + old[cursor...]
    }

    @Test func randomEditsAreShortestAndRebuildTheNewLines() {
        var random = SeededRandom(seed: 7)
        for round in 0..<400 {
            let alphabet: [Substring] = ["a", "b", "c", "d"]
            func lines() -> [Substring] { (0..<Int(random.next() % 14)).map { _ in alphabet[Int(random.next() % UInt64(round % 3 + 2))] } }
            let old = lines()
            let new = lines()
            let changes = lineDiff(old, new)
            #expect(Self.apply(changes, old, new) == new, "\(old) -> \(new)")
            let edits = changes.reduce(0) { $0 + $1.old.count + $1.new.count }
            #expect(edits == old.count + new.count - 2 * Self.commonLength(old, new), "\(old) -> \(new): \(changes)")
            for (first, second) in zip(changes, changes.dropFirst()) {
                #expect(first.old.upperBound < second.old.lowerBound || first.new.upperBound < second.new.lowerBound)
            }
        }
    }

    @Test func noChangesForTheSameLines() {
        #expect(lineDiff(["a", "b"], ["a", "b"]).isEmpty)
        #expect(lineDiff([], ["x"]) == [LineChange(old: 0..<0, new: 0..<1)])
        #expect(lineDiff(["x"], []) == [LineChange(old: 0..<1, new: 0..<0)])
        #expect(unifiedDiff(old: "a\n", new: "a\n", oldName: "x", newName: "x").isEmpty)
    }

    @Test func unifiedDiffHasHeadersHunksAndThreeLinesOfContext() {
        let old = (1...12).map { "line \($0)\n" }.joined()
        var lines = (1...12).map { "line \($0)\n" }
        lines[1] = "line two\n"
        lines.remove(at: 10)
        let expected = """
            --- old
            +++ new
            @@ -1,5 +1,5 @@
             line 1
            -line 2
            +line two
             line 3
             line 4
             line 5
            @@ -8,5 +8,4 @@
             line 8
             line 9
             line 10
            -line 11
             line 12

            """
        #expect(unifiedDiff(old: old, new: lines.joined(), oldName: "old", newName: "new") == expected)
    }

    @Test func aLastLineWithoutItsBreakIsShown() {
        let expected = "--- f\n+++ f\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+a\n"
        #expect(unifiedDiff(old: "a", new: "a\n", oldName: "f", newName: "f") == expected)
        #expect(unifiedDiff(old: "", new: "a\n", oldName: "f", newName: "f") == "--- f\n+++ f\n@@ -0,0 +1 @@\n+a\n")
    }

    @Test func crlfLinesAreLinesToo() {
        #expect(unifiedDiff(old: "a\r\nb\r\n", new: "a\nb\n", oldName: "f", newName: "f") == "--- f\n+++ f\n@@ -1,2 +1,2 @@\n-a\r\n-b\r\n+a\n+b\n")
    }
}
