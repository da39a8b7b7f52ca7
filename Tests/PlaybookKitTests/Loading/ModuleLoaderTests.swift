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

/// Chains of `use`: depth first, each file once, relative to the using file, and what is
/// reported when a chain goes round, leaves the folder, names nothing or goes too deep.
struct UseChainTests {
    static let flow = "flow greet \"Greet\"\n  say \"Hello.\"\n  return\n"

    /// Loads `main.playbook` (or `main`) and the files it uses, without checking them.
    static func load(_ files: [String: String], main: String = "main.playbook") -> (LoadedFiles, [Diagnostic]) {
        var result = LoadedFiles()
        var diagnostics: [Diagnostic] = []
        var loader = ModuleLoader(loader: MemoryLoader(files), root: PlaybookPath.directory(of: main))
        loader.load(SourceFile(path: main, bytes: Array(files[main, default: ""].utf8)), into: &result, diagnostics: &diagnostics)
        return (result, diagnostics)
    }

    static func uses(_ paths: String...) -> String { paths.map { "use \"\($0)\"\n" }.joined() }

    @Test func chainIsReadDepthFirstRelativeToEachFile() {
        let (result, diagnostics) = Self.load([
            "main.playbook": Self.uses("lib/a.playbook", "c.playbook") + "stage s\n  end won\n",
            "lib/a.playbook": Self.uses("b.playbook", "../c.playbook") + Self.flow,
            "lib/b.playbook": Self.flow.replacingOccurrences(of: "greet", with: "b"),
            "c.playbook": Self.flow.replacingOccurrences(of: "greet", with: "c"),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(result.sources.map(\.path) == ["main.playbook", "lib/a.playbook", "lib/b.playbook", "c.playbook"])
        #expect(result.files.map(\.file) == [0, 1, 2, 3])
        #expect(result.files.map { $0.flows.map { result.interner.name($0.name.symbol) } } == [[], ["greet"], ["b"], ["c"]])
    }

    @Test func aFileUsedTwiceIsReadOnce() {
        let (result, diagnostics) = Self.load([
            "main.playbook": Self.uses("a.playbook", "b.playbook", "./a.playbook") + "stage s\n  end won\n",
            "a.playbook": Self.uses("shared/c.playbook") + Self.flow,
            "b.playbook": Self.uses("shared/../shared/c.playbook"),
            "shared/c.playbook": Self.flow.replacingOccurrences(of: "greet", with: "c"),
        ])
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(result.sources.map(\.path) == ["main.playbook", "a.playbook", "shared/c.playbook", "b.playbook"])
    }

    @Test func cyclesAreReportedWithTheirFiles() throws {
        let (result, diagnostics) = Self.load([
            "main.playbook": Self.uses("a.playbook") + "stage s\n  end won\n",
            "a.playbook": Self.uses("lib/b.playbook") + Self.flow,
            "lib/b.playbook": Self.uses("../a.playbook", "b.playbook", "../main.playbook"),
        ])
        #expect(diagnostics.map(\.code) == [.useCycle, .useCycle, .useCycle])
        #expect(diagnostics.map(\.message) == [
            "'use' makes a cycle: a.playbook → lib/b.playbook → a.playbook",
            "'use' makes a cycle: lib/b.playbook → lib/b.playbook",
            "'use' makes a cycle: main.playbook → a.playbook → lib/b.playbook → main.playbook",
        ])
        // Each points at the path of its own `use` line, in lib/b.playbook.
        let b = result.sources[2]
        let pointed = diagnostics.map { b.text(Int($0.primary.span.start)..<Int($0.primary.span.end)) }
        #expect(pointed == ["\"../a.playbook\"", "\"b.playbook\"", "\"../main.playbook\""])
        #expect(diagnostics.allSatisfy { $0.primary.span.file == 2 })
        #expect(result.sources.count == 3)
    }

