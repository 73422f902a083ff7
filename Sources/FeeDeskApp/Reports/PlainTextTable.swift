/// Plain-text tables for reports read in a terminal: columns aligned by character count, numbers
/// right-aligned, an optional rule and totals line.
public enum PlainTextTable {
    /// `rows` under `header` with `footer` rows after a rule; columns in `rightAligned` right-aligned.
    public static func render(header: [String], rows: [[String]], footer: [[String]] = [], rightAligned: Set<Int> = []) -> String {
        let all = [header] + rows + footer
        let widths = header.indices.map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                if column == cells.count - 1 && !rightAligned.contains(column) { return cell }
                return rightAligned.contains(column) ? padding + cell : cell + padding
            }.joined(separator: "  ")
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        var lines = [line(header), rule] + rows.map(line)
        if !footer.isEmpty { lines += [rule] + footer.map(line) }
        return lines.joined(separator: "\n")
    }
}
