import PlaybookKit

/// `playbook translate extract|update|status FILE`
enum TranslateCommand: Subcommand {
    static let help = """
        usage: playbook translate extract FILE
               playbook translate update FILE --lang LANG...
               playbook translate status FILE [--lang LANG...]

        Translation files for a playbook, in gettext's PO format, which Poedit, Weblate,
        Crowdin and Transifex read. Each file of the playbook (and each file it uses) has its
        own, beside it: discovery.playbook has discovery.pot (the template) and
        discovery.vi.po (Vietnamese). Every entry says where its text is and what it is.

          extract   writes the template (.pot) of each file of the playbook
          update    creates or brings up to date each file's LANG.po: new texts are added,
                    a changed text keeps its old translation marked fuzzy with the old
                    source beside it, a removed text's translation is kept as obsolete (#~);
                    translators' comments and translations are kept
          status    how many texts each language has translated, fuzzy and missing

        'playbook run FILE --lang vi' (and practice, show, graph, paths, report) then shows
        the playbook in that language; 'playbook check' checks the translation files.

        options:
          --lang LANG   a language (vi, he, zh, th, pt-BR...); may be repeated, or LANG,LANG
          -h, --help    show this help

        exit status: 0 done, 1 the playbook or a translation file has errors,
                     2 bad usage or a file that cannot be read or written

        The documentation's translations.md tells the whole story.

        """

