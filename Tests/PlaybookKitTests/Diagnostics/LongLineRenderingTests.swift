import Foundation
import Testing

@testable import PlaybookKit

/// A diagnostic on a very long line shows a window of it around each label, cut between
/// grapheme clusters and marked with "…", with the carets under the right cells of what is
/// shown. Lines of normal length are shown whole (the golden outputs check that they are
/// unchanged). Expected cells are counted by hand, as in `DiagnosticRendererTests`: a window
/// keeps the label, and at most 60 cells and 60 clusters on each side of it.
struct LongLineRenderingTests {
    private typealias Base = DiagnosticRendererTests

    /// The lines of the rendering of one error on `prefix + target + suffix`, the span on `target`.
    private func lines(_ prefix: String, _ target: String, _ suffix: String = "\"") -> [String] {
        Base.humanLines(prefix: prefix, target: target, suffix: suffix)
    }

    @Test func aLongLineIsShownAroundTheLabelOnly() {
        let rendered = lines("  say \"" + String(repeating: "x", count: 1_000_000) + " {", "nope", "}\"")
        // "… " (2 cells), then the 60 clusters before the label: 58 x's, a space and "{".
        #expect(rendered[3] == "1 | … " + String(repeating: "x", count: 58) + " {nope}\"")
        #expect(rendered[4] == Base.carets(indent: 62, width: 4))
        #expect(rendered.joined(separator: "\n").utf8.count < 600)
    }

    @Test func theLineGoesOnAfterAWindowNearItsStart() {
        let rendered = lines("  say \"{", "nope", "}" + String(repeating: "x", count: 10_000) + "\"")
        // The whole start (8 cells), the label, then 60 clusters: "}" and 59 x's.
        #expect(rendered[3] == "1 |   say \"{nope}" + String(repeating: "x", count: 59) + " …")
        #expect(rendered[4] == Base.carets(indent: 8, width: 4))
    }

    @Test func aWideCharacterThatWouldCrossTheCutIsLeftOut() {
        // Before the label: "a" (1 cell), then 决 of 2 cells each. 29 of them make 59 cells; a
        // 30th would make 61, more than 60: it is cut whole, not in half.
        let rendered = lines("  say \"" + String(repeating: "决", count: 200) + "a", "nope")
        #expect(rendered[3] == "1 | … " + String(repeating: "决", count: 29) + "anope\"")
        #expect(rendered[4] == Base.carets(indent: 2 + 58 + 1, width: 4))
    }

    @Test func thaiClustersWithTheirVowelsAndToneMarksStayWhole() {
        // ผู้ is ผ with a vowel below and a tone mark above: one cluster, one cell, 9 bytes.
        let rendered = lines("  say \"" + String(repeating: "ผู้", count: 300), "nope")
        #expect(rendered[3] == "1 | … " + String(repeating: "ผู้", count: 60) + "nope\"")
        #expect(rendered[4] == Base.carets(indent: 62, width: 4))
    }

    @Test func decomposedVietnameseAccentsStayWithTheirLetters() {
        // ệ written as e, a dot below and a circumflex: one cluster of one cell.
        let letter = "e\u{323}\u{302}"
        let rendered = lines("  say \"" + String(repeating: letter, count: 400), "nope")
        #expect(rendered[3] == "1 | … " + String(repeating: letter, count: 60) + "nope\"")
        #expect(rendered[4] == Base.carets(indent: 62, width: 4))
    }

    @Test func emojiSequencesAndFlagsAreNotCut() {
        // 👩‍💻 is 👩, a zero-width joiner and 💻: one cluster, counted 2 + 0 + 2 = 4 cells; 15 fill 60.
        let coder = "👩\u{200D}💻"
        let rendered = lines("  say \"" + String(repeating: "🇻🇳", count: 100) + String(repeating: coder, count: 100), "nope")
        #expect(rendered[3] == "1 | … " + String(repeating: coder, count: 15) + "nope\"")
        #expect(rendered[4] == Base.carets(indent: 62, width: 4))
        // Flags are pairs of regional indicators: a cut between the two of a pair would show
        // other flags. However many are kept, they come in pairs.
        let flags = lines("  say \"" + String(repeating: coder, count: 100) + String(repeating: "🇻🇳", count: 101), "nope")
        let shown = flags[3].dropFirst("1 | … ".count)
        #expect(shown.hasPrefix("🇻🇳") && shown.hasSuffix("🇻🇳nope\""))
        #expect(shown.unicodeScalars.filter { (0x1F1E6...0x1F1FF).contains($0.value) }.count % 2 == 0)
    }

