/// One entry of a file's outline: a stage with its questions, a flow, a persona, the header.
public struct OutlineSymbol: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case header, stage, flow, question, persona
    }

    public var name: String
    /// The title, or a question's text.
    public var detail: String
    public var kind: Kind
    /// The whole block, from its line to the end of the last line under it.
    public var span: Span
    /// The name.
    public var selection: Span
    public var children: [OutlineSymbol]
}

/// A block that an editor may fold: its first and last lines (0-based).
public struct FoldingBlock: Sendable, Equatable {
    public var startLine: Int
    public var endLine: Int
    /// A run of comment lines rather than a block of statements.
    public var isComment: Bool
}

extension EditorPlaybook {
    /// The outline of file `file`: header, personas, stages with the questions they ask, flows.
    public func outline(file: Int) -> [OutlineSymbol] {
        guard result.files.indices.contains(file) else { return [] }
        let playbook = result.files[file]
        let interner = result.interner
        var symbols: [OutlineSymbol] = []
        if let header = playbook.header {
            var end = header.span.end
            for part in [header.methodology?.span, header.version?.span, header.description?.span, header.language?.span]
            {
                if let part { end = max(end, part.end) }
            }
            if let last = playbook.header?.outcomes?.last { end = max(end, last.span.end) }
            symbols.append(
                OutlineSymbol(
                    name: header.title.value, detail: header.methodology?.value ?? "", kind: .header,
                    span: Span(file: file, start: Int(header.span.start), end: Int(end)), selection: header.title.span,
                    children: []))
        }
        for persona in playbook.personas {
            var end = persona.span.end
            if let role = persona.role { end = max(end, role.span.end) }
            if let context = persona.context { end = max(end, context.span.end) }
            symbols.append(
                OutlineSymbol(
                    name: interner.name(persona.name.symbol), detail: persona.title.value, kind: .persona,
                    span: Span(file: file, start: Int(persona.span.start), end: Int(end)), selection: persona.name.span,
                    children: []))
        }
        for stage in playbook.stages {
            var end = stage.span.end
            for text in [stage.goal].compactMap({ $0 }) + stage.tips { end = max(end, text.span.end) }
            for exit in stage.exits { end = max(end, exit.span.end) }
            end = max(end, Self.extentEnd(stage.body))
            symbols.append(
                OutlineSymbol(
                    name: interner.name(stage.name.symbol), detail: stage.title.value, kind: .stage,
                    span: Span(file: file, start: Int(stage.span.start), end: Int(end)), selection: stage.name.span,
                    children: questionSymbols(stage.body)))
        }
        for flow in playbook.flows {
            symbols.append(
                OutlineSymbol(
                    name: interner.name(flow.name.symbol), detail: flow.title.value, kind: .flow,
                    span: Span(file: file, start: Int(flow.span.start), end: Int(max(flow.span.end, Self.extentEnd(flow.body)))),
                    selection: flow.name.span, children: questionSymbols(flow.body)))
        }
        return symbols.sorted { $0.span.start < $1.span.start }
    }

    /// The questions asked in `steps` and in the blocks under them, in source order.
    private func questionSymbols(_ steps: [Step]) -> [OutlineSymbol] {
        var found: [OutlineSymbol] = []
        func visit(_ steps: [Step]) {
            for step in steps {
                if case .ask(let question) = step {
                    found.append(
                        OutlineSymbol(
                            name: result.interner.name(question.name.symbol), detail: question.text.value, kind: .question,
                            span: Span(
                                file: Int(question.span.file), start: Int(question.span.start),
                                end: Int(max(question.span.end, Self.extentEnd([step])))),
                            selection: question.name.span, children: []))
                }
                step.forEachBlock(visit)
            }
        }
        visit(steps)
        return found
    }

    /// Where the last line of `steps`, blocks under them included, ends.
    static func extentEnd(_ steps: [Step]) -> Int32 {
        var end: Int32 = 0
        for step in steps {
            end = max(end, step.span.end)
            if case .ask(let question) = step {
                for text in [question.why, question.tip].compactMap({ $0 }) { end = max(end, text.span.end) }
                for branch in question.branches {
                    end = max(end, branch.span.end)
                    if let target = branch.target { end = max(end, target.span.end) }
                    if case .end(let ending)? = branch.target, let reason = ending.reason { end = max(end, reason.span.end) }
                    if let feedback = branch.feedback { end = max(end, feedback.span.end) }
                }
            }
            step.forEachBlock { end = max(end, extentEnd($0)) }
        }
        return end
    }
}

/// Folding by the blocks of the indentation, read from the text itself: it works while the file
/// does not parse.
public func foldingBlocks(_ source: SourceFile) -> [FoldingBlock] {
    var ignored: [Diagnostic] = []
    let tree = LineTree(source: source, lines: 0..<source.lineCount, file: 0, diagnostics: &ignored)
    var blocks: [FoldingBlock] = []
    func lastDescendant(_ line: Int) -> Int {
        var last = line
        while true {
            var child = tree.firstChild(last)
            guard child >= 0 else { return last }
            while tree.nextSibling(child) >= 0 { child = tree.nextSibling(child) }
            last = child
        }
    }
    for line in 0..<tree.count where tree.firstChild(line) >= 0 {
        let start = source.lineIndex(of: tree.contentStart(line))
        let end = source.lineIndex(of: tree.contentEnd(lastDescendant(line)))
        if end > start { blocks.append(FoldingBlock(startLine: start, endLine: end, isComment: false)) }
    }
    var run: Int?
    for line in 0...source.lineCount {
        let isComment = line < source.lineCount && {
            let range = source.lineRange(line)
            let first = source.bytes[range].first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            return first == UInt8(ascii: "#")
        }()
        if isComment {
            if run == nil { run = line }
        } else if let start = run {
            if line - 1 > start { blocks.append(FoldingBlock(startLine: start, endLine: line - 1, isComment: true)) }
            run = nil
        }
    }
    return blocks.sorted { ($0.startLine, $0.endLine) < ($1.startLine, $1.endLine) }
}
