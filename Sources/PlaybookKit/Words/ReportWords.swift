/// The words of the reports `check`, `test`, `paths` and `report` print for people (headings, frames,
/// counts, severities), in the playbook's language when it is one of en, vi, he, zh, th, and in
/// English otherwise. The playbook's own words (names, texts, conditions) and diagnostics'
/// messages are put in as they are. `{1}`, `{2}`... are filled in order.
public struct ReportWords: Sendable {
    public let language: String
    private let table: [Phrase: String]

    public init(language: String) {
        (self.language, table) = ToolLanguage.choose(language, among: Self.tables)
    }

    /// The languages the reports speak: the runner's.
    public static let languages = ToolLanguage.all

    static let tables: [String: [Phrase: String]] = [
        "en": english, "vi": vietnamese, "he": hebrew, "zh": chinese, "th": thai,
    ]

    /// The phrase with `arguments` in place of `{1}`, `{2}`..., in one pass: an argument that
    /// holds `{2}` stays as it is. Arguments go in as given; the reports make outside text safe
    /// to print where it enters a line.
    public func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        ToolLanguage.fill(table[phrase] ?? Self.english[phrase] ?? phrase.rawValue, arguments)
    }

    /// `1 question` or `18 questions`: the phrase for one, or the phrase for more with `shown`
    /// (the number as the report writes it; by default its digits).
    public func count(_ number: Int, _ one: Phrase, _ many: Phrase, shown: String? = nil) -> String {
        number == 1 ? self(one) : self(many, shown ?? String(number))
    }

    /// `label: text`, with a full-width colon in Chinese.
    public func labelled(_ label: String, _ text: String) -> String { self(.labelled, label, text) }

    /// `text (aside)`, with full-width brackets in Chinese.
    public func aside(_ text: String, _ aside: String) -> String { self(.aside, text, aside) }

    /// Between the names of a list: `、` in Chinese, `, ` elsewhere.
    public var listSeparator: String { self(.listSeparator) }

    public enum Phrase: String, Sendable, CaseIterable {
        // Frames shared by the reports.
        case labelled, aside, listSeparator, line, lineOf, didYouMean, note, walk, none
        case answerOne, answerMany, scenarioOne, scenarioMany
        // `check`: severities, the help line and the summary.
        case error, warning, help, errorOne, errorMany, warningOne, warningMany, errorsAndWarnings, noProblems
        // `paths`.
        case pathsTitle, walksToEach, inAll, infinitelyMany, loopBack, loopCall, targetQuestion, targetStage, targetFlow
        case shortestHeading, noWalk, questionOne, questionMany, questionsAtMost, longestWalk, longestNone
        case askedOnEvery, askedNone, walksTo, noWalkReaches, everyOne, theShortest, more, noTurn
        case taken, notTaken, typeYesNo, typeChoice, typeNumber, typeText, typeScale, approximately
        // `test`: scenarios.
        case beforeFirstScenario, testSummary, noQuestion, noStage, noAnswer, notAnAnswer
        case answerEmpty, takesYesNo, takesNumber, takesWhole, takesRange, takesFrom, optionsAre, ambiguous
        case cannotLeave, faultAt, expectedOutcome, expectedOutcomeUnknown, expectedBlocked, expectedValueMissing
        case expectedValue, expectedEnter, expectedNotEnter, endedWith, endedWithReason, blockedAt, didNotEnd
        case blockedMark, unusedOne, unusedMany
        // `test --coverage`, `--explore` and `--random`.
        case coverage, sideNotTaken, exitSide, holds, fails
        case explored, exploredStopped, fault, deadEnd, unmet, neverMet, cannotBeLeft, neverHolds, noAnswers
        case outcomesReached, noOutcome, wrote, randomWalks, randomWalkOne, randomWalkMany, cutOne, cutMany
        case sidesTaken
        // `report`: the team report.
        case teamReport, teamRead, teamSkipped, teamAsOf, teamDealOne, teamDealMany, teamFromPlaybook, teamFromRecords
        case teamOverview, teamFunnel, teamQuestions, teamReps, teamVersions, teamTrend, teamDeals, teamStatusLine
        case teamWon, teamLost, teamWinRate, teamMedianCycle, teamMedianActive, teamOutcomes, teamNoOutcome
        case teamRateOf, teamRateOfSmall, teamSeconds, teamMinutes, teamHours, teamDays, teamStage, teamEntered
        case teamLeft, teamNextStep, teamCumulative, teamLeftStage, teamStoppedInStage, teamTimeInStage, teamMedian
        case teamP90, teamOpen, teamOpenFor, teamStalled, teamStoppedHere, teamStillOpen, teamStalls, teamStallsOf
        case teamNoStalls, teamDeal, teamRep, teamSession, teamAndMore, teamWhereDealsDie, teamNoDeaths, teamQuoted
        case teamQuestionFacts, teamAnswer, teamAnswers, teamShare, teamNumberSummary, teamMean, teamNoAnswerYet
        case teamEnded, teamLostIn, teamPractice, teamGrade, teamVersion, teamComparedWith, teamMostUsed, teamTooFew
        case teamNoClearDifference, teamClearDifference, teamConversionByVersion, teamWeek, teamStarted, teamWonLegend
        case teamNotWon, teamOpenDays
    }

    static let english: [Phrase: String] = [
        .labelled: "{1}: {2}",
        .aside: "{1} ({2})",
        .listSeparator: ", ",
        .line: "line {1}",
        .lineOf: "line {1} of {2}",
        .didYouMean: "did you mean '{1}'?",
        .note: "note",
        .walk: "walk",
        .none: "(none)",
        .answerOne: "1 answer",
        .answerMany: "{1} answers",
        .scenarioOne: "1 scenario",
        .scenarioMany: "{1} scenarios",
        // check
        .error: "error",
        .warning: "warning",
        .help: "help",
        .errorOne: "1 error",
        .errorMany: "{1} errors",
        .warningOne: "1 warning",
        .warningMany: "{1} warnings",
        .errorsAndWarnings: "{1}, {2}",
        .noProblems: "{1}: no problems found",
        // paths
        .pathsTitle: "{1}: walks from the first stage to each outcome",
        .walksToEach: "walks to each outcome",
        .inAll: "in all",
        .infinitelyMany: "infinitely many (loop at {1}); {2} loop-free",
        .loopBack: "loop at {1}: '{2}' goes back to {3} ({4})",
        .loopCall: "loop at {1}: '{2}' calls {3} ({4})",
        .targetQuestion: "question '{1}'",
        .targetStage: "stage '{1}'",
        .targetFlow: "flow '{1}'",
        .shortestHeading: "shortest walk to each outcome (fewest questions asked)",
        .noWalk: "no walk",
        .questionOne: "1 question",
        .questionMany: "{1} questions",
        .questionsAtMost: "{1} (at most {2} on a loop-free walk)",
        .longestWalk: "longest loop-free walk: {1}, to {2}",
        .longestNone: "longest loop-free walk: none",
        .askedOnEvery: "asked on every walk: {1}",
        .askedNone: "asked on every walk: no question",
        .walksTo: "walks to {1}: {2}",
        .noWalkReaches: "no walk reaches '{1}'",
        .everyOne: "every one, shortest first:",
        .theShortest: "the {1} shortest:",
        .more: "… {1} more …",
        .noTurn: "(no question or condition on the way)",
        // An `if` on a walk or among the branch sides: its condition held (the jump was taken).
        .taken: "taken",
        .notTaken: "not taken",
        .typeYesNo: "yes/no",
        .typeChoice: "choice",
        .typeNumber: "number",
        .typeText: "text",
        .typeScale: "scale",
        .approximately: "≈ {1} × 10^{2} ({3} digits)",
        // test
        .beforeFirstScenario: "(answers before the first scenario)",
        .testSummary: "{1}: {2} passed, {3} failed",
        .noQuestion: "the playbook has no question '{1}'",
        .noStage: "the playbook has no stage '{1}'",
        .noAnswer: "no answer for the question '{1}' (\"{2}\") asked in stage {3}; add a line: {1} = ...",
        .notAnAnswer: "'{1}' is not an answer to '{2}': {3}",
        .answerEmpty: "the answer is empty",
        .takesYesNo: "the question takes {1} or {2}",
        .takesNumber: "the question takes a number",
        .takesWhole: "the question takes a whole number",
        .takesRange: "the question takes a number from {1} to {2}",
        .takesFrom: "the question takes a number from {1} up",
        .optionsAre: "the options are {1}",
        .ambiguous: "without accents it reads as more than one option: {1}",
        .cannotLeave: "the walk cannot leave stage {1}: its exit criterion fails ({2}); add 'expect blocked {1}' if that is what the scenario tests",
        .faultAt: "the walk stopped on a fault at line {1}: {2}",
        .expectedOutcome: "expected the outcome {1}, but {2}",
        .expectedOutcomeUnknown: "expected the outcome {1}, but {2} ('{1}' is not an outcome of the playbook: {3})",
        .expectedBlocked: "expected the walk to be blocked at stage {1} by an exit criterion, but {2}",
        .expectedValueMissing: "expected {1} = {2}, but {1} has no value at the end of the walk",
        .expectedValue: "expected {1} = {2}, but it is {3}",
        .expectedEnter: "expected the walk to enter stage {1}, but it did not",
        .expectedNotEnter: "expected the walk not to enter stage {1}, but it did",
        .endedWith: "it ended with {1}",
        .endedWithReason: "it ended with {1} (\"{2}\")",
        .blockedAt: "it was blocked at stage {1} ({2})",
        .didNotEnd: "it did not end",
        .blockedMark: "⊘ blocked: {1}",
        .unusedOne: "1 answer for '{1}' never asked for",
        .unusedMany: "{1} answers for '{2}' never asked for",
        // coverage, explore, random
        .coverage: "coverage: {1} of {2} branch sides ({3}%)",
        .sideNotTaken: "not taken",
        .exitSide: "exit when {1} (stage {2}): {3}",
        .holds: "holds",
        .fails: "fails",
        .explored: "{1}: explored {2}",
        .exploredStopped: "{1}: explored {2} (stopped at the budget)",
        .fault: "fault",
        .deadEnd: "dead end",
        .unmet: "unmet exit criterion",
        .neverMet: "exit criterion never met",
        .cannotBeLeft: "stage {1} cannot be left: {2}",
        .neverHolds: "exit when {1} (stage {2}) never holds on any explored walk",
        .noAnswers: "(no answers)",
        .outcomesReached: "outcomes reached: {1}",
        .noOutcome: "no walk reached an outcome",
        .wrote: "wrote {1} to {2}",
        .randomWalks: "{1}: {2} (seed {3}), {4}",
        .randomWalkOne: "1 random walk",
        .randomWalkMany: "{1} random walks",
        .cutOne: "1 walk cut after {1} answers: a loop the random answers did not leave",
        .cutMany: "{1} walks cut after {2} answers: a loop the random answers did not leave",
        .sidesTaken: "branch sides taken (times):",
        // report
        .teamReport: "Team report",
        .teamRead: "records read: {1}",
        .teamSkipped: "lines skipped: {1}, in {2} files (torn, or of another schema version)",
        .teamAsOf: "as of {1}",
        .teamDealOne: "1 deal",
        .teamDealMany: "{1} deals",
        .teamFromPlaybook: "stages and questions from the playbook",
        .teamFromRecords: "stages and questions from the records (the playbook file could not be read)",
        .teamOverview: "Overview",
        .teamFunnel: "Funnel",
        .teamQuestions: "Questions",
        .teamReps: "Reps",
        .teamVersions: "Versions",
        .teamTrend: "Trend",
        .teamDeals: "Deals",
        .teamStatusLine: "ended {1} · paused {2} · interrupted {3} · faulted {4}",
        .teamWon: "Won",
        .teamLost: "Lost",
        .teamWinRate: "Win rate",
        .teamMedianCycle: "Median cycle",
        .teamMedianActive: "Median time spent",
        .teamOutcomes: "Outcomes",
        .teamNoOutcome: "no deal has ended yet",
        .teamRateOf: "{1} of {2}",
        .teamRateOfSmall: "{1} of {2} (small)",
        .teamSeconds: "{1} s",
        .teamMinutes: "{1} min",
        .teamHours: "{1} h",
        .teamDays: "{1} d",
        .teamStage: "Stage",
        .teamEntered: "Entered",
        .teamLeft: "Left",
        .teamNextStep: "Next step",
        .teamCumulative: "Of all deals",
        .teamLeftStage: "left the stage",
        .teamStoppedInStage: "stopped in it",
        .teamTimeInStage: "Time in each stage, and deals still open",
        .teamMedian: "Median",
        .teamP90: "90% within",
        .teamOpen: "Open",
        .teamOpenFor: "Open for (median)",
        .teamOpenDays: "Open for",
        .teamStalled: "Stalled",
        .teamStoppedHere: "Stopped here",
        .teamStillOpen: "open",
        .teamStalls: "Stalled deals: open longer than 90% of deals took to leave the stage",
        .teamStallsOf: "{1}: {2} stalled",
        .teamNoStalls: "No deal is stalled.",
        .teamDeal: "Deal",
        .teamRep: "Rep",
        .teamSession: "Session",
        .teamAndMore: "and {1} more",
        .teamWhereDealsDie: "Where deals die: {1}, the last question answered before {2} of {3} losses",
        .teamNoDeaths: "Where deals die: no lost deal to learn from yet",
        .teamQuoted: "“{1}”",
        .teamQuestionFacts: "asked {1} · answered {2} · median answer time {3} · last before a loss {4}",
        .teamAnswer: "Answer",
        .teamAnswers: "Answers",
        .teamShare: "Share",
        .teamNumberSummary: "lowest {1} · first quartile {2} · median {3} · third quartile {4} · highest {5}",
        .teamMean: "mean {1}",
        .teamNoAnswerYet: "no answer yet",
        .teamEnded: "Ended",
        .teamLostIn: "Lost most in",
        .teamPractice: "Practice runs",
        .teamGrade: "Average grade",
        .teamVersion: "Version",
        .teamComparedWith: "Compared with {1}",
        .teamMostUsed: "the most used",
        .teamTooFew: "too few ended deals to tell",
        .teamNoClearDifference: "no clear difference ({1})",
        .teamClearDifference: "a clear difference ({1})",
        .teamConversionByVersion: "Next-step conversion by version",
        .teamWeek: "Week",
        .teamStarted: "Started",
        .teamWonLegend: "won",
        .teamNotWon: "not won (yet)",
    ]
}
