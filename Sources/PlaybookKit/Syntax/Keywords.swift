/// The symbols of the language's words, interned once per check.
struct Keywords {
    let playbook, methodology, language, version, description, outcomes: Symbol
    let use, term, stage, flow, goal, tip, exit, when: Symbol
    let ask, say, buyer, set, `if`, call, `return`, end, next: Symbol
    let why, yes, no, score, feedback, best: Symbol
    let choice, number, text, scale: Symbol
    let and, or, not: Symbol
    /// Words that cannot name a stage, flow, question or variable.
    let reserved: Swift.Set<Symbol>

    init(_ interner: inout Interner) {
        playbook = interner.intern("playbook")
        methodology = interner.intern("methodology")
        language = interner.intern("language")
        version = interner.intern("version")
        description = interner.intern("description")
        outcomes = interner.intern("outcomes")
        use = interner.intern("use")
        term = interner.intern("term")
        stage = interner.intern("stage")
        flow = interner.intern("flow")
        goal = interner.intern("goal")
        tip = interner.intern("tip")
        exit = interner.intern("exit")
        when = interner.intern("when")
        ask = interner.intern("ask")
        say = interner.intern("say")
        buyer = interner.intern("buyer")
        set = interner.intern("set")
        `if` = interner.intern("if")
        call = interner.intern("call")
        `return` = interner.intern("return")
        end = interner.intern("end")
        next = interner.intern("next")
        why = interner.intern("why")
        yes = interner.intern("yes")
        no = interner.intern("no")
        score = interner.intern("score")
        feedback = interner.intern("feedback")
        best = interner.intern("best")
        choice = interner.intern("choice")
        number = interner.intern("number")
        text = interner.intern("text")
        scale = interner.intern("scale")
        and = interner.intern("and")
        or = interner.intern("or")
        not = interner.intern("not")
        reserved = [yes, no, and, or, not, next, end, score]
    }
}
