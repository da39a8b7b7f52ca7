import Testing

@testable import PlaybookKit

struct ParserTests {
    private func parsed(_ text: String) -> (PlaybookFile, [Diagnostic], Interner) {
        var interner = Interner()
        let (file, diagnostics) = parse(SourceFile(path: "t.playbook", bytes: Array(text.utf8)), file: 0, interner: &interner)
        return (file, diagnostics, interner)
    }

    @Test func referenceSampleParsesEveryConstruct() throws {
        let (file, diagnostics, interner) = parsed(shipped("discovery.playbook"))
        #expect(diagnostics.isEmpty)
        let header = try #require(file.header)
        #expect(header.title.value == "Discovery Call (SPIN)")
        #expect(header.methodology?.value == "SPIN Selling")
        #expect(header.language?.code == "en")
        #expect(header.version?.value == "1.0")
        #expect(header.outcomes?.map { interner.name($0.symbol) } == ["won", "lost", "nurture", "disqualified"])
        #expect(file.uses.map(\.path.value) == ["objections.playbook"])
        #expect(file.terms.map(\.word.value) == ["Lead", "Economic buyer"])
        #expect(file.stages.map { interner.name($0.name.symbol) } == ["situation", "problem", "implication", "need_payoff", "followup"])

        let situation = file.stages[0]
        #expect(situation.goal?.value == "Understand how the buyer works today.")
        #expect(situation.tips.count == 1)
        guard case .ask(let role) = situation.body[0] else {
            Issue.record("first step is not a question")
            return
        }
        #expect(role.type == .choice)
        #expect(role.branches.map(\.optionKey) == ["Economic buyer", "Champion", "End user", "Not the right person"])
        guard case .end(let ending)? = role.branches[3].target else {
            Issue.record("the last option does not end")
            return
        }
        #expect(interner.name(ending.outcome.symbol) == "disqualified")
        #expect(ending.reason?.value == "No access to the buying group")
        guard case .ask(let size) = situation.body[2] else { return }
        #expect(size.type == .number(NumberRange(low: 1, high: 100_000)))
        #expect(size.tip != nil)

        let problem = file.stages[1]
        #expect(problem.exits.count == 1)
        #expect(problem.exits[0].message?.value == "The buyer has not described a problem yet.")

        guard case .ask(let urgency) = file.stages[2].body[1] else { return }
        #expect(urgency.type == .scale(NumberRange(low: 1, high: 5)))

        let needPayoff = file.stages[3]
        guard case .say(let line, _) = needPayoff.body[0], case .buyer(let lines, _) = needPayoff.body[1],
            case .ask(let payoff) = needPayoff.body[2]
        else {
            Issue.record("need_payoff does not start with say, buyer, ask")
            return
        }
        #expect(line.interpolations.map { interner.name($0.symbol) } == ["team_size", "deal_size"])
        #expect(lines.count == 2)
        #expect(payoff.branches.map(\.score) == [-1, 3, -2])
        #expect(payoff.branches.map(\.isBest) == [false, true, false])
        #expect(payoff.branches[1].feedback?.value == "When the buyer states the value, the value is theirs.")
    }

    @Test func precedenceFollowsTheReference() {
        let (file, diagnostics, _) = parsed(
            """
            stage s
              if not a or b and c == 1 + 2 * 3 -> next
            """)
        #expect(diagnostics.isEmpty)
        guard case .jumpIf(let condition, _, _)? = file.stages.first?.body.first else {
            Issue.record("no if")
            return
        }
        // or(not(a), and(b, ==(c, +(1, *(2, 3)))))
        guard case .binary(.or, .unary(.not, .name, _), .binary(.and, .name, let comparison, _), _) = condition,
            case .binary(.equal, .name, .binary(.add, .number(1, _), .binary(.multiply, .number(2, _), .number(3, _), _), _), _) =
                comparison
        else {
            Issue.record("wrong tree")
            return
        }
    }

    @Test func unicodeNamesInEveryScript() {
        let (file, diagnostics, interner) = parsed(
            """
            stage 发现 "发现"
              ask 预算 "客户有预算吗？" yes/no
              ask งบประมาณ "ลูกค้ามีงบประมาณไหม" yes/no
              ask תקציב "האם יש תקציב?" yes/no
              ask ngân_sách "Khách hàng có ngân sách không?" yes/no
            """)
        #expect(diagnostics.isEmpty)
        let names = file.stages[0].body.compactMap { step -> String? in
            if case .ask(let question) = step { interner.name(question.name.symbol) } else { nil }
        }
        #expect(names == ["预算", "งบประมาณ", "תקציב", "ngân_sách"])
    }

    @Test func namesThatDifferOnlyInNormalizationAreOneName() {
        // "ngân" precomposed (U+00E2) and decomposed (a + U+0302).
        var interner = Interner()
        let precomposed = interner.intern("ng\u{E2}n")
        let decomposed = interner.intern("nga\u{302}n")
        #expect(precomposed == decomposed)
        #expect(interner.intern("ngan") != precomposed)
    }

    @Test func crlfAndByteOrderMarkParseLikePlainLF() {
        let text = shipped("discovery.playbook")
        let crlf = "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
        let (plain, plainDiagnostics, _) = parsed(text)
        let (windows, windowsDiagnostics, _) = parsed(crlf)
        #expect(plainDiagnostics.isEmpty && windowsDiagnostics.isEmpty)
        #expect(plain.stages.count == windows.stages.count)
        #expect(windows.stages.map(\.title.value) == plain.stages.map(\.title.value))
    }

    @Test func recoversAndReportsEveryBadLine() {
        let (_, diagnostics, _) = parsed(
            """
            stge one "One"
            stage two "Two"
              aks q "Q?" yes/no
              ask r "R?"
              say "unterminated
              ask s "S?" scale 5..1
              set x == 3
            """)
        #expect(diagnostics.map(\.code) == [.unknownKeyword, .unknownKeyword, .missingAnswerType, .unterminatedString, .badRange, .unexpectedToken])
    }

    @Test func aTabOnABlankOrCommentLineIsHarmless() {
        let (_, diagnostics, _) = parsed("stage a\n\t\n\t# note\n  say \"hi\"\n")
        #expect(diagnostics.isEmpty)
    }

    @Test func indentationThatMatchesNoBlockIsReportedOnce() {
        let (_, diagnostics, _) = parsed(
            """
            stage a
              ask q "Q?" yes/no
                yes -> next
               no -> next
            """)
        #expect(diagnostics.map(\.code) == [.badIndentation])
    }
}
