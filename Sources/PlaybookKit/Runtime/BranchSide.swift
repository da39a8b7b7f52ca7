/// One side of a branch in a playbook: an answer to a yes/no or choice question, a side of an
/// `if`, an exit criterion holding or failing. Coverage counts these.
public enum BranchSide: Sendable, Hashable {
    /// yes (0) or no (1); the option's index for a choice.
    case answer(question: Symbol, side: Int)
    /// The `if` whose condition starts at this place.
    case condition(file: Int32, start: Int32, taken: Bool)
    case exit(stage: Int, criterion: Int, holds: Bool)

    /// The side an answer takes; nil for a question without sides (number, scale, text).
    static func answered(_ question: Question, _ value: Value) -> BranchSide? {
        switch (question.type, value) {
        case (.yesNo, .bool(let flag)): return .answer(question: question.name.symbol, side: flag ? 0 : 1)
        case (.choice, .text(let text)):
            // A choice question's branches are all options (the parser keeps no other), so an
            // option's place among them is its side.
            return question.branchIndex(of: .option(text)).map { .answer(question: question.name.symbol, side: $0) }
        default: return nil
        }
    }
}

/// A branch side with where it is and what it is, in the playbook's words: `pain = no`,
/// `if cost < 5000: taken`.
public struct BranchSideInfo: Sendable, Hashable {
    public var side: BranchSide
    public var path: String
    public var line: Int
    public var label: Label

    public enum Label: Sendable, Hashable {
        /// An exit criterion (its condition as written) of a stage (its id), holding or failing.
        case exit(condition: String, stage: String, holds: Bool)
        /// A yes/no question's yes or no, or a choice question's option.
        case answer(question: String, value: Value)
        /// An `if` (its condition as written), taken or not.
        case condition(String, taken: Bool)
    }
}

extension Program {
    /// Every branch side of the playbook, in source order (stages, then flows).
    public var branchSides: [BranchSideInfo] {
        var sides: [BranchSideInfo] = []
        for (index, stage) in stages.enumerated() {
            for (number, criterion) in stage.exits.enumerated() {
                let condition = text(of: criterion.condition.span)
                for holds in [true, false] {
                    sides.append(
                        info(
                            .exit(stage: index, criterion: number, holds: holds), at: criterion.span,
                            .exit(condition: condition, stage: name(stage.name.symbol), holds: holds)))
                }
            }
            collect(stage.body, into: &sides)
        }
        for flow in flows { collect(flow.body, into: &sides) }
        return sides
    }

    private func collect(_ block: [Step], into sides: inout [BranchSideInfo]) {
        for step in block {
            switch step {
            case .ask(let question):
                let id = name(question.name.symbol)
                if question.type == .yesNo {
                    sides.append(info(.answer(question: question.name.symbol, side: 0), at: question.span, .answer(question: id, value: .bool(true))))
                    sides.append(info(.answer(question: question.name.symbol, side: 1), at: question.span, .answer(question: id, value: .bool(false))))
                } else if question.type == .choice {
                    for (index, option) in question.branches.compactMap(\.optionKey).enumerated() {
                        sides.append(
                            info(.answer(question: question.name.symbol, side: index), at: question.span, .answer(question: id, value: .text(option))))
                    }
                }
                for branch in question.branches { collect(branch.body, into: &sides) }
            case .jumpIf(let condition, _, let span), .ifBlock(let condition, _, _, let span):
                let written = text(of: condition.span)
                for taken in [true, false] {
                    sides.append(info(.condition(file: span.file, start: span.start, taken: taken), at: span, .condition(written, taken: taken)))
                }
                for block in step.blocks { collect(block, into: &sides) }
            default: break
            }
        }
    }

    private func info(_ side: BranchSide, at span: Span, _ label: BranchSideInfo.Label) -> BranchSideInfo {
        BranchSideInfo(side: side, path: path(of: span), line: line(of: span), label: label)
    }

    /// The playbook's own words for a span.
    func text(of span: Span) -> String {
        guard sources.indices.contains(Int(span.file)) else { return "" }
        return sources[Int(span.file)].text(Int(span.start)..<Int(span.end))
    }
}
