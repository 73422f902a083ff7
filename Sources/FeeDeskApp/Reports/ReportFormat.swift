import Foundation

/// The formats every report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// An aligned table for the terminal.
    case text
    /// UTF-8 CSV with a byte-order mark, for Excel.
    case csv
    /// The stable JSON of ARCHITECTURE.md.
    case json
    /// A printable A4 page in Vietnamese.
    case html

    /// Parses a `--format` value.
    public init(parsing text: String) throws(AppError) {
        guard let format = ReportFormat(rawValue: text) else {
            throw AppError.input("format '\(text)' is not one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = format
    }

    /// The HTTP content type.
    public var contentType: String {
        switch self {
        case .text: "text/plain; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        case .html: "text/html; charset=utf-8"
        }
    }

    /// The usual file name extension.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .csv: "csv"
        case .json: "json"
        case .html: "html"
        }
    }

    /// `value` as pretty JSON with sorted keys and a final newline.
    static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }
}
