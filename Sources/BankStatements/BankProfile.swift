import Foundation

/// How a bank's CSV/Excel-text export is laid out: header keywords per field, date and amount
/// formats, delimiter, encoding and title/footer labels. Loaded from `config/bank-profiles/*.json`.
///
/// Columns are always found by header text (diacritic-, case- and whitespace-insensitive), never
/// by position. See `config/bank-profiles/README.md` for every key.
public struct BankProfile: Sendable, Hashable {
    /// Short identifier used on the command line (`--profile vietcombank`).
    public var name: String
    /// Display name of the bank.
    public var bank: String
    /// NAPAS bank BIN, when the profile belongs to one bank.
    public var bin: String?
    /// True only when the header was checked against a real export.
    public var confirmed: Bool
    /// Where the header keywords come from.
    public var source: String?
    /// Character encoding of the export.
    public var encoding: TextEncoding
    /// Field delimiter.
    public var delimiter: CSVDelimiter
    /// Physical records to ignore before looking for the header row.
    public var skipRows: Int
    /// How many records (after `skipRows`) may precede the header row.
    public var headerSearchRows: Int
    /// ISO 4217 code of the amounts.
    public var currency: String
    /// Date patterns tried in order, e.g. `dd/MM/yyyy[ HH:mm:ss]`.
    public var dateFormats: [String]
    /// How amounts are written.
    public var amountStyle: AmountStyle
    /// Where the amount and its direction are.
    public var amountLayout: AmountLayout
    /// Header keywords (aliases) for each field.
    public var columns: [CSVColumn: [String]]
    /// Values of a direction column meaning money in.
    public var creditValues: [String]
    /// Values of a direction column meaning money out.
    public var debitValues: [String]
    /// Title-row labels before the account number, e.g. `Số tài khoản`.
    public var accountLabels: [String]
    /// Labels before the opening balance, e.g. `Số dư đầu kỳ`.
    public var openingBalanceLabels: [String]
    /// Labels before the closing balance, e.g. `Số dư cuối kỳ`.
    public var closingBalanceLabels: [String]
    /// A row whose first non-empty cell starts with one of these is a totals row and is skipped.
    public var totalsKeywords: [String]

    let patterns: [DatePattern]
    let folded: FoldedKeywords

    /// Builds a profile in code; the same validation as for JSON applies.
    public init(
        name: String, bank: String, bin: String? = nil, confirmed: Bool = false, source: String? = nil,
        encoding: TextEncoding = .auto, delimiter: CSVDelimiter = .auto, skipRows: Int = 0, headerSearchRows: Int = 60,
        currency: String = "VND", dateFormats: [String] = ["dd/MM/yyyy[ HH:mm[:ss]]"], amountStyle: AmountStyle,
        amountLayout: AmountLayout = .auto, columns: [CSVColumn: [String]],
        creditValues: [String] = ["C", "CR", "Có", "Credit", "+"], debitValues: [String] = ["D", "DR", "Nợ", "Debit", "-"],
        accountLabels: [String] = ["Số tài khoản", "Account number", "Account No"],
        openingBalanceLabels: [String] = ["Số dư đầu kỳ", "Opening balance"],
        closingBalanceLabels: [String] = ["Số dư cuối kỳ", "Closing balance"],
        totalsKeywords: [String] = ["Tổng", "Cộng", "Total"]
    ) throws(StatementError) {
        self.name = name
        self.bank = bank
        self.bin = bin
        self.confirmed = confirmed
        self.source = source
        self.encoding = encoding
        self.delimiter = delimiter
        self.skipRows = skipRows
        self.headerSearchRows = headerSearchRows
        self.currency = currency
        self.dateFormats = dateFormats
        self.amountStyle = amountStyle
        self.amountLayout = amountLayout
        self.columns = columns
        self.creditValues = creditValues
        self.debitValues = debitValues
        self.accountLabels = accountLabels
        self.openingBalanceLabels = openingBalanceLabels
        self.closingBalanceLabels = closingBalanceLabels
        self.totalsKeywords = totalsKeywords
        var compiled: [DatePattern] = []
        for (index, format) in dateFormats.enumerated() {
            guard let pattern = DatePattern(format) else {
                throw Self.invalid(name, "dateFormats[\(index)]", "'\(format)' is not a date pattern (use dd, MM, yyyy, HH, mm, ss and [optional])")
            }
            compiled.append(pattern)
        }
        patterns = compiled
        folded = FoldedKeywords(columns: columns, credit: creditValues, debit: debitValues, account: accountLabels,
                                opening: openingBalanceLabels, closing: closingBalanceLabels, totals: totalsKeywords)
        try validate()
    }

    private func validate() throws(StatementError) {
        guard !dateFormats.isEmpty else { throw Self.invalid(name, "dateFormats", "must list at least one date pattern") }
        guard let exponent = Currency.exponent(of: currency) else {
            throw Self.invalid(name, "currency", "'\(currency)' is not an ISO 4217 code")
        }
        if amountStyle == .auto, exponent > 2 {
            throw Self.invalid(name, "amountStyle", "auto cannot read \(currency) amounts (\(exponent) decimals); name the style")
        }
        guard skipRows >= 0 else { throw Self.invalid(name, "skipRows", "must not be negative") }
        guard headerSearchRows > 0 else { throw Self.invalid(name, "headerSearchRows", "must be positive") }
        guard !(columns[.bookingDate] ?? []).isEmpty else {
            throw Self.invalid(name, "columns.bookingDate", "must list at least one header keyword")
        }
        let has = { (column: CSVColumn) in !(self.columns[column] ?? []).isEmpty }
        switch amountLayout {
        case .creditDebit where !has(.credit) || !has(.debit):
            throw Self.invalid(name, has(.credit) ? "columns.debit" : "columns.credit", "must list header keywords for the credit-debit layout")
        case .signed where !has(.amount):
            throw Self.invalid(name, "columns.amount", "must list header keywords for the signed layout")
        case .amountDirection where !has(.amount) || !has(.direction):
            throw Self.invalid(name, has(.amount) ? "columns.direction" : "columns.amount", "must list header keywords for the amount-direction layout")
        case .auto where !(has(.credit) && has(.debit)) && !has(.amount):
            throw Self.invalid(name, "columns", "must name credit and debit columns or an amount column")
        default: break
        }
    }

    static func invalid(_ file: String, _ field: String, _ reason: String) -> StatementError {
        StatementError(.profile, file: file, at: .field(field), reason)
    }
}
