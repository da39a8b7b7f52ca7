/// The symbols of the language's words, interned once per check.
struct Keywords {
    let playbook, methodology, language, version, description, outcomes: Symbol
    let use, term, persona, stage, flow, goal, tip, exit, when: Symbol
    let role, context: Symbol
    let ask, say, buyer, set, `if`, `else`, call, `return`, end, next: Symbol
    let why, yes, no, score, feedback, best: Symbol
    let choice, number, text, scale: Symbol
    let and, or, not: Symbol
    /// Words that cannot name a stage, flow, question or variable.
    let reserved: Swift.Set<Symbol>
    /// The words that begin a line: under a question, one of them before a string is that line
    /// misplaced (`say "..."`), not an option's key.
    let lineWords: Swift.Set<Symbol>
    /// The same words, spelled.
    static let reservedWords = ["yes", "no", "and", "or", "not", "next", "end", "score"]

    init(_ intern: (String) -> Symbol) {
        playbook = intern("playbook")
        methodology = intern("methodology")
        language = intern("language")
        version = intern("version")
        description = intern("description")
        outcomes = intern("outcomes")
        use = intern("use")
        term = intern("term")
        persona = intern("persona")
        role = intern("role")
        context = intern("context")
        stage = intern("stage")
        flow = intern("flow")
        goal = intern("goal")
        tip = intern("tip")
        exit = intern("exit")
        when = intern("when")
        ask = intern("ask")
        say = intern("say")
        buyer = intern("buyer")
        set = intern("set")
        `if` = intern("if")
        `else` = intern("else")
        call = intern("call")
        `return` = intern("return")
        end = intern("end")
        next = intern("next")
        why = intern("why")
        yes = intern("yes")
        no = intern("no")
        score = intern("score")
        feedback = intern("feedback")
        best = intern("best")
        choice = intern("choice")
        number = intern("number")
        text = intern("text")
        scale = intern("scale")
        and = intern("and")
        or = intern("or")
        not = intern("not")
        reserved = Swift.Set(Self.reservedWords.map(intern))
        lineWords = [
            playbook, methodology, language, version, description, outcomes, use, term, persona, role, context, stage, flow,
            goal, tip, exit, ask, say, buyer, set, `if`, `else`, call, `return`, end, next, why, score, feedback, best,
        ]
    }
}
