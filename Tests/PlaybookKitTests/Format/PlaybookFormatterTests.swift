import Testing

@testable import PlaybookKit

/// `formatPlaybook` never changes what a file means, gives the same text when run again, refuses
/// files with syntax errors, and lays lines out as docs/format.md says.
struct PlaybookFormatterTests {
    static func format(_ text: String) -> String? { formatPlaybook(SourceFile(path: "main.playbook", bytes: Array(text.utf8))).text }

    /// The diagnostics of a full check (the files it uses included), by code and message.
    static func checked(_ bytes: [UInt8], files: [String: String]) -> [String] {
        var all = files.mapValues { Array($0.utf8) }
        all["main.playbook"] = bytes
        let result = checkPlaybook(SourceFile(path: "main.playbook", bytes: bytes), loader: MemoryLoader(bytes: all))
        return result.diagnostics.map { "\($0.code.rawValue) \($0.message)" }
    }

    @Test func theCorpusIsLargeAndMostOfItIsFormatted() {
        let inputs = FormatCorpus.playbooks
        #expect(inputs.count > 450)
        #expect(inputs.contains { $0.name.hasPrefix("playbooks/") })
        #expect(inputs.contains { $0.name.hasPrefix("docs/language.md") })
        let formatted = inputs.count { formatPlaybook(SourceFile(path: $0.name, bytes: $0.bytes)).text != nil }
        let refused = inputs.count - formatted
        // Both halves are exercised: clean files and files with syntax errors.
        #expect(formatted > 250 && refused > 100, "\(formatted) formatted, \(refused) refused")
    }

    @Test(arguments: FormatCorpus.playbooks)
    func meaningIsKeptAndFormattingTwiceChangesNothing(_ input: FormatInput) throws {
        let source = SourceFile(path: "main.playbook", bytes: input.bytes)
        switch formatPlaybook(source) {
        case .refused(let diagnostics):
            #expect(!diagnostics.isEmpty)
            #expect(diagnostics.allSatisfy { $0.code.rawValue.hasPrefix("PB01") && $0.severity == .error })
        case .formatted(let text):
            let after = Array(text.utf8)
            let before = SyntaxDump.playbook(source.bytes)
            let dumped = SyntaxDump.playbook(after)
            #expect(dumped == before, "\(input.name): the syntax tree changed:\n\(Golden.diff(before, dumped, context: 2))")
            #expect(Self.checked(after, files: input.files) == Self.checked(input.bytes, files: input.files), "\(input.name)")
            let again = formatPlaybook(SourceFile(path: "main.playbook", bytes: after)).text
            #expect(again == text, "\(input.name): not idempotent:\n\(Golden.diff(text, again ?? "<refused>", context: 2))")
            #expect(text.isEmpty || (text.hasSuffix("\n") && !text.hasSuffix("\n\n") && !text.hasPrefix("\n")))
            #expect(!text.utf8.contains(UInt8(ascii: "\r")) && !text.contains("\u{FEFF}"))
        }
    }

    @Test func syntaxErrorsAreRefusedWithTheirDiagnostics() throws {
        let outcome = formatPlaybook(SourceFile(path: "main.playbook", bytes: Array("stage a \"A\"\n  say \"open\n".utf8)))
        guard case .refused(let diagnostics) = outcome else {
            Issue.record("a file with an unterminated string was formatted")
            return
        }
        #expect(diagnostics.map(\.code) == [.unterminatedString])
        #expect(Self.format("stage a\n    say \"x\"\n  say \"y\"\n") == nil)  // PB0103
        #expect(Self.format("stage a\n\tsay \"x\"\n") == nil)  // PB0102
        #expect(formatPlaybook(SourceFile(path: "x", bytes: [0x73, 0xFF, 0x0A])).text == nil)  // PB0100
        #expect(formatPlaybook(SourceFile(path: "x", bytes: [0x73, 0x00])).text == nil)  // PB0101
    }

    @Test func nameAndFlowErrorsDoNotStopIt() {
        // An unknown target (PB0202) and an unknown outcome are not syntax: the file is formatted.
        #expect(Self.format("stage a   \"A\"\n  ->   nowhere\n") == "stage a \"A\"\n  -> nowhere\n")
    }

