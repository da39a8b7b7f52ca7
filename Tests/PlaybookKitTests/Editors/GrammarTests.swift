import Foundation
import Testing

/// The TextMate grammars of editors/ checked with a real TextMate engine: `grammar_check.py`
/// beside this file tokenizes every shipped playbook and scenario file with babi's engine (on
/// Oniguruma, as VS Code's) and compares tricky lines in English, Vietnamese, Hebrew, Chinese and
/// Thai with their exact scopes. Skipped, with the reason, where python3 or babi is missing
/// (`.ci/run` installs it).
struct GrammarTests {
    static let script = Golden.root.appendingPathComponent("Tests/PlaybookKitTests/Editors/grammar_check.py")
    static let engine: Bool = (try? python(["-c", "import babi.highlight"]).status) == 0

    static func python(_ arguments: [String]) throws -> ChildProcess.Result {
        try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments)
    }

    @Test(.enabled(if: engine, "python3 with babi is not installed (python3 -m pip install babi)"))
    func theGrammarsTokenizeEveryShippedFileAndTheTrickyLinesExactly() throws {
        let run = try Self.python([Self.script.path])
        #expect(run.status == 0, "grammar_check.py failed:\n\(run.stdout.prefix(8000))\(run.stderr.prefix(4000))")
        #expect(run.stdout.contains(" 0 failures"), "grammar_check.py said:\n\(run.stdout.prefix(2000))")
    }
}