    static let name = "translate"
    static let operands = "ACTION FILE"
    static let summary = "make and update translation files (extract, update, status)"
    static let valued: Set<String> = ["--lang"]
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard let action = arguments.operands.first else {
            throw UsageError("translate needs an action: extract, update or status")
        }
        guard arguments.operands.count == 2 else {
            throw UsageError(arguments.operands.count < 2 ? "translate \(action) needs a playbook file" : "translate \(action) takes one playbook file")
        }
        let path = arguments.operands[1]
        let languages = try Self.languages(arguments)
        switch action {
        case "extract":
            guard languages.isEmpty else { throw UsageError("translate extract writes the template, which has no language; leave out --lang") }
            guard let check = try checked(path, keep: &keep) else { return 1 }
            return extract(check)
        case "update":
            guard !languages.isEmpty else { throw UsageError("translate update needs --lang, the language to update (vi, he, zh, th...)") }
            guard let check = try checked(path, keep: &keep) else { return 1 }
            return update(check, languages: languages)
        case "status":
            guard let check = try checked(path, keep: &keep) else { return 1 }
            return status(check, languages: languages.isEmpty ? nil : languages)
        default:
            let hint = Suggestion.didYouMean(action, among: ["extract", "update", "status"]).map { " (\($0))" } ?? ""
            throw UsageError("translate has no action '\(TerminalText.safe(action))'\(hint); the actions are extract, update and status")
        }
    }

    /// `--lang vi --lang he` or `--lang vi,he`, each a language tag.
    static func languages(_ arguments: Arguments) throws(UsageError) -> [String] {
        var languages: [String] = []
        for value in arguments.all("--lang") {
            for part in value.split(separator: ",") {
                let language = String(part)
                guard LanguageCode.isTag(language) else {
                    throw UsageError("--lang takes a language tag such as vi, he, zh, th or pt-BR, not '\(TerminalText.safe(language))'")
                }
                if !languages.contains(language) { languages.append(language) }
            }
        }
        return languages
    }

    /// The checked playbook, or nil after printing its errors: texts are read from a playbook that checks.
    private static func checked(_ path: String, keep: inout [CheckResult]) throws(UsageError) -> CheckResult? {
        try CheckedProgram.checked(at: path, keep: &keep, purpose: "translating it")
    }

    private static func template(_ check: CheckResult, file index: Int) -> [POEntry] {
        POTemplate.entries(of: check.files[index], source: check.sources[index], interner: check.interner)
    }

    private static func project(_ path: String) -> String {
        let name = TranslationPaths.lastComponent(path)
        return name.hasSuffix(".playbook") ? String(name.dropLast(9)) : name
    }

    private static func extract(_ check: CheckResult) -> Int32 {
        var status: Int32 = 0
        for index in check.sources.indices {
            let path = check.sources[index].path
            let template = POTemplate.bytes(of: check.files[index], source: check.sources[index], interner: check.interner, project: project(path))
            let target = TranslationPaths.template(for: path)
            if let failure = TranslationFolder.write(template.bytes, to: target) {
                Terminal.error("playbook: cannot write '\(TerminalText.safe(target))': \(failure)\n")
                status = 2
                continue
            }
            Terminal.write("wrote \(TerminalText.safe(target)) (\(counted(template.count, "text")))\n")
        }
        return status
    }

    private static func update(_ check: CheckResult, languages: [String]) -> Int32 {
        var status: Int32 = 0
        let existing = TranslationFolder.read(for: check, languages: languages)
        let broken = existing.files.filter { !$0.syntax.isEmpty }
        if !broken.isEmpty {
            // Rewriting a file that could not be read whole would lose what was not read.
            let renderer = DiagnosticRenderer(sources: existing.sources(after: check), color: Terminal.wantsColor(2, choice: .auto))
            Terminal.error(broken.flatMap(\.syntax).map { renderer.human($0) + "\n" }.joined())
            Terminal.error("playbook: fix the errors in \(broken.map { TerminalText.safe($0.source.path) }.joined(separator: ", ")) first; nothing was written\n")
            return 1
        }
        let date = TranslationFolder.now()
        for index in check.sources.indices {
            let path = check.sources[index].path
            let entries = template(check, file: index)
            for language in languages {
                let target = TranslationPaths.po(for: path, language: language)
                let old = existing.files.first { $0.translates == index && $0.language == language }
                let (po, summary) = POMerge.merge(entries, into: old?.po, language: language, project: project(path), date: date)
                let bytes = POWriter.bytes(po)
                if let old, old.source.bytes == bytes {
                    Terminal.write("\(TerminalText.safe(target)): up to date (\(counted(summary.kept, "text")))\n")
                    continue
                }
                if let failure = TranslationFolder.write(bytes, to: target) {
                    Terminal.error("playbook: cannot write '\(TerminalText.safe(target))': \(failure)\n")
                    status = 2
                    continue
                }
                var parts = ["\(summary.kept) unchanged", "\(summary.added) new", "\(summary.fuzzy) fuzzy", "\(summary.obsoleted) obsolete"]
                if summary.revived > 0 { parts.append("\(summary.revived) back from obsolete") }
                Terminal.write("\(old == nil ? "wrote" : "updated") \(TerminalText.safe(target)): \(parts.joined(separator: ", "))\n")
            }
        }
        return status
    }

    private static func status(_ check: CheckResult, languages: [String]?) -> Int32 {
        let translations = TranslationFolder.read(for: check, languages: languages)
        var out = ""
        for index in check.sources.indices {
            let path = check.sources[index].path
            let units = TextUnits.of(check.files[index], source: check.sources[index], interner: check.interner)
            let keys = Set(units.map { POKey(context: $0.context, id: $0.source) })
            out += "\(TerminalText.safe(path)): \(counted(keys.count, "text"))\n"
            let files = translations.files.filter { $0.translates == index }
            if files.isEmpty {
                out += "  no translations (playbook translate update \(TerminalText.safe(path)) --lang vi makes one)\n"
            }
            for file in files {
                let live = file.po.live
                let translated = keys.count { live[$0]?.isTranslated == true }
                let fuzzy = keys.count { live[$0].map { $0.isFuzzy && !$0.translation.isEmpty } == true }
                let missing = keys.count - translated - fuzzy
                let stale = file.po.entries.count { !$0.isObsolete && !keys.contains($0.key) }
                let percent = keys.isEmpty ? 100 : translated * 100 / keys.count
                var line = "  \(file.language.padding(6))\(String(translated).leftPadding(6)) translated\(String(fuzzy).leftPadding(6)) fuzzy"
                line += "\(String(missing).leftPadding(6)) missing\(String(percent).leftPadding(6))%"
                if stale > 0 { line += "   \(stale) stale (run translate update)" }
                if !file.syntax.isEmpty { line += "   \(counted(file.syntax.count, "error")) (run playbook check)" }
                out += line + "\n"
            }
        }
        Terminal.write(out)
        return translations.files.contains { !$0.syntax.isEmpty } ? 1 : 0
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
    fileprivate func leftPadding(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
