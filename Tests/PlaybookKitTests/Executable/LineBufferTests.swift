import Testing

@testable import playbook

/// Lines cut from what standard input gives, however it comes: each byte is searched for a
/// newline once, whatever the length of the line and the size of the reads.
struct LineBufferTests {
    private func feed(_ buffer: inout LineBuffer, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer.append($0) }
    }

    /// A 4 MB line read 4 KiB at a time: searching all of it after each read looked at 2 GB.
    @Test func aLongLineIsSearchedOnce() {
        var buffer = LineBuffer()
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: 4 << 20)
        var lines: [String] = []
        for start in stride(from: 0, to: line.count, by: 4096) {
            feed(&buffer, Array(line[start..<min(start + 4096, line.count)]))
            if let got = buffer.nextLine() { lines.append(got) }
        }
        feed(&buffer, Array("\r\nnext\n".utf8))
        while let got = buffer.nextLine() { lines.append(got) }
        #expect(lines.map(\.count) == [4 << 20, 4])
        #expect(lines.last == "next")
        #expect(buffer.bytesSearched <= line.count + 16)
        #expect(buffer.isEmpty)
    }

    /// Many short lines in one read, and lines cut across reads; the last without a newline.
    @Test func linesComeOutWholeAndInOrder() {
        var buffer = LineBuffer()
        let text = (0..<10_000).map { "line \($0) ไม่ใช่ 决策者" }.joined(separator: "\n") + "\nlast"
        let bytes = Array(text.utf8)
        var lines: [String] = []
        var start = 0
        var size = 1
        while start < bytes.count {
            feed(&buffer, Array(bytes[start..<min(start + size, bytes.count)]))
            start += size
            size = size % 700 + 1
            while let line = buffer.nextLine() { lines.append(line) }
        }
        #expect(lines == (0..<10_000).map { "line \($0) ไม่ใช่ 决策者" })
        #expect(!buffer.isEmpty)
        #expect(buffer.rest() == "last")
        #expect(buffer.isEmpty && buffer.nextLine() == nil)
        #expect(buffer.bytesSearched <= bytes.count)
    }
}
