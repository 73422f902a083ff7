/// One booked movement on a statement.
public struct StatementLine: Sendable, Hashable {
    /// The date the bank booked the entry (MT940 entry date, else value date; camt `BookgDt`).
    public var bookingDate: StatementDate
    /// The value date (the booking date when the source has none).
    public var valueDate: StatementDate
    /// The booking time when the source gives one (camt `DtTm`, CSV `HH:mm:ss`).
    public var bookingTime: StatementTime?
    /// Amount in minor units of `currency`, never negative; see `direction`.
    public var amount: Int64
    /// ISO 4217 code of `amount`.
    public var currency: String
    /// The effect on the balance.
    public var direction: Direction
    /// True when the entry reverses an earlier one (MT940 `RC`/`RD`, camt `RvslInd`).
    public var reversal: Bool
    /// The bank's own reference (MT940 `//` reference, camt `AcctSvcrRef`, CSV reference column).
    public var bankReference: String?
    /// The account owner's reference (MT940 `:61:` customer reference; `NONREF` is dropped).
    public var customerReference: String?
    /// The end-to-end reference set by the payer (camt `EndToEndId`, MT940 `/EREF/` or `EREF+`).
    public var endToEndReference: String?
    /// The transaction type code (MT940 `NTRF`, `NMSC`…; camt proprietary bank code).
    public var transactionCode: String?
    /// The other party's name (the payer for a credit).
    public var counterpartyName: String?
    /// The other party's account (IBAN or local number).
    public var counterpartyAccount: String?
    /// The free text (MT940 `:86:`, camt `Ustrd` joined, CSV description), NFC-normalised.
    public var memo: String
    /// The account balance after this line, when a CSV export gives it.
    public var balanceAfter: Int64?
    /// The source record as it appears in the file (line endings normalised to `\n`).
    public var raw: String
    /// Where the record is (line, or XML path for camt).
    public var location: SourceLocation

    /// Creates a line.
    public init(
        bookingDate: StatementDate, valueDate: StatementDate, bookingTime: StatementTime? = nil,
        amount: Int64, currency: String, direction: Direction, reversal: Bool = false,
        bankReference: String? = nil, customerReference: String? = nil, endToEndReference: String? = nil,
        transactionCode: String? = nil, counterpartyName: String? = nil, counterpartyAccount: String? = nil,
        memo: String, balanceAfter: Int64? = nil, raw: String, location: SourceLocation
    ) {
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.bookingTime = bookingTime
        self.amount = amount
        self.currency = currency
        self.direction = direction
        self.reversal = reversal
        self.bankReference = bankReference
        self.customerReference = customerReference
        self.endToEndReference = endToEndReference
        self.transactionCode = transactionCode
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
        self.memo = memo
        self.balanceAfter = balanceAfter
        self.raw = raw
        self.location = location
    }

    /// The amount with its effect as a sign: positive for a credit, negative for a debit.
    public var signedAmount: Int64 { direction == .credit ? amount : -amount }
}
