import Testing

@testable import PlaybookKit

/// `use` follows links as the file system does, and a link may not lead out of the playbook's
/// folder: the check compares real paths, the root's included.
struct ModuleLoaderTests {
    static let main = "playbook \"Deal\"\n  outcomes won\n\nuse \"shared.playbook\"\n\nstage a \"A\"\n  call greet\n  end won\n"
    static let library = "flow greet \"Greet\"\n  say \"Hello.\"\n  return\n"
    /// A used file with a stage: if it were read, its line would be shown in a PB0504 snippet.
    static let secret = "stage secret \"Secret plans for the third quarter\"\n  end won\n\n" + library

    static func check(_ files: [String: String], links: [String: String], main path: String = "main.playbook") -> CheckResult {
        var files = files
        files[path] = files[path] ?? main
        return checkPlaybook(SourceFile(path: path, bytes: Array(files[path]!.utf8)), loader: MemoryLoader(files, links: links))
    }

    @Test func linkedFileOutsideTheFolderIsRefused() throws {
        let result = Self.check(["../elsewhere/shared.playbook": Self.secret], links: ["shared.playbook": "../elsewhere/shared.playbook"])
        #expect(result.diagnostics.map(\.code) == [.useOutsideRoot, .unknownFlow])
        let refused = try #require(result.diagnostics.first)
        #expect(refused.message == "'shared.playbook' is outside the playbook's folder, through a link")
        #expect(refused.notes == ["the file it names is ../elsewhere/shared.playbook"])
        #expect(result.sources.map(\.path) == ["main.playbook"])
    }

    @Test func linkedFolderOutsideTheFolderIsRefused() {
        let main = Self.main.replacingOccurrences(of: "shared.playbook", with: "lib/shared.playbook")
        let result = Self.check(
            ["main.playbook": main, "/etc/playbooks/shared.playbook": Self.secret], links: ["lib": "/etc/playbooks"])
        #expect(result.diagnostics.first?.code == .useOutsideRoot)
        #expect(result.diagnostics.first?.message == "'lib/shared.playbook' is outside the playbook's folder, through a link")
        #expect(result.sources.count == 1)
    }

    /// A link to a link, the second leading out.
    @Test func chainOfLinksIsFollowedToItsEnd() {
        let result = Self.check(
            ["../x/real.playbook": Self.secret],
            links: ["shared.playbook": "inner.playbook", "inner.playbook": "../x/real.playbook"])
        #expect(result.diagnostics.first?.code == .useOutsideRoot)
        #expect(result.sources.count == 1)
    }

    @Test func linkThatStaysInsideIsFollowedAndReadOnce() {
        // lib is a link to shared; both names of the file are used and it is read once.
        let main = Self.main.replacingOccurrences(
            of: "use \"shared.playbook\"", with: "use \"lib/greet.playbook\"\nuse \"shared/greet.playbook\"")
        let result = Self.check(["main.playbook": main, "shared/greet.playbook": Self.library], links: ["lib": "shared"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.sources.map(\.path) == ["main.playbook", "lib/greet.playbook"])
    }

    /// The playbook's folder is itself reached through a link: files inside its real folder are
    /// inside, and a link from there back to where the link is, outside.
    @Test func rootThroughALinkIsResolvedToo() {
        let links = ["work": "real/deals"]
        let inside = Self.check(
            ["real/deals/main.playbook": Self.main, "real/deals/shared.playbook": Self.library], links: links,
            main: "work/main.playbook")
        #expect(inside.diagnostics.isEmpty, "\(inside.diagnostics.map(\.message))")
        #expect(inside.sources.map(\.path) == ["work/main.playbook", "work/shared.playbook"])

        let outside = Self.check(
            ["real/deals/main.playbook": Self.main, "real/other.playbook": Self.secret],
            links: links.merging(["real/deals/shared.playbook": "../other.playbook"]) { $1 }, main: "work/main.playbook")
        #expect(outside.diagnostics.first?.code == .useOutsideRoot)
        #expect(outside.sources.count == 1)
    }

    @Test func cycleThroughALinkIsACycle() {
        let main = Self.main.replacingOccurrences(of: "shared.playbook", with: "a.playbook")
        let a = "use \"again.playbook\"\n\n" + Self.library
        let result = Self.check(["main.playbook": main, "a.playbook": a], links: ["again.playbook": "a.playbook"])
        #expect(result.diagnostics.map(\.code) == [.useCycle])
        #expect(result.diagnostics.first?.message == "'use' makes a cycle: a.playbook → again.playbook")
    }

    @Test func memoryLoaderResolvesLikeRealpath() {
        let loader = MemoryLoader(["a/b/file.playbook": "", "c/d.playbook": ""], links: ["l": "a/b", "a/b/up": "../../c", "loop": "loop"])
        #expect(loader.realPath("l/file.playbook") == "a/b/file.playbook")
        #expect(loader.realPath("l/up/d.playbook") == "c/d.playbook")
        #expect(loader.realPath("./a/./b/../b/file.playbook") == "a/b/file.playbook")
        #expect(loader.realPath("") == "")
        #expect(loader.realPath("l") == "a/b")
        #expect(loader.realPath("missing.playbook") == nil)
        #expect(loader.realPath("loop") == nil)
        #expect(loader.load("l/file.playbook") == .success([]))
    }
}
