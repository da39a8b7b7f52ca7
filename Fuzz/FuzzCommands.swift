// Typed lines at the prompt of `run` and `practice`: answers and commands (back, note, end, why,
// tip, define, pause, ?), as a rep would type them, one line per answer.

func fuzzCommands(_ bytes: [UInt8]) {
    var runner = fuzzRunner(choosing: bytes.first ?? 0)
    var turn = runner.proceed(now: 0)
    var time = 0.0
    for line in bytes.dropFirst().split(separator: 0x0A, omittingEmptySubsequences: false).prefix(300) {
        guard case .waiting = turn.state else { return }
        time += 1.5
        turn = runner.receive(String(decoding: line, as: UTF8.self), now: time)
        _ = turn.text
        // What is recorded must read back as itself: written, read and written again, the same line.
        for kind in turn.records {
            let line = SessionEvent(kind, time: time).jsonLine
            guard let read = SessionEvent(jsonLine: line), read.jsonLine == line else {
                fatalError("a recorded line does not read back as itself: \(line)")
            }
        }
    }
}
