import Testing

@testable import PlaybookKit

/// Seeded random inputs: the parser never traps, always ends with a request, a wait or a
/// refusal with one of its statuses, and makes the same of the bytes however they are split.
struct HTTPParserFuzzTests {
    static let seeds = [
        "GET /a?b=c%20d HTTP/1.1\r\nHost: h\r\nCookie: x=1\r\n\r\n",
        "POST /f HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\na=1&b=2",
        "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nT: 1\r\n\r\n",
        "GET / HTTP/1.0\nConnection: keep-alive\n\nGET /2 HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n",
    ]
    static let statuses: Set = [400, 413, 414, 417, 431, 501, 505]

    /// A seed with a few bytes changed, inserted or removed, or bytes from nowhere.
    static func input(_ random: inout SeededGenerator) -> [UInt8] {
        if Int.random(in: 0..<5, using: &random) == 0 {
            return (0..<Int.random(in: 0..<300, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        var bytes = Array(seeds[Int.random(in: 0..<seeds.count, using: &random)].utf8)
        let alphabet = Array("\r\n :;,=%+-0123456789abcdefABCDEF/?&\"\u{0}\t".utf8) + [0x80, 0xFF]
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let at = Int.random(in: 0...bytes.count, using: &random)
            let byte = Bool.random(using: &random) ? alphabet.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0 where at < bytes.count: bytes[at] = byte
            case 1 where at < bytes.count: bytes.remove(at: at)
            default: bytes.insert(byte, at: at)
            }
        }
        return bytes
    }

    @Test func randomInputsNeverTrapAndDoNotDependOnTheSplit() {
        var random = SeededGenerator(state: 20_261_202)
        var (refusals, requests) = (0, 0)
        for round in 0..<3000 {
            let bytes = Self.input(&random)
            let whole = HTTPParsing.parsed([bytes], limits: HTTPParsing.small)
            var chunks: [[UInt8]] = []
            var rest = bytes[...]
            while !rest.isEmpty {
                let size = Int.random(in: 1...max(1, rest.count), using: &random)
                chunks.append(Array(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            let split = HTTPParsing.parsed(chunks, limits: HTTPParsing.small)
            #expect(split == whole, "round \(round): \(bytes)")
            for case .failure(let status) in whole {
                #expect(Self.statuses.contains(status), "round \(round)")
                refusals += 1
            }
            requests += whole.count { if case .request = $0 { true } else { false } }
        }
        // Mutations must reach both requests and refusals, or the loop tests little.
        #expect(refusals > 500)
        #expect(requests > 300)
    }
}
