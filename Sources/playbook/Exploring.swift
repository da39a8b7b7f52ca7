import PlaybookKit

/// `playbook test FILE --explore` and `--random N`: walks the tool makes up itself.
enum Exploring {
    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard arguments.operands.count == 1, let operand = arguments.operands.first else {
            throw UsageError("--explore and --random take one playbook")
        }
        let path = arguments.value("--playbook") ?? TestCommand.paths(for: operand, playbook: nil).playbook
        var count: Int?
        if let text = arguments.value("--random") {
            guard let number = Int(text), number > 0 else { throw UsageError("--random takes a number of walks (not '\(text)')") }
            count = number
        }
        let seed = try RunCommand.parseSeed(arguments.value("--seed")) ?? 0
        guard let (program, _) = try Loading.program(at: path, keep: &keep) else { return 1 }
        var found = false
        if arguments.has("--explore") {
            var explorer = Explorer(program: program)
            explorer.finishesNewWalks = arguments.value("--emit-scenarios") != nil
            let report = explorer.explore()
            let budget = report.stoppedEarly ? " (stopped at the budget)" : ""
            Terminal.write("\(TerminalText.safe(path)): explored \(report.steps) answers\(budget)\n")
            Terminal.write(describe(CoverageReport(program: program, covered: report.covered), of: path))
            let written = [
                write("fault", report.faults), write("dead end", report.deadEnds), write("unmet exit criterion", report.unmet),
                write("exit criterion never met", report.neverMet),
            ]
            found = written.contains(true)
            Terminal.write(outcomes(report.outcomes))
            if let output = arguments.value("--emit-scenarios") {
                let text = scenarioFile(for: report.walks, playbook: path)
                if let problem = FileWriter.write(text, to: output) { throw UsageError("cannot write '\(output)': \(problem)") }
                let count = report.walks.count
                Terminal.write("wrote \(count) scenario\(count == 1 ? "" : "s") to \(TerminalText.safe(output))\n")
            }
        } else if arguments.value("--emit-scenarios") != nil {
            throw UsageError("--emit-scenarios goes with --explore")
        }
        if let count {
            let report = randomWalks(program, count: count, seed: seed)
            Terminal.write("\(TerminalText.safe(path)): \(report.walks) random walks (seed \(seed)), \(report.steps) answers\n")
            if report.cut > 0 {
                Terminal.write("  \(report.cut) walks cut after \(report.answerLimit) answers: a loop the random answers did not leave\n")
            }
            let written = [
                write("fault", report.faults), write("dead end", report.deadEnds), write("unmet exit criterion", report.unmet),
            ]
            found = written.contains(true) || found
            Terminal.write(outcomes(report.outcomes))
            Terminal.write("  branch sides taken (times):\n")
            for side in program.branchSides {
                let line = "    \(side.path):\(side.line)  \(side.text)  \(report.hits[side.side, default: 0])\n"
                Terminal.write(TerminalText.safe(line, lines: true))
            }
        }
        return found ? 1 : 0
    }

    /// "coverage: 30 of 34 branch sides (88%)", then the sides not taken, by line; safe to print.
    static func describe(_ report: CoverageReport, of path: String) -> String {
        let percent = Value.format((report.percent * 10).rounded() / 10)
        var text = "  coverage: \(report.covered) of \(report.total) branch sides (\(percent)%)\n"
        for side in report.uncovered { text += "    not taken: \(side.path):\(side.line)  \(side.text)\n" }
        return TerminalText.safe(text, lines: true)
    }

    /// Prints findings of one kind; true when there were any. Findings quote file names, answers
    /// and the playbook's texts: each line is made safe to print.
    private static func write(_ kind: String, _ findings: [Finding]) -> Bool {
        for finding in findings {
            let place = finding.line > 0 ? "\(finding.path):\(finding.line): " : ""
            let walk = finding.walk.isEmpty ? "(no answers)" : finding.walk.joined(separator: ", ")
            Terminal.write(TerminalText.safe("  \(place)\(kind): \(finding.message)\n    walk: \(walk)\n", lines: true))
        }
        return !findings.isEmpty
    }

    private static func outcomes(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "  no walk reached an outcome\n" }
        let list = counts.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
        return "  outcomes reached: " + TerminalText.safe(list) + "\n"
    }
}
