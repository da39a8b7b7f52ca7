import Foundation
import Testing

@testable import PlaybookKit

/// Thai line breaks checked against a real Thai word breaker: PyThaiNLP's tokenizer (newmm), run
/// with python3. Every break the wrapper makes in the shipped Thai playbooks' texts must fall
/// where PyThaiNLP sees a word boundary; the clusters must be PyThaiNLP's clusters. Skipped, with
/// the reason, where python3 or pythainlp is missing (`.ci/run` installs it).
struct ThaiPeerTests {
    static let python = "/usr/bin/env"

    /// Whether `python3 -c 'import pythainlp'` works here.
    static let available: Bool = (try? run(["-c", "import pythainlp"], input: "").status) == 0

    /// Runs python3 with `arguments`, `input` on its standard input.
    static func run(_ arguments: [String], input: String) throws -> ChildProcess.Result {
        try ChildProcess.run(URL(fileURLWithPath: python), ["python3"] + arguments, input: input)
    }

    /// For each text (JSON lines in: the text, and breaks to judge as code point offsets): the
    /// offsets where PyThaiNLP's words begin and end, where its Thai character clusters end, and
    /// which of the breaks fall inside a word without splitting it into two words of its
    /// dictionary (a break inside ทางเดียว, between ทาง and เดียว, is still between words).
    static let peer = """
        import json, sys
        from pythainlp.corpus import thai_words
        from pythainlp.tokenize import word_tokenize
        from pythainlp.tokenize.tcc import tcc_pos
        known = thai_words()
        for line in sys.stdin:
            task = json.loads(line)
            text = task["text"]
            offsets, at = [0], 0
            for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
                at += len(token)
                offsets.append(at)
            inside = []
            for cut in task["breaks"]:
                if cut in offsets:
                    continue
                start = max(o for o in offsets if o < cut)
                end = min(o for o in offsets if o > cut)
                if text[start:cut] not in known or text[cut:end] not in known:
                    inside.append(cut)
            print(json.dumps({"words": offsets, "clusters": sorted(tcc_pos(text)), "inside": inside}))
        """

    /// What PyThaiNLP says of one text.
    struct Verdict {
        var words: Set<Int>
        var clusters: Set<Int>
        /// The breaks asked about that fall inside a word, not between two words of a compound.
        var inside: Set<Int>
    }