    @Test func missingFilesAndFoldersAreNamedAsLookedFor() throws {
        let (_, diagnostics) = Self.load([
            "main.playbook": Self.uses("lib/a.playbook", "lib", "nowhere.playbook") + "stage s\n  end won\n",
            "lib/a.playbook": Self.uses("gone.playbook"),
        ])
        #expect(diagnostics.map(\.code) == [.useNotFound, .useNotFound, .useNotFound])
        #expect(diagnostics.map(\.message) == [
            "cannot use 'gone.playbook': no such file", "cannot use 'lib': it is a folder, not a file",
            "cannot use 'nowhere.playbook': no such file",
        ])
        #expect(diagnostics.map(\.primary.message) == ["looked for 'lib/gone.playbook'", "looked for 'lib'", "looked for 'nowhere.playbook'"])
        let relative = "check the path: it is relative to this file"
        #expect(diagnostics.map(\.help) == [relative, "name a .playbook file inside it", relative])
        #expect(diagnostics.map(\.primary.span.file) == [1, 0, 0])
    }

    @Test(arguments: ["../shared.playbook", "/etc/shared.playbook", "lib/../../shared.playbook"])
    func pathsOutOfTheFolderAreRefusedUnread(_ path: String) {
        let (result, diagnostics) = Self.load(
            ["deals/main.playbook": Self.uses(path) + "stage s\n  end won\n", "shared.playbook": Self.flow, "/etc/shared.playbook": Self.flow],
            main: "deals/main.playbook")
        #expect(diagnostics.map(\.code) == [.useOutsideRoot])
        #expect(diagnostics.first?.message == "'\(path)' is outside the playbook's folder")
        #expect(diagnostics.first?.primary.message == "leads outside the folder of deals/main.playbook")
        #expect(result.sources.count == 1)
    }

    @Test func climbingBackIntoTheFolderIsInside() {
        let (result, diagnostics) = Self.load(
            ["deals/main.playbook": Self.uses("../deals/lib/a.playbook") + "stage s\n  end won\n", "deals/lib/a.playbook": Self.flow],
            main: "deals/main.playbook")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(result.sources.map(\.path) == ["deals/main.playbook", "deals/lib/a.playbook"])
    }

    @Test func aUsedFileWithStagesOrAHeaderIsNoLibrary() {
        let (_, diagnostics) = Self.load([
            "main.playbook": Self.uses("staged.playbook", "headed.playbook") + "stage s\n  end won\n",
            "staged.playbook": "stage other\n  end won\n",
            "headed.playbook": "playbook \"Other\"\n" + Self.flow,
        ])
        #expect(diagnostics.map(\.code) == [.useNotALibrary, .useNotALibrary])
        #expect(diagnostics.map(\.message) == [
            "'staged.playbook' is brought in with 'use' but has stages", "'headed.playbook' is brought in with 'use' but has a header",
        ])
        // Shown at the stage or header, with the `use` line of the main file beside it.
        #expect(diagnostics.map(\.primary.span.file) == [1, 2])
        #expect(diagnostics.map { $0.secondary.map(\.span.file) } == [[0], [0]])
        #expect(diagnostics.map { $0.secondary.map(\.message) } == [["used here"], ["used here"]])
    }

    @Test func aChainDeeperThanTheBoundIsCut() throws {
        var files = ["main.playbook": Self.uses("f1.playbook") + "stage s\n  end won\n"]
        for depth in 1...(maximumUseDepth + 5) { files["f\(depth).playbook"] = Self.uses("f\(depth + 1).playbook") }
        let (result, diagnostics) = Self.load(files)
        #expect(diagnostics.map(\.code) == [.useTooDeep])
        #expect(result.sources.count == maximumUseDepth + 1)
        let cut = try #require(diagnostics.first)
        #expect(cut.message == "'use' goes more than \(maximumUseDepth) files deep")
        let last = (maximumUseDepth - 1...maximumUseDepth + 1).map { "f\($0).playbook" }
        #expect(cut.notes == ["the chain: " + (["main.playbook", "f1.playbook", "…"] + last).joined(separator: " → ")])
        #expect(cut.primary.span.file == Int32(maximumUseDepth))
    }

    @Test func usedFilesThatAreNotTextAreReportedInThemselves() {
        var result = LoadedFiles()
        var diagnostics: [Diagnostic] = []
        let loader = MemoryLoader(bytes: [
            "main.playbook": Array((Self.uses("latin1.playbook", "image.playbook") + "stage s\n  end won\n").utf8),
            "latin1.playbook": Array("flow caf".utf8) + [0xE9] + Array("\n  return\n".utf8),
            "image.playbook": [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00],
        ])
        var loading = ModuleLoader(loader: loader, root: "")
        loading.load(SourceFile(path: "main.playbook", bytes: loader.files["main.playbook"]!), into: &result, diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == [.invalidUTF8, .binaryFile])
        #expect(diagnostics.map(\.message) == ["the file is not valid UTF-8 (byte 8)", "this is a binary file, not a playbook"])
        #expect(diagnostics.map(\.primary.span) == [Span(file: 1, start: 8, end: 9), Span(file: 2, start: 4, end: 5)])
        #expect(result.files.count == 3 && result.files[1].flows.isEmpty)
    }
}
