import Testing

@testable import PlaybookKit

/// A choice with thousands of options: each option is found by its text, not by a look through
/// the options before it (in the parser, the walk, coverage). What is found must be what a look
/// through them would find.
struct ManyOptionsTests {
    static func choice(_ count: Int, duplicate: (of: Int, at: Int)? = nil) -> String {
        var text = "stage s \"S\"\n  ask pick \"Pick one\" choice\n"
        for index in 0..<count {
            let option = index == duplicate?.at ? duplicate?.of ?? index : index
            text += index % 3 == 0 ? "    \"Option \(option)\" -> end lost \"lost \(option)\"\n" : "    \"Option \(option)\"\n"
        }
        return text + "  end won \"won\"\n"
    }

    @Test func aRepeatedOptionIsReportedWithTheFirstOfItsText() throws {
        let result = check(Self.choice(3_000, duplicate: (of: 700, at: 2_500)))
        #expect(result.diagnostics.map(\.code) == [.duplicateBranch])
        let diagnostic = try #require(result.diagnostics.first)
        let source = result.sources[0]
        #expect(source.lineIndex(of: Int(diagnostic.primary.span.start)) == 2 + 2_500)
        #expect(diagnostic.secondary.map { source.lineIndex(of: Int($0.span.start)) } == [2 + 700])
    }

    @Test func eachOptionTakesItsOwnBranchAndSide() throws {
        let program = try WalkTests.program(Self.choice(3_000))
        guard case .ask(let question) = program.stages[0].body[0] else {
            Issue.record("no question")
            return
        }
        for index in [0, 1, 8, 9, 1_500, 2_998, 2_999] {
            let text = "Option \(index)"
            #expect(question.branchIndex(of: .option(text)) == question.branches.firstIndex { $0.optionKey == text })
            #expect(BranchSide.answered(question, .text(text)) == .answer(question: question.name.symbol, side: index))
            var walk = Walk(program: program, seed: 0)
            _ = walk.next()
            _ = walk.next()
            let taken = walk.answer(.text(text))
            #expect(taken)
            let event = walk.next()
            guard case .ended(let outcome) = event else {
                Issue.record("\(text): \(event)")
                continue
            }
            #expect(outcome.reason == (index % 3 == 0 ? "lost \(index)" : "won"))
        }
        var walk = Walk(program: program, seed: 0)
        _ = walk.next()
        _ = walk.next()
        let unknown = walk.answer(.text("Option 3000"))
        #expect(!unknown)
        #expect(question.branchIndex(of: .yes) == nil)
    }

    /// Below the size where a question keeps an index, the same answers by a look through them.
    @Test func aFewOptionsAreFoundTheSameWay() throws {
        let program = try WalkTests.program(Self.choice(5))
        guard case .ask(let question) = program.stages[0].body[0] else { return }
        #expect(question.branchIndex(of: .option("Option 1")) == 1)
        #expect(question.option("Option 4")?.label == .option("Option 4"))
        #expect(question.option("Option 5") == nil)
        #expect(BranchSide.answered(question, .text("Option 3")) == .answer(question: question.name.symbol, side: 3))
    }
}
