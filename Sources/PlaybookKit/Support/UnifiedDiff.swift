/// The change from `old` to `new` as a unified diff (`diff -u`, what `patch` and `git apply`
/// read): `---` and `+++` headers naming the two sides, then hunks of changed lines with
/// `context` unchanged lines around them. Empty when the texts are the same.
public func unifiedDiff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
    // Lines with their line break, so that a last line without one differs from the same line with one.
    let oldLines = linesKeepingBreaks(old)
    let newLines = linesKeepingBreaks(new)
    let changes = lineDiff(oldLines, newLines)
    guard !changes.isEmpty else { return "" }
    var out = "--- \(oldName)\n+++ \(newName)\n"
    var first = 0
    while first < changes.count {
        // One hunk: the changes whose context would touch or overlap.
        var last = first
        while last + 1 < changes.count, changes[last + 1].old.lowerBound - changes[last].old.upperBound <= 2 * context {
            last += 1
        }
        let oldStart = max(0, changes[first].old.lowerBound - context)
        let oldEnd = min(oldLines.count, changes[last].old.upperBound + context)
        let newStart = changes[first].new.lowerBound - (changes[first].old.lowerBound - oldStart)
        let newEnd = changes[last].new.upperBound + (oldEnd - changes[last].old.upperBound)
        out += "@@ -\(hunkRange(oldStart, oldEnd)) +\(hunkRange(newStart, newEnd)) @@\n"
        var cursor = oldStart
        for change in changes[first...last] {
            for line in oldLines[cursor..<change.old.lowerBound] { out += diffLine(" ", line) }
            for line in oldLines[change.old] { out += diffLine("-", line) }
            for line in newLines[change.new] { out += diffLine("+", line) }
            cursor = change.old.upperBound
        }
        for line in oldLines[cursor..<oldEnd] { out += diffLine(" ", line) }
        first = last + 1
    }
    return out
}

/// `start,count` as a hunk header writes it: 1-based, the count left out when it is 1, and the
/// line before the hunk when it is empty.
private func hunkRange(_ start: Int, _ end: Int) -> String {
    let count = end - start
    switch count {
    case 0: return "\(start),0"
    case 1: return "\(start + 1)"
    default: return "\(start + 1),\(count)"
    }
}

private func diffLine(_ mark: String, _ line: Substring) -> String {
    if line.unicodeScalars.last == "\n" { return mark + line }
    return mark + line + "\n\\ No newline at end of file\n"
}

/// The lines of `text`, each with its `\n` (the last one without, when the text does not end with
/// one). Split by scalars: in a CRLF file, `\r\n` is one `Character`.
func linesKeepingBreaks(_ text: String) -> [Substring] {
    let scalars = text.unicodeScalars
    var lines: [Substring] = []
    var start = scalars.startIndex
    var index = scalars.startIndex
    while index < scalars.endIndex {
        let next = scalars.index(after: index)
        if scalars[index] == "\n" {
            lines.append(Substring(scalars[start..<next]))
            start = next
        }
        index = next
    }
    if start < scalars.endIndex { lines.append(Substring(scalars[start...])) }
    return lines
}
