import Foundation
import Testing

@testable import PlaybookKit

/// Whatever bytes arrive, the checker returns, and says what is wrong with them.
struct BadInputTests {
    static let header = "playbook \"Probe\"\n  outcomes won, lost\n\n"

    /// Checks `bytes` as `main.playbook`, with `files` beside it, and renders the diagnostics in
    /// every format so the renderer meets the same input (the first 100: each human rendering
    /// repeats its source line, and some inputs below have long lines).
    static func check(_ bytes: [UInt8], files: [String: [UInt8]] = [:]) -> CheckResult {
        let result = checkPlaybook(SourceFile(path: "main.playbook", bytes: bytes), loader: MemoryLoader(bytes: files))
        let renderer = DiagnosticRenderer(sources: result.sources, color: false)
        for diagnostic in result.diagnostics.prefix(100) {
            #expect(!renderer.human(diagnostic).isEmpty)
            #expect(!renderer.short(diagnostic).isEmpty)
            _ = renderer.json(diagnostic)
        }
        return result
    }

    static func check(_ text: String, files: [String: String] = [:]) -> CheckResult {
        check(Array(text.utf8), files: files.mapValues { Array($0.utf8) })
    }

    static func codes(_ result: CheckResult) -> [String] { result.diagnostics.map(\.code.rawValue) }

