/// The stable code of every diagnostic. Each has a page `docs/diagnostics/<code>-<slug>.md`.
public enum DiagnosticCode: String, CaseIterable, Sendable, Hashable {
    // The file and its lines.
    case invalidUTF8 = "PB0100"
    case binaryFile = "PB0101"
    case tabIndentation = "PB0102"
    case badIndentation = "PB0103"
    case unknownKeyword = "PB0104"
    case unterminatedString = "PB0105"
    case missingAnswerType = "PB0106"
    case badRange = "PB0107"
    case optionUnderYesNo = "PB0108"
    case yesNoUnderChoice = "PB0109"
    case unexpectedToken = "PB0110"
    case badStringContent = "PB0111"
    case misplacedBranch = "PB0112"
    case badHeader = "PB0113"
    case notAllowedHere = "PB0114"
    case invalidCharacter = "PB0115"
    case nestedTooDeeply = "PB0116"
    // Names.
    case duplicateName = "PB0201"
    case unknownTarget = "PB0202"
    case unknownFlow = "PB0203"
    case unknownOutcome = "PB0204"
    case unknownName = "PB0205"
    case assignToAnswer = "PB0206"
    case jumpIntoOther = "PB0207"
    case jumpOutOfFlow = "PB0208"
    case duplicateBranch = "PB0209"
    case duplicateTerm = "PB0210"
    case optionReadsAsCommand = "PB0211"
    // Types.
    case mismatchedComparison = "PB0301"
    case arithmeticOnNonNumber = "PB0302"
    case conditionNotYesNo = "PB0303"
    case conflictingTypes = "PB0304"
    case notAnOption = "PB0305"
    // The flowchart.
    case possiblyUnset = "PB0401"
    case unreachable = "PB0402"
    case unusedFlow = "PB0403"
    case noOutcome = "PB0404"
    case flowFallsOff = "PB0405"
    case nextInLastStage = "PB0406"
    case fallsOffLastStage = "PB0407"
    case noStages = "PB0408"
    case exitNeverChecked = "PB0409"
    // Files brought in with `use`.
    case useNotFound = "PB0501"
    case useCycle = "PB0502"
    case useOutsideRoot = "PB0503"
    case useNotALibrary = "PB0504"
    case useTooDeep = "PB0505"
    // Practice: scores, feedback and best answers.
    case scoredWithoutBest = "PB0601"
    case bestScoresLower = "PB0602"
    case feedbackNotOnChoice = "PB0603"

    public var severity: Severity {
        switch self {
        case .unreachable, .unusedFlow, .exitNeverChecked, .duplicateTerm, .optionReadsAsCommand, .scoredWithoutBest,
            .bestScoresLower, .feedbackNotOnChoice:
            .warning
        default: .error
        }
    }

    /// The name of the docs page, after the code: `PB0202-unknown-target`.
    public var slug: String {
        switch self {
        case .invalidUTF8: "invalid-utf8"
        case .binaryFile: "binary-file"
        case .tabIndentation: "tab-indentation"
        case .badIndentation: "bad-indentation"
        case .unknownKeyword: "unknown-keyword"
        case .unterminatedString: "unterminated-string"
        case .missingAnswerType: "missing-answer-type"
        case .badRange: "bad-range"
        case .optionUnderYesNo: "option-under-yes-no"
        case .yesNoUnderChoice: "yes-no-under-choice"
        case .unexpectedToken: "unexpected-token"
        case .badStringContent: "bad-string-content"
        case .misplacedBranch: "misplaced-branch"
        case .badHeader: "bad-header"
        case .notAllowedHere: "not-allowed-here"
        case .invalidCharacter: "invalid-character"
        case .nestedTooDeeply: "nested-too-deeply"
        case .duplicateName: "duplicate-name"
        case .unknownTarget: "unknown-target"
        case .unknownFlow: "unknown-flow"
        case .unknownOutcome: "unknown-outcome"
        case .unknownName: "unknown-name"
        case .assignToAnswer: "assign-to-answer"
        case .jumpIntoOther: "jump-into-other"
        case .jumpOutOfFlow: "jump-out-of-flow"
        case .duplicateBranch: "duplicate-branch"
        case .duplicateTerm: "duplicate-term"
        case .optionReadsAsCommand: "option-reads-as-command"
        case .mismatchedComparison: "mismatched-comparison"
        case .arithmeticOnNonNumber: "arithmetic-on-non-number"
        case .conditionNotYesNo: "condition-not-yes-no"
        case .conflictingTypes: "conflicting-types"
        case .notAnOption: "not-an-option"
        case .possiblyUnset: "possibly-unset"
        case .unreachable: "unreachable"
        case .unusedFlow: "unused-flow"
        case .noOutcome: "no-outcome"
        case .flowFallsOff: "flow-falls-off"
        case .nextInLastStage: "next-in-last-stage"
        case .fallsOffLastStage: "falls-off-last-stage"
        case .noStages: "no-stages"
        case .exitNeverChecked: "exit-never-checked"
        case .useNotFound: "use-not-found"
        case .useCycle: "use-cycle"
        case .useOutsideRoot: "use-outside-root"
        case .useNotALibrary: "use-not-a-library"
        case .useTooDeep: "use-too-deep"
        case .scoredWithoutBest: "scored-without-best"
        case .bestScoresLower: "best-scores-lower"
        case .feedbackNotOnChoice: "feedback-not-on-choice"
        }
    }

    /// The docs page, relative to the repository root.
    public var docsPath: String { "docs/diagnostics/\(rawValue)-\(slug).md" }
}
