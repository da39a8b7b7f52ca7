import Foundation
import Testing

/// `show --format json` gives the values a walk computed (its `set` variables and score), found
/// by replaying the record against its playbook, and says why when it cannot.
struct ShowComputedTests {
    typealias Workspace = CommandLineTests.Workspace

    /// Champion (authority 2), no competing tool (displacement no), then to `nurture`.
    static let walk = "2\nn\n12\ny\nMonth-end close\n2000\n1\n"

    static func shown(_ workspace: Workspace, _ extra: [String] = []) throws -> [String: Any] {
        let show = try workspace.run(["show", "last", "--sessions", "sessions", "--format", "json"] + extra)
        #expect(show.status == 0, "\(show.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    }

    @Test func theComputedValuesOfAnUnchangedPlaybookAreGiven() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        let run = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions"], input: Self.walk)
        #expect(run.status == 0, "\(run.stderr)")
        let document = try Self.shown(workspace)
        let computed = try #require(document["computed"] as? [String: Any], "\(document)")
        #expect(computed["authority"] as? Int == 2)
        #expect(computed["displacement"] as? Bool == false)
        #expect(computed["score"] as? Int == 0)
        // Answers are in `answers`, not repeated among the computed values.
        #expect(computed["role"] == nil && computed["team_size"] == nil)
        #expect(document["computed_unavailable"] is NSNull)
    }

    @Test func aChangedPlaybookGivesNoValuesAndSaysWhy() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        _ = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions"], input: Self.walk)
        let text = try String(contentsOf: workspace.folder.appendingPathComponent("discovery.playbook"), encoding: .utf8)
        try workspace.write("discovery.playbook", text.replacingOccurrences(of: "set authority = 2", with: "set authority = 5"))
        let document = try Self.shown(workspace)
        #expect(document["computed"] is NSNull)
        let why = try #require(document["computed_unavailable"] as? String)
        #expect(why.contains("has changed since the session"), "\(why)")
        // The answers are still there: they come from the record alone.
        #expect((document["answers"] as? [Any])?.count == 7)
    }

    @Test func aMovedPlaybookIsGivenWithPlaybook() throws {
        let workspace = try SessionEndToEndTests.discoveryWorkspace()
        _ = try workspace.run(["run", "discovery.playbook", "--sessions", "sessions"], input: Self.walk)
        try FileManager.default.createDirectory(
            at: workspace.folder.appendingPathComponent("moved"), withIntermediateDirectories: true)
        for name in ["discovery.playbook", "objections.playbook"] {
            try FileManager.default.moveItem(
                at: workspace.folder.appendingPathComponent(name),
                to: workspace.folder.appendingPathComponent("moved/" + name))
        }
        let lost = try Self.shown(workspace)
        #expect((lost["computed_unavailable"] as? String)?.contains("cannot read") == true, "\(lost)")
        let found = try Self.shown(workspace, ["--playbook", "moved/discovery.playbook"])
        #expect((found["computed"] as? [String: Any])?["authority"] as? Int == 2, "\(found)")
    }
}