    /// The shipped reference sample and the file it uses.
    static func sample() throws -> (main: [UInt8], objections: [UInt8]) {
        let folder = Golden.root.appendingPathComponent("playbooks")
        return (
            Array(try Data(contentsOf: folder.appendingPathComponent("discovery.playbook"))),
            Array(try Data(contentsOf: folder.appendingPathComponent("objections.playbook")))
        )
    }

    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == UInt8(ascii: "\n") ? [UInt8(ascii: "\r"), $0] : [$0] }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    // MARK: Empty and nearly empty

    @Test func emptyFileHasNoStages() {
        let result = Self.check([])
        #expect(Self.codes(result) == ["PB0408"])
        #expect(result.diagnostics.first?.message == "this file has no stages or flows")
    }

    @Test func commentsAndBlankLinesOnlyHaveNoStages() {
        #expect(Self.codes(Self.check("# Notes for the team.\n\n   \n  # indented comment\n\t\n")) == ["PB0408"])
    }

    @Test func byteOrderMarkAloneIsAnEmptyFile() {
        let result = Self.check(Self.byteOrderMark)
        #expect(Self.codes(result) == ["PB0408"])
        #expect(result.sources.first?.bytes.isEmpty == true)
    }

    // MARK: Line endings and byte order mark

    @Test func referenceSampleChecksCleanWithCRLF() throws {
        let (main, objections) = try Self.sample()
        #expect(Self.check(main, files: ["objections.playbook": objections]).diagnostics.isEmpty)
        let crlf = Self.check(Self.crlf(main), files: ["objections.playbook": Self.crlf(objections)])
        #expect(crlf.diagnostics.isEmpty, "\(Self.codes(crlf))")
    }

    @Test func referenceSampleChecksCleanAfterAByteOrderMark() throws {
        let (main, objections) = try Self.sample()
        let result = Self.check(Self.byteOrderMark + main, files: ["objections.playbook": Self.byteOrderMark + objections])
        #expect(result.diagnostics.isEmpty, "\(Self.codes(result))")
    }

    @Test func crlfReportsTheSameAsLF() {
        let text = Self.header + "stage qualify \"Qualify\"\n  ask budget \"Budget?\" yes/no\n    yes -> folowup\n    no -> end lost\n\n"
            + "stage followup \"Follow-up\"\n  end won\n"
        let lf = Self.check(text)
        let crlf = Self.check(Self.crlf(Array(text.utf8)))
        #expect(Self.codes(lf) == ["PB0202"])
        let render = { (result: CheckResult) in
            let renderer = DiagnosticRenderer(sources: result.sources, color: false)
            return result.diagnostics.map { renderer.human($0) + renderer.short($0) }.joined()
        }
        #expect(render(crlf) == render(lf))
        #expect(!render(crlf).contains("\r"))
    }

    // MARK: Not text

    @Test func binaryFileReportsItsFirstNUL() {
        // An ELF header: ASCII up to the NUL at byte 7, then anything.
        var generator = SeededRandom(seed: 7)
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + (0..<4096).map { _ in generator.nextByte() }
        let result = Self.check(bytes)
        #expect(Self.codes(result) == ["PB0101"])
        #expect(result.diagnostics.first?.primary.message == "a NUL byte at byte 7")
        // After a byte order mark the offset is still counted in the file as on disk.
        let marked = Self.check(Self.byteOrderMark + Array("say\n".utf8) + [0] + [0xFF, 0x00])
        #expect(Self.codes(marked) == ["PB0101"])
        #expect(marked.diagnostics.first?.primary.message == "a NUL byte at byte 7")
    }

    @Test(arguments: [1, 2, 3, 42, 1_000])
    func randomBytesGiveOneEncodingError(seed: UInt64) {
        var generator = SeededRandom(seed: seed)
        var bytes = (0..<65_536).map { _ in generator.nextByte() }
        bytes[100] = 0
        let codes = Self.codes(Self.check(bytes))
        #expect(codes == ["PB0100"] || codes == ["PB0101"], "\(codes)")
    }

    @Test func invalidUTF8IsReportedAtItsByte() throws {
        // "# xxx…\n" is 40 bytes, so 0xC3 0x28 (a lead byte without its continuation) is at byte 40.
        let prefix = Array(("# " + String(repeating: "x", count: 37) + "\n").utf8)
        try #require(prefix.count == 40)
        let rest = Array((Self.header + "stage a \"A\"\n  end won\n").utf8)
        let result = Self.check(prefix + [0xC3, 0x28] + rest)
        #expect(Self.codes(result) == ["PB0100"])
        #expect(result.diagnostics.first?.message == "the file is not valid UTF-8 (byte 40)")
        let location = result.sources[0].location(of: Int(result.diagnostics[0].primary.span.start))
        #expect(location == Location(line: 2, column: 1))

        // With a byte order mark, three bytes shorter: still byte 40 of the file on disk.
        let marked = Self.check(Self.byteOrderMark + Array(prefix.dropFirst(3)) + [0xC3, 0x28] + rest)
        #expect(Self.codes(marked) == ["PB0100"])
        #expect(marked.diagnostics.first?.message == "the file is not valid UTF-8 (byte 40)")
        let renderer = DiagnosticRenderer(sources: marked.sources, color: false)
        guard case .object(let json) = renderer.json(marked.diagnostics[0]), case .array(let labels) = json["labels"],
            case .object(let label) = labels.first
        else {
            Issue.record("unexpected JSON shape")
            return
        }
        #expect(label["byteStart"] == .int(40))
    }

    // MARK: Large and deep

    /// A valid playbook in the shape of bench/gen_playbook.py, grown to at least `bytes` bytes.
    static func generated(atLeast bytes: Int) -> [UInt8] {
        let topics = ["budget", "authority", "need", "timeline", "competition", "champion"]
        var stages: [String] = []
        var size = 0
        while size < bytes {
            let i = stages.count
            let topic = topics[i % topics.count]
            let stage = """
                stage s\(i) "Stage \(i)"
                  set stage_no = \(i)
                  if stage_no > score + 1000000 -> end lost "never"
                  ask q\(i) "Does the prospect confirm \(topic) for opportunity \(i) in stage \(i / 10)?" yes/no
                    yes
                      set score += 1
                      -> @YES
                    no -> @NO


                """
            stages.append(stage)
            size += stage.utf8.count
        }
        let count = stages.count
        var text = "playbook \"Bench\"\n  outcomes won, lost\n\n"
        text.reserveCapacity(size + 100)
        for (i, stage) in stages.enumerated() {
            let yes = i + 1 < count ? "s\(i + 1)" : "end won \"done\""
            let no = i + 2 < count ? "s\(i + 2)" : "end won \"done\""
            text += stage.replacingOccurrences(of: "@YES", with: yes).replacingOccurrences(of: "@NO", with: no)
        }
        return Array(text.utf8)
    }

    @Test func tenMegabytePlaybookChecksClean() {
        let bytes = Self.generated(atLeast: 10_000_000)
        #expect(bytes.count >= 10_000_000)
        let result = Self.check(bytes)
        #expect(result.diagnostics.isEmpty, "\(Self.codes(result).prefix(5))")
        #expect((result.table?.stages.count ?? 0) > 30_000)
    }

    @Test func tenThousandDeeperSayLinesAreReportedOnce() {
        var text = Self.header + "stage a \"A\"\n"
        for depth in 1...10_000 { text += String(repeating: " ", count: depth + 1) + "say \"line \(depth)\"\n" }
        let codes = Self.codes(Self.check(text))
        #expect(codes.contains("PB0103") || codes.contains("PB0116"), "\(codes.prefix(5))")
        #expect(codes.count < 50)
    }

    @Test func tenThousandNestedQuestionsAreReportedOnce() {
        var text = Self.header + "stage a \"A\"\n"
        for depth in 1...10_000 {
            text += String(repeating: " ", count: depth + 1) + (depth % 2 == 1 ? "ask q\(depth) \"Go on?\" yes/no" : "yes") + "\n"
        }
        let result = Self.check(text)
        #expect(Self.codes(result).filter { $0 == "PB0116" }.count == 1)
        #expect(result.diagnostics.count < 50)
    }

    @Test func tenThousandNestedParenthesesAreTooDeep() {
        let condition = String(repeating: "(", count: 10_000) + "yes" + String(repeating: ")", count: 10_000)
        let result = Self.check(Self.header + "stage a \"A\"\n  if \(condition) -> end won \"x\"\n  end lost \"y\"\n")
        // One finding: the nesting. The '->' after the condition is there and must not be reported missing.
        #expect(Self.codes(result) == ["PB0116"])
        #expect(result.diagnostics.first?.message == "the expression is nested more than 100 levels deep")
    }

    @Test(arguments: ["(", "not ", "- "])
    func hundredThousandNestedParenthesesOrUnaryOperatorsAreReported(_ opener: String) {
        let closer = opener == "(" ? String(repeating: ")", count: 100_000) : ""
        let condition = String(repeating: opener, count: 100_000) + "seats > 1" + closer
        let result = Self.check(
            Self.header + "stage a \"A\"\n  ask seats \"Seats?\" number\n  if \(condition) -> end won \"x\"\n  end lost \"y\"\n")
        #expect(Self.codes(result) == ["PB0116"])
        #expect(
            result.diagnostics.first?.message
                == (opener == "(" ? "the expression is nested more than 100 levels deep" : "the expression has more than 1000 operators"))
    }

    /// `if` blocks inside `if` blocks, by indentation.
    @Test func tenThousandNestedIfBlocksAreReportedOnce() {
        var text = Self.header + "stage a \"A\"\n  ask seats \"Seats?\" number\n"
        for depth in 1...10_000 { text += String(repeating: " ", count: depth + 1) + "if seats > \(depth)\n" }
        text += String(repeating: " ", count: 10_002) + "say \"deep\"\n  end won \"w\"\n"
        let result = Self.check(text)
        #expect(Self.codes(result) == ["PB0116"])
        #expect(result.diagnostics.first?.message == "blocks are nested more than 40 levels deep")
    }

    /// `seats == 0`, then `else if seats == 1` ... `count - 1`, then `else`.
    static func elseIfChain(_ count: Int, indent: Int = 2) -> String {
        let pad = String(repeating: " ", count: indent)
        var text = "\(pad)if seats == 0\n\(pad)  say \"none\"\n"
        for index in 1..<count { text += "\(pad)else if seats == \(index)\n\(pad)  say \"\(index)\"\n" }
        return text + "\(pad)else\n\(pad)  say \"many\"\n"
    }

    static let seatsStage = header + "stage a \"A\"\n  ask seats \"Seats?\" number\n"

    @Test func elseIfChainOfAHundredChecksClean() {
        let result = Self.check(Self.seatsStage + Self.elseIfChain(101) + "  end won \"w\"\n")
        #expect(result.diagnostics.isEmpty, "\(Self.codes(result))")
    }

    /// Each `else if` nests an `if` one deeper in the syntax tree: a chain of 10,000 made the
    /// check take minutes (each line looked down the whole chain) and `paths` overflow the stack.
    @Test func elseIfChainOfTenThousandIsReportedOnce() throws {
        let result = Self.check(Self.seatsStage + Self.elseIfChain(10_000) + "  end won \"w\"\n")
        #expect(Self.codes(result) == ["PB0116"])
        let deep = try #require(result.diagnostics.first)
        #expect(deep.message == "'else if' is nested more than 100 deep")
        #expect(result.sources[0].location(of: Int(deep.primary.span.start)).line == 6 + 2 * 101)
    }

    /// A chain in the `else` of a chain nests on from where the outer one is.
    @Test func elseIfChainsInsideChainsAddUp() {
        var inner = Self.elseIfChain(60, indent: 4)
        inner = inner.replacingOccurrences(of: "seats", with: "seats * 2")
        let text = Self.seatsStage + Self.elseIfChain(60).replacingOccurrences(of: "  else\n    say \"many\"\n", with: "  else\n" + inner)
        let result = Self.check(text + "  end won \"w\"\n")
        #expect(Self.codes(result) == ["PB0116"])
        #expect(result.diagnostics.first?.notes.first?.hasSuffix("this one would be 101 deep") == true)
        // Side by side, chains do not add up.
        let twice = Self.check(Self.seatsStage + Self.elseIfChain(100) + Self.elseIfChain(100) + "  end won \"w\"\n")
        #expect(twice.diagnostics.isEmpty, "\(Self.codes(twice))")
    }

    /// Many questions asked early and read much later: each read is safe because its question is
    /// asked on every walk before it; one read that is not must still be found.
    @Test func tenThousandQuestionsReadInALaterStage() {
        var text = "stage ask \"Ask\"\n"
        for index in 0..<10_000 { text += "  ask q\(index) \"Q\(index)?\" number 0..\n" }
        text += "  ask skip \"Skip?\" yes/no\n    yes -> use\n  ask late \"Late?\" number 0..\n"
        text += "stage use \"Use\"\n"
        for index in 0..<10_000 { text += "  if q\(index) > 5 -> end won \"w\"\n" }
        text += "  if late > 5 -> end won \"late\"\n  end lost \"l\"\n"
        let result = Self.check(text)
        #expect(result.diagnostics.map(\.code) == [.possiblyUnset])
        #expect(result.diagnostics.first?.message == "'late' may be read before it is asked")
    }

    /// A file of more than 40,000 lines is read in two halves at once: what each half finds is
    /// reported as for one file (one tab report for both halves, a second header in the second).
    @Test func largeFileReadInTwoHalvesReportsAsOne() {
        var text = "playbook \"Big\"\n  outcomes won\n"
        for index in 0..<6_000 {
            text += "stage s\(index)\n  ask q\(index) \"Q?\" yes/no\n\(index == 10 ? "\t" : "    ")no -> end won \"n\"\n"
            text += "  say \"x\"\n  say \"y\"\n  say \"z\"\n  say \"w\"\n"
            text += index == 5_000 ? "playbook \"Second\"\n" : ""
        }
        text += "stage last\n\t  end won \"w\"\n"
        let result = Self.check(text)
        #expect(result.sources[0].lineCount > 40_000)
        #expect(result.diagnostics.map(\.code) == [.tabIndentation, .badHeader])
        #expect(result.diagnostics.first?.notes == ["1 more line is indented with tabs"])
    }

    /// Values set in every branch of a question and read a stage later: no single `set` dominates
    /// the read, so these go through the dataflow; the one value set in one branch only is found.
    @Test func fiveThousandValuesSetInBranchesAndReadLater() {
        var text = "stage ask \"Ask\"\n"
        for index in 0..<5_000 {
            text += "  ask q\(index) \"Q?\" yes/no\n    yes\n      set v\(index) = 1\n"
            if index != 4_321 { text += "    no\n      set v\(index) = 2\n" }
        }
        text += "stage use \"Use\"\n"
        for index in 0..<5_000 { text += "  if v\(index) > 1 -> end won \"w\"\n" }
        text += "  end lost \"l\"\n"
        let result = Self.check(text)
        #expect(result.diagnostics.map(\.code) == [.possiblyUnset])
        #expect(result.diagnostics.first?.message == "'v4321' may be read before it is set")
        #expect(result.diagnostics.first?.notes == [
            "a walk on which it is not set: … → q4321 = no → … → 'if' on line 29318 is false → 'if' on line 29319 is false"
                + " → 'if' on line 29320 is false → 'if' on line 29321 is false"
        ])
    }

    @Test func chainOfTwentyThousandCallsChecksClean() {
        var text = Self.header + "stage a \"A\"\n  call f0\n  end won\n\n"
        for i in 0..<20_000 { text += "flow f\(i) \"F\"\n  call f\(i + 1)\n  return\n\n" }
        text += "flow f20000 \"F\"\n  return\n"
        let result = Self.check(text)
        #expect(result.diagnostics.isEmpty, "\(Self.codes(result).prefix(5))")
    }

    // MARK: use

    static let usingMain = header + "use \"shared.playbook\"\n\nstage a \"A\"\n  call greet\n  end won\n"
    static let library = "flow greet \"Greet\"\n  say \"Hello.\"\n  return\n"

    @Test func usedLibraryChecksClean() {
        #expect(Self.check(Self.usingMain, files: ["shared.playbook": Self.library]).diagnostics.isEmpty)
    }

    @Test func useOfAMissingFile() {
        let result = Self.check(Self.usingMain)
        #expect(Self.codes(result).filter { $0 == "PB0501" }.count == 1)
        #expect(result.diagnostics.first { $0.code == .useNotFound }?.message == "cannot use 'shared.playbook': no such file")
    }

    @Test func useOfAFolder() {
        let result = Self.check(Self.usingMain, files: ["shared.playbook/greet.playbook": Self.library])
        let found = result.diagnostics.filter { $0.code == .useNotFound }
        #expect(found.count == 1)
        #expect(found.first?.message == "cannot use 'shared.playbook': it is a folder, not a file")
    }

    @Test func useOutsideTheFolder() {
        let text = Self.header + "use \"../x.playbook\"\n\nstage a \"A\"\n  end won\n"
        let result = Self.check(text, files: ["../x.playbook": Self.library, "x.playbook": Self.library])
        #expect(Self.codes(result) == ["PB0503"])
    }

    @Test func useCycleIsReportedOnce() {
        let main = Self.header + "use \"a.playbook\"\n\nstage s \"S\"\n  call fa\n  end won\n"
        let a = "use \"b.playbook\"\n\nflow fa \"A\"\n  call fb\n  return\n"
        let b = "use \"a.playbook\"\n\nflow fb \"B\"\n  say \"b\"\n  return\n"
        let result = Self.check(main, files: ["a.playbook": a, "b.playbook": b])
        let cycles = result.diagnostics.filter { $0.code == .useCycle }
        #expect(cycles.count == 1)
        #expect(cycles.first?.message == "'use' makes a cycle: a.playbook → b.playbook → a.playbook")
        #expect(result.sources.map(\.path) == ["main.playbook", "a.playbook", "b.playbook"])
    }

    @Test func usedFileWithAStage() {
        let used = "stage other \"Other\"\n  end won\n\n" + Self.library
        let result = Self.check(Self.usingMain, files: ["shared.playbook": used])
        #expect(result.diagnostics.filter { $0.code == .useNotALibrary }.count == 1)
    }

    /// `main.playbook` and a chain of `count` files, each using the next, the last defining `greet`.
    static func useChain(_ count: Int) -> (main: String, files: [String: String]) {
        var files: [String: String] = [:]
        for index in 1...count {
            let next = index < count ? "use \"lib\(index + 1).playbook\"\n\n" : "flow greet \"Greet\"\n  say \"Hello.\"\n  return\n"
            files["lib\(index).playbook"] = next
        }
        return (header + "use \"lib1.playbook\"\n\nstage a \"A\"\n  call greet\n  end won\n", files)
    }

    @Test func useChainOfSixtyFourFilesIsRead() {
        let (main, files) = Self.useChain(64)
        let result = Self.check(main, files: files)
        #expect(result.diagnostics.isEmpty, "\(Self.codes(result))")
        #expect(result.sources.count == 65)
    }

    /// Each `use` is read inside the one before: a chain of thousands of files must be a finding,
    /// not a stack overflow.
    @Test(arguments: [65, 6_000])
    func useChainDeeperThanSixtyFourIsReportedOnce(count: Int) throws {
        let (main, files) = Self.useChain(count)
        let result = Self.check(main, files: files)
        #expect(Self.codes(result).filter { $0 == "PB0505" }.count == 1, "\(Self.codes(result).prefix(5))")
        let deep = try #require(result.diagnostics.first { $0.code == .useTooDeep })
        #expect(deep.message == "'use' goes more than 64 files deep")
        #expect(deep.notes == ["the chain: main.playbook → lib1.playbook → … → lib63.playbook → lib64.playbook → lib65.playbook"])
        #expect(result.sources.count == 65)
        #expect(result.sources[Int(deep.primary.span.file)].path == "lib64.playbook")
    }

    // MARK: Long and many

    @Test func lineOfAHundredThousandCharacters() throws {
        let long = String(repeating: "x", count: 100_000)
        #expect(Self.check(Self.header + "stage a \"A\"\n  say \"\(long)\"\n  end won\n").diagnostics.isEmpty)

        // The same line with a mistake at its end: found, placed and drawn.
        let result = Self.check(Self.header + "stage a \"A\"\n  say \"\(long)\" -> nowhere\n  end won\n")
        #expect(result.diagnostics.count == 1)
        let first = try #require(result.diagnostics.first)
        let location = result.sources[0].location(of: Int(first.primary.span.start))
        #expect(location.line == 5)
        #expect(location.column > 100_000)
        // Drawn around the mistake: the 60 cells before it, and "…" for the rest of the line.
        let human = DiagnosticRenderer(sources: result.sources, color: false).human(first)
        #expect(human.contains("5 | … " + String(repeating: "x", count: 58) + "\" -> nowhere\n"))
        #expect(human.contains("\n  | " + String(repeating: " ", count: 62) + "^^"))
        #expect(human.utf8.count < 1_000)
    }

    @Test func stringWithTenThousandOpenBraces() {
        let braces = String(repeating: "{", count: 10_000)
        let result = Self.check(Self.header + "stage a \"A\"\n  say \"\(braces)\"\n  end won\n")
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics.allSatisfy { $0.code == .badStringContent })
        // One string, one mistake repeated: a few findings, not one per brace (each human
        // rendering repeats the 10,000-character line).
        #expect(result.diagnostics.count < 50)
    }

    @Test func tenThousandStagesWithTheSameName() {
        var text = Self.header
        for _ in 0..<10_000 { text += "stage a \"A\"\n  end won\n" }
        let result = Self.check(text)
        #expect(result.diagnostics.filter { $0.code == .duplicateName }.count == 9_999)
        #expect(result.hasErrors)
    }
}

