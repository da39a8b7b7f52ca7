/// The one table renderer: columns padded by terminal cells (so that Chinese and Thai line up),
/// two spaces between them, the last column not padded.
public enum TextTable {
    public static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                column == row.count - 1
                    ? row[column] : row[column] + String(repeating: " ", count: widths[column] - DisplayWidth.of(row[column]) + 2)
            }.joined()
        }.joined(separator: "\n") + "\n"
    }
}
