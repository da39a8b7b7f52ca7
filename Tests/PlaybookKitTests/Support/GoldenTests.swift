import Foundation
import Testing

/// Recording a golden file writes it only when it changed and says which it was; a write that
/// fails throws (and `Golden.assert` fails the test); the diff shows what changed.
struct GoldenTests {
    static func inode(_ file: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
    }

    @Test func aWriteThatFailsThrows() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-no-such-folder-\(UUID().uuidString)")
        #expect(throws: (any Error).self) {
            try Golden.record("text", to: missing.appendingPathComponent("expected.txt"), replacing: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }

    @Test func anUnchangedFileIsLeftAloneAndAChangedOneRewritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("playbook-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("expected.txt")
        #expect(try Golden.record("one\n", to: file, replacing: nil) == "new")
        #expect(try String(contentsOf: file, encoding: .utf8) == "one\n")
        let before = try Self.inode(file)
        #expect(try Golden.record("one\n", to: file, replacing: "one\n") == "unchanged")
        // An atomic write replaces the file: the same inode means it was not written.
        #expect(try Self.inode(file) == before)
        #expect(try Golden.record("two\n", to: file, replacing: "one\n") == "changed")
        #expect(try String(contentsOf: file, encoding: .utf8) == "two\n")
    }

    @Test func diffMarksEachLineAndContextKeepsTheChangesOnly() {
        let old = "a\nb\nc\nd\ne\nf\ng"
        let new = "a\nb\nC\nd\ne\nf\ng\nh"
        #expect(Golden.diff(old, new) == "  a\n  b\n+ C\n- c\n  d\n  e\n  f\n  g\n+ h")
        #expect(Golden.diff(old, new, context: 1) == "…\n 2: b\n+3: C\n-3: c\n 4: d\n…\n 7: g\n+8: h")
        #expect(Golden.diff(old, old, context: 2) == "")
    }
}
