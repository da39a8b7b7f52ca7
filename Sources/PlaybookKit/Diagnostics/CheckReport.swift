/// `playbook check --format json`: each file's diagnostics with its counts, and the totals.
public struct CheckReport: Sendable {
    public private(set) var files: [JSON] = []
    public private(set) var errors = 0
    public private(set) var warnings = 0

    public init() {}

    /// Adds a checked file, its diagnostics rendered by `renderer` (which has its sources).
    public mutating func add(path: String, diagnostics: [Diagnostic], renderer: DiagnosticRenderer) {
        errors += diagnostics.errorCount
        warnings += diagnostics.warningCount
        files.append(
            .object([
                "path": .string(path),
                "diagnostics": .array(diagnostics.map(renderer.json)),
                "errors": .int(diagnostics.errorCount),
                "warnings": .int(diagnostics.warningCount),
            ]))
    }

    public var json: JSON {
        .object(["version": .int(1), "files": .array(files), "errors": .int(errors), "warnings": .int(warnings)])
    }
}
