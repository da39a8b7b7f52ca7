/// The significant lines of a file (not blank, not only a comment) arranged by indentation:
/// each line's children are the lines indented under it.
struct LineTree {
    /// Byte offset where the line's content starts (after its indentation).
    var contentStart: [Int] = []
    /// Byte offset where the line ends (before its line break).
    var contentEnd: [Int] = []
    var indent: [Int] = []
    var firstChild: [Int] = []
    var nextSibling: [Int] = []
    /// The first lines at the top level (indentation 0), linked by `nextSibling`.
    var firstTopLevel = -1

    /// Builds the tree, reporting tabs and indentation that matches no open block.
    init(source: SourceFile, file: Int, diagnostics: inout [Diagnostic]) {
        var tabLines: [Int] = []
        source.bytes.withUnsafeBufferPointer { bytes in
            for line in 0..<source.lineStarts.count {
                let range = source.lineRange(line)
                var index = range.lowerBound
                var width = 0
                while index < range.upperBound, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                    if bytes[index] == UInt8(ascii: "\t") {
                        if tabLines.last != line { tabLines.append(index) }
                        width = (width / 4 + 1) * 4
                    } else {
                        width += 1
                    }
                    index += 1
                }
                if index == range.upperBound || bytes[index] == UInt8(ascii: "#") { continue }
                contentStart.append(index)
                contentEnd.append(range.upperBound)
                indent.append(width)
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
        let count = indent.count
        firstChild = Array(repeating: -1, count: count)
        nextSibling = Array(repeating: -1, count: count)
        var lastChild = Array(repeating: -1, count: count)
        var lastTopLevel = -1
        var stack: [Int] = []

        func attach(_ line: Int, to parent: Int?) {
            if let parent {
                if lastChild[parent] < 0 { firstChild[parent] = line } else { nextSibling[lastChild[parent]] = line }
                lastChild[parent] = line
            } else {
                if lastTopLevel < 0 { firstTopLevel = line } else { nextSibling[lastTopLevel] = line }
                lastTopLevel = line
            }
        }

        for line in 0..<count {
            var popped: Int?
            while let top = stack.last, indent[top] > indent[line] { popped = stack.removeLast() }
            if let top = stack.last, indent[top] == indent[line] {
                stack.removeLast()
                attach(line, to: stack.last)
            } else if let popped {
                let levels = (stack.map { indent[$0] } + [indent[popped]]).map(String.init).joined(separator: ", ")
                diagnostics.append(
                    Diagnostic(
                        .badIndentation, "this line's indentation matches no open block",
                        at: Span(file: file, start: contentStart[line] - indent[line], end: contentStart[line]),
                        label: "\(indent[line]) spaces",
                        notes: ["the open blocks are indented by \(levels) spaces"],
                        help: "line it up with the block it belongs to"))
                indent[line] = indent[popped]
                attach(line, to: stack.last)
            } else if stack.isEmpty, indent[line] > 0 {
                diagnostics.append(
                    Diagnostic(
                        .badIndentation, "the first line is indented",
                        at: Span(file: file, start: contentStart[line] - indent[line], end: contentStart[line]),
                        label: "\(indent[line]) spaces", help: "start top-level lines such as 'playbook' and 'stage' in column 1"))
                indent[line] = 0
                attach(line, to: nil)
            } else {
                attach(line, to: stack.last)
            }
            stack.append(line)
        }
    }

    /// The children of `line` in order.
    func children(of line: Int) -> ChildSequence { ChildSequence(tree: self, first: firstChild[line]) }

    var topLevel: ChildSequence { ChildSequence(tree: self, first: firstTopLevel) }

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: LineTree
        var first: Int
        var isEmpty: Bool { first < 0 }
        mutating func next() -> Int? {
            guard first >= 0 else { return nil }
            defer { first = tree.nextSibling[first] }
            return first
        }
    }
}
