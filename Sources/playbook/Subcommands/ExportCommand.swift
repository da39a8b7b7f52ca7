import Dispatch
import Glibc
import PlaybookKit

/// `playbook export`: a team's records for a database (JSON Lines) or a spreadsheet (CSV).
enum ExportCommand: Subcommand {
    static let help = """
        usage: playbook export [options] [FOLDER|FILE]...

        Reads the session records as 'playbook report' does (the same folders, files and
        filters) and writes them for other tools:
          jsonl  every line of every record, flat, with its session's facts on it (session,
                 rep, deal, mode, playbook_path, playbook_title, playbook_version,
                 playbook_hash, seq): for DuckDB, Spark or BigQuery
          csv    one row per session (id, rep, deal, playbook, version, mode, started, last
                 activity, status, outcome, reason, score, cycle days), then one column per
                 question with the answer in force: for a spreadsheet or a CRM import
        The columns and the SQL that gives the report's figures from them are in
        docs/report.md.

        options:
          --format FORMAT   jsonl (default) or csv
        \(RecordOptions.filtersHelp)
          --output FILE     write to FILE (readable by you only) instead of standard output
          --sessions DIR    your sessions folder, read when no folder or file is given
          -h, --help        show this help

        """

    enum Format: String, CaseIterable { case jsonl, csv }

    static let name = "export"
    static let operands = "[FOLDER|FILE]..."
    static let summary = "write a team's records as JSON Lines or CSV"
    static let valued: Set<String> = RecordOptions.valued.union(["--format"])
    static let flags: Set<String> = []

    static func run(_ arguments: Arguments, keep: inout [CheckResult]) throws(UsageError) -> Int32 {
        let format: Format = try arguments.choice("--format", default: .jsonl)
        let options = try RecordOptions(arguments, command: "export")
        if format == .csv {
            guard let reading = options.read(keepDeals: true) else { return 1 }
            let report = TeamReport(reading.reader, facts: { PlaybookFacts.load($0) }, asOf: 0)
            return options.deliver(report.exportCSV())
        }
        let files = RecordFiles(operands: options.operands)
        if options.nothingReadable(files) { return 1 }
        let descriptor: Int32
        if let output = options.output {
            // Records hold what buyers said: the export is as private as they are.
            descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                Terminal.error("playbook: cannot write '\(TerminalText.safe(output))': \(String(cString: strerror(errno)))\n")
                return 1
            }
        } else {
            descriptor = STDOUT_FILENO
        }
        var export = JSONLinesExport(files.paths, filter: options.filter, to: descriptor)
        if options.output != nil, close(descriptor) != 0, export.failure == nil { export.failure = errno }
        export.tally.problems = files.problems + export.tally.problems
        options.note(export.tally)
        if let failure = export.failure {
            Terminal.error("playbook: cannot write the export: \(String(cString: strerror(failure)))\n")
            return 1
        }
        return export.exported > 0 ? 0 : options.nothingKept(to: "export")
    }
}

/// Writes the records' lines as JSON Lines, in the order of the paths (of session ids), reading
/// them on two threads a batch at a time.
struct JSONLinesExport {
    /// What was read, and what could not be.
    var tally = RecordReading.Tally()
    /// The sessions the filters kept, whose lines were written.
    var exported = 0
    var failure: Int32?

    init(_ paths: [String], filter: ReportFilter, to descriptor: Int32) {
        let parts = 2
        let batch = 512
        let exporters = Exporters(count: parts, filter: filter)
        var start = 0
        while start < paths.count, failure == nil {
            let end = min(paths.count, start + batch)
            let first = start
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let share = (end - first + parts - 1) / parts
                let from = first + part * share, to = min(end, from + share)
                exporters.run(part, paths[min(from, to)..<to])
            }
            for part in 0..<parts {
                let output = exporters.take(part)
                if failure == nil, let error = output.bytes.withUnsafeBufferPointer({ writeAll($0, to: descriptor) }) { failure = error }
                tally.add(output.tally)
                exported += output.exported
            }
            start = end
        }
    }

    struct Output {
        var bytes: [UInt8] = []
        var tally = RecordReading.Tally()
        var exported = 0
    }

    /// One exporter, buffer and output per thread, each touched by its own thread only.
    final class Exporters: @unchecked Sendable {
        private let exporters: PerThread<RecordExporter>
        private let outputs: PerThread<Output>
        private let buffers: PerThread<[UInt8]>

        init(count: Int, filter: ReportFilter) {
            exporters = PerThread(count: count, RecordExporter(filter: filter))
            outputs = PerThread(count: count, Output())
            buffers = PerThread(count: count, [UInt8](repeating: 0, count: 1 << 16))
        }

        func run(_ part: Int, _ paths: ArraySlice<String>) {
            for path in paths {
                let written = outputs[part].bytes.count
                let result = RecordBytes.read(path, into: &buffers[part], problems: &outputs[part].tally.problems) { bytes in
                    exporters[part].export(bytes, into: &outputs[part].bytes)
                }
                if outputs[part].bytes.count > written { outputs[part].exported += 1 }
                outputs[part].tally.add(path, result)
            }
        }

        func take(_ part: Int) -> Output {
            let output = outputs[part]
            outputs[part] = Output()
            outputs[part].bytes.reserveCapacity(output.bytes.capacity)
            return output
        }
    }
}
