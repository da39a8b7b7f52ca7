/// The significant lines of a file (not blank, not only a comment) arranged by indentation:
/// each line's children are the lines indented under it.
struct LineTree {
    private struct Line {
        /// Byte offset where the content starts (after the indentation).
        var start: Int32
        /// Byte offset where the line ends (before its line break).
        var end: Int32
        var indent: Int32
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
    }

    private var lines: [Line] = []
    /// The first lines at the top level (indentation 0), linked by `nextSibling`.
    private var firstTopLevel = -1

    func contentStart(_ line: Int) -> Int { Int(lines[line].start) }
    func contentEnd(_ line: Int) -> Int { Int(lines[line].end) }
    func firstChild(_ line: Int) -> Int { Int(lines[line].firstChild) }
    func nextSibling(_ line: Int) -> Int { Int(lines[line].nextSibling) }
    /// How many significant lines the file has.
    var count: Int { lines.count }

    /// Builds the tree, reporting tabs and indentation that matches no open block.
    init(source: SourceFile, file: Int, diagnostics: inout [Diagnostic]) {
        var tabLines: [Int] = []
        lines.reserveCapacity(source.lineCount)
        source.bytes.withUnsafeBufferPointer { bytes in
            for line in 0..<source.lineCount {
                let range = source.lineRange(line)
                var index = range.lowerBound
                var width = 0
                var tab: Int?
                while index < range.upperBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    if bytes[index] == UInt8(ascii: "\t") {
                        if tab == nil { tab = index }
                        width = (width / 4 + 1) * 4
                    } else {
                        width += 1
                    }
                    index += 1
                }
                // Blank and comment-only lines take no part in the blocks: their tabs do no harm.
                if index == range.upperBound || bytes[index] == UInt8(ascii: "#") { continue }
                if let tab { tabLines.append(tab) }
                lines.append(Line(start: Int32(index), end: Int32(range.upperBound), indent: Int32(width)))
            }
        }
        if let first = tabLines.first {
            let more = tabLines.count - 1
            diagnostics.append(
                Diagnostic(
                    .tabIndentation, "a tab in the indentation", at: Span(file: file, start: first, end: first + 1),
                    label: "tab", notes: more > 0 ? ["\(more) more line\(more == 1 ? " is" : "s are") indented with tabs"] : [],
                    help: "indent with spaces only (two per level is usual)"))
        }
        link(file: file, diagnostics: &diagnostics)
    }

    private mutating func link(file: Int, diagnostics: inout [Diagnostic]) {
        let count = lines.count
        var lastChild = [Int32](repeating: -1, count: count)
        var lastTopLevel = -1
        var stack: [Int] = []

        func attach(_ line: Int, to parent: Int?) {
            if let parent {
                if lastChild[parent] < 0 {
                    lines[parent].firstChild = Int32(line)
                } else {
                    lines[Int(lastChild[parent])].nextSibling = Int32(line)
                }
                lastChild[parent] = Int32(line)
            } else {
                if lastTopLevel < 0 { firstTopLevel = line } else { lines[lastTopLevel].nextSibling = Int32(line) }
                lastTopLevel = line
            }
        }
        func indent(_ line: Int) -> Int { Int(lines[line].indent) }
        func start(_ line: Int) -> Int { Int(lines[line].start) }

        for line in 0..<count {
            var popped: Int?
            while let top = stack.last, indent(top) > indent(line) { popped = stack.removeLast() }
            if let top = stack.last, indent(top) == indent(line) {
                stack.removeLast()
                attach(line, to: stack.last)
            } else if let popped {
                let levels = (stack.map(indent) + [indent(popped)]).map(String.init).joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .badIndentation, "this line's indentation matches no open block",
                        at: Span(file: file, start: start(line) - indent(line), end: start(line)),
                        label: "\(indent(line)) spaces",
                        notes: ["the open blocks are indented by \(levels) spaces"],
                        help: "line it up with the block it belongs to"))
                lines[line].indent = lines[popped].indent
                attach(line, to: stack.last)
            } else if stack.isEmpty, indent(line) > 0 {
                diagnostics.append(
                    Diagnostic(
                        .badIndentation, "the first line is indented",
                        at: Span(file: file, start: start(line) - indent(line), end: start(line)),
                        label: "\(indent(line)) spaces", help: "start top-level lines such as 'playbook' and 'stage' in column 1"))
                lines[line].indent = 0
                attach(line, to: nil)
            } else {
                attach(line, to: stack.last)
            }
            stack.append(line)
        }
    }

    /// The children of `line` in order.
    func children(of line: Int) -> ChildSequence { ChildSequence(tree: self, first: firstChild(line)) }

    var topLevel: ChildSequence { ChildSequence(tree: self, first: firstTopLevel) }

    /// The top-level lines in one part, or, for a file of more than `threshold` lines, in two parts
    /// of about the same size, split between top-level blocks (each part can be parsed alone).
    func topLevelParts(threshold: Int) -> [ChildSequence] {
        guard lines.count > threshold else { return [topLevel] }
        for line in topLevel where line >= lines.count / 2 && line != firstTopLevel {
            return [ChildSequence(tree: self, first: firstTopLevel, stop: line), ChildSequence(tree: self, first: line)]
        }
        return [topLevel]
    }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: LineTree
        var first: Int
        /// The sibling where the sequence stops (not included), or -1.
        var stop = -1
        var isEmpty: Bool { first < 0 || first == stop }

        var count: Int { reduce(0) { total, _ in total + 1 } }

        mutating func next() -> Int? {
            guard first >= 0, first != stop else { return nil }
            defer { first = tree.nextSibling(first) }
            return first
        }
    }
}
