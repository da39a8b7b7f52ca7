import Testing

@testable import PlaybookKit

/// The syntax tree's helpers: the blocks under a step, spans, branches by label, and what is
/// kept apart when a node has none of it.
struct PlaybookTests {
    struct Parsed {
        var file: PlaybookFile
        var source: SourceFile
        var interner: Interner

        func text(_ span: Span) -> String { source.text(Int(span.start)..<Int(span.end)) }
        func name(_ name: Name) -> String { interner.name(name.symbol) }
    }

    /// Parses `text`, which must parse with the diagnostics `expected` and no others.
    static func parsed(_ text: String, expected: [DiagnosticCode] = []) throws -> Parsed {
        var interner = Interner()
        let source = SourceFile(path: "t.playbook", bytes: Array(text.utf8))
        let (file, diagnostics) = parse(source, file: 0, interner: &interner)
        try #require(diagnostics.map(\.code) == expected, "\(diagnostics.map(\.message))")
        return Parsed(file: file, source: source, interner: interner)
    }

    static let sample = """
        stage one "One"
          ask size "Size?" number 1..10
            why "Big deals need a sponsor."
          ask fit "Fit?" yes/no
            yes
              say "Good."
            no -> end lost "No fit"
          if size > 5
            set big = yes
          else
            set big = no
          if size > 2
            say "More than two."
          buyer
            "Hm."
            dana "Well."
          say "Size {size}."
          -> two
        stage two "Two"
          goal "Close."
          tip "Ask for the order."
          tip "Then stop talking."
          call wrap
          if big -> next
          end won "Done"
        flow wrap
          return
        """

    @Test func blocksAreTheBranchesAndIfSides() throws {
        let parsed = try Self.parsed(Self.sample)
        let steps = parsed.file.stages[0].body
        #expect(steps.count == 7)
        func blockSizes(_ step: Step) -> [Int] {
            var visited: [Int] = []
            step.forEachBlock { visited.append($0.count) }
            #expect(visited == step.blocks.map(\.count), "forEachBlock and blocks disagree")
            return visited
        }
        // A question without branches; with a block branch and a jump branch (an empty block);
        // an if with else, one without; the rest have none.
        #expect(steps.map(blockSizes) == [[], [1, 0], [1, 1], [1], [], [], []])
    }

    @Test func eachStepSpansItsLine() throws {
        let parsed = try Self.parsed(Self.sample)
        let lines = (parsed.file.stages[0].body + parsed.file.stages[1].body + parsed.file.flows[0].body).map {
            parsed.source.lineText(parsed.source.location(of: Int($0.span.start)).line - 1).trimmingCharacters(in: .whitespaces)
        }
        #expect(lines == [
            "ask size \"Size?\" number 1..10", "ask fit \"Fit?\" yes/no", "if size > 5", "if size > 2", "buyer",
            "say \"Size {size}.\"", "-> two", "call wrap", "if big -> next", "end won \"Done\"", "return",
        ])
        #expect(parsed.text(parsed.file.stages[0].body[5].span) == "say \"Size {size}.\"")
    }

    @Test func whatANodeLacksReadsAsAbsent() throws {
        let parsed = try Self.parsed(Self.sample)
        let one = parsed.file.stages[0]
        let two = parsed.file.stages[1]
        #expect(one.goal == nil && one.tips.isEmpty)
        #expect(two.goal?.value == "Close.")
        #expect(two.tips.map(\.value) == ["Ask for the order.", "Then stop talking."])
        guard case .ask(let size) = one.body[0], case .ask(let fit) = one.body[1] else {
            Issue.record("the first steps are not questions")
            return
        }
        #expect(size.why?.value == "Big deals need a sponsor." && size.tip == nil)
        #expect(fit.why == nil && fit.tip == nil)
        #expect(size.type == .number(NumberRange(low: 1, high: 10)))
        #expect(fit.branches.map(\.label) == [.yes, .no])
        #expect(fit.branches.map(\.optionKey) == [nil, nil])
        #expect(fit.branches.allSatisfy { $0.score == nil && $0.feedback == nil && !$0.isBest })
        #expect(fit.branches[0].target == nil && fit.branches[1].target != nil)
        guard case .end(let ending)? = fit.branches[1].target else {
            Issue.record("'no' does not end")
            return
        }
        #expect(parsed.name(ending.outcome) == "lost" && ending.reason?.value == "No fit")
        #expect(parsed.text(fit.branches[1].target!.span) == "end lost \"No fit\"")
        guard case .buyer(let lines, _) = one.body[4] else { return }
        #expect(lines.map(\.text.value) == ["Hm.", "Well."])
        #expect(lines.map { $0.persona.map(parsed.name) } == [nil, "dana"])
    }

    /// Few options are found by a scan, many through an index: the same answers either way,
    /// the first of two options with one text included.
    @Test(arguments: [3, 8, 9, 40])
    func optionsAreFoundByTheirText(_ count: Int) throws {
        var text = "stage s\n  ask pick \"Pick\" choice\n"
        for number in 0..<count {
            text += "    \"Option \(number)\"\n      score \(number)\n" + (number == 1 ? "      best\n      feedback \"Yes.\"\n" : "")
        }
        text += "    \"Option 0\"\n  end won\n"
        let parsed = try Self.parsed(text, expected: [.duplicateBranch])
        guard case .ask(let question) = parsed.file.stages[0].body[0] else {
            Issue.record("no question")
            return
        }
        #expect(question.branches.count == count + 1)
        for number in 0..<count {
            #expect(question.branchIndex(of: .option("Option \(number)")) == number)
            #expect(question.option("Option \(number)")?.score == Double(number))
        }
        #expect(question.branchIndex(of: .option("Option \(count)")) == nil)
        #expect(question.option("option 0") == nil)
        #expect(question.branchIndex(of: .yes) == nil)
        #expect(question.option("Option 1")?.isBest == true && question.option("Option 1")?.feedback?.value == "Yes.")
        #expect(question.option("Option 2")?.isBest == false && question.option("Option 2")?.feedback == nil)
        #expect(question.branches.last?.score == nil)
    }

    @Test func answerTypesAndLabels() {
        let types: [AnswerType] = [.yesNo, .choice, .number(nil), .text, .scale(NumberRange(low: 1, high: 5))]
        #expect(types.map(\.keyword) == ["yes/no", "choice", "number", "text", "scale"])
        #expect(BranchLabel.option("x").isOption && !BranchLabel.yes.isOption && !BranchLabel.no.isOption)
        #expect([AssignmentOperator.assign, .add, .subtract].map(\.rawValue) == ["=", "+=", "-="])
    }
}
