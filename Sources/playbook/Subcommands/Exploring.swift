import PlaybookKit

/// `playbook test FILE --explore` and `--random N`: walks the tool makes up itself.
enum Exploring {
    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard arguments.operands.count == 1, let operand = arguments.operands.first else {
            throw UsageError("--explore and --random take one playbook")
        }
        let path = arguments.value("--playbook") ?? ScenarioPairing.files(for: operand, playbook: nil).playbook
        var count: Int?
        if let text = arguments.value("--random") {
            guard let number = Int(text), number > 0 else { throw UsageError("--random takes a number of walks (not '\(text)')") }
            count = number
        }
        let seed = try RunCommand.parseSeed(arguments.value("--seed")) ?? 0
        guard let (program, _) = try CheckedProgram.load(at: path, keep: &keep) else { return 1 }
        let words = ReportWords(language: program.language)
        var found = false
        if arguments.has("--explore") {
            var explorer = Explorer(program: program)
            explorer.finishesNewWalks = arguments.value("--emit-scenarios") != nil
            let report = explorer.explore()
            Terminal.write(report.text(file: path, coverage: CoverageReport(program: program, covered: report.covered), words: words))
            found = report.foundProblems
            if let output = arguments.value("--emit-scenarios") {
                let text = scenarioFile(for: report.walks, playbook: path)
                if let problem = FileWriter.write(text, to: output) { throw UsageError("cannot write '\(output)': \(problem)") }
                Terminal.write(ExploreReport.wrote(report.walks.count, to: output, words: words))
            }
        } else if arguments.value("--emit-scenarios") != nil {
            throw UsageError("--emit-scenarios goes with --explore")
        }
        if let count {
            let report = randomWalks(program, count: count, seed: seed)
            Terminal.write(report.text(file: path, seed: seed, sides: program.branchSides, words: words))
            found = report.foundProblems || found
        }
        return found ? 1 : 0
    }
}
