/// Writes CSV that Excel opens correctly and that cannot smuggle formulas into a spreadsheet.
///
/// - UTF-8 with a byte-order mark, so Excel reads Vietnamese letters instead of mojibake.
/// - RFC 4180: CRLF line ends; a field holding a comma, a quote, CR or LF is quoted, quotes doubled.
/// - CSV/formula injection neutralised (OWASP): a text cell starting with `=`, `+`, `-`, `@`, tab or
///   CR gets a leading apostrophe, so a spreadsheet shows it as text and never evaluates it. Numbers
///   written with `number` are left alone (a negative amount stays a number).
public struct CSVWriter: Sendable {
    /// The UTF-8 byte-order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One cell: text (neutralised) or a number (written as is).
    public enum Cell: Sendable, Equatable {
        /// Text from anywhere; neutralised and quoted as needed.
        case text(String)
        /// A whole number (đồng, counts).
        case integer(Int64)
        /// A decimal number already formatted with a `.` (shares such as `0.0211`).
        case decimal(String)
    }

    private var output = ""

    /// An empty document.
    public init() {}

    /// Appends one record.
    public mutating func append(_ cells: [Cell]) {
        output += cells.map(CSVWriter.field).joined(separator: ",") + "\r\n"
    }

    /// Appends one record of text cells.
    public mutating func append(texts: [String]) {
        append(texts.map(Cell.text))
    }

    /// The document's bytes: BOM, then the records in UTF-8.
    public var bytes: [UInt8] { CSVWriter.byteOrderMark + Array(output.utf8) }

    /// The records as text, without the BOM.
    public var text: String { output }

    /// One cell as a CSV field.
    public static func field(_ cell: Cell) -> String {
        switch cell {
        case let .integer(value): return String(value)
        case let .decimal(text): return quoteIfNeeded(text)
        case let .text(text): return quoteIfNeeded(neutralised(text))
        }
    }

    /// `text` with a leading apostrophe when a spreadsheet would read it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    private static func quoteIfNeeded(_ text: String) -> String {
        let special = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard special else { return text }
        var quoted = "\""
        for character in text {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }
}
