@testable import PlaybookKit

/// A playbook's syntax tree written out without its spans (names by their text), and a scenario
/// file's scenarios without their line numbers: what must not change when a file is formatted.
enum SyntaxDump {
    /// The tree `parse` builds from `text`, and the codes and messages of its parse diagnostics.
    static func playbook(_ bytes: [UInt8]) -> String {
        var interner = Interner()
        let (file, diagnostics) = parse(SourceFile(path: "main.playbook", bytes: bytes), file: 0, interner: &interner)
        var dump = Writer(interner: interner)
        dump.file(file)
        return dump.out + diagnostics.map { "! \($0.code.rawValue) \($0.message)\n" }.joined()
    }

    /// The scenarios of a scenario file and its problems (code and message), without line numbers.
    static func scenarios(_ bytes: [UInt8]) -> String {
        let file = parseScenarios(SourceFile(path: "main.scenarios", bytes: bytes))
        var out = ""
        for scenario in file.scenarios {
            out += "scenario \(scenario.name.debugDescription)\n"
            for answer in scenario.answers { out += "  \(answer.question) = \(answer.values.map(value))\n" }
            for expectation in scenario.expectations {
                switch expectation {
                case .outcome(let name, _): out += "  expect outcome \(name)\n"
                case .value(let name, let expected, _): out += "  expect \(name) = \(value(expected))\n"
                case .stage(let name, _): out += "  expect stage \(name)\n"
                case .notStage(let name, _): out += "  expect not stage \(name)\n"
                case .blocked(let name, _): out += "  expect blocked \(name)\n"
                }
            }
        }
        return out + file.diagnostics.map { "! \($0.code.rawValue) \($0.message)\n" }.joined()
    }

    private static func value(_ value: ScenarioValue) -> String {
        switch value {
        case .quoted(let text): "quoted \(text.debugDescription)"
        case .word(let word): "word \(word.debugDescription)"
        }
    }

    private struct Writer {
        let interner: Interner
        var out = ""

        func name(_ name: Name) -> String { interner.name(name.symbol) }
        func name(_ name: Name?) -> String { name.map(self.name) ?? "-" }

        func text(_ text: Text?) -> String {
            guard let text else { return "-" }
            return text.value.debugDescription + (text.interpolations.isEmpty ? "" : "{\(text.interpolations.map(name).joined(separator: ","))}")
        }

        func expr(_ expr: Expr) -> String {
            switch expr {
            case .number(let value, _): "\(value)"
            case .text(let value): text(value)
            case .bool(let value, _): "\(value)"
            case .name(let value): name(value)
            case .unary(let op, let operand, _): "(\(op.rawValue) \(self.expr(operand)))"
            case .binary(let op, let left, let right, _): "(\(op.rawValue) \(self.expr(left)) \(self.expr(right)))"
            case .invalid: "<invalid>"
            }
        }

        func target(_ target: Target?) -> String {
            switch target {
            case nil: "-"
            case .named(let value): name(value)
            case .next: "next"
            case .end(let value): self.ending(value)
            }
        }

        func ending(_ ending: Ending) -> String { "end \(name(ending.outcome)) \(text(ending.reason))" }

        mutating func line(_ depth: Int, _ text: String) { out += String(repeating: "  ", count: depth) + text + "\n" }

        mutating func file(_ file: PlaybookFile) {
            if let header = file.header {
                let outcomes = header.outcomes.map { names in
                    zip(names, header.outcomeMarks + Array(repeating: nil, count: max(0, names.count - header.outcomeMarks.count)))
                        .map { "\(name($0.0))\($0.1.map { "(\($0.kind.rawValue))" } ?? "")" }.joined(separator: ",")
                } ?? "-"
                line(0, "header \(text(header.title)) methodology \(text(header.methodology)) language \(header.language?.code.debugDescription ?? "-") version \(text(header.version)) description \(text(header.description)) outcomes \(outcomes)")
            }
            for use in file.uses { line(0, "use \(text(use.path))") }
            for term in file.terms { line(0, "term \(text(term.word)) \(text(term.definition))") }
            for persona in file.personas {
                line(0, "persona \(name(persona.name)) \(text(persona.title)) role \(text(persona.role)) context \(text(persona.context))")
            }
            for stage in file.stages {
                line(0, "stage \(name(stage.name)) \(text(stage.title)) goal \(text(stage.goal)) tips \(stage.tips.map(text))")
                for exit in stage.exits { line(1, "exit when \(expr(exit.condition)) \(text(exit.message))") }
                block(stage.body, depth: 1)
            }
            for flow in file.flows {
                line(0, "flow \(name(flow.name)) \(text(flow.title))")
                block(flow.body, depth: 1)
            }
            for asked in file.stageQuestions { line(0, "stage question \(name(asked.question?.name)) of \(asked.owner)") }
            for asked in file.flowQuestions { line(0, "flow question \(name(asked.question?.name)) of \(asked.owner)") }
        }

        mutating func block(_ steps: [Step], depth: Int) {
            for step in steps {
                switch step {
                case .ask(let question):
                    line(depth, "ask \(name(question.name)) \(text(question.text)) \(question.type) why \(text(question.why)) tip \(text(question.tip))")
                    for branch in question.branches {
                        let label: String
                        switch branch.label {
                        case .yes: label = "yes"
                        case .no: label = "no"
                        case .option(let option): label = option.debugDescription
                        }
                        line(
                            depth + 1,
                            "branch \(label) -> \(target(branch.target)) score \(branch.score.map { "\($0)" } ?? "-") feedback \(text(branch.feedback)) best \(branch.isBest)")
                        block(branch.body, depth: depth + 2)
                    }
                case .say(let value, _): line(depth, "say \(text(value))")
                case .buyer(let lines, _): line(depth, "buyer \(lines.map { "\(name($0.persona)) \(text($0.text))" })")
                case .set(let assignment): line(depth, "set \(name(assignment.name)) \(assignment.op.rawValue) \(expr(assignment.value))")
                case .jumpIf(let condition, let to, _): line(depth, "if \(expr(condition)) -> \(target(to))")
                case .ifBlock(let condition, let then, let otherwise, _):
                    line(depth, "if \(expr(condition))")
                    block(then, depth: depth + 1)
                    if let otherwise {
                        line(depth, "else")
                        block(otherwise, depth: depth + 1)
                    }
                case .jump(let to, _): line(depth, "-> \(target(to))")
                case .call(let flow, _): line(depth, "call \(name(flow))")
                case .return: line(depth, "return")
                case .end(let value, _): line(depth, ending(value))
                }
            }
        }
    }
}
