import Glibc
import PlaybookKit

let help = """
    playbook: sales playbooks you can check, run and rehearse

    usage: playbook <command> [options]

    commands:
      check FILE...      check playbooks and report every problem found
      run FILE           walk through a deal with a playbook, recording every answer
      practice FILE      rehearse against a scripted buyer; moves are scored and coached
      resume SESSION     go on with a paused or interrupted session
      show SESSION       print a session's transcript (text, markdown or json)
      sessions           list the recorded sessions
      test FILE...       run the scenarios of .scenarios files against their playbooks
      graph FILE         draw the playbook as a flowchart (mermaid, dot or svg)
      paths FILE         count the walks to each outcome; shortest, longest and example walks

    Run 'playbook <command> --help' for a command's options. The documentation comes with
    playbook's source, in its docs folder: language.md (the language, construct by construct),
    running.md (run, practice, resume, show, sessions, test), sessions.md (the record format),
    graph.md, analysis.md, and diagnostics/ (a page per diagnostic code, with examples).

    """

let words = CommandLine.arguments.dropFirst()
let commands = ["check", "run", "practice", "resume", "show", "sessions", "test", "graph", "paths"]
var status: Int32
var results: [CheckResult] = []
do throws(UsageError) {
    switch words.first {
    case "check": status = try CheckCommand.run(words.dropFirst(), keep: &results)
    case "run": status = try RunCommand.run(words.dropFirst(), keep: &results)
    case "practice": status = try PracticeCommand.run(words.dropFirst(), keep: &results)
    case "resume": status = try ResumeCommand.run(words.dropFirst(), keep: &results)
    case "show": status = try ShowCommand.run(words.dropFirst())
    case "sessions": status = try SessionsCommand.run(words.dropFirst())
    case "test": status = try TestCommand.run(words.dropFirst(), keep: &results)
    case "graph": status = try GraphCommand.run(words.dropFirst(), keep: &results)
    case "paths": status = try PathsCommand.run(words.dropFirst(), keep: &results)
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
        let hint = Suggestion.didYouMean(other, among: commands).map { " (\($0))" } ?? ""
        throw UsageError("unknown command '\(other)'\(hint)")
    }
} catch {
    // Messages hold the user's words and file names.
    Terminal.error("playbook: \(TerminalText.safe(error.message, lines: true))\nRun 'playbook --help' for usage.\n")
    status = 2
}
exit(status)
