/// The format of a bank statement file, as reported after detection.
///
/// The raw values are the stable JSON names used by `feedesk statement parse --json`.
public enum StatementFormat: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// SWIFT MT940 customer statement message.
    case mt940
    /// ISO 20022 camt.053 bank-to-customer statement.
    case camt053
    /// ISO 20022 camt.054 bank-to-customer debit/credit notification.
    case camt054
    /// A bank's CSV or Excel-text export, read through a ``BankProfile``.
    case csv

    /// The stable JSON name.
    public var description: String { rawValue }
}

/// The format a caller asks for: one of the concrete families, or detection from the content.
public enum StatementFormatChoice: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Detect the format from the content (see ``StatementReader/detectFormat(data:fileName:)``).
    case auto
    /// SWIFT MT940.
    case mt940
    /// camt.053 or camt.054; which one is read from the document.
    case camt
    /// CSV through a bank profile.
    case csv

    /// Parses a command-line or query value: `auto`, `mt940`, `camt`, `camt053`, `camt054`, `csv`
    /// (case-insensitive, `.` and `-` ignored).
    public init?(argument: String) {
        let key = argument.lowercased().filter { $0 != "." && $0 != "-" && $0 != "_" }
        switch key {
        case "auto": self = .auto
        case "mt940", "sta", "swift": self = .mt940
        case "camt", "camt053", "camt054", "xml": self = .camt
        case "csv", "txt", "tsv": self = .csv
        default: return nil
        }
    }

    /// The argument spelling.
    public var description: String { rawValue }
}
