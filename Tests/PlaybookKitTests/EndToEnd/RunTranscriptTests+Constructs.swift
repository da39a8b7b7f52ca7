import Foundation
import Testing

@testable import PlaybookKit

/// Which constructs of the language (docs/language.md, "Grammar") the playbooks of the golden
/// transcripts use, read from their syntax trees.
extension RunTranscriptTests {
    /// Every construct of the grammar, named with its keywords: each must be used by the playbook
    /// of at least one transcript.
    static let constructs = [
        "playbook header", "methodology", "language", "version", "description", "outcomes", "outcome mark (win)",
        "outcome mark (loss)", "use", "term", "persona",
        "persona role", "persona context", "stage", "stage goal", "stage tip", "exit when", "flow",
        "ask", "say", "buyer", "buyer line of a persona", "set =", "set +=", "set -=", "if ->", "if block", "else",
        "-> stage or question", "-> next", "-> end", "call", "return", "end",
        "yes/no", "choice", "number", "number range", "text", "scale",
        "why", "question tip", "yes/no branch", "option", "score", "feedback", "best",
        "and", "or", "not", "comparison", "arithmetic", "negation", "yes or no literal", "string literal", "{name}",
    ]

    /// The quoted words of the grammar in docs/language.md: `"stage"`, `"exit" "when"`... (not the
    /// letters of the escapes `\n` and `\t`).
    static func grammarKeywords() throws -> Set<String> {
        let language = try String(contentsOf: Golden.root.appendingPathComponent("docs/language.md"), encoding: .utf8)
        let grammar = try #require(language.components(separatedBy: "```ebnf").dropFirst().first?.components(separatedBy: "```").first)
        return Set(grammar.matches(of: /"([a-z][a-z]+)"/).map { String($0.output.1) })
    }

    /// The constructs used by the playbooks in `folder` that check clean (and so can be walked),
    /// with the files they bring in.
    static func constructsUsed(in folder: URL) throws -> Set<String> {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".playbook") }
        let bytes = try Dictionary(uniqueKeysWithValues: names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) })
        var used: Set<String> = []
        for name in names {
            let result = checkPlaybook(SourceFile(path: name, bytes: bytes[name]!), loader: MemoryLoader(bytes: bytes))
            guard Program(result) != nil else { continue }
            for file in result.files { used.formUnion(ConstructCollector(file).used) }
        }
        return used
    }
}

/// Collects the constructs of one parsed file, by the names of `RunTranscriptTests.constructs`.
struct ConstructCollector {
    private(set) var used: Set<String> = []

    init(_ file: PlaybookFile) {
        if let header = file.header {
            used.insert("playbook header")
            if header.methodology != nil { used.insert("methodology") }
            if header.language != nil { used.insert("language") }
            if header.version != nil { used.insert("version") }
            if header.description != nil { used.insert("description") }
            if header.outcomes != nil { used.insert("outcomes") }
            for mark in header.outcomeMarks.compactMap(\.self) { used.insert("outcome mark (\(mark.kind.rawValue))") }
        }
        if !file.uses.isEmpty { used.insert("use") }
        if !file.terms.isEmpty { used.insert("term") }
        for persona in file.personas {
            used.insert("persona")
            if persona.role != nil { used.insert("persona role") }
            if persona.context != nil { used.insert("persona context") }
        }
        for stage in file.stages {
            used.insert("stage")
            if let goal = stage.goal { text(goal, as: "stage goal") }
            for tip in stage.tips { text(tip, as: "stage tip") }
            for exit in stage.exits {
                used.insert("exit when")
                expression(exit.condition)
            }
            steps(stage.body)
        }
        for flow in file.flows {
            used.insert("flow")
            steps(flow.body)
        }
    }

    private mutating func text(_ text: Text, as construct: String? = nil) {
        if let construct { used.insert(construct) }
        if !text.interpolations.isEmpty { used.insert("{name}") }
    }

    private mutating func steps(_ block: [Step]) {
        for step in block {
            switch step {
            case .ask(let question): ask(question)
            case .say(let line, _): text(line, as: "say")
            case .buyer(let lines, _):
                used.insert("buyer")
                for line in lines {
                    text(line.text)
                    if line.persona != nil { used.insert("buyer line of a persona") }
                }
            case .set(let assignment):
                used.insert("set " + assignment.op.rawValue)
                expression(assignment.value)
            case .jumpIf(let condition, let target, _):
                used.insert("if ->")
                expression(condition)
                self.target(target)
            case .ifBlock(let condition, let then, let otherwise, _):
                used.insert("if block")
                expression(condition)
                steps(then)
                if let otherwise {
                    used.insert("else")
                    steps(otherwise)
                }
            case .jump(let target, _): self.target(target)
            case .call: used.insert("call")
            case .return: used.insert("return")
            case .end(let ending, _):
                used.insert("end")
                if let reason = ending.reason { text(reason) }
            }
        }
    }

    private mutating func ask(_ question: Question) {
        used.insert("ask")
        text(question.text)
        used.insert(question.type.keyword)
        if case .number(.some) = question.type { used.insert("number range") }
        if let why = question.why { text(why, as: "why") }
        if let tip = question.tip { text(tip, as: "question tip") }
        for branch in question.branches {
            used.insert(branch.label.isOption ? "option" : "yes/no branch")
            if branch.score != nil { used.insert("score") }
            if let feedback = branch.feedback { text(feedback, as: "feedback") }
            if branch.isBest { used.insert("best") }
            if let target = branch.target { self.target(target) }
            steps(branch.body)
        }
    }

    private mutating func target(_ target: Target) {
        switch target {
        case .named: used.insert("-> stage or question")
        case .next: used.insert("-> next")
        case .end(let ending):
            used.insert("-> end")
            if let reason = ending.reason { text(reason) }
        }
    }

    private mutating func expression(_ expression: Expr) {
        switch expression {
        case .number, .name, .invalid: break
        case .text(let text): self.text(text, as: "string literal")
        case .bool: used.insert("yes or no literal")
        case .unary(let op, let operand, _):
            used.insert(op == .not ? "not" : "negation")
            self.expression(operand)
        case .binary(let op, let left, let right, _):
            used.insert(op.isLogical ? op.rawValue : op.isArithmetic ? "arithmetic" : "comparison")
            self.expression(left)
            self.expression(right)
        }
    }
}
