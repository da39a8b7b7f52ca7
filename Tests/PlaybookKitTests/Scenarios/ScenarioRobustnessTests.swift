import Testing

@testable import PlaybookKit

/// Whatever the text, parsing ends, and every problem points inside the file.
struct ScenarioRobustnessTests {
    /// Parses `text` and checks that every problem points at bytes of one line of it, renders in the
    /// three forms, and comes in the order of the file.
    private func checkedParse(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioFile {
        checkedParse(bytes: Array(text.utf8), sourceLocation: sourceLocation)
    }

    private func checkedParse(bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioFile {
        let source = SourceFile(path: "main.scenarios", bytes: bytes)
        let file = parseScenarios(source)
        let renderer = DiagnosticRenderer(sources: [source], color: false)
        for diagnostic in file.diagnostics.prefix(1_000) {
            for label in [diagnostic.primary] + diagnostic.secondary {
                let (start, end) = (Int(label.span.start), Int(label.span.end))
                guard label.span.file == 0, start >= 0, start <= end, end <= source.bytes.count else {
                    Issue.record("\(label.span) is not in the file of \(source.bytes.count) bytes", sourceLocation: sourceLocation)
                    continue
                }
                let line = source.lineIndex(of: start)
                #expect(source.lineRange(line).upperBound >= end, "\(diagnostic.message)", sourceLocation: sourceLocation)
            }
            #expect(!diagnostic.message.isEmpty && diagnostic.message.count < 400, "\(diagnostic)", sourceLocation: sourceLocation)
            #expect(renderer.human(diagnostic).contains("[\(diagnostic.code.rawValue)]"), sourceLocation: sourceLocation)
            #expect(renderer.short(diagnostic).hasPrefix("main.scenarios:"), sourceLocation: sourceLocation)
            _ = renderer.json(diagnostic).text
        }
        let starts = file.diagnostics.map(\.primary.span.start)
        #expect(starts == starts.sorted(), sourceLocation: sourceLocation)
        return file
    }

    /// Where each problem of `file`, read from `text`, starts.
    private func locations(_ file: ScenarioFile, _ text: String) -> [Location] {
        let source = SourceFile(path: "main.scenarios", bytes: Array(text.utf8))
        return file.diagnostics.map { source.location(of: Int($0.primary.span.start)) }
    }

    @Test func randomBytesDoNotCrash() {
        var generator = SeededRandom(seed: 42)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0..<2_000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = checkedParse(String(decoding: bytes, as: UTF8.self))
            let raw = checkedParse(bytes: bytes)
            #expect(raw.diagnostics.contains { $0.code == .invalidUTF8 } == (String(validating: bytes, as: UTF8.self) == nil))
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
            #expect(readScenarios(text) == file)
        }
        #expect(totalProblems > 0)
    }

    @Test func binaryFileWithNULBytes() {
        let text = "scenario \"A\"\n  a = 1\u{0}\u{0}\u{0}\n\u{0}\u{1}\u{2}\n"
        #expect(locations(checkedParse(text), text).map(\.line) == [2, 3])
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
        let wrong = "scenario \"A\"\n  note = \"\(long)\n  \(long)-y = 1\n  a = \(long) b\n"
        let unterminated = checkedParse(wrong)
        #expect(locations(unterminated, wrong).map(\.line) == [2, 3, 4])
        #expect(locations(unterminated, wrong).map(\.column) == [10, 1_000_003, 1_000_008])
        #expect(unterminated.diagnostics.allSatisfy { $0.message.count < 300 })

        let twice = "scenario \"\(long)\"\n  a = 1\nscenario \"\(long)\"\n  a = 1\n"
        let longName = checkedParse(twice)
        #expect(locations(longName, twice).map(\.line) == [3])
        #expect(longName.diagnostics.allSatisfy { $0.message.count < 300 })
        // Cut short inside its quotes, the name still reads as a string.
        #expect(longName.diagnostics.first?.message == "two scenarios are named \"\(long.prefix(40))…\"")
    }

    @Test func invisibleCharactersAreSpelledOutInMessages() {
        let file = checkedParse("scenario \"A\"\n  pa\u{200B}in = yes\n")
        #expect(
            file.diagnostics.map(\.message) == [
                "'pa<U+200B>in' is not a name: U+200B is not allowed in names, which hold letters, digits and '_'"
            ])
        #expect(file.diagnostics.first?.primary.span == Span(file: 0, start: 17, end: 20))
    }
}
