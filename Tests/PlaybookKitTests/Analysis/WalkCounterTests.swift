import Testing

@testable import PlaybookKit

/// Walks counted on the flowchart. Each playbook is small enough to count by hand; the count is
/// worked out in the comment above it.
struct WalkCounterTests {
    static let header = "playbook \"P\"\n  outcomes won, lost, nurture\n\n"

    static func analysis(_ text: String, files: [String: String] = [:]) throws -> PathAnalysis {
        PathAnalysis(try WalkTests.program(text, files: files))
    }

    /// "12", or "infinite, 3 loop-free".
    static func walks(_ analysis: PathAnalysis, _ outcome: String) -> String {
        guard let count = analysis.walkCount(to: outcome) else { return "no such outcome" }
        return count.isInfinite ? "infinite, \(count.loopFree) loop-free" : count.loopFree.description
    }

    static func discovery() throws -> PathAnalysis {
        PathAnalysis(try ScenarioRunnerTests.discovery())
    }

    @Test func eachSideOfABranchIsAWalk() throws {
        // a = no → lost; a = yes, b = yes → won; a = yes, b = no → lost. c has no branches, but
        // its two answers are two walks each: won 2, lost 1 + 2 = 3. A number question is one way.
        let analysis = try Self.analysis(
            Self.header + """
                stage one "One"
                  ask a "A?" yes/no
                    no -> end lost "a"
                  ask n "How many?" number
                  ask b "B?" yes/no
                    yes
                      say "Good."
                    no -> two
                  ask c "C?" yes/no
                  end won "done"
                stage two "Two"
                  end lost "b"
                """)
        #expect(Self.walks(analysis, "won") == "2")
        #expect(Self.walks(analysis, "lost") == "2")
        #expect(Self.walks(analysis, "nurture") == "0")
    }

    @Test func aChoiceOfFourOptionsIsFourWays() throws {
        // role: A and B go on (2), C and D end lost (2); then ok doubles what goes on: won 4.
        let analysis = try Self.analysis(
            Self.header + """
                stage one "One"
                  ask role "Who?" choice
                    "A"
                    "B"
                      set seen = yes
                    "C" -> end lost "c"
                    "D" -> end lost "d"
                  ask ok "OK?" yes/no
                  end won "done"
                """)
        #expect(Self.walks(analysis, "won") == "4")
        #expect(Self.walks(analysis, "lost") == "2")
    }

    @Test func bothSidesOfAnIfAreWalks() throws {
        // The condition is not evaluated: taken → won (1); not taken, t = yes → won, t = no → lost.
        let analysis = try Self.analysis(
            Self.header + """
                stage one "One"
                  ask size "Size?" number
                  if size > 10 -> end won "big"
                  ask t "T?" yes/no
                    yes -> end won "t"
                    no -> end lost "t"
                """)
        #expect(Self.walks(analysis, "won") == "2")
        #expect(Self.walks(analysis, "lost") == "1")
    }

    @Test func aFlowCalledTwiceMultiplies() throws {
        // pick returns by 3 walks; two calls in a row: 3 × 3 = 9 walks to won.
        let analysis = try Self.analysis(
            Self.header + """
                use "lib.playbook"
                stage one "One"
                  call pick
                  call pick
                  end won "done"
                """,
            files: [
                "lib.playbook": """
                flow pick "Pick"
                  ask p "P?" choice
                    "1"
                    "2"
                    "3"
                  return
                """
            ])
        #expect(Self.walks(analysis, "won") == "9")
    }

    @Test func anEndInsideAFlowEndsTheWalkThere() throws {
        // f: p = one/two then q = yes returns (2 walks); p = stop ends lost (1); q = no ends lost (2):
        // f returns by 2 walks and ends lost by 3.
        // a (2 answers) → f: 4 go on, 2 × 3 = 6 lost. if taken: 4 nurture; not taken: 4 → f:
        // 4 × 2 = 8 won, 4 × 3 = 12 lost. lost = 6 + 12 = 18.
        let analysis = try Self.analysis(
            Self.header + """
                stage s "S"
                  ask a "A?" yes/no
                  call f
                  if a -> end nurture "a"
                  call f
                  end won "done"

                flow f "F"
                  ask p "P?" choice
                    "one"
                    "two"
                    "stop" -> end lost "stop"
                  ask q "Q?" yes/no
                    no
                      end lost "q"
                  return
                """)
        #expect(Self.walks(analysis, "won") == "8")
        #expect(Self.walks(analysis, "lost") == "18")
        #expect(Self.walks(analysis, "nurture") == "4")
    }

