// libFuzzer entry point. One binary holds every target; FUZZ_TARGET (set by Fuzz/run.sh) picks
// which input the bytes are: a playbook, a session record, a scenario file or typed lines.
// Built by Fuzz/run.sh in one module with the library sources (not part of the package).
import Glibc

enum FuzzTarget: String, CaseIterable {
    case check, record, scenarios, commands
}

/// Read once: the target cannot change while the fuzzer runs.
private let target: FuzzTarget = {
    guard let name = getenv("FUZZ_TARGET").map({ String(cString: $0) }) else { return .check }
    guard let target = FuzzTarget(rawValue: name) else {
        fuzzSetupFailed("FUZZ_TARGET must be one of \(FuzzTarget.allCases.map(\.rawValue)), not '\(name)'")
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    switch target {
    case .check: fuzzCheck(bytes)
    case .record: fuzzRecord(bytes)
    case .scenarios: fuzzScenarios(bytes)
    case .commands: fuzzCommands(bytes)
    }
    return 0
}

/// A setup problem (not a finding): say it and stop before fuzzing.
func fuzzSetupFailed(_ message: String) -> Never {
    let text = message + "\n"
    _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
    exit(2)
}
