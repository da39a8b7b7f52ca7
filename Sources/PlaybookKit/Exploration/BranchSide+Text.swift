extension BranchSideInfo {
    /// `pain = no`, `kind = "Price"`, `if cost < 5000: taken`, `exit when pain (stage problem): fails`,
    /// in `words`' language (yes and no too); the playbook's words as written.
    public func text(words: ReportWords) -> String {
        switch label {
        case .exit(let condition, let stage, let holds): words(.exitSide, condition, stage, words(holds ? .holds : .fails))
        case .answer(let question, let value): NamedAnswer(question: question, value: value).text(YesNoWords(language: words.language))
        case .condition(let condition, let taken): words.labelled("if \(condition)", words(taken ? .taken : .notTaken))
        }
    }
}
