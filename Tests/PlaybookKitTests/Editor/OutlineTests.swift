import Foundation
import Testing

@testable import PlaybookKit

struct OutlineTests {
    let playbook = EditorFixture.playbook()

    private func line(_ offset: Int32, in file: Int = 0) -> Int {
        playbook.result.sources[file].lineIndex(of: Int(offset)) + 1
    }

    @Test func theOutlineHoldsStagesWithTheirQuestionsAndTheBlocksTheySpan() {
        let outline = playbook.outline(file: 0)
        #expect(outline.map(\.name) == ["Discovery", "cfo", "situation", "problem"])
        #expect(outline.map(\.kind) == [.header, .persona, .stage, .stage])
        #expect(outline.map { "\(line($0.span.start))-\(line($0.span.end))" } == ["1-2", "7-8", "10-17", "19-26"])
        #expect(outline[2].children.map(\.name) == ["team", "role"])
        #expect(outline[2].children.map { "\(line($0.span.start))-\(line($0.span.end))" } == ["12-12", "15-17"])
        #expect(outline[3].children.map(\.detail) == ["Did the Economic buyer describe a problem?"])
        #expect(EditorFixture.text(outline[3].selection, in: playbook) == "problem")
        let library = playbook.outline(file: 1)
        #expect(library.map(\.name) == ["objections"])
        #expect(library[0].children.map(\.name) == ["price"])
    }

    @Test func foldingFollowsTheIndentationEvenWhenTheFileDoesNotParse() {
        let text = """
            # A comment
            # of two lines
            stage a "A"
              ask x "X?" yes/no
                yes
                  say "yes"

                no -> end lost
              ask ??? broken
            """
        let blocks = foldingBlocks(SourceFile(path: "f.playbook", bytes: Array(text.utf8)))
        #expect(
            blocks == [
                FoldingBlock(startLine: 0, endLine: 1, isComment: true),
                FoldingBlock(startLine: 2, endLine: 8, isComment: false),
                FoldingBlock(startLine: 3, endLine: 7, isComment: false),
                FoldingBlock(startLine: 4, endLine: 5, isComment: false),
            ])
    }

    @Test func semanticTokensTellNamesFromKeywordsStringsAndComments() {
        let text = """
            stage a "A"
              ask text "Say {score}" text  # what
              if text == "x" and not (score / 2 > 1) -> end won
              end won
            """
        let playbook = EditorFixture.playbook(main: text)
        let tokens = playbook.semanticTokens(file: 0).map { token in
            let written = EditorFixture.text(token.span, in: playbook)
            return "\(written):\(token.kind.rawValue)\(token.isDeclaration ? "+" : "")\(token.isBuiltIn ? "!" : "")"
        }
        #expect(
            tokens == [
                "stage:keyword", "a:stage+", "\"A\":string",
                "ask:keyword", "text:question+", "\"Say {:string", "score:variable!", "}\":string", "text:type", "# what:comment",
                "if:keyword", "text:question", "==:operator", "\"x\":string", "and:keyword", "not:keyword", "score:variable!",
                "/:operator", "2:number", ">:operator", "1:number", "->:operator", "end:keyword", "won:outcome",
                "end:keyword", "won:outcome",
            ])
    }

    @Test func answerTypesAreTypes() {
        let text = "stage a \"A\"\n  ask n \"N?\" number -5..5\n  ask y \"Y?\" yes/no\n  end won\n"
        let playbook = EditorFixture.playbook(main: text)
        let types = playbook.semanticTokens(file: 0).filter { $0.kind == .type }.map { EditorFixture.text($0.span, in: playbook) }
        #expect(types == ["number", "-", "5", "..", "5", "yes", "/", "no"])
    }
}
