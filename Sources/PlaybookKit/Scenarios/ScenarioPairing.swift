/// Which files `test` pairs: `x.scenarios` tests `x.playbook` beside it, and given `x.playbook`
/// it runs `x.scenarios`. `--playbook` names another playbook.
public enum ScenarioPairing {
    public static func files(for operand: String, playbook: String?) -> (scenarios: String, playbook: String) {
        let stem = operand.hasSuffix(".playbook") ? String(operand.dropLast(9))
            : operand.hasSuffix(".scenarios") ? String(operand.dropLast(10)) : operand
        let scenarios = operand.hasSuffix(".playbook") ? stem + ".scenarios" : operand
        return (scenarios, playbook ?? stem + ".playbook")
    }
}
