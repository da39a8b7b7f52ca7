import Glibc
import PlaybookKit

let help = """
    playbook: sales playbooks you can check, run and rehearse

    usage: playbook <command> [options]

    commands:
      check FILE...    check playbooks and report every problem found

    Run 'playbook <command> --help' for a command's options, and see README.md and
    docs/language.md for the language.

    """

let words = CommandLine.arguments.dropFirst()
var status: Int32
var results: [CheckResult] = []
do throws(UsageError) {
    switch words.first {
    case "check": status = try CheckCommand.run(words.dropFirst(), keep: &results)
    case "--help", "-h", "help":
        Terminal.write(help)
        status = 0
    case "--version":
        Terminal.write("playbook 0.1.0\n")
        status = 0
    case nil:
        Terminal.error(help)
        status = 2
    case let other?:
        let hint = Suggestion.didYouMean(other, among: ["check"]).map { " (\($0))" } ?? ""
        throw UsageError("unknown command '\(other)'\(hint)")
    }
} catch {
    Terminal.error("playbook: \(error.message)\nRun 'playbook --help' for usage.\n")
    status = 2
}
exit(status)
