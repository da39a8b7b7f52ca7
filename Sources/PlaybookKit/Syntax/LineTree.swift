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
    /// Byte offsets of the first tab in each line indented with tabs (reported by the caller).
    private(set) var tabs: [Int] = []

    /// Builds the tree of the source lines `range` (all of the file, or a part that starts at a
    /// top-level line), reporting indentation that matches no open block.
    init(source: SourceFile, lines range: Range<Int>, file: Int, diagnostics: inout [Diagnostic]) {
        var tabLines: [Int] = []
        lines.reserveCapacity(range.count)
        source.bytes.withUnsafeBufferPointer { bytes in
            for line in range {
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
        tabs = tabLines
        link(file: file, diagnostics: &diagnostics)
    }

    /// The first tab found in indentation, with how many more lines have one.
    static func tabDiagnostic(_ tabs: [Int], file: Int) -> Diagnostic? {
        guard let first = tabs.first else { return nil }
        let more = tabs.count - 1
        return Diagnostic(
            .tabIndentation, "a tab in the indentation", at: Span(file: file, start: first, end: first + 1),
            label: "tab", notes: more > 0 ? ["\(more) more line\(more == 1 ? " is" : "s are") indented with tabs"] : [],
            help: "indent with spaces only (two per level is usual)")
    }

    /// A top-level line near the middle of a file of more than `threshold` lines, where it can be
    /// cut into two parts that parse on their own; nil for a smaller file.
    static func middle(of source: SourceFile, threshold: Int) -> Int? {
        guard source.lineCount > threshold else { return nil }
        for line in (source.lineCount / 2)..<source.lineCount {
            let range = source.lineRange(line)
            guard let first = range.first.map({ source.bytes[$0] }) else { continue }
            if first != UInt8(ascii: " "), first != UInt8(ascii: "\t"), first != UInt8(ascii: "#") { return line }
        }
        return nil
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

    struct ChildSequence: Sequence, IteratorProtocol {
        let tree: LineTree
        var first: Int

        var count: Int { reduce(0) { total, _ in total + 1 } }

        mutating func next() -> Int? {
            guard first >= 0 else { return nil }
            defer { first = tree.nextSibling(first) }
            return first
        }
    }
}
