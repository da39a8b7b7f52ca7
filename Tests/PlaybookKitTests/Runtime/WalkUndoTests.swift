import Testing

@testable import PlaybookKit

/// `back` through flows: each answer's checkpoint keeps the calls returned from since, not a copy
/// of the call stack, and putting them back gives the walk exactly as it was.
struct WalkUndoTests {
    /// Flow i asks `q<i>`, calls flow i + 1, then asks `p<i>` after that returns.
    static func chain(_ count: Int) -> String {
        var text = "playbook \"Chain\"\n  outcomes won, lost\n\nstage s \"S\"\n  ask start \"Start?\" yes/no\n  call f0\n"
        text += "  ask done \"Done?\" yes/no\n  end won \"done\"\n\n"
        for index in 0..<count {
            text += "flow f\(index)\n  ask q\(index) \"Q\(index)?\" yes/no\n    no -> end lost \"no\"\n"
            if index + 1 < count { text += "  call f\(index + 1)\n" }
            text += "  ask p\(index) \"P\(index)?\" yes/no\n    yes\n      set x\(index) = \(index)\n  return\n\n"
        }
        return text
    }

    @Test func backPutsTheCallStackBackAsItWasAtEachAnswer() throws {
        let program = try WalkTests.program(Self.chain(40))
        var random = SeededRandom(seed: 3)
        for _ in 0..<20 {
            var walk = Walk(program: program, seed: 1)
            var before: [WalkState] = []
            // Forward with random answers (a `no` to a `q` ends the walk), now and then a few
            // answers back, then all the way back.
            walking: while true {
                switch walk.next() {
                case .question(let question):
                    if random.below(6) == 0, !before.isEmpty {
                        for _ in 0..<min(before.count, 1 + random.below(3)) {
                            #expect(walk.back() != nil)
                            #expect(walk.state == before.removeLast())
                        }
                        continue
                    }
                    before.append(walk.state)
                    let yes = program.name(question.name.symbol).hasPrefix("q") ? random.below(30) > 0 : random.below(2) == 0
                    walk.answer(.bool(yes))
                case .ended, .fault, .unmetCriterion: break walking
                default: continue
                }
            }
            while let saved = before.popLast() {
                #expect(walk.back() != nil)
                #expect(walk.state == saved)
            }
            #expect(walk.back() == nil)
        }
    }

    /// Down a chain of 1,000 flows and back up: copies of the stack would hold 1,000 × 1,000 / 2
    /// calls, the checkpoints hold one per return.
    @Test func checkpointsHoldAtMostOneCallPerReturn() throws {
        let count = 1_000
        let program = try WalkTests.program(Self.chain(count))
        var walk = Walk(program: program, seed: 0)
        var answers = 0
        walking: while true {
            switch walk.next() {
            case .question:
                walk.answer(.bool(true))
                answers += 1
            case .ended: break walking
            case .fault, .unmetCriterion: Issue.record("the walk stopped early"); break walking
            default: continue
            }
        }
        #expect(answers == 2 * count + 2)
        #expect(walk.callsHeldForUndo == count)
        while walk.back() != nil {}
        #expect(walk.state.calls.isEmpty && walk.state.answers.isEmpty)
    }
}
