extension Parser {
    static let personaWords = ["role", "context"]

    /// `persona id "Display name"`, then its `role` and `context`, each at most once.
    mutating func parsePersona(_ line: Int) -> Persona? {
        _ = advance()
        guard let name = declaredName("persona", after: "'persona'") else {
            position = endIndex
            return nil
        }
        let id = interner.name(name.symbol)
        var title: Text?
        if peek.kind == .string {
            title = texts[advance().textIndex]
        } else {
            expected("the persona's display name", after: "'\(id)'", help: "write: persona \(id) \"Dana Levi\"")
            position = endIndex
        }
        endOfLine(after: "the display name")
        let span = lineSpan
        if let title { noInterpolation(in: title, part: "display name") }
        var role: Text?
        var context: Text?
        for child in tree.children(of: line) {
            begin(child)
            let token = peek
            guard isKeyword(token, keywords.role) || isKeyword(token, keywords.context) else {
                notUnderPersona(token)
                continue
            }
            _ = advance()
            let isRole = token.symbol == keywords.role
            let word = isRole ? "role" : "context"
            if let text = string(isRole ? "who the buyer is" : "what the buyer brings to the call", after: "'\(word)'") {
                if let first = isRole ? role : context {
                    diagnostics.append(
                        Diagnostic(
                            .notAllowedHere, "a second '\(word)' for persona '\(id)'", at: text.span,
                            label: "second '\(word)'", secondary: [Label(first.span, "first '\(word)'")],
                            help: "a persona has one '\(word)'; merge the two into one line"))
                } else {
                    noInterpolation(in: text, part: word)
                    if isRole { role = text } else { context = text }
                }
            }
            endOfLine(after: isRole ? "the role" : "the context")
            noChildren(child, under: "'\(word)'")
        }
        let shownTitle = title ?? Text(value: id, span: name.span, interpolations: [])
        return Persona(name: name, title: shownTitle, role: role, context: context, span: span)
    }

    /// Reports a line under a persona that is not `role` or `context`.
    private mutating func notUnderPersona(_ token: Token) {
        let start = span(token)
        if token.kind == .string {
            diagnostics.append(
                Diagnostic(
                    .notAllowedHere, "a string on its own under a persona", at: start, label: "no word before it",
                    notes: ["under a persona come only 'role' and 'context' lines"],
                    help: "start the line with the word it is: role \"...\" or context \"...\""))
            return
        }
        guard token.kind == .identifier else {
            unknownKeyword(allowed: Self.personaWords, context: "under a persona")
            return
        }
        let word = interner.name(token.symbol)
        let help: String
        if Self.topLevelWords.contains(word) {
            help = "a '\(word)' line starts at the beginning of the line: remove its indentation"
        } else if ["goal", "tip", "why", "description", "feedback"].contains(word) {
            help = "to tell the rep more about the buyer, write: context \"...\""
        } else if Self.stepWords.contains(word) || Self.optionWords.contains(word) || ["exit", "yes", "no"].contains(word) {
            help = "steps go in a stage or a flow; a persona only describes the buyer"
        } else {
            unknownKeyword(allowed: Self.personaWords, context: "under a persona")
            return
        }
        diagnostics.append(
            Diagnostic(
                .notAllowedHere, "'\(word)' does not belong under a persona", at: start, label: "not allowed here",
                notes: ["under a persona come only 'role' and 'context' lines"], help: help))
    }

    /// Reports a `{name}` in a persona's text: a persona is read before any question is answered,
    /// so there is no value to show. One report per text, as for other faults inside a string.
    private mutating func noInterpolation(in text: Text, part: String) {
        guard let first = text.interpolations.first else { return }
        let word = interner.name(first.symbol)
        // The lexer records the name between the braces; the report covers the braces too.
        let braces = Span(file: file, start: Int(first.span.start) - 1, end: Int(first.span.end) + 1)
        diagnostics.append(
            Diagnostic(
                .badStringContent, "a persona's \(part) cannot show '{\(word)}'", at: braces, label: "no value to show here",
                notes: ["a persona is not part of the walk: no answer or variable has a value for it to show"],
                help: "write the text out in full, or write \\{\(word)\\} to keep the braces"))
    }
}