    @Test func aLoopMakesInfinitelyManyWalksAndIsNamed() throws {
        // again = yes jumps back: again = no, done = yes is the one loop-free walk to won; going
        // round k times first makes another walk for every k.
        let analysis = try Self.analysis(
            Self.header + """
                stage one "One"
                  ask again "Again?" yes/no
                    yes -> again
                  ask done "Done?" yes/no
                    yes -> end won "done"
                    no -> end lost "not done"
                """)
        #expect(Self.walks(analysis, "won") == "infinite, 1 loop-free")
        #expect(Self.walks(analysis, "lost") == "infinite, 1 loop-free")
        let loop = try #require(analysis.walkCount(to: "won")?.loop)
        #expect(loop.kind == .jumpBack)
        #expect(loop.line == 6)
        #expect(loop.source == "yes -> again")
        #expect(loop.target == .question("again"))
        #expect(loop.targetLine == 5)
        #expect(Self.walks(analysis, "nurture") == "0")
    }

    @Test func aLoopOnlySomeOutcomesPassLeavesTheOthersFinite() throws {
        // won comes before the loop; lost only after it.
        let analysis = try Self.analysis(
            Self.header + """
                stage one "One"
                  ask quick "Quick?" yes/no
                    yes -> end won "quick"
                  say "Then let us go on."
                stage two "Two"
                  ask retry "Retry?" yes/no
                    yes -> one
                    no -> end lost "no"
                """)
        #expect(Self.walks(analysis, "won") == "infinite, 1 loop-free")
        #expect(Self.walks(analysis, "lost") == "infinite, 1 loop-free")
        let loop = try #require(analysis.walkCount(to: "lost")?.loop)
        #expect(loop.target == .stage("one"))
        #expect(loop.source == "yes -> one")
    }

    @Test func aJumpBackThatIsNoLoopCountsOnce() throws {
        // a = yes skips b, asks c and jumps back to b; b never leads to c again, so it is no
        // loop: a = yes then b (2 ways), a = no then b (2 ways): won 2, lost 2.
        let analysis = try Self.analysis(
            Self.header + """
                stage s "S"
                  ask a "A?" yes/no
                    yes -> c
                  ask b "B?" yes/no
                    yes -> end won "b"
                    no -> end lost "b"
                  ask c "C?" text
                  -> b
                """)
        #expect(Self.walks(analysis, "won") == "2")
        #expect(Self.walks(analysis, "lost") == "2")
    }

    /// f returns only on x = yes; x = no calls f again, and the walk ends lost when that call returns.
    static let recursiveFlow = header + """
        stage one "One"
          call f
          end won "done"

        flow f "F"
          ask x "X?" yes/no
            yes
              return
          call f
          end lost "after"
        """

    @Test func aFlowThatCallsItselfIsALoop() throws {
        // Won by 1 walk. Lost: x = no, yes; x = no, no, yes; ... infinitely many, none without
        // the recursive call.
        let analysis = try Self.analysis(Self.recursiveFlow)
        #expect(Self.walks(analysis, "won") == "1")
        #expect(Self.walks(analysis, "lost") == "infinite, 0 loop-free")
        let loop = try #require(analysis.walkCount(to: "lost")?.loop)
        #expect(loop.kind == .recursion)
        #expect(loop.source == "call f")
        #expect(loop.target == .flow("f"))
    }

    @Test func flowsThatCallEachOtherCloseTheLoopAtTheCallBack() throws {
        // f calls g (declared after it: a call forward), g calls f back (the loop-closing call).
        // Loop-free: won by x = no; lost by x = yes, y = no. Going round f → g → f is endless.
        let analysis = try Self.analysis(
            Self.header + """
                stage s "S"
                  call f
                  end won "back"

                flow f "F"
                  ask x "X?" yes/no
                    yes
                      call g
                  return

                flow g "G"
                  ask y "Y?" yes/no
                    yes
                      call f
                    no -> end lost "no"
                  return
                """)
        #expect(Self.walks(analysis, "won") == "infinite, 1 loop-free")
        #expect(Self.walks(analysis, "lost") == "infinite, 1 loop-free")
        #expect(analysis.walkCount(to: "won")?.loop?.line == 17)
    }

