// The checker and the three diagnostic renderings, on a fuzzed playbook.

/// A small valid flow that the fuzzed file can bring in with `use "lib.playbook"`.
private let libraryFlow = Array(
    """
    flow objections "Handle an objection"
      ask kind "What is the objection?" choice
        "Price"
          set score -= 1
          say "Compared to what?"
        "Timing" -> end nurture "Not now"
      ask resolved "Is the objection resolved?" yes/no
        no -> end lost "Objection not resolved"
      return

    """.utf8)

func fuzzCheck(_ bytes: [UInt8]) {
    let loader = MemoryLoader(bytes: ["lib.playbook": libraryFlow])
    let result = checkPlaybook(SourceFile(path: "fuzz.playbook", bytes: bytes), loader: loader)
    for color in [false, true] {
        let renderer = DiagnosticRenderer(sources: result.sources, color: color)
        for diagnostic in result.diagnostics {
            _ = renderer.human(diagnostic)
            _ = renderer.short(diagnostic)
            _ = renderer.json(diagnostic).text
        }
    }
}
