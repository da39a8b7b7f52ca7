/// The web app's own words (buttons, labels, headings, statuses, the keyboard help, errors), in
/// the playbook's language when it is one of en, vi, he, zh, th, and in English otherwise. The
/// runner's words (goal, tip, say, outcome, score...) come from `RunnerStrings`, so a page says
/// what the terminal says. `{1}`, `{2}`... are filled in order; the pages escape the result.
public struct WebWords: Sendable {
    public let language: String
    private let table: [Phrase: String]

    public init(language: String) {
        (self.language, table) = ToolLanguage.choose(language, among: Self.tables)
    }

    /// The languages the pages speak: the runner's.
    public static let languages = ToolLanguage.all

    static let tables: [String: [Phrase: String]] = [
        "en": english, "vi": vietnamese, "he": hebrew, "zh": chinese, "th": thai,
    ]

    /// The phrase with `arguments` in place of `{1}`, `{2}`...; English when a table lacks it.
    public func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        ToolLanguage.fill(table[phrase] ?? Self.english[phrase] ?? phrase.rawValue, arguments)
    }

    /// What follows a label: a full-width colon in Chinese, ": " elsewhere.
    public var colon: String { language == "zh" ? "：" : ": " }

    /// A language's name in itself (`Tiếng Việt`), for a list of playbooks in several; the code
    /// for a language the tool does not speak.
    public static func languageName(_ code: String) -> String {
        let names = ["en": "English", "vi": "Tiếng Việt", "he": "עברית", "zh": "中文", "th": "ไทย"]
        return names[LanguageCode.base(code)] ?? code
    }

    public enum Phrase: String, Sendable, CaseIterable {
        // Buttons and links.
        case start, resume, read, back, pause, endDeal, confirm, cancel, saveNote, yes, no, answer, yourAnswer
        case home, readTranscript, openReport, skipToQuestion
        // Labels.
        case rep, deal, persona, personaAny, feedback, feedbackNow, feedbackEnd, notes, newNote, whyThisQuestion
        case optional, playbook, methodology, language, version, started, mode, status, session
        case modeRun, modePractice, practice
        // Headings.
        case playbooks, yourSessions, transcript, finalAnswers, report, startDeal, startPractice, stages, ended
        // Statuses of a session.
        case statusInProgress, statusPaused, statusInterrupted, statusEnded, statusFaulted, statusEmpty, statusUnreadable
        // The walk.
        case endConfirm, endConfirmNote, unmetWhatToDo, chosen, noNotes, copyHint
        // The keyboard help.
        case keysTitle, keysDigits, keysYesNo, keysBack, keysEnter, keysHelp, keysWhen
        // Errors and refusals.
        case notFound, notFoundText, sessionNotFound, playbookNotFound, openElsewhereTitle, openElsewhere
        case staleTurn, alreadyEnded, badRequest, somethingWrong
        // Empty lists.
        case noPlaybooks, noSessions
    }

    static let english: [Phrase: String] = [
        .start: "Start",
        .resume: "Resume",
        .read: "Read",
        .back: "Back",
        .pause: "Pause",
        .endDeal: "End the deal",
        .confirm: "Confirm",
        .cancel: "Cancel",
        .saveNote: "Save note",
        .yes: "Yes",
        .no: "No",
        .answer: "Answer",
        .yourAnswer: "Your answer",
        .home: "Home",
        .readTranscript: "Read the transcript",
        .openReport: "Open the team report",
        .skipToQuestion: "Skip to the question",
        .rep: "Rep",
        .deal: "Deal",
        .persona: "Persona",
        .personaAny: "Any of them, at random",
        .feedback: "Feedback",
        .feedbackNow: "Feedback now, after each move",
        .feedbackEnd: "Feedback at the end",
        .notes: "Notes",
        .newNote: "Add a note",
        .whyThisQuestion: "Why this question",
        .optional: "{1} (optional)",
        .playbook: "Playbook",
        .methodology: "Methodology",
        .language: "Language",
        .version: "Version",
        .started: "Started",
        .mode: "Mode",
        .status: "Status",
        .session: "Session",
        .modeRun: "deal",
        .modePractice: "practice",
        .practice: "Practice",
        .playbooks: "Playbooks",
        .yourSessions: "Your sessions",
        .transcript: "Transcript",
        .finalAnswers: "Final answers",
        .report: "Report",
        .startDeal: "Walk a real deal",
        .startPractice: "Practise against a buyer",
        .stages: "Stages",
        .ended: "This deal has ended.",
        .statusInProgress: "in progress",
        .statusPaused: "paused",
        .statusInterrupted: "interrupted",
        .statusEnded: "ended",
        .statusFaulted: "stopped on a fault",
        .statusEmpty: "empty",
        .statusUnreadable: "unreadable",
        .endConfirm: "End the deal now as “{1}”?",
        .endConfirmNote: "An ended deal cannot be resumed.",
        .unmetWhatToDo: "Go back to change an answer, or end the deal with one of its outcomes: {1}.",
        .chosen: "Taken as: {1}",
        .noNotes: "No notes yet.",
        .copyHint: "To paste into your CRM: select all the lines and copy them.",
        .keysTitle: "Keyboard shortcuts",
        .keysDigits: "1 to 9: press that option",
        .keysYesNo: "Y or N: yes or no",
        .keysBack: "B or Alt+←: back to the question before",
        .keysEnter: "Enter: send the answer",
        .keysHelp: "?: show or hide these shortcuts",
        .keysWhen: "They work when you are not typing in a field.",
        .notFound: "Not found",
        .notFoundText: "There is nothing at this address.",
        .sessionNotFound: "There is no session “{1}”.",
        .playbookNotFound: "There is no playbook “{1}” here.",
        .openElsewhereTitle: "Open somewhere else",
        .openElsewhere: "This session is open in another tab or in a terminal. Go on there, or close it there and resume it here.",
        .staleTurn: "This page was out of date, so nothing was changed: here is where the deal is now.",
        .alreadyEnded: "This session has ended: it can be read, not changed.",
        .badRequest: "That request could not be read.",
        .somethingWrong: "Something went wrong",
        .noPlaybooks: "No playbooks are served here.",
        .noSessions: "No sessions yet: start one from a playbook above.",
    ]
}
