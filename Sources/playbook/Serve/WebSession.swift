import PlaybookKit

/// A session open in the server: its live walk (which holds the record open and locked) and what
/// its page shows. Used only under its `WebSessions` lock.
struct WebSession {
    let info: SessionInfo
    /// Nil once the deal ended or paused: the record is closed and its lock let go.
    var walk: LiveWalk<RecordFile>?
    /// The runner as the last turn left it, to draw the page after the record is closed.
    var runner: Runner
    /// The tab that holds the session: its forms carry this token.
    var lease: String
    /// Counts the turns, so that a form sent from an older page (a second click, a tab left
    /// behind) is not taken as a new answer.
    var turn = 0
    /// What the last turn that moved the walk showed (a question asked, an outcome).
    var screen: [DisplayItem]
    /// What a turn that did not move it showed (a refused answer, a note kept), shown once.
    var flash: [DisplayItem] = []
    var notes: [String] = []
    /// An answer the runner refused, to show again in its field.
    var typed = ""
    /// Where the last turn left the walk.
    private(set) var state = Runner.State.waiting

    init(walk: LiveWalk<RecordFile>, info: SessionInfo, lease: String, first turn: Runner.Turn, before intro: [DisplayItem] = []) {
        self.info = info
        self.lease = lease
        screen = intro + turn.items
        runner = walk.runner
        state = turn.state
        self.walk = turn.state == .waiting ? walk : nil
    }

    var isOpen: Bool { walk != nil }

    /// Does what the rep did, recorded before it returns; the record is closed when the walk
    /// pauses, ends or stops on a fault.
    mutating func perform(_ input: RepInput) throws(StoreError) {
        guard var live = walk else { return }
        var input = input
        // The page's yes and no buttons send the words `yes` and `no`, in every language.
        if case .answer(let text) = input, let question = runner.question, case .yesNo = question.type, text == "yes" || text == "no" {
            input = .value(.bool(text == "yes"))
        }
        let turn = try live.perform(input)
        runner = live.runner
        self.turn += 1
        for record in turn.records { if case .note(let text, _) = record { notes.append(text) } }
        let moved = turn.records.contains { record in
            switch record {
            case .asked, .ended, .fault, .unmet: true
            default: false
            }
        }
        if moved {
            screen = turn.items
            flash = []
            typed = ""
        } else {
            flash = turn.items
            if case .answer(let text) = input { typed = text }
        }
        state = turn.state
        walk = turn.state == .waiting ? live : nil
    }

    /// The walk page's model.
    func page(flash shown: [DisplayItem]) -> WalkScreen {
        let program = runner.program
        let walk = runner.walk
        let current = walk.state.stage
        let stage = program.stages[current]
        let ended = state != .waiting && state != .paused
        return WalkScreen(
            session: info.id, title: program.title, language: program.language, isPractice: runner.isPractice, rep: info.rep,
            deal: info.deal, persona: info.personaName, stages: program.stages.map { walk.renderIfPossible($0.title) },
            currentStage: current, done: Set(walk.state.stagesEntered).subtracting([current]),
            goal: stage.goal.map(walk.renderIfPossible), tips: stage.tips.map(walk.renderIfPossible), items: screen + shown,
            question: isOpen ? runner.question.map(runner.view(of:)) : nil,
            pendingEnd: runner.pendingEnd.map { WalkScreen.PendingEnd(outcome: $0.outcome, reason: $0.reason) },
            outcomes: runner.outcomeNames.map { WalkScreen.Outcome(name: $0, tone: program.tone(of: $0)) },
            glossary: program.terms.map { GlossaryEntry(word: $0.word.value, definition: $0.definition.value) }, ended: ended,
            canGoBack: isOpen && !walk.state.answers.isEmpty, turn: turn, lease: lease, notes: notes, typed: typed)
    }
}
