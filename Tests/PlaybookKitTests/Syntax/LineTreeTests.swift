import Testing

@testable import PlaybookKit

/// Indentation into blocks: the significant lines of a file as a tree, tabs and lines that match
/// no open block reported.
struct LineTreeTests {
    /// The tree as its lines' contents, each indented two spaces per level, and what was reported.
    static func outline(_ text: String) -> (lines: [String], diagnostics: [Diagnostic], source: SourceFile, tabs: [Int]) {
        let source = SourceFile(path: "t.playbook", bytes: Array(text.utf8))
        var diagnostics: [Diagnostic] = []
        let tree = LineTree(source: source, lines: 0..<source.lineCount, file: 0, diagnostics: &diagnostics)
        var lines: [String] = []
        func visit(_ line: Int, depth: Int) {
            lines.append(String(repeating: "  ", count: depth) + source.text(tree.contentStart(line)..<tree.contentEnd(line)))
            for child in tree.children(of: line) { visit(child, depth: depth + 1) }
        }
        for line in tree.topLevel { visit(line, depth: 0) }
        #expect(lines.count == tree.count, "a line is in the tree twice or not at all")
        return (lines, diagnostics, source, tree.tabs)
    }

    @Test func blocksAreTheLinesIndentedMore() {
        let text = """
            stage a
                ask x "X?" yes/no
                    yes -> next
                    no
                         end lost
                say "Hi"
            stage b
             end won
            """
        let (lines, diagnostics, _, _) = Self.outline(text)
        #expect(diagnostics.isEmpty)
        #expect(lines == ["stage a", "  ask x \"X?\" yes/no", "    yes -> next", "    no", "      end lost", "  say \"Hi\"", "stage b", "  end won"])
    }

    @Test func blankAndCommentLinesTakeNoPartWhateverTheirIndentation() {
        let text = "stage a\n\n      # a comment\n\t# tabbed comment\n  \t \n  say \"x\"   # trailing\n#\nstage b\n  end won"
        let (lines, diagnostics, _, tabs) = Self.outline(text)
        #expect(diagnostics.isEmpty)
        #expect(tabs.isEmpty)
        #expect(lines == ["stage a", "  say \"x\"   # trailing", "stage b", "  end won"])
    }

    @Test func crlfLinesAreLinesToo() {
        let (lines, diagnostics, _, _) = Self.outline("stage a\r\n  say \"x\"\r\n\r\n  end won\r\n")
        #expect(diagnostics.isEmpty)
        #expect(lines == ["stage a", "  say \"x\"", "  end won"])
    }

    @Test func tabsInIndentationAreCollectedAndReportedOnce() throws {
        let text = "stage a\n\tsay \"x\"\n\t  say \"y\"\n    end won\n"
        let (lines, diagnostics, _, tabs) = Self.outline(text)
        // A tab goes to the next multiple of four: the three lines are siblings or deeper, never a misfit.
        #expect(diagnostics.isEmpty)
        #expect(lines == ["stage a", "  say \"x\"", "    say \"y\"", "  end won"])
        #expect(tabs == [8, 17])
        let reported = try #require(LineTree.tabDiagnostic(tabs, file: 0))
        #expect(reported.code == .tabIndentation)
        #expect(reported.primary.span == Span(file: 0, start: 8, end: 9))
        #expect(reported.notes == ["1 more line is indented with tabs"])
        #expect(LineTree.tabDiagnostic([4, 9, 30], file: 2)?.notes == ["2 more lines are indented with tabs"])
        #expect(LineTree.tabDiagnostic([], file: 0) == nil)
    }

    @Test func aLineThatMatchesNoOpenBlockIsReportedAndJoinsTheBlockItLeft() throws {
        let text = "stage a\n    ask x \"X?\" yes/no\n        yes -> next\n      no -> end lost\n    end won\n"
        let (lines, diagnostics, source, _) = Self.outline(text)
        #expect(lines == ["stage a", "  ask x \"X?\" yes/no", "    yes -> next", "    no -> end lost", "  end won"])
        let misfit = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(misfit.code == .badIndentation)
        #expect(misfit.message == "this line's indentation matches no open block")
        #expect(misfit.primary.message == "6 spaces")
        #expect(misfit.notes == ["the open blocks are indented by 0, 4, 8 spaces"])
        // The span is the indentation of line 4.
        #expect(source.location(of: Int(misfit.primary.span.start)) == Location(line: 4, column: 1))
        #expect(misfit.primary.span.end - misfit.primary.span.start == 6)
    }

    @Test func anIndentedFirstLineIsReportedAndTakenAsTopLevel() throws {
        let (lines, diagnostics, _, _) = Self.outline("\n   stage a\n     end won\nstage b\n")
        #expect(lines == ["stage a", "  end won", "stage b"])
        let first = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(first.message == "the first line is indented")
        #expect(first.primary.span == Span(file: 0, start: 1, end: 4))
        #expect(first.primary.message == "3 spaces")
    }

    @Test func middleIsATopLevelLineOfALargeFile() {
        let lines = ["playbook \"P\""] + (0..<10).flatMap { ["stage s\($0)", "  end won", "# note", ""] }
        let source = SourceFile(path: "t", bytes: Array(lines.joined(separator: "\n").utf8))
        #expect(LineTree.middle(of: source, threshold: 100) == nil)
        let middle = LineTree.middle(of: source, threshold: 10)
        // Line 20 of 41 is blank: the next line that starts a top-level block is taken.
        #expect(source.lineText(20).isEmpty)
        #expect(middle == 21)
        #expect(middle.map(source.lineText) == "stage s5")
    }
}
