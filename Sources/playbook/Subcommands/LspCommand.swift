import Glibc
import PlaybookKit

/// `playbook lsp`: the language server an editor starts.
enum LspCommand: Subcommand {
    static let help = """
        usage: playbook lsp

        The language server for editors (the Language Server Protocol 3.17, over standard input
        and output): an editor starts it and shows, as you type in .playbook and .scenarios
        files, the diagnostics 'playbook check' and 'playbook test' give, across the files a
        playbook uses (their unsaved text too). It also answers hover, go to definition, find
        references, rename (across the playbooks of the workspace and their scenario files),
        completion, the outline, folding, formatting (as 'playbook fmt'), quick fixes and
        semantic tokens. Positions are counted in UTF-16, as the protocol asks, unless the
        editor offers UTF-8 or UTF-32 first. docs/editors.md sets up Neovim, Helix, Emacs,
        VS Code and Zed.

        Point the editor at the command 'playbook lsp'; for Neovim:

          vim.lsp.start_client({ name = "playbook", cmd = { "playbook", "lsp" } })

        It writes only protocol messages to standard output and its own log to standard
        error. It ends when the editor says 'exit', closes its input, or is gone.

        options:
          -h, --help        show this help

        exit status: 0 after the editor's shutdown and exit, 1 otherwise

        """

    static let name = "lsp"
    static let operands = ""
    static let summary = "the language server for editors (LSP over stdin and stdout)"
    static let valued: Set<String> = []
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        guard arguments.operands.isEmpty else { throw UsageError("lsp takes no files: the editor sends them") }
        if isatty(STDIN_FILENO) == 1 {
            Terminal.error(
                "playbook lsp: this is the language server, for an editor to start and talk to over standard input and output;"
                    + " to check a playbook yourself, run 'playbook check FILE'. (Ctrl-D ends it.)\n")
        }
        let server = LSPServer(loader: FileSystemLoader(), lister: DirectoryLister(), docsBase: DiagnosticsDocs.base())
        var transport = StdioTransport(server: server)
        return transport.run()
    }
}
