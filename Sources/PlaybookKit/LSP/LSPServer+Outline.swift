/// Document symbols, folding ranges and semantic tokens (LSP 3.17 "Language Features").
extension LSPServer {
    mutating func documentSymbol(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        guard document.language == .playbook, var view = editorView(of: document) else { return .array([]) }
        func json(_ symbol: OutlineSymbol) -> JSON {
            var object: [String: JSON] = [
                // A name may not be empty in LSP: an untitled header is shown by its keyword.
                "name": .string(symbol.name.isEmpty ? symbol.kind.rawValue : symbol.name),
                "kind": .int(Self.symbolKind(symbol.kind)),
                "range": view.range(of: symbol.span), "selectionRange": view.range(of: symbol.selection),
                "children": .array(symbol.children.map(json)),
            ]
            if !symbol.detail.isEmpty { object["detail"] = .string(symbol.detail) }
            return .object(object)
        }
        return .array(view.playbook.outline(file: 0).map(json))
    }

    /// LSP's SymbolKind for each kind of outline entry.
    static func symbolKind(_ kind: OutlineSymbol.Kind) -> Int {
        switch kind {
        case .header: 2  // Module
        case .stage: 3  // Namespace
        case .flow: 12  // Function
        case .question: 8  // Field
        case .persona: 5  // Class
        }
    }

    mutating func foldingRange(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        let source = SourceFile(path: document.path ?? document.uri, bytes: document.bytes)
        return .array(foldingBlocks(source).map { block in
            var range: [String: JSON] = ["startLine": .int(block.startLine), "endLine": .int(block.endLine)]
            range["kind"] = .string(block.isComment ? "comment" : "region")
            return .object(range)
        })
    }

    /// The legend of semantic tokens: LSP's standard types, in the order of `SemanticToken.Kind`.
    static let semanticTokenTypes: [String] = SemanticToken.Kind.allCases.map { kind in
        switch kind {
        case .keyword: "keyword"
        case .stage: "namespace"
        case .flow: "function"
        case .question: "property"
        case .variable: "variable"
        case .persona: "class"
        case .outcome: "enumMember"
        case .string: "string"
        case .number: "number"
        case .comment: "comment"
        case .operator: "operator"
        case .type: "type"
        }
    }
    static let semanticTokenModifiers = ["declaration", "defaultLibrary"]

    mutating func semanticTokens(_ params: JSON) throws(LSPError) -> JSON {
        let document = try document(params)
        guard document.language == .playbook, let view = editorView(of: document) else { return .object(["data": .array([])]) }
        let kinds = Dictionary(uniqueKeysWithValues: SemanticToken.Kind.allCases.enumerated().map { ($1, $0) })
        let tokens = view.playbook.semanticTokens(file: 0)
        var data: [JSON] = []
        data.reserveCapacity(tokens.count * 5)
        var previous = LSPPosition(line: 0, character: 0)
        for token in tokens {
            let start = Int(token.span.start) + view.shift
            let end = Int(token.span.end) + view.shift
            let position = document.position(of: start, encoding: encoding)
            let length = document.position(of: end, encoding: encoding).character - position.character
            let deltaLine = position.line - previous.line
            data += [
                .int(deltaLine), .int(deltaLine == 0 ? position.character - previous.character : position.character),
                .int(length), .int(kinds[token.kind] ?? 0), .int((token.isDeclaration ? 1 : 0) | (token.isBuiltIn ? 2 : 0)),
            ]
            previous = position
        }
        return .object(["data": .array(data)])
    }
}
