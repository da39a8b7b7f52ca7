/// How each kind of node is painted, the same in every format: a class name (Mermaid's
/// `classDef`) and its colours.
///
/// Each text colour has a contrast of at least 7:1 on its fill (WCAG AAA), each outline at least
/// 3:1 on the lanes, and outcomes carry ✓ ✗ ○, so that colour is never the only cue.
enum NodeStyle: String, CaseIterable {
    case question, condition, talk, action, callStep, gate, won, lost, other, muted

    init(_ kind: Flowchart.NodeKind) {
        switch kind {
        case .question, .plainQuestion: self = .question
        case .condition: self = .condition
        case .say, .buyer: self = .talk
        case .set: self = .action
        case .call: self = .callStep
        case .gate: self = .gate
        case .outcome(.good): self = .won
        case .outcome(.bad): self = .lost
        case .outcome(.other): self = .other
        case .return, .stub, .empty: self = .muted
        }
    }

    var colours: (fill: String, stroke: String, text: String) {
        switch self {
        case .question: ("#e7f0fb", "#2f5d9b", "#102a43")
        case .condition: ("#f1eafa", "#6b46a6", "#2d1b4e")
        case .talk: ("#ffffff", "#7b8794", "#1f2933")
        case .action: ("#f2f4f7", "#7b8794", "#1f2933")
        case .callStep: ("#e3f4f1", "#1f7a70", "#0b3b36")
        case .gate: ("#fffdf5", "#52606d", "#1f2933")
        case .won: ("#dff3e4", "#1e7b34", "#0b3d1a")
        case .lost: ("#fbe3e1", "#b3261e", "#5a0f0b")
        case .other: ("#fff2cc", "#9a6700", "#4a3200")
        case .muted: ("#ffffff", "#7b8794", "#3e4c59")
        }
    }
}
