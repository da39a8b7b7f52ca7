import Testing

@testable import PlaybookKit

/// Playbooks broken the way editing breaks them (a line lost, doubled, moved, cut short, or
/// indented wrong; an `if`, `else` or persona line dropped in) are checked without a crash, with
/// every diagnostic inside the file; those that still check clean are walked without one, and
/// without a dead end or a fault the clean check ruled out.
struct MutationTests {
    /// Shipped playbooks that together use every construct, `if`/`else` blocks and persona lines too.
    static let sources = ["discovery.playbook", "price-objection.playbook", "price-objection-zh.playbook", "stall-th.playbook"]

    static let extraLines = ["else", "if score > 1", "  else", "    dana \"Hm.\"", "  buyer", "  if", "-> next", "  ask x \"X?\" yes/no"]

    static func mutate(_ text: String, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func pick() -> Int { Int(random.next() % UInt64(lines.count)) }
        for _ in 0..<(1 + random.next() % 4) where lines.count > 2 {
            let at = pick()
            switch random.next() % 6 {
            case 0: lines.remove(at: at)
            case 1: lines.insert(lines[at], at: pick())
            case 2: lines.swapAt(at, max(0, at - 1))
            case 3: lines[at] = String(lines[at].prefix(Int(random.next() % UInt64(lines[at].count + 1))))
            case 4: lines[at] = (random.next() % 2 == 0 ? "  " : "") + String(lines[at].dropFirst(random.next() % 2 == 0 ? 0 : 2))
            default: lines.insert(extraLines[Int(random.next() % UInt64(extraLines.count))], at: at)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whether the checker claims a clean playbook never does this: every fault but a division by
    /// zero (the divisor is usually an answer, so the checker leaves it to the walk).
    static func checkerRulesOut(_ finding: Finding) -> Bool {
        guard case .fault(let message) = finding.what else { return true }
        return !message.hasPrefix("division by zero")
    }

    static func describe(_ findings: [Finding]) -> String {
        findings.map { "\($0.path):\($0.line): \($0.what) after \($0.walk.map { "\($0.question) = \($0.value.literal)" })" }.joined(separator: "; ")
    }

    @Test(arguments: sources)
    func brokenCopiesAreReportedOrWalkedWithoutACrash(_ name: String) {
        let original = shipped(name)
        #expect(!original.isEmpty)
        var clean = 0
        for seed in 0..<60 {
            let text = Self.mutate(original, seed: UInt64(seed))
            let result = check(text, files: ["objections.playbook": shipped("objections.playbook")])
            let size = result.sources.first?.bytes.count ?? 0
            for diagnostic in result.diagnostics where diagnostic.primary.span.file == 0 {
                #expect(diagnostic.primary.span.end <= size, "seed \(seed): \(diagnostic.message)")
            }
            guard let program = Program(result) else { continue }
            clean += 1
            var explorer = Explorer(program: program)
            explorer.stepBudget = 2_000
            let explored = explorer.explore()
            let walked = randomWalks(program, count: 5, seed: UInt64(seed), answerLimit: 500)
            // A clean check proves that every walk reaches an outcome and that no value is read
            // unset or of the wrong type: a walk that finds otherwise found a hole in the proof.
            let holes = (explored.deadEnds + walked.deadEnds + explored.faults + walked.faults).filter(Self.checkerRulesOut)
            #expect(
                holes.isEmpty,
                "seed \(seed): a mutant of \(name) checks clean but \(Self.describe(holes)); the mutant:\n\(Golden.diff(original, text, context: 2))")
        }
        // Some mutants (a blank line doubled, a comment cut short) must still check clean, or
        // the walking half of this test would test nothing.
        #expect(clean > 0, "no mutant of \(name) checked clean")
    }
}
