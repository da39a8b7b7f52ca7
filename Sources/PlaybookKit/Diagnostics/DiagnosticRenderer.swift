/// How diagnostics are written out.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// Source lines with carets, labels, notes and help, for people.
    case human
    /// `file:line:col: error: message [PB0123]`, for editors and grep.
    case short
    /// One JSON document, for tools.
    case json
}

/// Turns diagnostics into text. Pure: colour is asked for by the caller.
public struct DiagnosticRenderer: Sendable {
    public let sources: [SourceFile]
    public let color: Bool
    /// The human rendering's own words (the severity, `note`, `help`); the short and JSON
    /// renderings, read by editors and tools, keep English.
    public let words: ReportWords

    public init(sources: [SourceFile], color: Bool, words: ReportWords = ReportWords(language: "en")) {
        self.sources = sources
        self.color = color
        self.words = words
    }

    public func short(_ diagnostic: Diagnostic) -> String {
        let span = diagnostic.primary.span
        let location = sources[Int(span.file)].location(of: Int(span.start))
        let path = Self.printable(sources[Int(span.file)].path)
        return "\(path):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(Self.printable(diagnostic.message)) [\(diagnostic.code.rawValue)]"
    }

    public func json(_ diagnostic: Diagnostic) -> JSON {
        var labels = [label(diagnostic.primary, primary: true)]
        labels += diagnostic.secondary.map { label($0, primary: false) }
        let span = diagnostic.primary.span
        let location = sources[Int(span.file)].location(of: Int(span.start))
        var object: [String: JSON] = [
            "code": .string(diagnostic.code.rawValue),
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "file": .string(sources[Int(span.file)].path),
            "line": .int(location.line),
            "column": .int(location.column),
            "labels": .array(labels),
            "notes": .array(diagnostic.notes.map(JSON.string)),
            "docs": .string(diagnostic.code.docsPath),
        ]
        object["help"] = diagnostic.help.map(JSON.string) ?? .null
        return .object(object)
    }

    private func label(_ label: Label, primary: Bool) -> JSON {
        let source = sources[Int(label.span.file)]
        let start = source.location(of: Int(label.span.start))
        let end = source.location(of: Int(label.span.end))
        return .object([
            "file": .string(source.path),
            "line": .int(start.line),
            "column": .int(start.column),
            "endLine": .int(end.line),
            "endColumn": .int(end.column),
            "byteStart": .int(Int(label.span.start) + source.byteOrderMarkLength),
            "byteEnd": .int(Int(label.span.end) + source.byteOrderMarkLength),
            "message": .string(label.message),
            "primary": .bool(primary),
        ])
    }

    // MARK: Human

    private enum Style: String {
        case error = "\u{1B}[1;31m"
        case warning = "\u{1B}[1;33m"
        case note = "\u{1B}[1;36m"
        case secondary = "\u{1B}[1;34m"
        case bold = "\u{1B}[1m"
    }

    private func paint(_ text: String, _ style: Style) -> String {
        color ? style.rawValue + text + "\u{1B}[0m" : text
    }

    private func style(of severity: Severity) -> Style {
        switch severity {
        case .error: .error
        case .warning: .warning
        case .note: .note
        }
    }

    /// The rustc-like rendering: header, `-->` location, source lines with carets, notes, help.
    public func human(_ diagnostic: Diagnostic) -> String {
        let primary = diagnostic.primary.span
        let source = sources[Int(primary.file)]
        let location = source.location(of: Int(primary.start))
        let labels = [(diagnostic.primary, true)] + diagnostic.secondary.map { ($0, false) }
        let lineNumbers = labels.map { sources[Int($0.0.span.file)].location(of: Int($0.0.span.start)).line }
        let gutter = String(repeating: " ", count: String(lineNumbers.max() ?? 1).count)
        let severityStyle = style(of: diagnostic.severity)
        var out = paint("\(word(for: diagnostic.severity))[\(diagnostic.code.rawValue)]", severityStyle)
        out += paint(": \(Self.printable(diagnostic.message))", .bold) + "\n"
        out += "\(gutter)\(paint("-->", .secondary)) \(Self.printable(source.path)):\(location.line):\(location.column)\n"
        let bar = paint("|", .secondary)
        out += "\(gutter) \(bar)\n"
        // Labels grouped by file (the primary's first) and line, in order.
        var files = [Int(primary.file)]
        for (label, _) in labels where !files.contains(Int(label.span.file)) { files.append(Int(label.span.file)) }
        for file in files {
            let here = labels.filter { Int($0.0.span.file) == file }
            if file != Int(primary.file), let first = here.first {
                let at = sources[file].location(of: Int(first.0.span.start))
                out += "\(gutter)\(paint(":::", .secondary)) \(Self.printable(sources[file].path)):\(at.line):\(at.column)\n"
                out += "\(gutter) \(bar)\n"
            }
            let lines = Set(here.map { sources[file].lineIndex(of: Int($0.0.span.start)) }).sorted()
            var previous: Int?
            for line in lines {
                if let previous, line > previous + 1 { out += paint("...", .secondary) + "\n" }
                previous = line
                let number = String(line + 1)
                let text = sources[file].lineText(line)
                let onLine = here.filter { sources[file].lineIndex(of: Int($0.0.span.start)) == line }
                    .sorted { $0.0.span.start > $1.0.span.start }
                // A long line is shown around its labels only.
                let range = sources[file].lineRange(line)
                let window = LineWindow(line: text, labels: onLine.map { label, _ in
                    let (start, end) = Self.clamp(label.span, to: range)
                    return start - range.lowerBound..<end - range.lowerBound
                })
                out += paint(String(repeating: " ", count: gutter.count - number.count) + number, .secondary)
                out += " \(bar) \(displayable(window?.text ?? text))\n"
                for (label, isPrimary) in onLine {
                    out += "\(gutter) \(bar) \(underline(label, file: file, line: line, window: window, isPrimary: isPrimary, style: severityStyle))\n"
                }
            }
        }
        if !diagnostic.notes.isEmpty || diagnostic.help != nil { out += "\(gutter) \(bar)\n" }
        for note in diagnostic.notes {
            out += "\(gutter) \(paint("=", .secondary)) \(paint(words(.note), .bold)): \(Self.printable(note))\n"
        }
        if let help = diagnostic.help {
            out += "\(gutter) \(paint("=", .secondary)) \(paint(words(.help), .bold)): \(Self.printable(help))\n"
        }
        return out
    }

