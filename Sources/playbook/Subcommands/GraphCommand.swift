import Glibc
import PlaybookKit

/// `playbook graph FILE`: the playbook as a flowchart, in Mermaid, DOT or SVG; `--detail` for the
/// author's view.
enum GraphCommand: Subcommand {
    static let help = """
        usage: playbook graph [options] FILE

        Draws the playbook as a sales flowchart: one column per stage, left to right, and a
        column per flow it calls (a library: its flows). A question whose answers lead to
        different places is a diamond, with each answer on its own arrow; any other question
        and each step is a box; an 'if' is a diamond that says what it checks; the outcomes
        are coloured: green a win, red a loss, amber any other. The chart's words are in the
        playbook's language. The playbook is checked first; one with errors is not drawn.

        options:
          --format FORMAT  mermaid (default): a ```mermaid block to paste into Markdown
                           dot: Graphviz's language, for 'dot -Tsvg' or 'dot -Tpng'
                           svg: a picture drawn by playbook itself, nothing else needed
          --detail         the author's view: conditions as written, each 'set' on its
                           arrow, and the exit criteria of each stage
          --stage ID       draw this stage alone, with an arrow to each stage it leads to
          --output FILE    write to FILE instead of standard output
          --lang LANG      the playbook's texts in LANG, from its translation files
          -h, --help       show this help

        exit status: 0 drawn, 1 the playbook has errors,
                     2 bad usage or a file that cannot be read or written

        What each shape and colour means: graph.md, in playbook's documentation (docs/ in its
        source).

        """

    enum Format: String, CaseIterable {
        case mermaid, dot, svg
    }

    static let name = "graph"
    static let operands = "FILE"
    static let summary = "draw the playbook as a flowchart (mermaid, dot or svg)"
    static let valued: Set<String> = ["--format", "--stage", "--output", "--lang"]
    static let flags: Set<String> = ["--detail"]

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let format: Format = try arguments.choice("--format", default: .mermaid)
        guard let path = arguments.operands.first else { throw UsageError("graph needs a playbook file") }
        guard arguments.operands.count == 1 else { throw UsageError("graph draws one playbook at a time") }
        guard let (program, _) = try CheckedProgram.load(at: path, keep: &keep, language: try CheckedProgram.language(arguments)) else {
            return 1
        }

        var stage: Int?
        if let id = arguments.value("--stage") {
            guard let index = program.stage(named: id) else {
                let names = program.stages.map { program.name($0.name.symbol) }
                let hint = Suggestion.didYouMean(id, among: names).map { "; \($0)" } ?? ""
                throw UsageError("\(path) has no stage '\(id)'\(hint) (its stages: \(names.joined(separator: ", ")))")
            }
            stage = index
        }
        let chart = Flowchart(program, stage: stage, detail: arguments.has("--detail"))
        let text =
            switch format {
            case .mermaid: Mermaid.render(chart)
            case .dot: Dot.render(chart)
            case .svg: SVG.render(chart)
            }
        guard let output = arguments.value("--output") else {
            Terminal.write(text)
            return 0
        }
        if let problem = FileWriter.write(text, to: output) { throw UsageError("cannot write '\(output)': \(problem)") }
        return 0
    }
}
