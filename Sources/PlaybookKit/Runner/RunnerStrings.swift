/// The runner's own words (banners, prompts, commands' help), in the playbook's language when it
/// is one of en, vi, he, zh, th, and in English otherwise. `{1}`, `{2}`... are filled in order.
public struct RunnerStrings: Sendable {
    public let language: String
    private let table: [Phrase: String]

    public init(language: String) {
        (self.language, table) = ToolLanguage.choose(language, among: Self.tables)
    }

    /// What follows a label: a full-width colon in Chinese, ": " elsewhere.
    public var colon: String { language == "zh" ? "：" : ": " }

    /// The languages the runner speaks.
    public static let languages = ToolLanguage.all

    static let tables: [String: [Phrase: String]] = [
        "en": english, "vi": vietnamese, "he": hebrew, "zh": chinese, "th": thai,
    ]

    /// The phrase with `arguments` in place of `{1}`, `{2}`...; English when a table lacks it.
    /// The arguments are outside text (titles, answers, names, paths): made safe to print.
    public func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        ToolLanguage.fill(
            table[phrase] ?? Self.english[phrase] ?? phrase.rawValue, arguments.map { TerminalText.safe($0, lines: true) })
    }

    public enum Phrase: String, Sendable, CaseIterable {
        case stageBanner, goal, tip, say, buyer
        case numberBetween, numberAtLeast, anyNumber, scaleBetween
        case empty, notYesNo, notANumber, notWhole, outOfRangeBetween, outOfRangeAtLeast, notAnOption
        case commandsTitle, helpHelp, helpBack, helpNote, helpWhere, helpDefine, helpPause, helpEnd, helpLiteral, helpOwnWords
        case ambiguousOption, ambiguousName, readAsCommand, confirmEnd, confirmAgain, endCancelled
        case why, noCoaching
        case backTo, nothingToUndo, noteKept, noteEmpty
        case whereDone, whereNow, whereToCome
        case defineEmpty, defineUnknown, glossaryEmpty
        case unmet, unmetHelp, notWaiting, endNeedsOutcome, unknownOutcome
        case outcome, reason, score, recordedIn, paused, resumeWith, fault
        case resumed, replayed, replayedOne, replayStopped, replayChanged, replayAsksOther, replayNoLongerFits, replayEnded
        case replayStoppedDamaged, replayStoppedUnchanged, replayUnknownOutcome
        case noAnswersLeft
        case personaIntro, bestMove, feedbackHeld, practiceResult, practiceScore, unbounded, grade, noGrade
        case gradeMeasures, gradeMeasuresTakenBack, takenBack
        case movesToReview, allBest, youChose, personaWithRole, optionPoints
        case summaryTitle, logTitle
        case shownStage, revised, note, couldNotLeave, pausedAt, resumedAt, oneDidNotFit, didNotFit, walkStopped
        case oneDidNotFitSamePlaybook, didNotFitSamePlaybook
        case pointsBest, pointsOther, shownScoreAny, shownScoreWalk
        case status, statusFaulted, statusPaused, statusInterrupted, session, shownDeal, shownRep, started
        case seconds, minutesSeconds
        case historyRuns, historyOneRun, trend, historyDate, historyRep, historyScore, historyGrade, historyBest, historyWorst, lost
    }

    static let english: [Phrase: String] = [
        .stageBanner: "Stage {1} of {2} · {3}",
        .goal: "Goal",
        .tip: "Tip",
        .say: "Say",
        .buyer: "Buyer",
        .numberBetween: "a number from {1} to {2}",
        .numberAtLeast: "a number, {1} or more",
        .anyNumber: "a number",
        .scaleBetween: "{1} to {2}",
        .empty: "Type an answer, or ? for help.",
        .notYesNo: "Answer {1} or {2}.",
        .notANumber: "That is not a number: type digits, such as 12 or 2.5.",
        .notWhole: "Type a whole number.",
        .outOfRangeBetween: "Type a number from {1} to {2}.",
        .outOfRangeAtLeast: "Type a number of {1} or more.",
        .notAnOption: "Type the number of an option, 1 to {1}, or its text.",
        .commandsTitle: "At any question you can type:",
        .helpHelp: "?, help       this help, and why the question matters",
        .helpBack: "back          undo the last answer",
        .helpNote: "note TEXT     keep a note in the record",
        .helpWhere: "where         the stages done and to come",
        .helpDefine: "define WORD   look a word up in the playbook's glossary",
        .helpPause: "pause         save and stop here (Ctrl-C and Ctrl-D too)",
        .helpEnd: "end OUTCOME   end the deal now with an outcome ({1})",
        .helpLiteral: "To answer with one of these words, start the answer with \\ (\\back); to give a command that reads like an option, start it with / (/back).",
        .helpOwnWords: "The commands in the playbook's language too: {1}",
        .ambiguousOption: "Typed without accents, that could be more than one option: {1}. Type its number.",
        .ambiguousName: "\"{1}\" could be more than one of: {2}. Type it with its accents.",
        .readAsCommand: "(read as the command {1}; type \\ before it to give it as the answer)",
        .confirmEnd: "End the deal now as “{1}”? [{2}/{3}]",
        .confirmAgain: "Answer {1} to end the deal, or {2} to go on.",
        .endCancelled: "Not ended; the deal goes on.",
        .why: "Why it matters",
        .noCoaching: "This question has no coaching notes.",
        .backTo: "Back to the question before.",
        .nothingToUndo: "Nothing to undo: this is the first answer.",
        .noteKept: "Note kept.",
        .noteEmpty: "Write the note after the word: note The buyer mentioned a tender in March.",
        .whereDone: "Done",
        .whereNow: "Now",
        .whereToCome: "To come",
        .defineEmpty: "Which word? The glossary has: {1}",
        .defineUnknown: "\"{1}\" is not in this playbook's glossary. It has: {2}",
        .glossaryEmpty: "This playbook has no glossary.",
        .unmet: "Stage \"{1}\" cannot be left yet: {2}",
        .unmetHelp: "Type back to revise an answer, or end OUTCOME to close the deal ({1}).",
        .notWaiting: "Type back or end OUTCOME.",
        .endNeedsOutcome: "Which outcome? One of: {1}",
        .unknownOutcome: "\"{1}\" is not an outcome of this playbook. One of: {2}",
        .outcome: "Outcome",
        .reason: "Reason",
        .score: "Score",
        .recordedIn: "Recorded in {1}",
        .paused: "Paused. Nothing is lost.",
        .resumeWith: "Resume with: {1}",
        .fault: "The walk stopped: {1} ({2}). This is a mistake in the playbook; tell its author.",
        .resumed: "Resuming \"{1}\" for {2}.",
        .replayed: "{1} answers replayed.",
        .replayedOne: "1 answer replayed.",
        .replayStopped: "The playbook changed since this session was recorded; its answers fit up to here, and {1} more could not be replayed:",
        .replayChanged: "The playbook changed since this session was recorded; all its answers still fit.",
        .replayAsksOther: "{1}: the playbook now asks '{2}' at this point",
        .replayNoLongerFits: "{1}: no longer an answer the question accepts",
        .replayEnded: "{1}: the walk now ends before this question",
        .replayStoppedDamaged: "The playbook has not changed, but this record is damaged (unreadable lines: {2}); its answers fit up to here, and {1} more could not be replayed:",
        .replayStoppedUnchanged: "The playbook has not changed, but this record does not fit it; its answers fit up to here, and {1} more could not be replayed:",
        .replayUnknownOutcome: "{1}: not an outcome of this playbook (one of: {2})",
        .noAnswersLeft: "no answer left for the question '{1}' (\"{2}\") in stage {3}",
        .personaIntro: "You are talking to {1}",
        .bestMove: "Best",
        .feedbackHeld: "Your moves, with feedback:",
        .practiceResult: "Practice result",
        .practiceScore: "Score: {1} · best on your walk: {2} · best on any walk: {3}",
        .unbounded: "no limit (a loop adds points)",
        .grade: "Grade",
        .noGrade: "No grade: none of your moves could win points.",
        .gradeMeasures: "(the points of your {1} moves against the best move at each)",
        .gradeMeasuresTakenBack: "(the points of your {1} moves, {2} of them taken back, against the best move at each)",
        .takenBack: "(taken back)",
        .movesToReview: "Moves to review:",
        .allBest: "Every move was the best one.",
        .youChose: "you chose “{1}” ({2}); best: “{3}” ({4})",
        // What `show` prints of a recorded session.
        .shownStage: "Stage {1} · {2}",
        .summaryTitle: "Answers",
        .logTitle: "Step by step",
        .revised: "(revised)",
        .note: "Note",
        .couldNotLeave: "Could not leave the stage: {1}",
        .pausedAt: "paused at {1}",
        .resumedAt: "resumed at {1}",
        .oneDidNotFit: "(the playbook had changed; 1 recorded answer did not fit)",
        .didNotFit: "(the playbook had changed; {1} recorded answers did not fit)",
        .oneDidNotFitSamePlaybook: "(1 recorded answer did not fit)",
        .didNotFitSamePlaybook: "({1} recorded answers did not fit)",
        .walkStopped: "The walk stopped: {1}",
        .pointsBest: "{1} points (best)",
        .pointsOther: "{1} points · best: \"{2}\" ({3})",
        .shownScoreAny: "Score: {1} (best on this walk {2}, on any walk {3})",
        .shownScoreWalk: "Score: {1} (best on this walk {2})",
        .status: "Status",
        .statusFaulted: "stopped on a fault",
        .statusPaused: "paused",
        .statusInterrupted: "interrupted",
        .session: "Session {1}",
        .shownDeal: "deal: {1}",
        .shownRep: "rep: {1}",
        .started: "started {1}",
        .seconds: "{1} s",
        .minutesSeconds: "{1} min {2} s",
        // What `practice --history` prints.
        .historyRuns: "{1}: {2} runs",
        .historyOneRun: "{1}: 1 run",
        .trend: "trend",
        .historyDate: "DATE",
        .historyRep: "REP",
        .historyScore: "SCORE",
        .historyGrade: "GRADE",
        .historyBest: "BEST MOVE",
        .historyWorst: "WORST MOVE",
        .lost: "(lost {1})",
        // Practice: a persona with a role, and an option with its points.
        .personaWithRole: "You are talking to {1}, {2}",
        .optionPoints: "“{1}” ({2})",
    ]
}
