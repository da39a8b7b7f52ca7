/// Parses one file into its syntax tree, reporting every syntax error it finds and recovering at the
/// next line it understands.
public func parse(_ source: SourceFile, file: Int, interner: inout Interner) -> (PlaybookFile, [Diagnostic]) {
    let shared = SharedInterner(interner)
    let result = parse(source, file: file, interner: shared)
    interner = shared.interner
    return result
}

/// Files of more lines than this are parsed in two halves at once.
let parallelParseThreshold = 40_000

func parse(_ source: SourceFile, file: Int, interner: SharedInterner) -> (PlaybookFile, [Diagnostic]) {
    let keywords = Keywords(interner.intern)
    /// Reads the source lines `lines`, which start at a top-level line.
    @Sendable func part(_ lines: Range<Int>) -> (PlaybookFile, [Diagnostic], tabs: [Int]) {
        var diagnostics: [Diagnostic] = []
        let tree = LineTree(source: source, lines: lines, file: file, diagnostics: &diagnostics)
        return source.bytes.withUnsafeBufferPointer { bytes in
            var parser = Parser(
                bytes: bytes, file: file, tree: tree, interner: InternerClient(interner), keywords: keywords)
            parser.diagnostics = diagnostics
            return (parser.parseFile(tree.topLevel), parser.diagnostics, tree.tabs)
        }
    }
    guard let middle = LineTree.middle(of: source, threshold: parallelParseThreshold) else {
        let (playbook, diagnostics, tabs) = part(0..<source.lineCount)
        return (playbook, diagnostics + [LineTree.tabDiagnostic(tabs, file: file)].compactMap { $0 })
    }
    let ((first, firstDiagnostics, firstTabs), (second, secondDiagnostics, secondTabs)) = inParallel(
        { part(0..<middle) }, { part(middle..<source.lineCount) })
    let firstStages = first.stages.count
    let firstFlows = first.flows.count
    // Moved, not copied: with `first` alive, appending to its arrays would copy them (a retain per
    // stage and per question, on the one thread, while the other core waits).
    var playbook = consume first
    var diagnostics = firstDiagnostics + secondDiagnostics
    if let tabs = LineTree.tabDiagnostic(firstTabs + secondTabs, file: file) { diagnostics.append(tabs) }
    if let header = second.header {
        if let existing = playbook.header {
            diagnostics.append(Parser.secondHeader(header, first: existing))
        } else {
            playbook.header = header
        }
    }
    playbook.uses += second.uses
    playbook.terms += second.terms
    playbook.personas += second.personas
    playbook.stageQuestions.reserveCapacity(playbook.stageQuestions.count + second.stageQuestions.count)
    for asked in second.stageQuestions {
        playbook.stageQuestions.append(AskedQuestion(question: asked.question, owner: asked.owner + firstStages))
    }
    playbook.flowQuestions.reserveCapacity(playbook.flowQuestions.count + second.flowQuestions.count)
    for asked in second.flowQuestions {
        playbook.flowQuestions.append(AskedQuestion(question: asked.question, owner: asked.owner + firstFlows))
    }
    playbook.stages += second.stages
    playbook.flows += second.flows
    return (playbook, diagnostics)
}

/// Blocks deeper than this are reported, not parsed: no real playbook nests so far.
let maximumBlockDepth = 40
/// `else if`s nested deeper than this (each `if` of a chain sits in the `else` before it, and
/// chains in the blocks of chains add up) are reported, not parsed.
let maximumElseIfDepth = 100
/// Expressions nested deeper than this are reported, not parsed.
let maximumExpressionDepth = 100
/// Expressions with more operators than this are reported, not parsed.
let maximumOperators = 1_000

struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: Int
    let tree: LineTree
    var interner: InternerClient
    var diagnostics: [Diagnostic] = []
    /// Where the `if`s written as `else if` start: an `else` after one belongs to it.
    var elseIfs: Set<Int32> = []
    /// The `else if`s around the line being parsed, chains in blocks of chains added up.
    var elseIfDepth = 0
    /// Where the `else if` chains cut at `maximumElseIfDepth` start: their later lines are skipped.
    var cutChains: Set<Int32> = []
    let keywords: Keywords
    var tokens: [Token] = []
    var texts: [Text] = []
    var position = 0
    /// Index of the current line's `.endOfLine` token.
    var endIndex = 0
    /// Operators in the expression being parsed.
    var operators = 0
    /// The questions met so far (see `PlaybookFile.stageQuestions`).
    var stageQuestions: [AskedQuestion] = []
    var flowQuestions: [AskedQuestion] = []
    var line = -1

    init(bytes: UnsafeBufferPointer<UInt8>, file: Int, tree: LineTree, interner: InternerClient, keywords: Keywords) {
        self.bytes = bytes
        self.file = file
        self.tree = tree
        self.interner = interner
        self.keywords = keywords
    }

    // MARK: Tokens of the current line

    /// Makes `line` the current line; its tokens are made once, however often it is begun.
    mutating func begin(_ line: Int) {
        position = 0
        guard line != self.line else { return }
        self.line = line
        endIndex = Lexer(bytes: bytes, file: file).tokenize(
            tree.contentStart(line), tree.contentEnd(line), interner: &interner, tokens: &tokens, texts: &texts,
            diagnostics: &diagnostics)
    }

    var peek: Token { tokens[position] }
    var peekNext: Token { tokens[min(position + 1, endIndex)] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < endIndex { position += 1 }
        return token
    }

    func span(_ token: Token) -> Span { Span(file: file, start: token.start, end: token.end) }

    /// The span of the whole current line's content.
    var lineSpan: Span { Span(file: file, start: tree.contentStart(line), end: tree.contentEnd(line)) }

    func isKeyword(_ token: Token, _ symbol: Symbol) -> Bool { token.kind == .identifier && token.symbol == symbol }

    mutating func accept(_ kind: TokenKind) -> Token? { peek.kind == kind ? advance() : nil }

    mutating func acceptKeyword(_ symbol: Symbol) -> Token? { isKeyword(peek, symbol) ? advance() : nil }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: "'\(interner.name(token.symbol))'"
        case .number: "the number \(String(decoding: bytes[token.start..<token.end], as: UTF8.self))"
        default: token.kind.description
        }
    }

    /// A token without an article: "string", "'x'", "number 5".
    func describeBare(_ token: Token) -> String {
        switch token.kind {
        case .string: "string"
        case .number: "number \(String(decoding: bytes[token.start..<token.end], as: UTF8.self))"
        default: describe(token)
        }
    }

    /// Reports "expected X, found Y" at the current token.
    mutating func expected(_ what: String, after context: String? = nil, help: String? = nil) {
        let token = peek
        // An invalid character or an unterminated string was reported by the lexer already.
        if token.kind == .invalid { return }
        let suffix = context.map { " after \($0)" } ?? ""
        diagnostics.append(
            Diagnostic(
                .unexpectedToken, "expected \(what)\(suffix), found \(describe(token))", at: span(token),
                label: "expected \(what) here", help: help))
    }

    /// A name being declared (a stage, flow, question or variable).
    mutating func declaredName(_ what: String, after context: String) -> Name? {
        guard peek.kind == .identifier else {
            expected("the \(what)'s name", after: context)
            return nil
        }
        let token = advance()
        if keywords.reserved.contains(token.symbol) {
            diagnostics.append(
                Diagnostic(
                    .unexpectedToken, "'\(interner.name(token.symbol))' is a word of the language and cannot name a \(what)",
                    at: span(token), label: "reserved word", help: "choose another name"))
        }
        return Name(symbol: token.symbol, span: span(token))
    }

    mutating func string(_ what: String, after context: String) -> Text? {
        guard peek.kind == .string else {
            expected(what, after: context, help: "text goes between double quotes: \"...\"")
            return nil
        }
        return texts[advance().textIndex]
    }

    /// Reports tokens left on the line after a complete statement.
    mutating func endOfLine(after context: String) {
        guard peek.kind != .endOfLine else { return }
        if peek.kind != .invalid {
            let token = peek
            diagnostics.append(
                Diagnostic(
                    .unexpectedToken, "unexpected \(describeBare(token)) after \(context)",
                    at: Span(file: file, start: token.start, end: tokens[endIndex - 1].end),
                    label: "nothing more belongs on this line", help: "remove it, or start a new line"))
        }
        position = endIndex
    }

    /// An empty block with room for the steps of the lines under `line`, one at most per line:
    /// made once at its size, not grown step by step (a large playbook has a block per branch).
    func emptyBlock(under line: Int) -> [Step] {
        var body: [Step] = []
        body.reserveCapacity(tree.children(of: line).count)
        return body
    }

    /// Reports an indented block under a line that takes none.
    mutating func noChildren(_ line: Int, under context: String, help: String? = nil) {
        let first = tree.firstChild(line)
        guard first >= 0 else { return }
        diagnostics.append(
            Diagnostic(
                .badIndentation, "unexpected indented block under \(context)",
                at: Span(file: file, start: tree.contentStart(first), end: tree.contentEnd(first)),
                label: "indented under a line that takes no block", help: help ?? "indent this line like the one above it"))
    }

    /// Reports children nested past `maximumBlockDepth`; true when the block may be parsed.
    mutating func withinDepth(_ line: Int, depth: Int) -> Bool {
        guard depth > maximumBlockDepth, tree.firstChild(line) >= 0 else { return true }
        let first = tree.firstChild(line)
        diagnostics.append(
            Diagnostic(
                .nestedTooDeeply, "blocks are nested more than \(maximumBlockDepth) levels deep",
                at: Span(file: file, start: tree.contentStart(first), end: tree.contentEnd(first)),
                label: "too deep to read", help: "move the deeper part into a flow and 'call' it"))
        return false
    }

    /// Reports an unknown first word, suggesting the nearest word allowed here.
    mutating func unknownKeyword(allowed: [String], context: String) {
        let token = peek
        if token.kind == .invalid { return }
        guard token.kind == .identifier else {
            expected("a line that starts with a word such as \(allowed.prefix(3).map { "'\($0)'" }.joined(separator: ", "))")
            return
        }
        let word = interner.name(token.symbol)
        let suggestion = Suggestion.didYouMean(word, among: allowed)
        let list = allowed.map { "'\($0)'" }.joined(separator: ", ")
        diagnostics.append(
            Diagnostic(
                .unknownKeyword, "unknown word '\(word)' at the start of a line \(context)", at: span(token),
                label: "not a word of the language here", notes: ["allowed here: \(list)"],
                help: suggestion))
    }
}
