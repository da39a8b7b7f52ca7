// libFuzzer entry point for the session record reader: any bytes, read as a record, then shown
// as `show` shows it. Built by Fuzz/run.sh (FUZZ_TARGET=record) in one module with the library.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let log = SessionLog(bytes: Array(UnsafeBufferPointer(start: data, count: size)))
    let transcript = Transcript(log)
    _ = (log.info, log.status, log.inputs, log.missingStart, log.unreadableLines)
    _ = (transcript.text(), transcript.markdown(), transcript.json().text, transcript.practiceResult)
    return 0
}
