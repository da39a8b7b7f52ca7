import Foundation
import Testing

/// The brief's sample beside the repository (`../shared/brief`, where there is one): its playbook
/// checks clean with `--strict` and its scenarios pass, with the built binary, as a user runs it.
/// The shipped playbooks are checked the same way in `ShippedPlaybooksTests`.
struct BriefSampleTests {
    static let folder = Golden.root.deletingLastPathComponent().appendingPathComponent("shared/brief")
    static let present = FileManager.default.fileExists(atPath: folder.path)

    @Test(.enabled(if: present, "no ../shared/brief beside the repository"))
    func checksCleanWithStrictAndItsScenariosPass() throws {
        let binary = try #require(CommandLineTests.binary)
        let check = try ChildProcess.run(binary, ["check", "--strict", "discovery.playbook"], in: Self.folder)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout == "discovery.playbook: no problems found\n", "\(check.stdout)")
        let test = try ChildProcess.run(binary, ["test", "discovery.scenarios"], in: Self.folder)
        #expect(test.status == 0, "\(test.stdout)\(test.stderr)")
        #expect(test.stdout.hasPrefix("discovery.scenarios → discovery.playbook\n"), "\(test.stdout)")
        #expect(test.stdout.hasSuffix(" passed, 0 failed\n"), "\(test.stdout)")
    }
}
