/// What loading a playbook read: its files' text and syntax trees, with the names they share.
public struct LoadedFiles: Sendable {
    /// The main file first, then the files brought in with `use`, in the order they were read.
    public var sources: [SourceFile] = []
    /// The syntax tree of each source, in the same order.
    public var files: [PlaybookFile] = []
    public var interner = Interner()

    public init() {}
}
