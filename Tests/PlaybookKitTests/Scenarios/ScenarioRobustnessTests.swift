import Testing

@testable import PlaybookKit

/// Whatever the text, parsing ends, and every problem points inside the file.
struct ScenarioRobustnessTests {
    /// Parses `text` and checks that every problem points at a line of it and a column on that line.
    private func checkedParse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioFile {
        let file = parseScenarios(text)
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        // By scalars: "\r\n" is one Character, so splitting characters would miss CRLF line ends.
        let lines = scalars.split(separator: "\n", omittingEmptySubsequences: false)
        for problem in file.diagnostics {
            guard problem.line >= 1, problem.line <= lines.count else {
                Issue.record("line \(problem.line) of \(lines.count): \(problem.message)", sourceLocation: sourceLocation)
                continue
            }
            let length = lines[problem.line - 1].count
            #expect(problem.column >= 1 && problem.column <= length + 1, "\(problem)", sourceLocation: sourceLocation)
            #expect(!problem.message.isEmpty && problem.message.count < 400, "\(problem)", sourceLocation: sourceLocation)
        }
        #expect(file.diagnostics.map(\.line) == file.diagnostics.map(\.line).sorted(), sourceLocation: sourceLocation)
        return file
    }

    @Test func randomBytesDoNotCrash() {
        var generator = SeededRandom(seed: 42)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<2_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = checkedParse(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func randomMixesOfTheFormatsOwnPiecesDoNotCrash() {
        let pieces = [
            "scenario", "expect", "stage", "not", " ", "  ", "\t", "\n", "\r\n", "\r", "\"", "\\", "\\\"", "=", ",", "#",
            "pain", "yes", "40", "-", ":", "\u{FEFF}", "\u{0}", "\u{A0}", "ขั้น", "阶段", "đ", "\u{0301}", "{", "}", "60,000",
        ]
        var generator = SeededRandom(seed: 7)
        var totalProblems = 0
        for _ in 0..<2_000 {
            let count = Int.random(in: 0..<60, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let file = checkedParse(text)
            totalProblems += file.diagnostics.count
            #expect(parseScenarios(text) == file)
        }
        #expect(totalProblems > 0)
    }

    @Test func binaryFileWithNULBytes() {
        let file = checkedParse("scenario \"A\"\n  a = 1\u{0}\u{0}\u{0}\n\u{0}\u{1}\u{2}\n")
        #expect(file.diagnostics.map(\.line) == [2, 3])
    }

    @Test func aHundredThousandLines() {
        var text = "scenario \"Big\"\n"
        for index in 0..<100_000 { text += "  q\(index) = \(index), \"text \(index)\"\n" }
        text += "  expect won\n"
        let file = checkedParse(text)
        #expect(file.diagnostics == [])
        #expect(file.scenarios.first?.answers.count == 100_000)
        #expect(file.scenarios.first?.answers.last == ScenarioAnswer(question: "q99999", values: [.word("99999"), .quoted("text 99999")], line: 100_001))

        let manyScenarios = (0..<20_000).map { "scenario \"S\($0)\"\n  a = \($0)\n" }.joined()
        #expect(checkedParse(manyScenarios).scenarios.count == 20_000)

        let manyMistakes = String(repeating: "scenario \"S\"\n  pain\n", count: 20_000)
        // Every scenario after the first repeats the name, and every `pain` lacks its answer.
        #expect(checkedParse(manyMistakes).diagnostics.count == 39_999)
    }

    @Test func veryLongLines() {
        let long = String(repeating: "x", count: 1_000_000)
        let file = checkedParse("scenario \"A\"\n  note = \"\(long)\", \(long)\n")
        #expect(file.diagnostics == [])
        #expect(file.scenarios.first?.answers.first?.values == [.quoted(long), .word(long)])

        // Messages quote the offending text, cut short.
        let unterminated = checkedParse("scenario \"A\"\n  note = \"\(long)\n  \(long)-y = 1\n  a = \(long) b\n")
        #expect(unterminated.diagnostics.map(\.line) == [2, 3, 4])
        #expect(unterminated.diagnostics.map(\.column) == [10, 1_000_003, 1_000_008])
        #expect(unterminated.diagnostics.allSatisfy { $0.message.count < 300 })

        let longName = checkedParse("scenario \"\(long)\"\n  a = 1\nscenario \"\(long)\"\n  a = 1\n")
        #expect(longName.diagnostics.map(\.line) == [3])
        #expect(longName.diagnostics.allSatisfy { $0.message.count < 300 })
    }

    @Test func invisibleCharactersAreSpelledOutInMessages() {
        let file = checkedParse("scenario \"A\"\n  pa\u{200B}in = yes\n")
        #expect(
            file.diagnostics == [
                ScenarioProblem(
                    line: 2, column: 5,
                    message: "'pa<U+200B>in' is not a name: U+200B is not allowed in names, which hold letters, digits and '_'")
            ])
    }
}
