import FeeDeskCore

/// A statement line of an import, with the id it will be stored under (see `ImportRowWriter`).
public struct ImportedLineRow: Sendable {
    /// The row id, given explicitly so credits can point at the line before it is written.
    public var id: Int64
    /// The statement it belongs to.
    public var statementID: Int64
    /// Its identity, unique across all statements.
    public var identity: LineIdentity
    /// The collection account.
    public var accountID: String
    /// The booking date.
    public var bookingDate: LocalDate
    /// The value date.
    public var valueDate: LocalDate
    /// ISO 8601 booking time when the statement gives one.
    public var bookedAt: String?
    /// Amount in đồng, positive.
    public var amount: Int64
    /// True for money in.
    public var isCredit: Bool
    /// True when the line reverses an earlier one.
    public var reversal: Bool
    /// The bank's reference.
    public var bankReference: String?
    /// The payer's end-to-end reference.
    public var endToEnd: String?
    /// The other party's name.
    public var counterpartyName: String?
    /// The other party's account.
    public var counterpartyAccount: String?
    /// The transfer memo.
    public var memo: String
    /// The source record as it appears in the file.
    public var raw: String

    /// A line with every field.
    public init(id: Int64, statementID: Int64, identity: LineIdentity, accountID: String, bookingDate: LocalDate, valueDate: LocalDate,
                bookedAt: String?, amount: Int64, isCredit: Bool, reversal: Bool, bankReference: String?, endToEnd: String?,
                counterpartyName: String?, counterpartyAccount: String?, memo: String, raw: String) {
        self.id = id
        self.statementID = statementID
        self.identity = identity
        self.accountID = accountID
        self.bookingDate = bookingDate
        self.valueDate = valueDate
        self.bookedAt = bookedAt
        self.amount = amount
        self.isCredit = isCredit
        self.reversal = reversal
        self.bankReference = bankReference
        self.endToEnd = endToEnd
        self.counterpartyName = counterpartyName
        self.counterpartyAccount = counterpartyAccount
        self.memo = memo
        self.raw = raw
    }
}

/// The credit a statement credit line of an import becomes, stored once, complete with the matcher's
/// verdict; its account, amount, dates, memo and parties are those of its line.
public struct ImportedCreditRow: Sendable {
    /// The row id, given explicitly so allocations can point at the credit before it is written.
    public var id: Int64
    /// The matcher's outcome.
    public var outcome: CreditOutcome
    /// What is owed back to the payer.
    public var owedBack: Money
    /// Why, in one sentence.
    public var note: String

    /// A credit with its outcome.
    public init(id: Int64, outcome: CreditOutcome, owedBack: Money, note: String) {
        self.id = id
        self.outcome = outcome
        self.owedBack = owedBack
        self.note = note
    }
}
