import FeeDeskCore

/// A report that can be written in every `ReportFormat`: a terminal table, a CSV document, stable
/// JSON (its `Encodable` conformance) and a printable HTML page.
public protocol RenderableReport: Encodable {
    /// The aligned table for the terminal.
    var textTable: String { get }
    /// The CSV document (UTF-8 with a byte-order mark).
    var csv: CSVWriter { get }
    /// The printable A4 page.
    var html: String { get }
}

extension RenderableReport {
    /// The report in `format`: bytes ready for a file or an HTTP body.
    public func rendered(_ format: ReportFormat) throws -> [UInt8] {
        switch format {
        case .text: return Array((textTable + "\n").utf8)
        case .csv: return csv.bytes
        case .json: return try ReportFormat.json(self)
        case .html: return Array(html.utf8)
        }
    }
}

extension CashlessReport: RenderableReport {}
extension DailyReport: RenderableReport {}
