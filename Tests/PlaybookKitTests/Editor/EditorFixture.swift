import Foundation
@testable import PlaybookKit

/// Playbooks for the editor features, and a cursor written into them as `‸`.
enum EditorFixture {
    static let main = """
        playbook "Discovery"
          outcomes won (win), lost (loss), nurture

        use "lib.playbook"
        term "Economic buyer" "The person who signs the budget."

        persona cfo "Dana, CFO"
          role "CFO at a logistics company"

        stage situation "Situation"
          goal "Learn how they work."
          ask team "How many people?" number 1..500
          set seats = team * 2
          buyer cfo "We have {team} people."
          ask role "Who are you talking to?" choice
            "Economic buyer" -> problem
            "User" -> end nurture "Not the buyer"

        stage problem "Problem"
          ask pain "Did the Economic buyer describe a problem?" yes/no
            why "No pain, no deal."
            no -> end lost "No pain"
          if role == "Economic buyer" and seats > 10
            call objections
          say "Seats: {seats}"
          end won "Demo booked"
        """

    static let library = """
        flow objections "Handle objections"
          ask price "Is price the objection?" yes/no
            yes -> end lost "Too expensive"
          return
        """

    static let scenarios = """
        scenario "Buyer with pain"
          role = "Economic buyer"
          team = 40
          pain = yes
          price = no
          expect won
          expect seats = 80
          expect stage problem
        """

    /// `main` with `library` beside it, checked.
    static func playbook(main text: String = main, library: String = library) -> EditorPlaybook {
        let loader = MemoryLoader(["/w/main.playbook": text, "/w/lib.playbook": library])
        return EditorPlaybook(checkPlaybook(SourceFile(path: "/w/main.playbook", bytes: Array(text.utf8)), loader: loader))
    }

    /// The text without its `‸`, and the byte offset where it stood.
    static func cursor(_ marked: String) -> (text: String, offset: Int) {
        guard let range = marked.range(of: "‸") else { return (marked, 0) }
        return (marked.replacingCharacters(in: range, with: ""), marked[..<range.lowerBound].utf8.count)
    }

    /// The byte offset of the `occurrence`-th (from 0) `needle` in `text`, plus `plus` bytes.
    static func offset(of needle: String, in text: String, occurrence: Int = 0, plus: Int = 0) -> Int {
        var searched = text[...]
        var skipped = 0
        for _ in 0..<occurrence {
            guard let found = searched.range(of: needle) else { return -1 }
            skipped += searched[..<found.upperBound].utf8.count
            searched = searched[found.upperBound...]
        }
        guard let found = searched.range(of: needle) else { return -1 }
        return skipped + searched[..<found.lowerBound].utf8.count + plus
    }

    /// `text` with `edits` (byte ranges into it) applied.
    static func apply(_ edits: [TextEdit], to text: String) -> String {
        var bytes = Array(text.utf8)
        for edit in edits.sorted(by: { $0.start > $1.start }) {
            bytes.replaceSubrange(edit.start..<edit.end, with: Array(edit.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text a span covers.
    static func text(_ span: Span, in playbook: EditorPlaybook) -> String {
        playbook.result.sources[Int(span.file)].text(Int(span.start)..<Int(span.end))
    }
}
