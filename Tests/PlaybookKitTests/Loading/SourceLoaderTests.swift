import Testing

@testable import PlaybookKit

/// What a loader says of a file it cannot read, and the in-memory loader of the tests.
struct SourceLoaderTests {
    @Test func memoryLoaderReadsFilesAndSaysWhatElseAPathIs() {
        let loader = MemoryLoader(["lib/a.playbook": "flow a\n  return\n", "b.playbook": "x"])
        #expect(loader.load("lib/a.playbook") == .success(Array("flow a\n  return\n".utf8)))
        #expect(loader.load("./lib/../lib/a.playbook") == .success(Array("flow a\n  return\n".utf8)))
        #expect(loader.load("lib") == .failure(.isDirectory))
        #expect(loader.load("lib/") == .failure(.isDirectory))
        #expect(loader.load("li") == .failure(.notFound))
        #expect(loader.load("lib/a") == .failure(.notFound))
        #expect(MemoryLoader(bytes: ["z": [0xFF]]).load("z") == .success([0xFF]))
    }

    @Test func reasonsStandAlone() {
        #expect(LoadFailure.notFound.reason == "no such file")
        #expect(LoadFailure.isDirectory.reason == "it is a folder, not a file")
        #expect(LoadFailure.unreadable("permission denied").reason == "permission denied")
        #expect(LoadFailure.notRegularFile("a named pipe (FIFO)").reason.hasPrefix("it is a named pipe (FIFO), not a regular file (only"))
        #expect(
            LoadFailure.tooLarge(size: 70 << 20 | 1 << 19, limit: 64 << 20).reason
                == "it is 70.5 MiB, larger than the 64 MiB read from one file (a playbook, scenarios or answers file is far smaller; is it the right file?)")
    }

    @Test(arguments: [(0, "0 MiB"), (1, "0.1 MiB"), (1 << 20, "1 MiB"), ((1 << 20) + 1, "1.1 MiB"), (64 << 20, "64 MiB"), (5 << 19, "2.5 MiB")])
    func mebibytesRoundUpToOneDecimal(_ bytes: Int, _ shown: String) {
        #expect(LoadFailure.mebibytes(bytes) == shown)
    }
}
