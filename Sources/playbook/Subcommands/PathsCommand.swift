import PlaybookKit

/// `playbook paths FILE`: how many walks lead to each outcome, and which, without listing them all.
enum PathsCommand: Subcommand {
    static let help = """
        usage: playbook paths [options] FILE

        Counts the walks through a playbook without listing them: how many lead to each
        outcome, exactly at any size ("infinitely many" when a loop lies on the way, with the
        loop and the number of loop-free walks); the shortest walk to each outcome; the
        longest loop-free walk; and the questions asked on every walk. With --to, lists
        example walks to one outcome instead, shortest first.

        A walk goes from the first stage to an outcome and takes a side at every yes/no or
        choice question and every 'if'; at a 'call' it walks through the flow. Answers to
        number, text and scale questions choose nothing, and exit criteria are taken to
        hold. The definitions are in analysis.md, in playbook's documentation (docs/ in its source).

        options:
          --to OUTCOME     list example walks to OUTCOME
          --limit N        with --to: at most N walks (default 10)
          --format FORMAT  human (default), or json (counts as exact decimal strings)
          --lang LANG      the playbook's texts in LANG, from its translation files
          -h, --help       show this help

        exit status: 0 done, 1 the playbook has errors (they are printed),
                     2 bad usage or a file that cannot be read

        """

    enum Format: String, CaseIterable { case human, json }

    static let name = "paths"
    static let operands = "FILE"
    static let summary = "count the walks to each outcome; shortest, longest and example walks"
    static let valued: Set<String> = ["--to", "--limit", "--format", "--lang"]
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let format: Format = try arguments.choice("--format", default: .human)
        guard arguments.operands.count == 1, let path = arguments.operands.first else {
            throw UsageError(arguments.operands.isEmpty ? "paths needs a playbook file" : "paths takes one playbook file")
        }
        let limit = try parseLimit(arguments.value("--limit"))
        if limit != nil, arguments.value("--to") == nil { throw UsageError("--limit goes with --to") }
        guard
            let (program, _) = try CheckedProgram.load(
                at: path, keep: &keep, purpose: "analysing its walks", language: try CheckedProgram.language(arguments))
        else { return 1 }
        guard !program.stages.isEmpty else {
            throw UsageError("'\(path)' has no stages: it is a library of flows for playbooks to 'use', with no walks of its own")
        }
        let analysis = PathAnalysis(program)
        let reportWords = ReportWords(language: program.language)
        guard let outcome = arguments.value("--to") else {
            // A person is shown 25 turns of a walk; a tool gets every turn.
            let report = analysis.report(turnsPerWalk: format == .json ? nil : PathReport.turnsShown)
            Terminal.write(format == .json ? report.json().text + "\n" : report.text(words: reportWords))
            return 0
        }
        let turns = format == .json ? nil : PathReport.turnsShown
        guard let examples = analysis.examples(to: outcome, limit: limit ?? 10, turnsPerWalk: turns) else {
            let hint = Suggestion.didYouMean(outcome, among: analysis.outcomes).map { " (\($0))" } ?? ""
            let known = analysis.outcomes.isEmpty ? "it has none" : "its outcomes are: \(analysis.outcomes.joined(separator: ", "))"
            throw UsageError("'\(outcome)' is not an outcome of \(path)\(hint); \(known)")
        }
        Terminal.write(format == .json ? examples.json().text + "\n" : examples.text(words: reportWords))
        return 0
    }

    static func parseLimit(_ text: String?) throws(UsageError) -> Int? {
        guard let text else { return nil }
        guard let limit = Int(text), limit >= 1 else { throw UsageError("--limit takes a whole number from 1 up (not '\(text)')") }
        return limit
    }
}
