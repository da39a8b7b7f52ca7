import Foundation
import Glibc
import Testing

/// `playbook serve` as a browser and a terminal meet it: one tab holds a session, a form from an
/// older page changes nothing, a deal goes from the browser to the terminal and back, Ctrl-C
/// pauses what is open, and every text from a playbook is escaped.
@Suite(.serialized)
struct ServeTests {
    static let playbook = """
        playbook "Web <script>alert(1)</script>"
          outcomes won (win), lost (loss)
        stage one "One & <b>only</b>"
          say "Say <script>alert(2)</script>"
          ask seats "How many seats?" number 1..50
          ask fit "Is it a fit?" yes/no
            yes -> next
            no -> end lost
        stage two "Two"
          ask size "Which size?" choice
            "Small" -> end won
            "Large" -> end won
        """

    static func served() throws -> (CommandLineTests.Workspace, ServeProcess) {
        let workspace = try CommandLineTests.Workspace()
        try workspace.write("web.playbook", Self.playbook)
        return (workspace, try ServeProcess(workspace, ["web.playbook"]))
    }

    @Test func aSessionOpenInOneTabIsRefusedInAnotherUntilTakenOver() throws {
        let (_, server) = try Self.served()
        let (session, lease) = try server.start("web")
        #expect(try server.get("/walk/\(session)?lease=\(lease)").status == 200)
        let other = try server.get("/walk/\(session)")
        #expect(other.status == 409)
        #expect(other.body.contains("another tab"))
        let page = try server.get("/walk/\(session)?lease=\(lease)").body
        let turn = try ServeProcess.turn(of: page)
        #expect(try server.post("/walk/\(session)", ["lease": "0123456789abcdef", "turn": turn, "action": "answer", "value": "3"]).status == 409)
        // Taken over: the new tab holds it, and the first one's forms are refused.
        let taken = try server.get("/walk/\(session)?takeover=1")
        #expect(taken.status == 303)
        let newLease = try ServeProcess.walkAddress(try #require(taken.headers["location"])).lease
        #expect(newLease != lease)
        #expect(try server.post("/walk/\(session)", ["lease": lease, "turn": turn, "action": "answer", "value": "3"]).status == 409)
        #expect(try server.post("/walk/\(session)", ["lease": newLease, "turn": turn, "action": "answer", "value": "3"]).status == 303)
        #expect(try server.events(session).filter { $0 == "answer" }.count == 1)
    }

    @Test func aFormSentTwiceOrFromAnOlderPageChangesNothing() throws {
        let (_, server) = try Self.served()
        let (session, lease) = try server.start("web")
        let turn = try ServeProcess.turn(of: try server.get("/walk/\(session)?lease=\(lease)").body)
        let form = ["lease": lease, "turn": turn, "action": "answer", "value": "3"]
        #expect(try server.post("/walk/\(session)", form).status == 303)
        #expect(try server.post("/walk/\(session)", form).status == 303)
        #expect(try server.events(session).filter { $0 == "answer" }.count == 1)
        // The second was not taken as an answer to the next question either.
        let page = try server.get("/walk/\(session)?lease=\(lease)").body
        #expect(page.contains("Is it a fit?"))
        #expect(!page.contains("class=\"problem\""), "the form sent again was read as an answer to the next question")
    }

    @Test func aNumberOutOfRangeIsRefusedAndNotRecorded() throws {
        let (_, server) = try Self.served()
        let (session, lease) = try server.start("web")
        let turn = try ServeProcess.turn(of: try server.get("/walk/\(session)?lease=\(lease)").body)
        #expect(try server.post("/walk/\(session)", ["lease": lease, "turn": turn, "action": "answer", "value": "51"]).status == 303)
        let page = try server.get("/walk/\(session)?lease=\(lease)").body
        #expect(page.contains("class=\"problem\""))
        #expect(page.contains("1 to 50"))
        #expect(page.contains("value=\"51\""), "the refused answer is not in its field again")
        #expect(!(try server.events(session)).contains("answer"))
    }

    @Test func aDealGoesFromTheBrowserToTheTerminalAndBack() throws {
        let (workspace, server) = try Self.served()
        let (session, lease) = try server.start("web")
        var turn = try ServeProcess.turn(of: try server.get("/walk/\(session)?lease=\(lease)").body)
        #expect(try server.post("/walk/\(session)", ["lease": lease, "turn": turn, "action": "answer", "value": "12"]).status == 303)
        // Open in the browser: the terminal is refused by the record's lock.
        let refused = try workspace.run(["resume", session, "--sessions", server.sessions.path], input: "yes\n")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("open in another window"))
        turn = try ServeProcess.turn(of: try server.get("/walk/\(session)?lease=\(lease)").body)
        let paused = try server.post("/walk/\(session)", ["lease": lease, "turn": turn, "action": "pause"])
        #expect(paused.status == 200 && paused.body.contains("playbook resume \(session)"))
        // Paused in the browser: the terminal goes on with it, and stops when its answers run out.
        let terminal = try workspace.run(["resume", session, "--sessions", server.sessions.path], input: "yes\n")
        #expect(terminal.stdout.contains("Which size?"), "\(terminal.stdout)")
        // And the browser opens it again where the terminal left it.
        let reopened = try server.get("/walk/\(session)")
        #expect(reopened.status == 303)
        let newLease = try ServeProcess.walkAddress(try #require(reopened.headers["location"])).lease
        let page = try server.get("/walk/\(session)?lease=\(newLease)").body
        #expect(page.contains("Which size?"))
        turn = try ServeProcess.turn(of: page)
        #expect(try server.post("/walk/\(session)", ["lease": newLease, "turn": turn, "action": "answer", "option": "2"]).status == 303)
        #expect(try server.get("/walk/\(session)?lease=\(newLease)").body.contains("won"))
        let events = try server.events(session)
        #expect(events.filter { $0 == "answer" }.count == 3)
        #expect(events.filter { $0 == "resume" }.count == 2)
        #expect(events.last == "end")
        // Ended: its address shows the transcript.
        let ended = try server.get("/session/\(session)")
        #expect(ended.status == 200 && ended.body.contains("Large"))
    }

    @Test func aSessionOpenInATerminalIsRefusedInTheBrowser() throws {
        let (workspace, server) = try Self.served()
        let binary = try #require(CommandLineTests.binary)
        let terminal = try LiveProcess(binary, ["run", "web.playbook", "--sessions", server.sessions.path], in: workspace.folder)
        try terminal.waitFor("How many seats?")
        let session = try #require(try FileManager.default.contentsOfDirectory(atPath: server.sessions.path).first { $0.hasSuffix(".jsonl") })
            .replacingOccurrences(of: ".jsonl", with: "")
        let refused = try server.get("/walk/\(session)")
        #expect(refused.status == 409)
        #expect(refused.body.contains("open in another window"))
        try terminal.closeInput()
        _ = try terminal.waitForExit()
        #expect(try server.get("/walk/\(session)").status == 303)
    }

    @Test func aFormFromBeforeARestartChangesNothingAndLeadsToTheDeal() throws {
        let (workspace, first) = try Self.served()
        let (session, lease) = try first.start("web")
        let turn = try ServeProcess.turn(of: try first.get("/walk/\(session)?lease=\(lease)").body)
        #expect(try first.interrupt() == .exited(0))
        let second = try ServeProcess(workspace, ["web.playbook"], sessions: first.sessions)
        #expect(second.token == first.token, "the token is not kept across a restart")
        let sent = try second.post("/walk/\(session)", ["lease": lease, "turn": turn, "action": "answer", "value": "3"])
        #expect(sent.status == 303 && sent.headers["location"] == "/walk/\(session)")
        #expect(!(try second.events(session)).contains("answer"))
        let reopened = try second.get("/walk/\(session)")
        #expect(reopened.status == 303)
    }

    @Test func ctrlCPausesTheSessionsStillOpen() throws {
        let (_, server) = try Self.served()
        let (session, _) = try server.start("web")
        #expect(try server.interrupt() == .exited(0))
        #expect(try server.events(session).last == "pause")
    }

    @Test func everyTextFromThePlaybookIsEscaped() throws {
        let (_, server) = try Self.served()
        let (session, lease) = try server.start("web")
        let page = try server.get("/walk/\(session)?lease=\(lease)").body
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(page.contains("One &amp; &lt;b&gt;only&lt;/b&gt;"))
        let home = try server.get("/").body
        #expect(!home.contains("<script>alert") && home.contains("&lt;script&gt;alert(1)"))
    }

    @Test func badRequestsAreRefusedWithTheirStatus() throws {
        let (_, server) = try Self.served()
        #expect(try server.request("GET", "/", cookie: false).status == 403)
        #expect(try server.request("POST", "/start", form: ["playbook": "web", "mode": "run"], origin: "http://evil.example").status == 403)
        #expect(try server.get("/nothing-here").status == 404)
        #expect(try server.get("/walk/20990101-000000-0000").status == 404)
        #expect(try server.get("/walk/..%2F..%2Fetc%2Fpasswd").status >= 400)
        #expect(try server.get("/start?playbook=nope").status == 404)
        let (session, _) = try server.start("web")
        #expect(try server.post("/walk/\(session)", ["action": "answer"]).status == 400)
        #expect(try server.get("/static/app.css").headers["content-type"]?.hasPrefix("text/css") == true)
    }

    @Test func theReportOfTheServedFolderIsAPage() throws {
        let (_, server) = try Self.served()
        #expect(try server.get("/report").status == 404)
        let (session, lease) = try server.start("web")
        for form in [["value": "3"], ["value": "yes"], ["option": "1"]] {
            let turn = try ServeProcess.turn(of: try server.get("/walk/\(session)?lease=\(lease)").body)
            #expect(try server.post("/walk/\(session)", ["lease": lease, "turn": turn, "action": "answer"].merging(form) { $1 }).status == 303)
        }
        let report = try server.get("/report")
        #expect(report.status == 200)
        #expect(report.body.contains("<svg"))
    }

    @Test func nothingToServeSaysSoAndFails() throws {
        let workspace = try CommandLineTests.Workspace()
        let run = try workspace.run(["serve", workspace.folder.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("no playbook to serve"))
    }
}
