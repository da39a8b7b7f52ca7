import Foundation
import Testing

@testable import PlaybookKit

/// A long chain of flows, each calling the next: the checker's summaries share what the flows
/// further down set and need instead of each holding a copy, and no phase goes a call deeper
/// for each flow of the chain.
struct FlowChainTests {
    /// `count` flows; flow i asks `q<i>` (flow `askedOnOneSide` on one side of a question only, so
    /// that not every walk asks it), reads `r<i>` when `reads`, and calls flow i + 1. The stage
    /// sets every `r<i>` (`unset` on one side of a question only), calls the first flow, then
    /// reads every `q<i>`.
    static func chain(_ count: Int, reads: Bool = false, unset: Int? = nil, askedOnOneSide: Int? = nil) -> String {
        var text = "playbook \"Chain\"\n  outcomes won, lost\n\nstage s \"S\"\n"
        if reads {
            for index in 0..<count where index != unset { text += "  set r\(index) = \(index)\n" }
            if let unset { text += "  ask early \"Early?\" yes/no\n    yes\n      set r\(unset) = 0\n" }
        }
        text += "  call f0\n"
        for index in 0..<count { text += "  say \"{q\(index)}\"\n" }
        text += "  end won \"done\"\n\n"
        for index in 0..<count {
            text += "flow f\(index)\n"
            if index == askedOnOneSide {
                text += "  ask gate \"Gate?\" yes/no\n    yes\n      ask q\(index) \"Question \(index)?\" yes/no\n"
            } else {
                text += "  ask q\(index) \"Question \(index)?\" yes/no\n    no -> end lost \"no \(index)\"\n"
            }
            if reads { text += "  say \"{r\(index)}\"\n" }
            if index + 1 < count { text += "  call f\(index + 1)\n" }
            text += "  return\n\n"
        }
        return text
    }

    /// The analysis `checkPlaybook` makes, kept for a look at its summaries.
    private func analysis(of text: String) throws -> FlowAnalysis {
        let result = check(text)
        let table = try #require(result.table)
        let graph = try #require(result.graph)
        var values = SymbolMap<Bool>()
        for symbol in table.questions.keys { values[symbol] = true }
        // The `r<i>` variables the flows read.
        for index in 0..<table.flows.count {
            if let symbol = result.interner.lookup("r\(index)") { values[symbol] = true }
        }
        let analysis = FlowAnalysis(graph: graph, table: table, interner: result.interner, sources: result.sources, values: values)
        analysis.run(reportUnreachable: true)
        return analysis
    }

    @Test func aLongChainChecksCleanAndItsSummariesShareTheirNodes() throws {
        let count = 1_000
        let text = Self.chain(count, reads: true)
        #expect(check(text).diagnostics.isEmpty)
        let analysis = try analysis(of: text)
        #expect(analysis.assigns.map(\.count) == (0..<count).map { count - $0 })
        #expect(analysis.needs.map(\.count) == (0..<count).map { count - $0 })
        var nodes = Set<ObjectIdentifier>()
        for flow in 0..<count {
            analysis.assigns[flow].forEachNode { nodes.insert($0) }
            analysis.needs[flow].forEachNode { nodes.insert($0) }
        }
        // Copies would hold count² / 2 keys in each of the two; shared, a few nodes per flow.
        #expect(nodes.count <= 12 * count)
    }

    @Test func whatAFlowFarDownTheChainLeavesUnsetIsReportedWhereItIsRead() throws {
        let count = 500
        let asked = check(Self.chain(count, askedOnOneSide: 321))
        #expect(asked.diagnostics.map(\.code) == [.possiblyUnset])
        #expect(asked.diagnostics.first?.message == "'q321' may be read before it is asked")

        let needed = check(Self.chain(count, reads: true, unset: 400))
        #expect(needed.diagnostics.map(\.code) == [.possiblyUnset])
        let diagnostic = try #require(needed.diagnostics.first)
        #expect(diagnostic.message == "flow 'f0' reads 'r400', which may not be set when it is called here")
        // The read shown is the one in flow 400, four hundred calls down.
        let read = try #require(diagnostic.secondary.first?.span)
        let source = needed.sources[Int(read.file)]
        #expect(source.text(Int(read.start)..<Int(read.end)) == "r400")
        #expect(source.lineIndex(of: Int(read.start)) > source.lineIndex(of: Int(diagnostic.primary.span.start)) + 400 * 4)
    }

    /// Run on a thread with a small stack: a phase that went one call deeper per flow of the
    /// chain (4,000 calls of a hundred bytes or more each) would overflow it and crash the test.
    @Test func everyPhaseGoesDownTheChainWithoutACallPerFlow() throws {
        let text = Self.chain(4_000)
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: [String] = []
        let thread = Thread {
            defer { finished.signal() }
            let result = check(text)
            guard let program = Program(result) else { return }
            var walk = Walk(program: program, seed: 0)
            var answers = 0
            walking: while answers < 10_000 {
                switch walk.next() {
                case .question:
                    walk.answer(.bool(true))
                    answers += 1
                case .ended, .fault, .unmetCriterion: break walking
                default: continue
                }
            }
            while walk.back() != nil {}
            let explored = Explorer(program: program).explore()
            let paths = PathAnalysis(program).report()
            let longest = PathAnalysis(program).examples(to: "lost", limit: 3)
            let chart = Flowchart(program)
            outcome = [
                "\(result.diagnostics.count)", "\(answers)", "\(explored.outcomes["lost"] ?? 0)",
                "\(paths.outcomes.map(\.name))", "\(longest?.examples.count ?? 0)",
                "\(Mermaid.render(chart).isEmpty)", "\(Dot.render(chart).isEmpty)", "\(SVG.render(chart).isEmpty)",
            ]
        }
        thread.stackSize = 256 * 1024
        thread.start()
        finished.wait()
        #expect(outcome == ["0", "4000", "4000", "[\"won\", \"lost\"]", "3", "false", "false", "false"])
    }
}
