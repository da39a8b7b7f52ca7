import Testing

@testable import PlaybookKit

/// The analyses against brute force: random playbooks without loops (stages, yes/no, choice and
/// number questions, `if`s, branches, flows calling later flows, ends inside flows), every walk
/// listed one by one on the flowchart, and the counts, shortest and longest walks and the
/// questions on every walk compared.
struct PathBruteForceTests {
    /// The walk's seeded generator: the same playbooks on every run.
    typealias Random = SeededRandom

    static let outcomes = ["won", "lost", "nurture"]

    /// With `loops`, no flows, and some branches jump back to an earlier question of their stage
    /// or to an earlier stage.
    static func playbook(seed: UInt64, loops: Bool = false) -> String {
        var random = Random(seed: seed)
        let flowCount = loops ? 0 : random.int(0...3)
        var stageQuestions: [Int] = []
        var currentStage = 0
        let stageCount = random.int(1...5)
        var questions = 0
        var lines = ["playbook \"F\"", "  outcomes won, lost, nurture", ""]
        func outcome() -> String { outcomes[random.int(0...2)] }
        func block(indent: Int, depth: Int, flow: Int?) -> [String] {
            let pad = String(repeating: " ", count: indent)
            var out: [String] = []
            for _ in 0..<random.int(1...4) {
                let kind = random.int(0...99)
                if kind < 45 {
                    questions += 1
                    let type = ["yes/no", "choice", "number"][random.int(0...2)]
                    out.append("\(pad)ask q\(questions) \"Q?\" \(type)")
                    if flow == nil, depth == 0 { stageQuestions.append(questions) }
                    if type == "yes/no" {
                        for side in ["yes", "no"] {
                            let how = random.int(0...99)
                            if loops, how < 20, currentStage > 0 || !stageQuestions.isEmpty {
                                let back = (random.chance(50) || stageQuestions.isEmpty) && currentStage > 0
                                    ? "s\(random.int(0...(currentStage - 1)))"
                                    : "q\(stageQuestions[random.int(0...(stageQuestions.count - 1))])"
                                out.append("\(pad)  \(side) -> \(back)")
                            } else if how < 25 {
                                out.append("\(pad)  \(side) -> end \(outcome()) \"x\"")
                            } else if how < 40, depth < 2 {
                                out.append("\(pad)  \(side)")
                                out += block(indent: indent + 4, depth: depth + 1, flow: flow)
                            }
                        }
                    } else if type == "choice" {
                        for option in 0..<random.int(1...3) {
                            out.append(random.chance(30) ? "\(pad)  \"o\(option)\" -> end \(outcome()) \"x\"" : "\(pad)  \"o\(option)\"")
                        }
                    }
                } else if kind < 53 || (kind < 60 && depth > 0) {
                    out.append("\(pad)if score > 1 -> end \(outcome()) \"x\"")
                } else if kind < 60 {
                    // Blocks of an `if` (and maybe `else`), with no blocks inside them.
                    out.append("\(pad)if score > \(random.int(0...2))")
                    out += block(indent: indent + 2, depth: 2, flow: flow)
                    if random.chance(50) {
                        out.append("\(pad)else")
                        out += block(indent: indent + 2, depth: 2, flow: flow)
                    }
                } else if kind < 75, let flow, flow + 1 < flowCount {
                    out.append("\(pad)call f\(random.int((flow + 1)...(flowCount - 1)))")
                } else if kind < 75, flow == nil, flowCount > 0 {
                    out.append("\(pad)call f\(random.int(0...(flowCount - 1)))")
                } else {
                    out.append("\(pad)say \"hi\"")
                }
            }
            return out
        }
        for stage in 0..<stageCount {
            currentStage = stage
            stageQuestions = []
            lines.append("stage s\(stage) \"S\"")
            lines += block(indent: 2, depth: 0, flow: nil)
            if stage + 1 < stageCount, random.chance(30) {
                lines.append("  if score > 2 -> s\(random.int((stage + 1)...(stageCount - 1)))")
            }
            if stage == stageCount - 1 { lines.append("  end \(outcome()) \"done\"") }
        }
        for flow in 0..<flowCount {
            lines.append("flow f\(flow) \"F\"")
            lines += block(indent: 2, depth: 0, flow: flow)
            lines.append(random.chance(20) ? "  end \(outcome()) \"x\"" : "  return")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every walk, one by one: per outcome the number, the fewest and most questions; and the
    /// question nodes asked on every walk.
    struct Listed {
        var walks: [String: Int] = [:]
        var fewest: [String: Int] = [:]
        var most: [String: Int] = [:]
        var onEvery: Set<Int>?
    }

    static func list(_ graph: FlowGraph, interner: Interner) -> Listed {
        var listed = Listed()
        func walk(_ node: Int, returns: [Int], questions: Int, asked: Set<Int>) {
            let info = graph.nodes[node]
            var asked = asked
            var questions = questions
            func finish(_ ending: Ending) {
                let name = interner.name(ending.outcome.symbol)
                listed.walks[name, default: 0] += 1
                listed.fewest[name] = min(listed.fewest[name] ?? .max, questions)
                listed.most[name] = max(listed.most[name] ?? 0, questions)
                listed.onEvery = listed.onEvery.map { $0.intersection(asked) } ?? asked
            }
            switch info.kind {
            case .endTarget: return finish(graph.endings[Int(info.payload)])
            case .fallOffLast, .fallOffFlow, .unresolved: return
            case .step:
                switch graph.steps[Int(info.payload)] {
                case .end(let ending, _): return finish(ending)
                case .return:
                    guard let back = returns.last else { return }
                    return walk(back, returns: Array(returns.dropLast()), questions: questions, asked: asked)
                case .call:
                    guard let flow = graph.callee(node), flow >= 0 else { return }
                    return walk(
                        graph.flowEntries[flow], returns: returns + [Int(graph.successors(node).first ?? 0)],
                        questions: questions, asked: asked)
                case .ask:
                    questions += 1
                    asked.insert(node)
                default: break
                }
            default: break
            }
            for next in graph.successors(node) { walk(Int(next), returns: returns, questions: questions, asked: asked) }
        }
        if let start = graph.stageEntries.first { walk(start, returns: [], questions: 0, asked: []) }
        return listed
    }

    @Test(arguments: 0..<150)
    func theAnalysesAgreeWithListingEveryWalk(seed: Int) throws {
        let text = Self.playbook(seed: UInt64(seed))
        let result = check(text)
        guard let program = Program(result), let graph = result.graph else { return }
        let listed = Self.list(graph, interner: result.interner)
        let report = PathAnalysis(program).report()
        for outcome in report.outcomes {
            let name = outcome.name
            #expect(!outcome.walks.isInfinite, "seed \(seed)")
            #expect(outcome.walks.loopFree == BigUInt(UInt64(listed.walks[name] ?? 0)), "seed \(seed) \(name)\n\(text)")
            #expect(outcome.shortest?.questions == listed.fewest[name], "seed \(seed) \(name)\n\(text)")
            #expect(outcome.longestLoopFreeQuestions == listed.most[name], "seed \(seed) \(name)\n\(text)")
        }
        let asked = Set(report.askedOnEveryWalk.map(\.line))
        let expected = Set((listed.onEvery ?? []).compactMap { node -> Int? in
            guard case .ask(let question)? = graph.step(node) else { return nil }
            return program.line(of: question.span)
        })
        #expect(asked == expected, "seed \(seed)\n\(text)")
    }
}

extension PathBruteForceTests {
    /// The comparison above is worth something only if the random playbooks check and have walks.
    @Test func theRandomPlaybooksCheckAndHaveWalksToList() {
        var checked = 0
        var walks = 0
        var withFlows = 0
        var withElse = 0
        for seed in 0..<150 {
            let text = Self.playbook(seed: UInt64(seed))
            let result = check(text)
            guard Program(result) != nil, let graph = result.graph else { continue }
            checked += 1
            walks += Self.list(graph, interner: result.interner).walks.values.reduce(0, +)
            if !graph.calls.isEmpty { withFlows += 1 }
            if text.contains("  else\n") { withElse += 1 }
        }
        #expect(checked >= 120)
        #expect(walks >= 5_000)
        #expect(withFlows >= 50)
        #expect(withElse >= 20)
    }
}

extension PathBruteForceTests {
    /// Loops, by the definitions in docs/analysis.md worked out naively: an outcome has
    /// infinitely many walks when a node on a loop lies on a walk to it; the loop-free walks,
    /// listed one by one, never take a jump back (to a line at or above it) that the walk can
    /// come round to again.
    @Test(arguments: 0..<150)
    func loopsAgreeWithTheDefinitions(seed: Int) throws {
        let text = Self.playbook(seed: UInt64(seed) + 10_000, loops: true)
        let result = check(text)
        guard let program = Program(result), let graph = result.graph, let start = graph.stageEntries.first else { return }
        let count = graph.nodes.count
        func reachable(from sources: [Int]) -> [Bool] {
            var seen = [Bool](repeating: false, count: count)
            var pending = sources
            while let node = pending.popLast() {
                for next in graph.successors(node).map(Int.init) where !seen[next] {
                    seen[next] = true
                    pending.append(next)
                }
            }
            return seen
        }
        let fromNode = (0..<count).map { reachable(from: [$0]) }
        let fromStart = fromNode[start]
        func line(_ span: Span) -> Int { program.line(of: span) }
        func position(_ node: Int) -> Int {
            let info = graph.nodes[node]
            switch info.kind {
            case .step: return 2 * line(graph.steps[Int(info.payload)].span)
            case .stageEntry: return 2 * line(program.stages[Int(info.payload)].span)
            case .leave: return 2 * line(program.stages[Int(info.payload2)].span) - 1
            default: return Int.max
            }
        }
        func outcome(_ node: Int) -> String? {
            let info = graph.nodes[node]
            if info.kind == .endTarget { return result.interner.name(graph.endings[Int(info.payload)].outcome.symbol) }
            if case .end(let ending, _)? = graph.step(node) { return result.interner.name(ending.outcome.symbol) }
            return nil
        }
        var loopFree: [String: Int] = [:]
        func walk(_ node: Int) {
            if let name = outcome(node) { return loopFree[name, default: 0] += 1 }
            for next in graph.successors(node).map(Int.init) {
                let closesLoop = position(next) <= position(node) && fromNode[next][node]
                if !closesLoop { walk(next) }
            }
        }
        walk(start)
        let report = PathAnalysis(program).report()
        for item in report.outcomes {
            let infinite = (0..<count).contains { node in
                (node == start || fromStart[node]) && fromNode[node][node]
                    && (0..<count).contains { fromNode[node][$0] && outcome($0) == item.name }
            }
            #expect(item.walks.isInfinite == infinite, "seed \(seed) \(item.name)\n\(text)")
            #expect(item.walks.loopFree == BigUInt(UInt64(loopFree[item.name] ?? 0)), "seed \(seed) \(item.name)\n\(text)")
            if infinite {
                #expect(item.walks.loop?.kind == .jumpBack, "seed \(seed)")
            }
        }
    }

    @Test func theRandomPlaybooksWithLoopsHaveLoops() {
        var checked = 0
        var infinite = 0
        for seed in 0..<150 {
            let result = check(Self.playbook(seed: UInt64(seed) + 10_000, loops: true))
            guard let program = Program(result) else { continue }
            checked += 1
            if PathAnalysis(program).report().total.isInfinite { infinite += 1 }
        }
        #expect(checked >= 100)
        #expect(infinite >= 40)
    }
}

extension SeededRandom {
    /// A number in `range`, by modulo (slightly biased, which a generator of test playbooks can bear).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }

    mutating func nextByte() -> UInt8 { UInt8(truncatingIfNeeded: next() >> 56) }
}
