// The shipped playbooks the record, scenario and command targets run against, read once from
// FUZZ_PLAYBOOKS (the repository's playbooks/ folder, set by Fuzz/run.sh).
import Glibc

/// Every shipped playbook that checks clean, in name order; practice ones have personas.
let fuzzPrograms: [Program] = {
    let folder = getenv("FUZZ_PLAYBOOKS").map { String(cString: $0) } ?? "playbooks"
    var files: [String: [UInt8]] = [:]
    guard let directory = opendir(folder) else {
        fuzzSetupFailed("cannot open FUZZ_PLAYBOOKS folder '\(folder)'")
    }
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard name.hasSuffix(".playbook"), let file = fopen(folder + "/" + name, "rb") else { continue }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while case let count = fread(&chunk, 1, chunk.count, file), count > 0 { bytes += chunk[..<count] }
        fclose(file)
        files[name] = bytes
    }
    closedir(directory)
    let loader = MemoryLoader(bytes: files)
    let programs = files.keys.sorted().compactMap { name in
        Program(checkPlaybook(SourceFile(path: name, bytes: files[name] ?? []), loader: loader))
    }
    guard !programs.isEmpty else {
        fuzzSetupFailed("no playbook in '\(folder)' checks clean")
    }
    return programs
}()

/// A runner chosen by one byte: which program, and whether it is a practice run as which persona.
func fuzzRunner(choosing byte: UInt8) -> Runner {
    let program = fuzzPrograms[Int(byte) % fuzzPrograms.count]
    let practice = byte & 0x80 != 0 && !program.personas.isEmpty
    let options = practice
        ? PracticeOptions(persona: program.personas[Int(byte >> 4) % program.personas.count], holdFeedback: byte & 0x40 != 0)
        : nil
    return Runner(walk: Walk(program: program, seed: UInt64(byte)), paint: Paint(enabled: byte & 0x20 != 0), practice: options)
}
