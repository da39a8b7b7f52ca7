// The session record reader on a fuzzed record: what `sessions`, `show` and `resume` do with it.

func fuzzRecord(_ bytes: [UInt8]) {
    let log = SessionLog(bytes: bytes)
    _ = (log.info, log.status, log.startTime, log.missingStart, log.unreadableLines)
    let transcript = Transcript(log)
    _ = (transcript.text(), transcript.markdown(), transcript.json().text, transcript.practiceResult)
    _ = Transcript.statusWord(log.status)
    // Replay what the record says the rep did, as resume does, then go on to the next question.
    var runner = fuzzRunner(choosing: bytes.first ?? 0)
    let inputs = log.inputs
    _ = runner.replay(inputs.count > 500 ? Array(inputs.prefix(500)) : inputs)
    _ = runner.proceed(now: 0)
}
