/// A scenario file in its canonical layout (docs/format.md), or a refusal with the problems that
/// leave some of its lines not understood. As for a playbook, the tokens of every line are kept as
/// written and in order; problems with lines that are understood (two scenarios of one name, a
/// scenario with nothing under it, a question given twice, expectations that contradict each
/// other, a word that is not a name) do not stop it.
public func formatScenarios(_ source: SourceFile) -> FormatOutcome {
    let parsed = parseScenarios(source)
    let unread = parsed.diagnostics.filter { !understoodLine.contains($0.code) }
    guard unread.isEmpty else { return .refused(unread) }
    var lines = FormatLines(capacity: source.lineCount)
    var line = ScenarioLine(file: 0)
    var inScenario = false
    let bytes = source.bytes
    for number in 0..<source.lineCount {
        // The file was read without a problem of encoding above.
        guard line.read(bytes[source.lineRange(number)], number: number + 1) == nil else { continue }
        var start = 0
        while start < line.count, line[start].properties.isWhitespace { start += 1 }
        if start == line.count {
            lines.addBlank()
            continue
        }
        if line[start] == "#" {
            lines.addComment(written: start, bytes[range(line, start..<trimmedEnd(line, from: start))])
            continue
        }
        let tokens = ScenarioLexer(line: line).tokens(from: start).tokens
        let opens = tokens.first.map { $0.kind == .word && $0.text == "scenario" } == true
            && (tokens.count == 1 || tokens[1].kind != .equals)
        if opens { inScenario = true }
        let depth = inScenario && !opens ? 1 : 0
        lines.addStatement(depth: depth, written: start, grouped: !inScenario) { out in
            for (index, token) in tokens.enumerated() {
                if index > 0, token.kind != .comma { out.append(UInt8(ascii: " ")) }
                for byte in bytes[range(line, token.start..<token.end)] {
                    // A tab written inside quotes means what `\t` means, and can be seen.
                    if byte == UInt8(ascii: "\t"), token.kind == .quoted {
                        out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
                    } else {
                        out.append(byte)
                    }
                }
            }
            var rest = tokens.last?.end ?? start
            while rest < line.count, line[rest] != "#" { rest += 1 }
            if rest < line.count {
                out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: " ")])
                out.append(contentsOf: bytes[range(line, rest..<trimmedEnd(line, from: rest))])
            }
        }
    }
    return .formatted(lines.render())
}

/// The problems of a scenario file whose line is still understood, token by token.
private let understoodLine: Set<DiagnosticCode> = [
    .duplicateScenario, .emptyScenario, .notAName, .repeatedQuestion, .conflictingExpectations,
]

/// The file's bytes of the scalars `scalars` of `line`.
private func range(_ line: ScenarioLine, _ scalars: Range<Int>) -> Range<Int> {
    let span = line.span(scalars)
    return Int(span.start)..<Int(span.end)
}

/// Where the line's text ends once white space at its end is left out, from `start` on.
private func trimmedEnd(_ line: ScenarioLine, from start: Int) -> Int {
    var end = line.count
    while end > start, line[end - 1].properties.isWhitespace { end -= 1 }
    return end
}
