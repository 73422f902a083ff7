import FeeDeskCore

/// The reconciliation of one collection account on one business day (stable JSON keys of
/// ARCHITECTURE.md: account, date, closed, opening, closing, balanceOk, creditTotal, outcomes, exceptions).
public struct DayReconciliation: Sendable, Equatable, Encodable {
    /// Something the accountant must look at.
    public struct Exception: Sendable, Equatable, Encodable {
        /// `unmatched`, `refund_due`, `unconfirmed_callback`, `callback_mismatch`, `amount_disagreement`, `statement_missing`, `balance`,
        /// `unexplained_debit`.
        public let kind: String
        public let credit: Int64?
        public let amount: Money?
        /// What is wrong and what to do, one sentence.
        public let message: String
        /// For `amount_disagreement`: the credit the statement line recorded.
        public var statementCredit: Int64? = nil
        /// For `amount_disagreement`: what the statement says.
        public var statementAmount: Money? = nil
        /// For `amount_disagreement`: the bank reference the callback and the statement line share.
        public var bankReference: String? = nil
    }

    public let account: String
    public let date: LocalDate
    public let closed: Bool
    public let closedBy: String?
    /// Balance at the start and end of the day, from the statement (nil when no statement covers it).
    public let opening: Money?
    public let closing: Money?
    /// True when the statement's balances agree with its lines (opening + credits − debits = closing).
    public let balanceOk: Bool
    public let creditCount: Int
    public let creditTotal: Money
    public let debitCount: Int
    public let debitTotal: Money
    /// How many credit lines the statement has on the day (credits only a callback reported are not among them).
    public let statementCreditCount: Int
    /// Their sum.
    public let statementCreditTotal: Money
    /// Every outcome with its count and sum; the sums add up to `creditTotal`.
    public let outcomes: [String: OutcomeTotal]
    /// Statement debits by outcome (`refund`, `remittance`, `bank_fee`, `unexplained`); the sums add up to `debitTotal`.
    public let debitOutcomes: [String: OutcomeTotal]
    public let exceptions: [Exception]
    /// Why the day cannot be closed yet (empty when it can).
    public let blockers: [String]
}
