import Foundation
import Testing

@testable import PlaybookKit

/// Playbooks to draw: the shipped reference sample, the fixtures of `Fixtures/graph/`, and large
/// generated ones.
enum GraphFixtures {
    static let folder = Golden.fixtures.appendingPathComponent("graph")

    struct NotChecked: Error {}

    /// A program from playbook text that must check without errors.
    static func program(_ text: String, files: [String: String] = [:]) throws -> Program {
        let result = check(text, files: files)
        guard let program = Program(result) else {
            Issue.record("does not check: \(result.diagnostics.prefix(5).map(\.message))")
            throw NotChecked()
        }
        return program
    }

    /// `playbooks/discovery.playbook`, with the `objections.playbook` it uses.
    static func discovery() throws -> Program {
        try program(shipped("discovery.playbook"), files: ["objections.playbook": shipped("objections.playbook")])
    }

    /// A playbook of `Fixtures/graph/`, by name without extension.
    static func fixture(_ name: String) throws -> Program {
        let text = try String(contentsOf: folder.appendingPathComponent("\(name).playbook"), encoding: .utf8)
        return try program(text)
    }

    /// The program for a name: a fixture of `Fixtures/graph/` if there is one, else the shipped
    /// playbook of that name (`discovery`, the reference sample), with the files it uses.
    static func named(_ name: String) throws -> Program {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(name).playbook").path) {
            return try fixture(name)
        }
        return try #require(Program(ShippedPlaybooksTests.checked(name + ".playbook")), "\(name) does not check")
    }

    /// A playbook of `count` stages. Each asks a yes/no question whose `no` ends the walk; every
    /// third has an exit criterion, every fifth a choice that jumps two stages on, every seventh
    /// calls one of two flows, and every eleventh sets a value on the way.
    static func generated(stages count: Int) -> String {
        var text = "playbook \"Generated \(count)\"\n  outcomes won, lost, nurture\n\n"
        for stage in 0..<count {
            let last = stage == count - 1
            text += "stage s\(stage) \"Stage \(stage)\"\n"
            if stage % 3 == 0, !last { text += "  exit when q\(stage) \"Question \(stage) must be yes.\"\n" }
            if stage % 11 == 0 { text += "  set v\(stage) = \(stage)\n" }
            text += "  ask q\(stage) \"Question \(stage): is the buyer still with us?\" yes/no\n"
            text += last ? "    yes -> end won \"Done\"\n" : ""
            text += "    no -> end \(stage % 2 == 0 ? "lost" : "nurture") \"Stopped at \(stage)\"\n"
            if stage % 5 == 0, stage + 2 < count {
                text += "  ask c\(stage) \"Which way now?\" choice\n"
                text += "    \"Skip ahead\" -> s\(stage + 2)\n    \"Go on\"\n    \"Give up\" -> end lost \"Gave up\"\n"
            }
            if stage % 7 == 0, !last { text += "  call \(stage % 2 == 0 ? "objection" : "pricing")\n" }
            text += "\n"
        }
        text += """
            flow objection "Objection"
              ask objection_met "Was the objection met?" yes/no
                no -> end lost "Objection stood"
              return

            flow pricing "Pricing"
              say "Let us talk about price."
              return

            """
        return text
    }
}
