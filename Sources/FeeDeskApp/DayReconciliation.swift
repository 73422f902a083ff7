import FeeDeskCore

/// The reconciliation of one collection account on one business day (stable JSON keys of
/// ARCHITECTURE.md: account, date, closed, opening, closing, balanceOk, creditTotal, outcomes, exceptions).
public struct DayReconciliation: Sendable, Equatable, Encodable {
    /// Something the accountant must look at.
    public struct Exception: Sendable, Equatable, Encodable {
        /// `unmatched`, `refund_due`, `unconfirmed_callback`, `amount_disagreement`, `statement_missing`, `balance`,
        /// `unexplained_debit`.
        public let kind: String
        public let credit: Int64?
        public let amount: Money?
        /// What is wrong and what to do, one sentence.
        public let message: String
        /// For `amount_disagreement`: the statement's credit, its amount and the shared bank reference.
        public var statementCredit: Int64? = nil
        public var statementAmount: Money? = nil
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
    /// The statement's credit lines of the day (credits only a callback reported are not among them).
    public let statementCreditCount: Int
    public let statementCreditTotal: Money
    /// Every outcome with its count and sum; the sums add up to `creditTotal`.
    public let outcomes: [String: OutcomeTotal]
    /// Statement debits by outcome (`refund`, `remittance`, `bank_fee`, `unexplained`); the sums add up to `debitTotal`.
    public let debitOutcomes: [String: OutcomeTotal]
    public let exceptions: [Exception]
    /// Why the day cannot be closed yet (empty when it can).
    public let blockers: [String]
}