    @Test func twoLabelsFarApartOnOneLineEachGetAWindow() {
        let line = "  say \"{first}" + String(repeating: "x", count: 5_000) + "{last}\"\n"
        let first = 8
        let last = first + 5 + 1 + 5_000 + 1
        let diagnostic = Diagnostic(
            .unknownTarget, "a message", at: Span(file: 0, start: last, end: last + 4),
            label: "second", secondary: [Label(Span(file: 0, start: first, end: first + 5), "first")])
        let rendered = DiagnosticRenderer(sources: [Base.file(line)], color: false).human(diagnostic)
            .split(separator: "\n").map(String.init)
        // The start (8 cells), "first", 60 after it ("}" and 59 x's), " … " (3 cells), 60 before
        // "last" (59 x's and "{"), "last" and the rest.
        let x59 = String(repeating: "x", count: 59)
        #expect(rendered[3] == "1 |   say \"{first}" + x59 + " … " + x59 + "{last}\"")
        #expect(rendered[4] == "  | " + String(repeating: " ", count: 8 + 5 + 60 + 3 + 60) + "^^^^ second")
        #expect(rendered[5] == "  | " + String(repeating: " ", count: 8) + "----- first")
    }

    @Test func aLongLabelIsShownByItsEndsWithTheCaretsRunningOn() {
        let rendered = lines("  say \"", String(repeating: "y", count: 10_000))
        // 50 cells of each end of the label, " … " between them under carets too: 50 + 3 + 50.
        let y50 = String(repeating: "y", count: 50)
        #expect(rendered[3] == "1 |   say \"" + y50 + " … " + y50 + "\"")
        #expect(rendered[4] == Base.carets(indent: 7, width: 103))
    }

    @Test func aLineOf240CellsIsShownWhole() {
        // 7 + 228 + 4 + 1 = 240 cells: whole. One cell more and it is cut.
        let whole = lines("  say \"" + String(repeating: "x", count: 228), "nope")
        #expect(whole[3] == "1 |   say \"" + String(repeating: "x", count: 228) + "nope\"")
        #expect(whole[4] == Base.carets(indent: 235, width: 4))
        let cut = lines("  say \"" + String(repeating: "x", count: 229), "nope")
        #expect(cut[3] == "1 | … " + String(repeating: "x", count: 60) + "nope\"")
    }

    /// The window is made of whole clusters of the line, in order, and keeps every label's text.
    @Test func theWindowIsWholeClustersOfTheLine() throws {
        let unit = "ผู้决e\u{323}\u{302}👩\u{200D}💻🇻🇳a\t"
        let line = String(repeating: unit, count: 500) + "NAME" + String(repeating: unit, count: 500)
        var boundaries = Set<Int>()
        var offset = 0
        for character in line {
            boundaries.insert(offset)
            offset += character.utf8.count
        }
        boundaries.insert(offset)
        let name = try #require(line.utf8.firstIndex(of: UInt8(ascii: "N")))
        let start = line.utf8.distance(from: line.utf8.startIndex, to: name)
        for labels in [[start..<start + 4], [0..<3, start..<start + 4], [start - 4_000..<start + 4, offset..<offset]] {
            let window = try #require(LineWindow(line: line, labels: labels))
            var text = Substring(window.text)
            if text.hasPrefix("… ") { text = text.dropFirst(2) }
            if text.hasSuffix(" …") { text = text.dropLast(2) }
            let pieces = text.components(separatedBy: " … ")
            var from = line.startIndex
            for piece in pieces where !piece.isEmpty {
                let found = try #require(line.range(of: piece, range: from..<line.endIndex))
                let lower = line.utf8.distance(from: line.utf8.startIndex, to: found.lowerBound)
                let upper = line.utf8.distance(from: line.utf8.startIndex, to: found.upperBound)
                #expect(boundaries.contains(lower) && boundaries.contains(upper))
                from = found.upperBound
            }
            #expect(window.text.contains("NAME"))
            #expect(window.text.unicodeScalars.count < 2_000)
        }
    }
}