    @Test func theReferenceSampleCountedByHand() throws {
        // situation: role has 3 options that go on and "Not the right person" → disqualified (1);
        // tool 2 answers; team_size 1 way: 3 × 2 = 6 walks reach pain.
        // pain = no calls objections: Timing → nurture (1), No need → lost (1), Price then
        // resolved = no → lost (1), resolved = yes returns and '-> pain' jumps back: the loop.
        // Loop-free from the 6: nurture 6, lost 12.
        // pain = yes: if cost... taken → nurture 6; not taken, if authority... taken → followup:
        // later yes/no → nurture 6, lost 6; not taken → payoff 3 options: 18; demo = yes → won 18,
        // demo = no → followup: nurture 18, lost 18.
        // won 18; lost 12 + 6 + 18 = 36; nurture 6 + 6 + 6 + 18 = 36; disqualified 1; 91 in all.
        let analysis = try Self.discovery()
        #expect(analysis.outcomes == ["won", "lost", "nurture", "disqualified"])
        #expect(Self.walks(analysis, "won") == "infinite, 18 loop-free")
        #expect(Self.walks(analysis, "lost") == "infinite, 36 loop-free")
        #expect(Self.walks(analysis, "nurture") == "infinite, 36 loop-free")
        #expect(Self.walks(analysis, "disqualified") == "1")
        let report = analysis.report()
        #expect(report.total.loopFree == 91)
        #expect(report.total.isInfinite)
        let loop = try #require(report.outcomes[0].walks.loop)
        #expect(loop.line == 48)
        #expect(loop.source == "-> pain")
        #expect(loop.target == .question("pain"))
        #expect(loop.targetLine == 45)
    }

    @Test func sixtyFourYesNoQuestionsMakeTwoToTheSixtyFourWalks() throws {
        var text = Self.header
        for index in 0..<64 { text += "stage s\(index) \"S\(index)\"\n  ask q\(index) \"Q\(index)?\" yes/no\n" }
        text += "  end won \"done\"\n"
        let analysis = try Self.analysis(text)
        #expect(Self.walks(analysis, "won") == "18446744073709551616")
    }

    @Test func jumpsOfOneOrTwoStagesCountLikeFibonacci() throws {
        // Stage i: yes → stage i + 1, no → stage i + 2 (past the end: won). From the last stage
        // 2 walks, the one before 3, ...: stage 0 of 100 has F(102) = 927372692193078999176.
        let count = 100
        var text = Self.header
        for index in 0..<count {
            let yes = index + 1 < count ? "s\(index + 1)" : "end won \"done\""
            let no = index + 2 < count ? "s\(index + 2)" : "end won \"done\""
            text += "stage s\(index) \"S\(index)\"\n  ask q\(index) \"Q?\" yes/no\n    yes -> \(yes)\n    no -> \(no)\n"
        }
        let analysis = try Self.analysis(text)
        #expect(Self.walks(analysis, "won") == "927372692193078999176")
    }

    @Test func theBenchmarkShapeCountsExactly() throws {
        // The shape of bench playbooks (gen_playbook.py): each stage's `if` may end lost, its
        // question jumps one or two stages ahead. 300 stages; Python with the same recurrence
        // (won(i) = won(i+1) + won(i+2), lost(i) = 1 + lost(i+1) + lost(i+2)) gives these.
        let count = 300
        var text = "playbook \"Bench\"\n  outcomes won, lost\n\n"
        for index in 0..<count {
            let yes = index + 1 < count ? "s\(index + 1)" : "end won \"done\""
            let no = index + 2 < count ? "s\(index + 2)" : "end won \"done\""
            text += """
                stage s\(index) "Stage \(index)"
                  set stage_no = \(index)
                  if stage_no > score + 1000000 -> end lost "never"
                  ask q\(index) "Confirm?" yes/no
                    yes
                      set score += 1
                      -> \(yes)
                    no -> \(no)

                """
        }
        let analysis = try Self.analysis(text)
        #expect(Self.walks(analysis, "won") == "581811569836004006491505558634099066259034153405766997246569401")
        #expect(Self.walks(analysis, "lost") == "581811569836004006491505558634099066259034153405766997246569400")
    }
}