    /// PyThaiNLP's verdicts on each text and the breaks (code point offsets) given with it.
    static func peerVerdicts(_ texts: [String], breaks: [[Int]]? = nil) throws -> [Verdict] {
        let lines = try texts.enumerated().map { number, text in
            let task: [String: Any] = ["text": text, "breaks": breaks?[number] ?? []]
            return String(decoding: try JSONSerialization.data(withJSONObject: task), as: UTF8.self)
        }
        let result = try run(["-c", peer], input: lines.joined(separator: "\n") + "\n")
        try #require(result.status == 0, "python3 failed: \(result.stderr)")
        return try result.stdout.split(separator: "\n").map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: [Int]])
            return Verdict(words: Set(object["words"] ?? []), clusters: Set(object["clusters"] ?? []), inside: Set(object["inside"] ?? []))
        }
    }

    /// The string literals of the shipped Thai playbooks (goals, tips, say and buyer lines,
    /// questions, options, feedback, terms), and their comments, which are Thai prose the word
    /// list was not made from.
    static func shippedTexts() throws -> (strings: [String], comments: [String]) {
        let folder = Golden.root.appendingPathComponent("playbooks")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("-th.playbook") }.sorted()
        var strings: [String] = []
        var comments: [String] = []
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        for name in names {
            for line in try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n") {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("#") {
                    let comment = trimmed.drop { $0 == "#" || $0 == " " }
                    if comment.contains(where: ThaiWords.isThai) { comments.append(String(comment)) }
                    continue
                }
                let text = String(line)
                for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    if let range = Range(match.range(at: 1), in: text), text[range].contains(where: ThaiWords.isThai) {
                        strings += decoded(text[range]).split(separator: "\n").map(String.init)
                    }
                }
            }
        }
        return (strings, comments)
    }

    /// A string literal's text: its escapes (`\"`, `\\`, `\{`, `\}`, `\n`, `\t`) read.
    static func decoded(_ literal: Substring) -> String {
        var text = ""
        var escaped = false
        for character in literal {
            if escaped {
                text.append(character == "n" ? "\n" : character == "t" ? "\t" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                text.append(character)
            }
        }
        return text
    }

    /// The offset in code points of each character boundary of `characters`.
    static func scalarOffsets(_ characters: [Character]) -> [Int] {
        var offsets = [0]
        for character in characters { offsets.append(offsets[offsets.count - 1] + character.unicodeScalars.count) }
        return offsets
    }

    /// Every break the wrapper makes at widths 20 to 60, with the runner's hanging indents: as
    /// (character index, breaker) pairs, with whether it falls between two Thai characters.
    static func breaks(_ text: String) -> [(index: Int, betweenThai: Bool)] {
        let breaker = LineBreaker(text)
        var found: [(Int, Bool)] = []
        for width in 20...60 {
            for hanging in [0, 2] {
                for piece in Wrap.pieces(breaker, width: width, hanging: hanging).dropFirst() {
                    let between = ThaiWords.isThai(breaker.characters[piece.start - 1]) && ThaiWords.isThai(breaker.characters[piece.start])
                    found.append((piece.start, between))
                }
            }
        }
        return found
    }

    @Test(.enabled(if: available, "python3 with pythainlp is not installed: pip install pythainlp to run this test"))
    func everyBreakInTheShippedThaiTextsIsAtAPyThaiNLPWordBoundary() throws {
        let texts = try Self.shippedTexts().strings
        #expect(texts.count > 300, "Thai texts found: \(texts.count)")
        let peer = try Self.peerVerdicts(texts)
        try #require(peer.count == texts.count)
        var checked = 0
        var betweenThai = 0
        var wrong: [String] = []
        for (text, boundaries) in zip(texts, peer) {
            let breaker = LineBreaker(text)
            let offsets = Self.scalarOffsets(breaker.characters)
            for (index, between) in Self.breaks(text) {
                checked += 1
                if between { betweenThai += 1 }
                if !boundaries.words.contains(offsets[index]) {
                    wrong.append(String(breaker.characters[..<index].suffix(12)) + "|" + String(breaker.characters[index...].prefix(12)))
                }
            }
        }
        // A Thai playbook edited since the word list was made may hold words the list lacks.
        #expect(
            wrong.isEmpty,
            """
            \(wrong.count) of \(checked) breaks are inside a PyThaiNLP word: \(Set(wrong).sorted().prefix(30)); if a Thai \
            playbook changed, run python3 Sources/PlaybookKit/Support/generate/thai-words.py
            """)
        // Most breaks in Thai fall between two Thai words, not at the spaces between phrases.
        #expect(betweenThai > checked / 4, "\(betweenThai) of \(checked) breaks between Thai words")
    }

    @Test(.enabled(if: available, "python3 with pythainlp is not installed: pip install pythainlp to run this test"))
    func thaiClustersArePyThaiNLPClusters() throws {
        let (strings, comments) = try Self.shippedTexts()
        let texts = strings + comments
        let peer = try Self.peerVerdicts(texts)
        try #require(peer.count == texts.count)
        var compared = 0
        var differing: [String] = []
        for (text, boundaries) in zip(texts, peer) {
            let characters = Array(text)
            let offsets = Self.scalarOffsets(characters)
            var start = 0
            while start < characters.count {
                guard ThaiWords.isThai(characters[start]) else {
                    start += 1
                    continue
                }
                var end = start
                while end < characters.count, ThaiWords.isThai(characters[end]) { end += 1 }
                let run = Array(characters[start..<end])
                let ours = ThaiWords.boundaries(run, endsText: end == characters.count).clusters
                for index in 1..<max(1, run.count) {
                    compared += 1
                    if ours[index] != boundaries.clusters.contains(offsets[start + index]) {
                        differing.append(String(run[..<index].suffix(6)) + "|" + String(run[index...].prefix(6)))
                    }
                }
                start = end
            }
        }
        #expect(compared > 10000)
        #expect(differing.isEmpty, "\(differing.count) of \(compared) cluster boundaries differ: \(differing.prefix(30))")
    }

    /// The comments of the Thai playbooks are Thai prose the word list was not made from: there
    /// the list lacks words (loanwords such as แพ็กเกจ, คลาวด์), which break between clusters.
    @Test(.enabled(if: available, "python3 with pythainlp is not installed: pip install pythainlp to run this test"))
    func textTheWordListWasNotMadeFromBreaksMostlyBetweenWords() throws {
        let comments = try Self.shippedTexts().comments
        let breakers = comments.map { LineBreaker($0) }
        let breaks = zip(comments, breakers).map { text, breaker in
            let offsets = Self.scalarOffsets(breaker.characters)
            return Self.breaks(text).filter(\.betweenThai).map { offsets[$0.index] }
        }
        let peer = try Self.peerVerdicts(comments, breaks: breaks)
        try #require(peer.count == comments.count)
        let checked = breaks.map(\.count).reduce(0, +)
        var notAtABoundary = 0
        var inside: [String] = []
        for (number, verdict) in peer.enumerated() {
            let text = Array(comments[number].unicodeScalars)
            for cut in breaks[number] where !verdict.words.contains(cut) {
                notAtABoundary += 1
                if verdict.inside.contains(cut) {
                    inside.append(String(String.UnicodeScalarView(text[max(0, cut - 8)..<cut])) + "|" + String(String.UnicodeScalarView(text[cut..<min(text.count, cut + 8)])))
                }
            }
        }
        #expect(checked > 500)
        // Measured with 6,279 words: 141 of 2,233 breaks split a PyThaiNLP word, nearly all a
        // compound between its words (ทาง|เดียว); 21 fall inside one, in the loanwords แพ็กเกจ
        // and คลาวด์ that the list lacks.
        #expect(notAtABoundary * 10 <= checked, "\(notAtABoundary) of \(checked) breaks are not at a PyThaiNLP word boundary")
        #expect(inside.count * 50 <= checked, "\(inside.count) of \(checked) breaks are inside a word: \(Set(inside).sorted())")
    }
}
