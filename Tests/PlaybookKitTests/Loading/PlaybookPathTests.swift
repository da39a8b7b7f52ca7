import Testing

@testable import PlaybookKit

/// `use` paths, handled lexically.
struct PlaybookPathTests {
    @Test(arguments: [
        ("a/b/../c/./d", "a/c/d"), ("./main.playbook", "main.playbook"), ("a//b/", "a/b"), ("", ""), (".", ""),
        ("a/..", ""), ("../x", "../x"), ("../../x/../y", "../../y"), ("a/../../b", "../b"),
        ("/a/../b", "/b"), ("/../a", "/a"), ("/", "/"), ("lib/预算/../งบ.playbook", "lib/งบ.playbook"),
    ])
    func normalize(_ path: String, _ expected: String) {
        #expect(PlaybookPath.normalize(path) == expected)
    }

    @Test func directoryAndJoin() {
        #expect(PlaybookPath.directory(of: "a/b/c.playbook") == "a/b")
        #expect(PlaybookPath.directory(of: "c.playbook") == "")
        #expect(PlaybookPath.directory(of: "/c.playbook") == "/")
        #expect(PlaybookPath.join("", "lib/../x.playbook") == "x.playbook")
        #expect(PlaybookPath.join("deals", "../shared/x.playbook") == "shared/x.playbook")
        #expect(PlaybookPath.join("deals/", "x.playbook") == "deals/x.playbook")
        #expect(PlaybookPath.join("/", "x.playbook") == "/x.playbook")
        #expect(PlaybookPath.join("a", "../../x.playbook") == "../x.playbook")
    }

    @Test func insideTheRoot() {
        // The current folder: any relative path that does not climb out.
        #expect(PlaybookPath.isInside("x.playbook", root: ""))
        #expect(PlaybookPath.isInside("lib/x.playbook", root: ""))
        #expect(PlaybookPath.isInside("..x.playbook", root: ""))
        #expect(!PlaybookPath.isInside("..", root: ""))
        #expect(!PlaybookPath.isInside("../x.playbook", root: ""))
        #expect(!PlaybookPath.isInside("/etc/x.playbook", root: ""))
        // A named folder: below it, not beside it.
        #expect(PlaybookPath.isInside("deals/x.playbook", root: "deals"))
        #expect(!PlaybookPath.isInside("deals", root: "deals"))
        #expect(!PlaybookPath.isInside("deals-old/x.playbook", root: "deals"))
        #expect(!PlaybookPath.isInside("x.playbook", root: "deals"))
        #expect(PlaybookPath.isInside("/srv/deals/x.playbook", root: "/srv/deals"))
        #expect(!PlaybookPath.isInside("/srv/x.playbook", root: "/srv/deals"))
        #expect(PlaybookPath.isInside("/x.playbook", root: "/"))
        #expect(!PlaybookPath.isInside("x.playbook", root: "/"))
    }
}
