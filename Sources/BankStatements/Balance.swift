/// A statement balance: signed amount in minor units, with its currency and date.
public struct Balance: Sendable, Hashable {
    /// Signed amount in minor units of `currency` (a debit balance is negative).
    public var amount: Int64
    /// ISO 4217 code.
    public var currency: String
    /// The balance date, when the source gives one.
    public var date: StatementDate?
    /// True for an intermediate balance of a paged statement (MT940 `:60M:`/`:62M:`).
    public var isIntermediate: Bool

    /// Creates a balance.
    public init(amount: Int64, currency: String, date: StatementDate?, isIntermediate: Bool = false) {
        self.amount = amount
        self.currency = currency
        self.date = date
        self.isIntermediate = isIntermediate
    }
}

/// Whether money moves into (`credit`) or out of (`debit`) the account.
///
/// This is always the effect on the balance: an MT940 `RC` (reversal of a credit) is a `debit`.
public enum Direction: String, Sendable, Hashable, Codable {
    /// Money in.
    case credit
    /// Money out.
    case debit
}
