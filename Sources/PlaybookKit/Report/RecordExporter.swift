/// `playbook export --format jsonl`: every line a report reads, flat, with its session's facts on
/// it (docs/report.md, playbook export). One per thread; records are given one at a time.
public struct RecordExporter: Sendable {
    let filter: ReportFilter
    private var scan = SessionScan()

    public init(filter: ReportFilter) {
        self.filter = filter
        scan.keepsLines = true
    }

    /// Appends the record's lines to `output`, when the filters keep its session.
    public mutating func export(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> RecordReader.Result {
        let filter = filter
        let outcome = scan.read(bytes) { info, start in filter.keeps(info, start: start) && info.mode == filter.mode }
        guard outcome == .session, let info = scan.info else { return scan.result(of: outcome) }
        func text(_ value: String?) -> String { value.map { JSON.string($0).text } ?? "null" }
        let prefix = Array(
            ("{\"session\":\(text(info.id)),\"rep\":\(text(info.rep)),\"deal\":\(text(info.deal)),\"mode\":\(text(info.mode)),"
                + "\"playbook_path\":\(text(info.playbookPath)),\"playbook_title\":\(text(info.playbookTitle)),"
                + "\"playbook_version\":\(text(info.playbookVersion)),\"playbook_hash\":\(text(info.playbookHash)),\"seq\":").utf8)
        for (range, number) in scan.readLines {
            output.append(contentsOf: prefix)
            output.append(contentsOf: String(number).utf8)
            if number == scan.startLine, case .success(.object(var fields)) = JSON.parse(UnsafeBufferPointer(rebasing: bytes[range])) {
                // The start line's own session, rep, deal, mode and playbook are on every line already.
                for key in ["session", "rep", "deal", "mode", "playbook"] { fields[key] = nil }
                let object = JSON.object(fields).text.utf8
                output.append(UInt8(ascii: ","))
                output.append(contentsOf: object.dropFirst())
            } else {
                var start = range.lowerBound
                while start < range.upperBound, bytes[start] != UInt8(ascii: "{") { start += 1 }
                output.append(UInt8(ascii: ","))
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<range.upperBound]))
            }
            output.append(0x0A)
        }
        return scan.result(of: outcome)
    }
}
