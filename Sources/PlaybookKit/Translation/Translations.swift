/// Where a playbook file's translations are: beside it, named for it and their language
/// (`discovery.playbook` → `discovery.vi.po`, and its template `discovery.pot`).
public enum TranslationPaths {
    /// The path without its `.playbook` (or other) extension.
    static func stem(_ path: String) -> String {
        let name = lastComponent(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return path }
        return String(path.dropLast(name.distance(from: dot, to: name.endIndex)))
    }

    public static func po(for playbook: String, language: String) -> String { "\(stem(playbook)).\(language).po" }
    public static func template(for playbook: String) -> String { "\(stem(playbook)).pot" }

    /// The language of the file named `name` when it is a translation of `playbook`
    /// (`discovery.vi.po` of `discovery.playbook`: `vi`).
    public static func language(ofFileNamed name: String, for playbook: String) -> String? {
        let prefix = lastComponent(stem(playbook)) + "."
        guard name.hasPrefix(prefix), name.hasSuffix(".po") else { return nil }
        let language = String(name.dropFirst(prefix.count).dropLast(3))
        return LanguageCode.isTag(language) ? language : nil
    }

    /// The file name of `path`.
    public static func lastComponent(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}

/// One translation file read beside a playbook file.
public struct TranslationFile: Sendable {
    /// The index, in the check's sources, of the playbook file it translates.
    public var translates: Int
    public var language: String
    public var source: SourceFile
    public var po: POFile
    /// What could not be read in it (PB0801).
    public var syntax: [Diagnostic]
}

/// The translation files of a checked playbook (its main file's and its libraries').
public struct Translations: Sendable {
    public private(set) var files: [TranslationFile] = []
    /// The index the first translation file has among the sources diagnostics point into: the
    /// playbook's files come first.
    public let firstIndex: Int

    /// Reads, for each file of `check`, the translations into `languages(file)` that exist beside it.
    public static func read(for check: CheckResult, languages: (String) -> [String], loader: some SourceLoader) -> Translations {
        var translations = Translations(firstIndex: check.sources.count)
        for (index, playbook) in check.sources.enumerated() {
            for language in languages(playbook.path) {
                let path = TranslationPaths.po(for: playbook.path, language: language)
                guard case .success(let bytes) = loader.load(path) else { continue }
                translations.add(SourceFile(path: path, bytes: bytes), translating: index, language: language)
            }
        }
        return translations
    }

    public init(firstIndex: Int) {
        self.firstIndex = firstIndex
    }

    /// Adds a translation file already in memory.
    public mutating func add(_ source: SourceFile, translating file: Int, language: String) {
        let (po, syntax) = POParser.parse(source, file: firstIndex + files.count)
        files.append(TranslationFile(translates: file, language: language, source: source, po: po, syntax: syntax))
    }

    /// The sources a renderer needs: the playbook's, then the translation files.
    public func sources(after check: CheckResult) -> [SourceFile] { check.sources + files.map(\.source) }

    /// The languages read, in order of first appearance.
    public var languages: [String] {
        var seen: [String] = []
        for file in files where !seen.contains(file.language) { seen.append(file.language) }
        return seen
    }

    /// The playbook's texts in `language`: each translated, not fuzzy, entry of its files whose
    /// text is still the playbook's; every other text is shown as written.
    public func localization(_ language: String, check: CheckResult) -> Localization {
        var units: [TextUnit] = []
        var entries: [Int: [POKey: POEntry]] = [:]
        for file in files where file.language == language {
            entries[file.translates] = file.po.live
        }
        for (index, playbook) in check.files.enumerated() where entries[index] != nil {
            units += TextUnits.of(playbook, source: check.sources[index], interner: check.interner)
        }
        return Localization.build(language: language, units: units, interner: check.interner) { unit in
            guard let entry = entries[Int(unit.span.file)]?[POKey(context: unit.context, id: unit.source)], entry.isTranslated
            else { return nil }
            return entry.translation
        }
    }

    /// Every problem of the translation files: their syntax, then their entries against the playbook.
    public func diagnostics(for check: CheckResult) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var unitsByFile: [Int: [TextUnit]] = [:]
        for (offset, file) in files.enumerated() {
            diagnostics += file.syntax
            if unitsByFile[file.translates] == nil, file.translates < check.files.count {
                unitsByFile[file.translates] = TextUnits.of(
                    check.files[file.translates], source: check.sources[file.translates], interner: check.interner)
            }
            var checks = TranslationChecks(
                file: file, index: firstIndex + offset, units: unitsByFile[file.translates] ?? [],
                playbookPath: check.sources[file.translates].path)
            checks.run()
            diagnostics += checks.diagnostics
        }
        return diagnostics
    }
}
