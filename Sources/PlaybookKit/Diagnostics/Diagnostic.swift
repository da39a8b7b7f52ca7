/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable {
    case error
    case warning
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A span with an optional label, shown under the source line.
public struct Label: Sendable, Hashable {
    public var span: Span
    public var message: String

    public init(_ span: Span, _ message: String = "") {
        self.span = span
        self.message = message
    }
}

/// One finding of the checker: data, rendered later by a `DiagnosticRenderer`.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// One lowercase line that stands alone.
    public var message: String
    public var primary: Label
    /// Other places worth showing (the first definition of a duplicate, a call site...).
    public var secondary: [Label]
    /// Extra facts, one line each (a walk that leads here, the declared outcomes...).
    public var notes: [String]
    /// How to fix it.
    public var help: String?

    public init(
        _ code: DiagnosticCode, _ message: String, at span: Span, label: String = "",
        secondary: [Label] = [], notes: [String] = [], help: String? = nil
    ) {
        self.code = code
        self.severity = code.severity
        self.message = message
        self.primary = Label(span, label)
        self.secondary = secondary
        self.notes = notes
        self.help = help
    }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { count { $0.severity == .error } }
    public var warningCount: Int { count { $0.severity == .warning } }

    /// In file order, then position, so output is deterministic.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { left, right in
            let a = left.element.primary.span
            let b = right.element.primary.span
            if a.file != b.file { return a.file < b.file }
            if a.start != b.start { return a.start < b.start }
            return left.offset < right.offset
        }.map(\.element)
    }
}
