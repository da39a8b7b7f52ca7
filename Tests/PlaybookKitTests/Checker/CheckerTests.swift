import Testing

@testable import PlaybookKit

/// What the checker proves about the flowchart and the names, on small hand-made playbooks.
struct CheckerTests {
    @Test func referenceSampleAndItsLibraryCheckClean() {
        let result = check(shipped("discovery.playbook"), files: ["objections.playbook": shipped("objections.playbook")])
        #expect(result.diagnostics.isEmpty)
        #expect(result.sources.map(\.path) == ["main.playbook", "objections.playbook"])
        #expect(result.graph != nil)
        #expect(codes(shipped("objections.playbook")).isEmpty)
    }

    /// An outcome a used library ends with, but the playbook does not declare, is shown with the
    /// playbook's own `outcomes` line, where it is missing.
    @Test func anOutcomeMissingForALibraryPointsAtTheOutcomesLine() throws {
        let main = "playbook \"P\"\n  outcomes won, lost\n\nuse \"lib.playbook\"\n\nstage a \"A\"\n  call f\n  end won \"w\"\n"
        let library = "flow f \"F\"\n  ask x \"X?\" yes/no\n    no -> end nurture \"later\"\n  return\n"
        let result = check(main, files: ["lib.playbook": library])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == [.unknownOutcome])
        #expect(diagnostic.primary.span.file == 1)
        #expect(diagnostic.secondary.map(\.message) == ["the outcomes the playbook declares"])
        #expect(diagnostic.secondary.first?.span.file == 0)
    }

    /// The flowchart is numbered one stage at a time, each just before it is lowered, and the
    /// nodes made on the way (stage exits, unresolved jumps) after all the steps: a jump to a
    /// question further down its own stage leads to it, one to a question of a later stage (not
    /// numbered yet) is refused as one to an earlier stage's is, and the exit to a later stage
    /// leads into that stage once it has its number.
    @Test func jumpsAreResolvedAsEachStageIsLowered() throws {
        let text = """
            stage one "One"
              ask a "A?" yes/no
                yes -> c
                no -> b
              ask c "C?" yes/no
              -> two

            stage two "Two"
              ask b "B?" yes/no
                yes -> a
                no -> end lost "no"
              end won "yes"
            """
        let result = check(text)
        #expect(result.diagnostics.map(\.message) == [
            "cannot jump to the question 'b' in stage 'two'", "cannot jump to the question 'a' in stage 'one'",
        ])
        let graph = try #require(result.graph)
        // one: entry 0, a 1, c 2, `-> two` 3; two: entry 4, b 5, end 6; then the late nodes.
        #expect(graph.stageEntries == [0, 4])
        let inline = 7
        #expect(graph.nodes.prefix(inline).map(\.kind) == [.stageEntry, .step, .step, .step, .stageEntry, .step, .step])
        let fromA = Array(graph.successors(1))
        #expect(fromA.first == 2)
        let refused = try #require(fromA.last.map(Int.init))
        #expect(refused >= inline && graph.nodes[refused].kind == .unresolved)
        let exit = try #require(graph.successors(3).first.map(Int.init))
        #expect(exit >= inline && graph.nodes[exit].kind == .leave)
        #expect(Array(graph.successors(exit)) == [4])
        #expect(graph.successors(5).first.map(Int.init) == refused)
    }

    @Test func aLoopWithAWayOutIsFine() {
        let text = """
            stage problem "Problem"
              ask pain "Pain?" yes/no
                no -> pain
                yes -> end won "ok"
            """
        #expect(codes(text).isEmpty)
    }

    /// Exit criteria are checked only when a walk moves on to another stage: a stage that every
    /// walk leaves with an outcome never checks them, one that some walk leaves does.
    @Test func exitCriteriaThatNoWalkChecksAreReported() {
        let closing = """
            stage close "Close"
              exit when legal "Legal first."
              exit when signed
              ask signed "Signed?" yes/no
                no -> end lost "no"
              ask legal "Legal approved?" yes/no
              end won "yes"
            """
        let result = check(closing)
        #expect(result.diagnostics.map(\.code) == [.exitNeverChecked])
        #expect(result.diagnostics.first?.secondary.map(\.message) == ["every walk through 'close' ends in an outcome", "nor this one"])
        // Some walk goes back to an earlier stage: the criteria are checked on that walk.
        let reopened = closing.replacingOccurrences(of: "yes/no\n  end won", with: "yes/no\n    no -> open\n  end won")
        #expect(codes("stage open \"Open\"\n  ask fit \"Fit?\" yes/no\n    no -> end lost \"no\"\n\n" + reopened).isEmpty)
        // A stage that runs on into the next one checks them.
        #expect(codes("stage a \"A\"\n  exit when ok\n  ask ok \"Ok?\" yes/no\n\nstage b \"B\"\n  end won \"w\"\n").isEmpty)
    }

    @Test func aLoopWithoutAWayOutIsReportedAtTheLoopWithTheWalkIntoIt() throws {
        let result = check(
            """
            stage intro "Intro"
              ask fit "Fit?" yes/no
                no -> end lost "no"
              ask stuck "Stuck?" yes/no
                yes -> stuck
                no -> stuck
            """)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == [.noOutcome])
        #expect(result.sources[0].location(of: Int(diagnostic.primary.span.start)).line == 4)
        #expect(diagnostic.notes == ["a walk that gets here: fit = yes"])
    }

    @Test func readingAnAnswerThatSomeWalkSkipsShowsThatWalk() throws {
        let result = check(
            """
            stage a "A"
              ask role "Role?" choice
                "Buyer"
                  set authority = 3
                "User"
              if authority > 2 -> end won "yes"
              end lost "no"
            """)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.map(\.code) == [.possiblyUnset])
        #expect(diagnostic.message == "'authority' may be read before it is set")
        #expect(diagnostic.notes == ["a walk on which it is not set: role = \"User\""])
    }

    @Test func everyBranchSettingTheValueIsEnough() {
        #expect(
            codes(
                """
                stage a "A"
                  ask role "Role?" choice
                    "Buyer"
                      set authority = 3
                    "User"
                      set authority = 1
                  if authority > 2 -> end won "yes"
                  end lost "no"
                """
            ).isEmpty)
    }

    @Test func aFlowSetsForItsCallerAndReadsFromIt() {
        let flows = """
            flow qualify "Qualify"
              ask budget "Budget?" number 0..
              set size = budget * 2
              return

            flow report "Report"
              say "Size {size}, seats {seats}"
              return
            """
        // The flow sets `size` on every return: the caller may read it after the call.
        #expect(
            codes(
                """
                use "flows.playbook"
                stage a "A"
                  ask seats "Seats?" number 1..
                  call qualify
                  call report
                  if size > 10 -> end won "big"
                  end lost "small"
                """, files: ["flows.playbook": flows]
            ).isEmpty)
        // `report` reads `size`: calling it before `qualify` is reported at the call.
        let result = check(
            """
            use "flows.playbook"
            stage a "A"
              ask seats "Seats?" number 1..
              call report
              call qualify
              end lost "small"
            """, files: ["flows.playbook": flows])
        #expect(result.diagnostics.map(\.code) == [.possiblyUnset])
        #expect(result.diagnostics.first?.message == "flow 'report' reads 'size', which may not be set when it is called here")
    }

    @Test func aFlowThatCanRunOffItsEnd() {
        #expect(
            codes(
                """
                stage a "A"
                  call helper
                  end won "done"
                flow helper "Helper"
                  ask ok "OK?" yes/no
                    yes -> end won "early"
                """) == ["PB0405"])
    }

    @Test func theLastStageMustEndEveryWalk() {
        #expect(
            codes(
                """
                stage a "A"
                  ask ok "OK?" yes/no
                    yes -> end won "ok"
                """) == ["PB0407"])
        #expect(
            codes(
                """
                stage a "A"
                  -> next
                """) == ["PB0406"])
    }

    @Test func questionsAreJumpTargetsOnlyInTheirOwnStageOrFlow() {
        let text = """
            stage one "One"
              ask q "Q?" yes/no
                yes -> two
                no -> end lost "no"
            stage two "Two"
              ask r "R?" yes/no
                no -> q
                yes -> end won "yes"
            """
        #expect(codes(text) == ["PB0207"])
        #expect(
            codes(
                """
                stage one "One"
                  call f
                  end won "x"
                flow f "F"
                  -> one
                """) == ["PB0208"])
    }

    @Test func unreachableStepsStagesAndFlowsAreWarnings() {
        let result = check(
            """
            stage one "One"
              end won "always"
              say "never said"
            stage two "Two"
              end lost "never"
            flow spare "Spare"
              return
            """)
        #expect(result.diagnostics.map(\.code) == [.unreachable, .unreachable, .unusedFlow])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!result.hasErrors)
    }

    @Test func namesAreCheckedWithNearSuggestions() {
        let result = check(
            """
            playbook "P"
              outcomes won, lost
            stage discovery "Discovery"
              ask budget "Budget?" number 0..
              if budgte > 10 -> followup
              call objectons
              end wn "typo"
            stage follow_up "Follow-up"
              end lost "no"
            flow objections "Objections"
              return
            """)
        #expect(result.diagnostics.map(\.code) == [.unknownName, .unknownTarget, .unknownFlow, .unknownOutcome])
        #expect(result.diagnostics.map(\.help) == [
            "did you mean 'budget'?", "did you mean 'follow_up'?", "did you mean 'objections'?", "did you mean 'won'?",
        ])
    }

    @Test func typesAreChecked() {
        let result = check(
            """
            stage a "A"
              ask ok "OK?" yes/no
              ask size "Size?" number 0..
              ask note "Note?" text
              ask role "Role?" choice
                "Buyer"
                "User"
              if ok == 3 -> end won "a"
              set total = note + 1
              if size -> end won "b"
              if role == "Buyr" -> end won "c"
              set flag = yes
              set flag = 2
              end lost "d"
            """)
        #expect(
            result.diagnostics.map(\.code) == [
                .mismatchedComparison, .arithmeticOnNonNumber, .conditionNotYesNo, .notAnOption, .conflictingTypes,
            ])
    }

    @Test func duplicatesAndAssignmentsToAnswers() {
        #expect(
            codes(
                """
                stage s "S"
                  ask a "A?" yes/no
                  ask a "A again?" yes/no
                  set a = yes
                  end won "x"
                """) == ["PB0201", "PB0206"])
    }

    @Test func useErrors() {
        #expect(codes("use \"missing.playbook\"\nstage a\n  end won \"x\"\n") == ["PB0501"])
        #expect(codes("use \"../up.playbook\"\nstage a\n  end won \"x\"\n") == ["PB0503"])
        let cycle = check(
            "use \"b.playbook\"\nstage a\n  end won \"x\"\n",
            files: ["b.playbook": "use \"c.playbook\"\n", "c.playbook": "use \"b.playbook\"\n"])
        #expect(cycle.diagnostics.map(\.code) == [.useCycle])
        #expect(cycle.diagnostics.first?.message == "'use' makes a cycle: b.playbook → c.playbook → b.playbook")
    }
}
