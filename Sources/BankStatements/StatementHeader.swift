/// What is known about a statement when its first line is about to be delivered.
public struct StatementHeader: Sendable, Hashable {
    /// The file format the statement came from.
    public var format: StatementFormat
    /// The account number or IBAN (MT940 `:25:` without a leading `BIC/`, camt `Acct/Id`, CSV title row).
    public var account: String?
    /// ISO 4217 code of the account (MT940 opening balance, camt `Acct/Ccy`, CSV profile).
    public var currency: String
    /// The statement's own reference (MT940 `:20:`, camt `Stmt/Id`).
    public var reference: String?
    /// Statement and page number (MT940 `:28C:` such as `00042/001`, camt `ElctrncSeqNb`).
    public var sequence: String?
    /// The opening balance, when it is known before the lines (MT940, camt, CSV title rows).
    public var opening: Balance?
    /// The first day the statement covers, when the source says (camt `FrToDt`).
    public var periodStart: StatementDate?
    /// The last day the statement covers, when the source says.
    public var periodEnd: StatementDate?
    /// Where the statement starts.
    public var location: SourceLocation

    /// Creates a header.
    public init(
        format: StatementFormat, account: String?, currency: String, reference: String? = nil,
        sequence: String? = nil, opening: Balance? = nil, periodStart: StatementDate? = nil,
        periodEnd: StatementDate? = nil, location: SourceLocation
    ) {
        self.format = format
        self.account = account
        self.currency = currency
        self.reference = reference
        self.sequence = sequence
        self.opening = opening
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.location = location
    }
}

/// What is known about a statement after its last line: final balances, totals and skipped entries.
public struct StatementTrailer: Sendable, Hashable {
    /// The opening balance (may have been found only after the lines, e.g. in a CSV footer).
    public var opening: Balance?
    /// The closing booked balance (MT940 `:62F:`/`:62M:`, camt `CLBD`, CSV footer).
    public var closing: Balance?
    /// Credits and debits delivered for this statement.
    public var totals: StatementTotals
    /// Entries present in the file but not delivered (camt entries whose status is not `BOOK`,
    /// CSV rows with a date but no amount).
    public var skipped: Int
    /// Statement-level free text (MT940 `:86:` outside a line, camt `AddtlStmtInf`), joined.
    public var information: String?

    /// Creates a trailer.
    public init(
        opening: Balance?, closing: Balance?, totals: StatementTotals, skipped: Int = 0, information: String? = nil
    ) {
        self.opening = opening
        self.closing = closing
        self.totals = totals
        self.skipped = skipped
        self.information = information
    }
}
