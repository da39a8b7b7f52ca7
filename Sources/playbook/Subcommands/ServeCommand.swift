import Glibc
import PlaybookKit

/// `playbook serve [FOLDER|FILE]...`: walks deals in the browser, over the same records.
enum ServeCommand: Subcommand {
    static let help = """
        usage: playbook serve [options] [FOLDER|FILE]...

        Serves a web app on this computer for walking deals in the browser: the same walk as
        'playbook run', recorded to the same session records, so a deal started in the browser
        can be resumed with 'playbook resume' and the other way round. It serves the playbooks
        given (the .playbook files of each FOLDER; the current folder when none is given).

        It prints an address with a secret token in it: open it (or use --open). Only a browser
        that opened it gets in. The token is kept in the sessions folder, so the address stays
        the same when the server is started again and open tabs go on where they were. Ctrl-C
        stops the server; the sessions still open are paused, and nothing answered is lost.

        options:
          --port N          the port to listen on (default: a free one)
          --host ADDRESS    listen on ADDRESS instead of 127.0.0.1 (the app is then reachable
                            from other computers that can reach it: anyone with the token can
                            walk deals as you)
          --open            open the address in the browser
          --sessions DIR    where records are kept (as for 'playbook run')
          -h, --help        show this help

        exit status: 0 stopped with Ctrl-C, 1 nothing to serve or the port cannot be used,
                     2 bad usage

        """

    static let name = "serve"
    static let operands = "[FOLDER|FILE]..."
    static let summary = "walk deals in the browser: a local web app over the same records"
    static let valued: Set<String> = ["--port", "--host", "--sessions"]
    static let flags: Set<String> = ["--open"]

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let port: UInt16 = try arguments.value("--port").map { text throws(UsageError) in
            guard let port = UInt16(text) else { throw UsageError("--port takes a port number from 0 to 65535 (not '\(text)')") }
            return port
        } ?? 0
        let host = arguments.value("--host") ?? "127.0.0.1"
        let playbooks = ServedPlaybooks(operands: arguments.operands.isEmpty ? ["."] : arguments.operands)
        for problem in playbooks.problems { Terminal.error("playbook: note: \(TerminalText.safe(problem))\n") }
        guard !playbooks.entries.isEmpty else {
            Terminal.error("playbook: no playbook to serve in \(arguments.operands.isEmpty ? "this folder" : "what was given"); give a folder or .playbook files\n")
            return 1
        }
        keep += playbooks.entries.map(\.check)
        if !["127.0.0.1", "localhost", "::1", "[::1]"].contains(host) {
            Terminal.error("playbook: warning: listening on \(TerminalText.safe(host)): other computers that reach it can open the app with the token\n")
        }
        // The stop signals are taken by sigwait below, never by a handler: blocked before any
        // thread starts, so that every thread inherits the mask.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let store = SessionStore(arguments)
        let folder: SessionFolder
        do throws(StoreError) {
            folder = try store.openForWriting()
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.message))\n")
            return 1
        }
        let sessions = WebSessions(store: store, playbooks: playbooks)
        let app = WebApp(sessions: sessions)
        let token = ServeToken.load(in: folder)
        let server: HTTPServer
        do throws(HTTPServerError) {
            // The gate checks the Host header against the port, known once it is bound.
            server = try HTTPServer(host: host, port: port) { port in
                HTTPGate(token: token, port: port, host: host).guarding { app.handle($0) }
            }
            try server.start()
        } catch {
            Terminal.error("playbook: \(TerminalText.safe(error.description))\n")
            return 1
        }
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        let address = "http://\(shown):\(server.port)/?token=\(token)"
        Terminal.write(
            "Serving \(playbooks.entries.count == 1 ? "1 playbook" : "\(playbooks.entries.count) playbooks"); sessions are kept in "
                + TerminalText.safe(store.directory) + "\n" + "Open this address in your browser (it holds the key to the app):\n\n    "
                + address + "\n\nCtrl-C stops the server; sessions still open are paused, and can be resumed.\n")
        if arguments.has("--open") { Browser.open(address) }
        var caught: Int32 = 0
        while sigwait(&signals, &caught) != 0 {}
        server.stop()
        sessions.closeAll()
        Terminal.write("\nStopped. Open sessions were paused; 'playbook sessions' lists them.\n")
        return 0
    }
}

/// Opening an address in the user's browser.
enum Browser {
    /// Runs `xdg-open ADDRESS` (or `$BROWSER ADDRESS`) without waiting for it; says so when
    /// neither can be started.
    static func open(_ address: String) {
        let program = SessionStore.environment("BROWSER") ?? "xdg-open"
        var pid: pid_t = 0
        let arguments = [program, address]
        var pointers = arguments.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        if posix_spawnp(&pid, program, nil, nil, &pointers, environ) != 0 {
            Terminal.error("playbook: could not start a browser (\(TerminalText.safe(program))); open the address above yourself\n")
        }
    }
}