    /// The line after a file's diagnostics: "discovery.playbook: no problems found" or
    /// "discovery.playbook: 2 errors, 1 warning", safe to print.
    public func summary(path: String, diagnostics: [Diagnostic]) -> String {
        let path = Self.printable(path)
        let errors = words.count(diagnostics.errorCount, .errorOne, .errorMany)
        let warnings = words.count(diagnostics.warningCount, .warningOne, .warningMany)
        switch (diagnostics.errorCount, diagnostics.warningCount) {
        case (0, 0): return words(.noProblems, path) + "\n"
        case (_, 0): return words.labelled(path, errors) + "\n"
        case (0, _): return words.labelled(path, warnings) + "\n"
        default: return words.labelled(path, words(.errorsAndWarnings, errors, warnings)) + "\n"
        }
    }

    private func word(for severity: Severity) -> String {
        switch severity {
        case .error: words(.error)
        case .warning: words(.warning)
        case .note: words(.note)
        }
    }

    /// The byte range of a span on one line: cut at the line's ends.
    private static func clamp(_ span: Span, to range: Range<Int>) -> (start: Int, end: Int) {
        let start = max(range.lowerBound, min(Int(span.start), range.upperBound))
        return (start, max(start, min(Int(span.end), range.upperBound)))
    }

    /// The line of carets (primary) or dashes (secondary) under a label, placed by terminal cells
    /// of the line as shown (whole, or the window of a long line).
    private func underline(_ label: Label, file: Int, line: Int, window: LineWindow?, isPrimary: Bool, style: Style) -> String {
        let source = sources[file]
        let range = source.lineRange(line)
        let (start, end) = Self.clamp(label.span, to: range)
        // Widths of the line as printed (tabs expanded), up to the start and up to the end.
        func shown(upTo offset: Int) -> String {
            guard let window else { return source.text(range.lowerBound..<offset) }
            let utf8 = window.text.utf8
            return String(window.text[..<utf8.index(utf8.startIndex, offsetBy: window.position(of: offset - range.lowerBound))])
        }
        let indent = DisplayWidth.of(displayable(shown(upTo: start)), tabStop: 4)
        let through = DisplayWidth.of(displayable(shown(upTo: end)), tabStop: 4)
        let width = max(1, through - indent)
        let marks = String(repeating: isPrimary ? "^" : "-", count: width)
        let text = label.message.isEmpty ? marks : marks + " " + Self.printable(label.message)
        return String(repeating: " ", count: indent) + paint(text, isPrimary ? style : .secondary)
    }

    /// Text from a playbook made safe to print in a message: unsafe scalars become `<U+1B>`.
    static func printable(_ text: String) -> String { TerminalText.safe(text) }

    /// Source text safe to print: tabs become spaces, unsafe scalars a visible mark of one cell.
    private func displayable(_ text: String) -> String {
        var out = ""
        var column = 0
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                let spaces = 4 - column % 4
                out += String(repeating: " ", count: spaces)
                column += spaces
            } else if TerminalText.isUnsafe(scalar) {
                out += "\u{FFFD}"
                column += 1
            } else {
                out.unicodeScalars.append(scalar)
                column += DisplayWidth.of(scalar)
            }
        }
        return out
    }
}
