/// Files a chain of `use` may go through below the main file. Each file is read inside the one
/// that uses it (the chain is also what reports a cycle); a bound keeps the depth of that reading,
/// and of the stack, small whatever the files say. No real set of libraries comes near it.
let maximumUseDepth = 64

/// Reads the main file and, depth first, every file it brings in with `use`: relative to the using
/// file, inside the main file's folder (links followed: a link may not lead out of it), each once,
/// with cycles reported, at most `maximumUseDepth` files deep.
struct ModuleLoader<Loader: SourceLoader> {
    let loader: Loader
    /// The folder of the main file; no `use` may leave it.
    let root: String
    /// The same folder with its links followed, as the file system sees it; nil if that fails.
    let realRoot: String?
    /// The main file's name, to say which folder `root` is.
    var rootFile = ""
    /// The chain of files being read, to report a cycle: each file's real path (its identity),
    /// its path as written, and the `use` line being followed in it.
    private var chain: [(key: String, path: String, use: Span?)] = []
    /// Files read, by real path.
    private var loaded: [String: Int] = [:]

    init(loader: Loader, root: String) {
        self.loader = loader
        self.root = root
        realRoot = loader.realPath(root.isEmpty ? "." : root)
    }

    /// Reads the main file and the files it uses.
    mutating func load(_ main: SourceFile, into result: inout LoadedFiles, diagnostics: inout [Diagnostic]) {
        rootFile = main.path
        let path = PlaybookPath.normalize(main.path)
        load(main, key: loader.realPath(path) ?? path, into: &result, diagnostics: &diagnostics)
    }

    private mutating func load(_ source: SourceFile, key: String, into result: inout LoadedFiles, diagnostics: inout [Diagnostic]) {
        let index = result.sources.count
        let path = PlaybookPath.normalize(source.path)
        loaded[key] = index
        result.sources.append(source)
        let file = parseValidated(source, index: index, interner: &result.interner, diagnostics: &diagnostics)
        result.files.append(file)
        if index > 0, let span = file.stages.first?.span ?? file.header?.span {
            diagnostics.append(
                Diagnostic(
                    .useNotALibrary, "'\(source.path)' is brought in with 'use' but has \(file.stages.isEmpty ? "a header" : "stages")",
                    at: span, label: "only flows, terms and personas are shared",
                    secondary: chain.last?.use.map { [Label($0, "used here")] } ?? [],
                    help: "move the shared flows into a file of their own and 'use' that file"))
        }
        chain.append((key, path, nil))
        for use in file.uses {
            chain[chain.count - 1].use = use.span
            bring(use, from: path, into: &result, diagnostics: &diagnostics)
        }
        chain.removeLast()
    }

    private mutating func bring(_ use: Use, from path: String, into result: inout LoadedFiles, diagnostics: inout [Diagnostic]) {
        let written = use.path.value
        let target = PlaybookPath.join(PlaybookPath.directory(of: path), written)
        guard !written.hasPrefix("/"), PlaybookPath.isInside(target, root: root) else {
            diagnostics.append(
                Diagnostic(
                    .useOutsideRoot, "'\(written)' is outside the playbook's folder", at: use.path.span,
                    label: "leads outside the folder of \(rootFile)",
                    help: "copy or move the file into the playbook's folder (or a folder below it) and use a relative path"))
            return
        }
        // The path stays inside as written; a link on the way (the file, or a folder) may still
        // lead out. The real path is also the file's identity: two names of one file read it once.
        let real = loader.realPath(target)
        if let real, let realRoot, !PlaybookPath.isInside(real, root: realRoot) {
            diagnostics.append(
                Diagnostic(
                    .useOutsideRoot, "'\(written)' is outside the playbook's folder, through a link", at: use.path.span,
                    label: "a link leads from here outside the folder of \(rootFile)", notes: ["the file it names is \(real)"],
                    help: "copy the file into the playbook's folder (or a folder below it) instead of linking to it"))
            return
        }
        let key = real ?? target
        if let position = chain.firstIndex(where: { $0.key == key }) {
            let cycle = chain[position...].map(\.path) + [target]
            diagnostics.append(
                Diagnostic(
                    .useCycle, "'use' makes a cycle: \(cycle.joined(separator: " → "))", at: use.path.span,
                    label: "back to a file that is being read", help: "move what both files need into a third file that neither uses back"))
            return
        }
        if loaded[key] != nil { return }
        guard chain.count <= maximumUseDepth else {
            let paths = chain.map(\.path) + [target]
            let shown = paths.count > 6 ? paths.prefix(2) + ["…"] + paths.suffix(3) : paths[...]
            diagnostics.append(
                Diagnostic(
                    .useTooDeep, "'use' goes more than \(maximumUseDepth) files deep", at: use.path.span,
                    label: "would bring in a file \(chain.count) deep", notes: ["the chain: \(shown.joined(separator: " → "))"],
                    help: "'use' the libraries from the playbook (or from fewer files) instead of each through the one before"))
            return
        }
        switch loader.load(real ?? target) {
        case .failure(let failure):
            diagnostics.append(
                Diagnostic(
                    .useNotFound, "cannot use '\(written)': \(failure.reason)", at: use.path.span,
                    label: "looked for '\(target)'",
                    help: Self.help(for: failure)))
        case .success(let bytes):
            load(SourceFile(path: target, bytes: bytes), key: key, into: &result, diagnostics: &diagnostics)
        }
    }

    /// What to do when a used file cannot be read.
    private static func help(for failure: LoadFailure) -> String {
        switch failure {
        case .isDirectory: "name a .playbook file inside it"
        case .notRegularFile: "'use' brings in a .playbook file saved in the playbook's folder"
        case .tooLarge: "check that the path names the file you mean; a library of flows is far smaller"
        case .notFound, .unreadable: "check the path: it is relative to this file"
        }
    }

    /// Parses a file after checking it is UTF-8 text.
    private func parseValidated(
        _ source: SourceFile, index: Int, interner: inout Interner, diagnostics: inout [Diagnostic]
    ) -> PlaybookFile {
        switch UTF8Validation.firstProblem(source.bytes) {
        case .nul(let offset)?:
            diagnostics.append(Diagnostic.binary(source, file: index, at: offset))
            return PlaybookFile(file: index)
        case .invalid(let offset, let length)?:
            diagnostics.append(Diagnostic.notUTF8(source, file: index, at: offset, length: length))
            return PlaybookFile(file: index)
        case nil:
            let (file, found) = parse(source, file: index, interner: &interner)
            diagnostics += found
            return file
        }
    }
}
