@testable import PlaybookKit

/// What a parser made of some bytes, in a form tests compare: each request as text, each
/// failure as its status. `.sendContinue` depends on how the bytes were split, so it is left out.
enum Parsed: Equatable, CustomStringConvertible {
    case request(String)
    case failure(Int)

    var description: String {
        switch self {
        case .request(let summary): "request(\(summary))"
        case .failure(let status): "failure(\(status))"
        }
    }

    static func summary(_ request: HTTPRequest) -> String {
        let headers = request.headers.fields.map { "\($0.name)=\($0.value)" }.joined(separator: "|")
        return "\(request.method) \(request.target) \(request.version) [\(headers)] \(request.body) keepAlive=\(request.keepAlive)"
    }
}

enum HTTPParsing {
    /// Small limits, so that tests reach them with short inputs.
    static let small: HTTPLimits = {
        var limits = HTTPLimits()
        limits.requestLineBytes = 64
        limits.headerSectionBytes = 256
        limits.headerCount = 8
        limits.bodyBytes = 128
        return limits
    }()

    /// Every event the parser gives, feeding `chunks` one after another and draining after each.
    static func events(_ chunks: [[UInt8]], limits: HTTPLimits = HTTPLimits()) -> [HTTPParser.Event] {
        var parser = HTTPParser(limits: limits)
        var events: [HTTPParser.Event] = []
        for chunk in chunks {
            parser.feed(chunk)
            draining: while true {
                let event = parser.next()
                switch event {
                case .needMore: break draining
                case .failure:
                    events.append(event)
                    return events
                case .request, .sendContinue: events.append(event)
                }
            }
        }
        return events
    }

    static func parsed(_ chunks: [[UInt8]], limits: HTTPLimits = HTTPLimits()) -> [Parsed] {
        events(chunks, limits: limits).compactMap { event in
            switch event {
            case .request(let request): .request(Parsed.summary(request))
            case .failure(let status, _): .failure(status)
            case .needMore, .sendContinue: nil
            }
        }
    }

    static func parsed(_ text: String, limits: HTTPLimits = HTTPLimits()) -> [Parsed] {
        parsed([Array(text.utf8)], limits: limits)
    }

    /// The requests of the bytes fed at once; nil if any failed.
    static func requests(_ text: String, limits: HTTPLimits = HTTPLimits()) -> [HTTPRequest] {
        events([Array(text.utf8)], limits: limits).compactMap { event in
            if case .request(let request) = event { request } else { nil }
        }
    }

    /// The status of the failure the bytes end with, if any.
    static func failure(_ bytes: [UInt8], limits: HTTPLimits = HTTPLimits()) -> Int? {
        if case .failure(let status, _) = events([bytes], limits: limits).last { status } else { nil }
    }

    static func failure(_ text: String, limits: HTTPLimits = HTTPLimits()) -> Int? {
        failure(Array(text.utf8), limits: limits)
    }
}

/// SplitMix64: a seeded generator, so that every run of the fuzz loop tries the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