    @Test func tokensAreSpacedCanonically() {
        let input = """
            playbook  "P"
              outcomes won(win) ,lost ( loss )
              language zh-Hans
            stage s
              ask n "N?"   number -5 .. 5
              ask r "R?" scale 1 ..5
              ask ok "Ok?" yes / no
                yes->end won "w"
                no ->  end lost
              set x = ( n+ -3 )*-2
              set y = - x -1
              if not -x>0 and( y<=2 or-y>=1 )->next
              exit when -y  >  0 "m"
              end won

            """
        let expected = """
            playbook "P"
              outcomes won (win), lost (loss)
              language zh-Hans

            stage s
              ask n "N?" number -5..5
              ask r "R?" scale 1..5
              ask ok "Ok?" yes/no
                yes -> end won "w"
                no -> end lost
              set x = (n + -3) * -2
              set y = -x - 1
              if not -x > 0 and (y <= 2 or -y >= 1) -> next
              exit when -y > 0 "m"
              end won

            """
        #expect(Self.format(input) == expected)
    }

    @Test func scoreLinesKeepTheirSign() {
        let input = "stage s\n  ask c \"C?\" choice\n    \"A\"\n      score + 2\n      best\n    \"B\"\n      score  -1\n  end won\n"
        #expect(Self.format(input) == "stage s\n  ask c \"C?\" choice\n    \"A\"\n      score +2\n      best\n    \"B\"\n      score -1\n  end won\n")
    }

    @Test func signsThatWouldJoinTheNextTokenKeepASpace() {
        // `- >` is not `->`: the minus is kept apart, whatever the line means.
        #expect(Self.format("stage s\n  set x = 1 - -2\n  end won\n") == "stage s\n  set x = 1 - -2\n  end won\n")
        #expect(Self.format("stage s\n  set x = 1 --2\n  end won\n") == "stage s\n  set x = 1 - -2\n  end won\n")
    }

    @Test func commentsKeepTheirLinesAndTextAndTakeTheIndentationOfTheNextStatement() {
        let input = """
            # About the file

               # about the stage
            stage s   # trailing
            # before the question
              ask q "Q?" yes/no
                    # under the question
                yes -> end won
                no -> end lost
                # the end of the branches
              # the end of the stage
            # before the flow
            flow f
              return
            #at the end

            """
        let expected = """
            # About the file

            # about the stage
            stage s  # trailing
              # before the question
              ask q "Q?" yes/no
                # under the question
                yes -> end won
                no -> end lost
                # the end of the branches
              # the end of the stage

            # before the flow
            flow f
              return

            #at the end

            """
        #expect(Self.format(input) == expected)
    }

    @Test func blankLinesAreOneBetweenTopLevelBlocksAndTheAuthorsGroupsInside() {
        let input = """


            use "a.playbook"
            use "b.playbook"

            term "X" "y"
            persona p "P"
              role "r"
            stage s
              say "1"



              say "2"
            stage t
              end won



            """
        let expected = """
            use "a.playbook"
            use "b.playbook"

            term "X" "y"

            persona p "P"
              role "r"

            stage s
              say "1"

              say "2"

            stage t
              end won

            """
        #expect(Self.format(input) == expected)
    }

    @Test func lineBreaksByteOrderMarkTabsAndStrayReturnsBecomeCanonical() {
        let input = "\u{FEFF}stage s\r\n  say\t\"a\tb\"\r\n  end\r won \r\n"
        #expect(Self.format(input) == "stage s\n  say \"a\\tb\"\n  end won\n")
    }

    @Test func stringsKeepTheirEscapesAndBraces() {
        let line = #"  say "{x} \{x\} \"q\" \\ \n}""#
        #expect(Self.format("stage s\n  set x = 1\n\(line)\n  end won\n") == "stage s\n  set x = 1\n\(line)\n  end won\n")
    }

    @Test func languageCodesAreKeptAsWritten() {
        // The parser reads a code from its first byte to its last, so its inside is not touched.
        #expect(Self.format("playbook \"P\"\n  language   zh-Hant-TW  # code\n") == "playbook \"P\"\n  language zh-Hant-TW  # code\n")
    }

    /// A file of more lines than `parallelParseThreshold` is laid out while it is parsed.
    @Test func aBigFileIsFormattedOrRefusedLikeASmallOne() {
        let stages = parallelParseThreshold / 4 + 10
        let messy = (0..<stages).map { "stage s\($0)\n    say   \"\($0)\"\n\n\n    -> next\n" }.joined() + "stage last\n  end won\n"
        let tidy = (0..<stages).map { "stage s\($0)\n  say \"\($0)\"\n\n  -> next\n\n" }.joined() + "stage last\n  end won\n"
        #expect(Self.format(messy) == tidy)
        let broken = formatPlaybook(SourceFile(path: "big.playbook", bytes: Array((messy + "  say \"open\n").utf8)))
        #expect(broken.text == nil)
    }

    @Test func emptyFilesStayEmpty() {
        #expect(Self.format("") == "")
        #expect(Self.format("\n\n  \n") == "")
    }
}
