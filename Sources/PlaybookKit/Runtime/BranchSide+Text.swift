extension BranchSideInfo {
    /// `pain = no`, `kind = "Price"`, `if cost < 5000: taken`, `exit when pain (stage problem): fails`,
    /// in `words`' language (yes and no too); the playbook's words as written.
    public func text(words: ReportWords) -> String { text(words: words, answers: YesNoWords(language: words.language)) }

    /// The same, with the language's yes and no at hand: a report of many sides looks them up once.
    func text(words: ReportWords, answers: YesNoWords) -> String {
        switch label {
        case .exit(let condition, let stage, let holds): words(.exitSide, condition, stage, words(holds ? .holds : .fails))
        case .answer(let question, let value): NamedAnswer(question: question, value: value).text(answers)
        case .condition(let condition, let taken): words.labelled("if \(condition)", words(taken ? .taken : .notTaken))
        }
    }
}
