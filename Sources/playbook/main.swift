import Glibc
import PlaybookKit

let words = CommandLine.arguments.dropFirst()
var status: Int32
var results: [CheckResult] = []
do throws(UsageError) {
    switch words.first {
    case "--help", "-h", "help":
        Terminal.write(Subcommands.help)
        status = 0
    case "--version":
        Terminal.write("playbook 0.1.0\n")
        status = 0
    case nil:
        Terminal.error(Subcommands.help)
        status = 2
    case let name?:
        guard let command = Subcommands.named(name) else {
            let hint = Suggestion.didYouMean(name, among: Subcommands.all.map { $0.name }).map { " (\($0))" } ?? ""
            throw UsageError("unknown command '\(name)'\(hint)")
        }
        status = try Subcommands.run(command, words.dropFirst(), keep: &results)
    }
} catch {
    // Messages hold the user's words and file names.
    Terminal.error("playbook: \(TerminalText.safe(error.message, lines: true))\nRun 'playbook --help' for usage.\n")
    status = 2
}
exit(status)
