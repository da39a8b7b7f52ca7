// The session record reader on a fuzzed record: what `sessions`, `show` and `resume` do with it.

func fuzzRecord(_ bytes: [UInt8]) {
    let log = SessionLog(text: String(decoding: bytes, as: UTF8.self))
    _ = log.status
    _ = log.startTime
    let transcript = Transcript(log)
    _ = transcript.text()
    _ = transcript.markdown()
    _ = transcript.json().text
    _ = Transcript.statusWord(log.status)
    // Replay what the record says the rep did, as resume does, then go on to the next question.
    var runner = fuzzRunner(choosing: bytes.first ?? 0)
    let inputs = log.inputs
    _ = runner.replay(inputs.count > 500 ? Array(inputs.prefix(500)) : inputs)
    _ = runner.proceed(now: 0)
}
