import Testing

@testable import PlaybookKit

/// The runner given a width wraps what it shows to it, and shows nothing else differently.
struct RunnerWrapTests {
    /// The same walk of a shipped playbook twice, without a width and at `width`: the first
    /// option of every choice, yes, the lowest number, some text; `?` and `where` at the first
    /// question. In practice, against the first persona.
    static func walk(_ name: String, practice: Bool, width: Int) throws -> (plain: String, wrapped: String) {
        // The Vietnamese sales process uses the Vietnamese objection library.
        let program = try WalkTests.program(shipped(name), files: ["objections-vi.playbook": shipped("objections-vi.playbook")])
        let options = practice ? PracticeOptions(persona: program.personas.first, holdFeedback: false) : nil
        var plain = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false), practice: options)
        var wrapped = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false), practice: options, width: width)
        var texts = (plain.proceed(now: 0).text, wrapped.proceed(now: 0).text)
        var commands = ["?", "where"]
        for _ in 0..<80 {
            guard let question = plain.question else { break }
            if !commands.isEmpty {
                let command = commands.removeFirst()
                texts.0 += plain.receive(command, now: 1).text
                texts.1 += wrapped.receive(command, now: 1).text
                continue
            }
            let answer: Value
            switch question.type {
            case .choice: answer = .text(question.branches.compactMap(\.optionKey)[0])
            case .yesNo: answer = .bool(true)
            case .number(let range): answer = .number(range?.low ?? 1)
            case .scale(let range): answer = .number(range.low)
            case .text: answer = .text("Nguyễn Văn An")
            }
            texts.0 += plain.give(answer, now: 1).text
            texts.1 += wrapped.give(answer, now: 1).text
        }
        return texts
    }

    /// The indentation a wrapped line of the runner's goes on with: under an option's text, under
    /// a move's reason; nil where the test does not pin it.
    static func hanging(_ line: Substring) -> Int? {
        if let match = line.firstMatch(of: /^  \d+\.[ ]/) { return match.output.count }
        if let match = line.firstMatch(of: /^  [+-]?\d+ ·[ ]/) { return Wrap.cells(String(match.output)) }
        return nil
    }

    @Test(arguments: [("sales-process-vi.playbook", false), ("stall-th.playbook", true), ("sales-cycle-th.playbook", false)])
    func atWidth40EveryLineFitsAndReadsAsWithout(_ name: String, _ practice: Bool) throws {
        let (plain, wrapped) = try Self.walk(name, practice: practice, width: 40)
        let plainLines = plain.split(separator: "\n", omittingEmptySubsequences: false)
        let wrappedLines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(wrappedLines.count > plainLines.count + 20, "hardly anything was wrapped")
        for line in wrappedLines { #expect(Wrap.cells(String(line)) <= 40, "'\(line)' is \(Wrap.cells(String(line))) cells") }
        // Each line as written is its wrapped lines, joined again: the first a prefix of it, each
        // continuation indented, the spaces at each break dropped.
        var cursor = 0
        for line in plainLines {
            let visible = line.filter { $0 != " " }
            guard cursor < wrappedLines.count, line.hasPrefix(wrappedLines[cursor]) else {
                Issue.record("'\(line)' is not wrapped from its start: '\(cursor < wrappedLines.count ? wrappedLines[cursor] : "")'")
                return
            }
            var joined = wrappedLines[cursor].filter { $0 != " " }
            cursor += 1
            while joined.count < visible.count, cursor < wrappedLines.count {
                let next = wrappedLines[cursor]
                if let indent = Self.hanging(line) {
                    #expect(next.prefix { $0 == " " }.count == indent, "'\(next)' after '\(line.prefix(20))…' should be indented \(indent)")
                }
                joined += next.filter { $0 != " " }
                cursor += 1
            }
            #expect(joined == visible, "'\(line)' came out as '\(joined)'")
            // A line that fits is shown as it was.
            if Wrap.cells(String(line)) <= 40 { #expect(wrappedLines[cursor - 1] == line, "'\(line)' fits but was changed") }
        }
        #expect(cursor == wrappedLines.count)
    }

    @Test func vietnameseWordsAreWholeOnEveryLine() throws {
        let (plain, wrapped) = try Self.walk("sales-process-vi.playbook", practice: false, width: 40)
        let words = Set(plain.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        for word in wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            #expect(words.contains(word), "'\(word)' is part of a word")
        }
        #expect(wrapped.contains("khả năng"))
    }

    @Test func withoutAWidthNothingChanges() throws {
        let program = try WalkTests.program(shipped("stall-th.playbook"))
        var runner = TerminalRunner(walk: Walk(program: program, seed: 0), paint: Paint(enabled: false))
        let text = runner.proceed(now: 0).text
        #expect(text.contains("เป้าหมาย: ทวนสิ่งที่ลูกค้าเห็นด้วยมาแล้ว แล้วขอการตัดสินใจให้ชัด ดีลช่วงท้ายที่ไม่มีใครเอ่ยเรื่องตัดสินใจ คือดีลที่ค้างอยู่เงียบๆ\n"))
        runner.width = 40
        #expect(runner.receive("where", now: 1).text.split(separator: "\n").allSatisfy { Wrap.cells(String($0)) <= 40 })
    }
}
