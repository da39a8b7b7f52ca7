/// Lists the playbook files of a workspace for the server (the executable reads folders; tests
/// give a list).
public protocol WorkspaceLister {
    /// The absolute paths of the `.playbook` and `.scenarios` files under the folder `root`,
    /// hidden folders and `.build` left out.
    func playbookFiles(under root: String) -> [String]
}

/// The files a check reads, as the editor sees them: an open document's text (saved or not)
/// in place of the file's, the other files from `base`. Paths are relative to `folder`, the
/// folder of the file checked, so that a check reads and names files as `playbook check`
/// run in that folder does.
struct OverlayLoader: SourceLoader {
    /// Reads the files not open; nil for a document that is no file (an `untitled:` buffer).
    let base: (any SourceLoader)?
    /// Absolute; "" with no base.
    let folder: String
    /// The open documents' text, by absolute path and by real path.
    let overlays: [String: [UInt8]]

    init(base: (any SourceLoader)?, folder: String, documents: some Sequence<TextDocument>) {
        self.base = base
        self.folder = folder
        var overlays: [String: [UInt8]] = [:]
        for document in documents {
            guard let path = document.path else { continue }
            overlays[path] = document.bytes
            if let real = base?.realPath(path), real != path { overlays[real] = document.bytes }
        }
        self.overlays = overlays
    }

    /// The absolute path of a path the checker gives.
    func absolute(_ path: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? PlaybookPath.normalize(path) : PlaybookPath.join(folder, path)
    }

    func load(_ path: String) -> Result<[UInt8], LoadFailure> {
        let path = absolute(path)
        if let bytes = overlays[path] { return .success(bytes) }
        return base?.load(path) ?? .failure(.notFound)
    }

    func realPath(_ path: String) -> String? {
        let path = absolute(path)
        // A document not yet saved is a file all the same.
        return base?.realPath(path) ?? (overlays[path] != nil || path == folder ? path : nil)
    }
}
