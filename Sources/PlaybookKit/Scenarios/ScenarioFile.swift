/// A parsed scenario file (`*.scenarios`): scripted answers for a playbook and what the walk must end with.
public struct ScenarioFile: Sendable, Hashable {
    /// The scenarios in file order; answer and `expect` lines before the first `scenario` line form one named "".
    public var scenarios: [Scenario]
    /// Every problem found, in the order of the file; run the scenarios only when this is empty.
    public var diagnostics: [Diagnostic]

    /// A file made of `scenarios`, with the problems found reading it.
    public init(scenarios: [Scenario], diagnostics: [Diagnostic] = []) {
        self.scenarios = scenarios
        self.diagnostics = diagnostics
    }
}

/// One scenario: the answers to give, keyed by question, and the checks made when the walk ends.
public struct Scenario: Sendable, Hashable {
    /// The name written after `scenario`; "" for the lines before the first `scenario` line.
    public var name: String
    /// The 1-based line of the `scenario` line, or of the first line of an unnamed scenario.
    public var line: Int
    /// The answers in file order, at most one entry per question.
    public var answers: [ScenarioAnswer]
    /// The `expect` lines in file order.
    public var expectations: [Expectation]

    /// A scenario named `name`, starting on `line`.
    public init(name: String, line: Int, answers: [ScenarioAnswer] = [], expectations: [Expectation] = []) {
        self.name = name
        self.line = line
        self.answers = answers
        self.expectations = expectations
    }
}

/// The answers to one question: `pain = no, yes` gives `no` the first time it is asked and `yes` the second.
public struct ScenarioAnswer: Sendable, Hashable {
    /// The question's name.
    public var question: String
    /// The answers in the order the question is asked.
    public var values: [ScenarioValue]
    /// The 1-based line the answers are written on.
    public var line: Int

    /// The answers `values` to `question`, written on `line`.
    public init(question: String, values: [ScenarioValue], line: Int) {
        self.question = question
        self.values = values
        self.line = line
    }
}

/// One value as written: the runner reads it as the question's type asks (yes/no, number, choice, text).
public enum ScenarioValue: Sendable, Hashable {
    /// Text between double quotes, escapes resolved: `"Economic buyer"`.
    case quoted(String)
    /// A bare token without spaces or commas: `yes`, `40`, `-3`, `2.5`, `có`, `是`.
    case word(String)

    /// The value's text: the string without quotes, or the word.
    public var text: String {
        switch self {
        case .quoted(let text), .word(let text): text
        }
    }
}

/// A check made on the walk once it has ended.
public enum Expectation: Sendable, Hashable {
    /// `expect won`: the walk ends with this outcome.
    case outcome(String, line: Int)
    /// `expect score = 5`: the variable, answer or score has this value at the end.
    case value(String, ScenarioValue, line: Int)
    /// `expect stage implication`: the walk entered this stage.
    case stage(String, line: Int)
    /// `expect not stage need_payoff`: the walk never entered this stage.
    case notStage(String, line: Int)
    /// `expect blocked problem`: an exit criterion of this stage fails, and the walk stops there.
    case blocked(String, line: Int)

    /// The 1-based line of the `expect` line.
    public var line: Int {
        switch self {
        case .outcome(_, let line), .value(_, _, let line), .stage(_, let line), .notStage(_, let line), .blocked(_, let line): line
        }
    }
}

/// Parses a scenario file, reporting every problem found (reading goes on at the next line after one).
/// Spans point into `source`, which is file `file` of the renderer's sources. Accepts a UTF-8 byte
/// order mark and CRLF line ends; never fails, whatever the bytes (a file that is not UTF-8 has
/// one diagnostic, and no scenarios).
public func parseScenarios(_ source: SourceFile, file: Int = 0) -> ScenarioFile {
    var parser = ScenarioParser(file: file)
    let bytes = source.bytes
    // One line decoded at a time, so that memory follows the longest line rather than the file.
    var line = ScenarioLine(file: file)
    for index in 0..<source.lineCount {
        if let (offset, length) = line.read(bytes[source.lineRange(index)], number: index + 1) {
            return ScenarioFile(scenarios: [], diagnostics: [Diagnostic.notUTF8(source, file: file, at: offset, length: length)])
        }
        parser.read(line)
    }
    return parser.finish()
}
