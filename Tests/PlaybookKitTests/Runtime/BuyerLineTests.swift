import Testing

@testable import PlaybookKit

/// A buyer's line may belong to one persona: in practice that persona says its own lines, and the
/// lines without a persona are for every other buyer (and for walks without a persona).
struct BuyerLineTests {
    static let text = """
        playbook "Personas"
          outcomes won

        persona dana "Dana Levi"
        persona omar "Omar Haddad"

        stage a "A"
          buyer
            "Any buyer."
            dana "Dana, first."
            dana "Dana, second."
          buyer omar "Only Omar."
          end won "w"
        """

    /// The buyer lines of a whole walk, for the persona.
    static func lines(persona: String?, seed: UInt64) throws -> [String] {
        let program = try WalkTests.program(text)
        var walk = Walk(program: program, seed: seed)
        walk.persona = persona.flatMap(program.symbol)
        return WalkTests.walk(&walk, []).compactMap { if case .buyer(let line) = $0 { line } else { nil } }
    }

    @Test func eachPersonaSaysItsOwnLinesAndTheOthersTheLinesForAnyBuyer() throws {
        var dana = Set<String>()
        for seed in 0..<20 { dana.formUnion(try Self.lines(persona: "dana", seed: UInt64(seed))) }
        #expect(dana == ["Dana, first.", "Dana, second."], "both of Dana's lines come up over 20 seeds, and nothing else")
        #expect(try Self.lines(persona: "omar", seed: 0) == ["Any buyer.", "Only Omar."])
        #expect(try Self.lines(persona: nil, seed: 0) == ["Any buyer."])
    }

    @Test func theSameSeedPicksTheSameLine() throws {
        for seed in 0..<5 {
            #expect(try Self.lines(persona: "dana", seed: UInt64(seed)) == (try Self.lines(persona: "dana", seed: UInt64(seed))))
        }
    }

    @Test func aLineForAPersonaThatIsNotDeclaredIsReported() {
        let result = check(Self.text.replacingOccurrences(of: "buyer omar \"Only", with: "buyer omra \"Only"))
        #expect(result.diagnostics.map(\.message) == ["there is no persona 'omra'"])
        #expect(result.diagnostics.first?.help == "did you mean 'omar'?")
        #expect(codes("stage a \"A\"\n  buyer\n    dana\n  end won \"w\"\n") == ["PB0110"])
    }
}
