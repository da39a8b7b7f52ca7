/// Diagnostics of a `.scenarios` document: its own problems (PB07xx and the codes of its
/// strings and bytes), then, when it has none, what `playbook test` finds running its scenarios
/// against the playbook it tests (the one of the same name beside it), each failure on the
/// line that says what failed, in the playbook's language.
extension LSPServer {
    func checkScenariosDocument(_ document: TextDocument) -> DocumentCheck {
        let (overlay, name) = overlayLoader(for: document)
        let source = SourceFile(path: name, bytes: document.bytes)
        let file = parseScenarios(source)
        var locator = SpanLocator(sources: [source], paths: [document.path], main: document, documents: documents, encoding: encoding)
        var paths: Set<String> = document.path.map { [$0] } ?? []
        guard file.diagnostics.isEmpty else {
            let found = file.diagnostics.map { json($0, range: locator.location(of: $0.primary.span).range, locator: &locator) }
            return DocumentCheck(result: nil, paths: paths, diagnostics: [document.uri: found])
        }
        guard document.path != nil else { return DocumentCheck(result: nil, paths: paths, diagnostics: [:]) }
        let playbook = ScenarioPairing.files(for: name, playbook: nil).playbook
        let check: CheckResult
        switch checkPlaybook(at: playbook, loader: overlay) {
        case .failure(let failure):
            paths.insert(overlay.absolute(playbook))
            let problem = Self.scenarioDiagnostic(
                "cannot read '\(playbook)': \(failure.reason)\nhelp: a .scenarios file is run against the .playbook of the same name beside it",
                range: LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0)))
            return DocumentCheck(result: nil, paths: paths, diagnostics: [document.uri: [problem]])
        case .success(let result):
            check = result
        }
        paths.formUnion(check.sources.map { overlay.absolute($0.path) })
        guard let program = Program(check) else {
            let errors = check.diagnostics.errorCount
            let problem = Self.scenarioDiagnostic(
                "'\(playbook)' has \(errors) error\(errors == 1 ? "" : "s"); fix them before running these scenarios ('playbook check \(playbook)')",
                range: lineRange(1, in: document))
            return DocumentCheck(result: nil, paths: paths, diagnostics: [document.uri: [problem]])
        }
        let words = ReportWords(language: program.language)
        let say = ScenarioText(words: words)
        let report = TestReport(scenarios: name, playbook: playbook, file: file, program: program, seed: 0, coverage: false)
        var found: [JSON] = []
        for result in report.results {
            for failure in result.failures {
                let message = say.failure(failure) + "\n" + words.labelled(words(.walk), say.walk(result))
                found.append(Self.scenarioDiagnostic(message, range: lineRange(Self.line(of: failure) ?? result.line, in: document)))
            }
            for unused in result.unused {
                found.append(Self.scenarioDiagnostic(say.unused(unused), range: lineRange(result.line, in: document), severity: .note))
            }
        }
        return DocumentCheck(result: nil, paths: paths, diagnostics: [document.uri: found])
    }

    /// A finding of a scenario run: no code of its own (`playbook test` gives none).
    static func scenarioDiagnostic(_ message: String, range: LSPRange, severity: Severity = .error) -> JSON {
        .object([
            "range": range.json, "severity": .int(Self.severity(severity)), "source": .string("playbook"), "message": .string(message),
        ])
    }

    /// The text of 1-based line `line` of the document, without its break.
    func lineRange(_ line: Int, in document: TextDocument) -> LSPRange {
        let index = max(0, min(line - 1, document.lines.lineCount - 1))
        return document.lines.range(of: document.lines.content(ofLine: index, in: document.bytes), in: document.bytes, encoding: encoding)
    }

    /// The scenario file's line a failure is about, when it names one.
    static func line(of failure: ScenarioFailure) -> Int? {
        switch failure {
        case .noQuestion(let line, _, _), .noStage(let line, _, _), .notAnAnswer(let line, _, _, _, _), .outcome(let line, _, _, _),
            .blocked(let line, _, _), .noValue(let line, _, _), .value(let line, _, _, _), .stage(let line, _, _):
            line
        case .noAnswer, .blockedUnexpectedly, .fault: nil
        }
    }
}
