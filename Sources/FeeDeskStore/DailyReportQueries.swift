import FeeDeskCore

/// The cash one cashier took on one business day: receipts that are not voided.
public struct CashierDayTotal: Sendable, Equatable, Encodable {
    /// The cashier's name as recorded.
    public let cashier: String
    /// The lowest and highest receipt number (shorter numbers first, then text order, so `9` < `10`).
    public let firstReceipt: String
    /// The highest receipt number.
    public let lastReceipt: String
    /// How many receipts.
    public let count: Int
    /// Their sum.
    public let amount: Money
}

/// A voided cash receipt of a business day.
public struct VoidedReceipt: Sendable, Equatable, Encodable {
    /// The receipt number.
    public let receipt: String
    /// Who took the money.
    public let cashier: String
    /// The dossier it paid.
    public let dossier: String
    /// The amount on the receipt.
    public let amount: Money
    /// When the receipt was issued (ISO 8601 with offset).
    public let paidAt: String
    /// When it was voided.
    public let voidedAt: String
    /// Why.
    public let reason: String
}

/// How many rows and their sum.
public struct CountAndSum: Sendable, Equatable {
    /// How many.
    public var count: Int
    /// Their sum.
    public var amount: Money

    /// `count` rows summing to `amount`.
    public init(count: Int, amount: Money) {
        self.count = count
        self.amount = amount
    }

    /// Nothing.
    public static let zero = CountAndSum(count: 0, amount: .zero)
}

/// The reads of the daily reconciliation report that the day reconciliation does not already make:
/// cash by cashier and voided receipts, and independent totals to check the tables against.
/// Each is one aggregate or one indexed range; nothing reads the day's credits one by one into memory.
public struct DailyReportQueries {
    private let connection: SQLiteConnection

    /// Queries run through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Cash receipts of business day `date` that are not voided, per cashier (by name), with the range
    /// of their receipt numbers: one GROUP BY over the day's rows (`cash_by_date`).
    public func totalsByCashier(on date: LocalDate) throws -> [CashierDayTotal] {
        // A receipt's sort key: its length as 4 digits, then the text, so numeric receipts sort as numbers.
        let key = "printf('%04d', length(receipt_no)) || receipt_no"
        return try connection.query("""
            SELECT cashier, substr(MIN(\(key)), 5), substr(MAX(\(key)), 5), COUNT(*), SUM(amount) FROM cash_payment
            WHERE business_date = ? AND voided_at IS NULL GROUP BY cashier ORDER BY cashier
            """, date.description) { row throws(StoreError) in
            CashierDayTotal(cashier: try row.requiredText(0), firstReceipt: try row.requiredText(1), lastReceipt: try row.requiredText(2),
                            count: Int(row.int64(3)), amount: Money(dong: row.int64(4)))
        }
    }

    /// Count and sum of the cash receipts of business day `date` that are not voided, read on their own
    /// (a check on `totalsByCashier`).
    public func cashTotal(on date: LocalDate) throws -> CountAndSum {
        try connection.queryOne("""
            SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM cash_payment WHERE business_date = ? AND voided_at IS NULL
            """, date.description) { CountAndSum(count: Int($0.int64(0)), amount: Money(dong: $0.int64(1))) } ?? .zero
    }

    /// Count and sum of every credit of `account` booked on `date`, whatever its outcome, read on its own
    /// from the covering index `credit_by_day` (a check on the outcome table), and of those only a
    /// callback reported (no statement line yet), through the partial index of callback-only credits.
    public func creditTotals(account: String, date: LocalDate) throws -> (all: CountAndSum, callbackOnly: CountAndSum) {
        func total(_ sql: String) throws -> CountAndSum {
            try connection.queryOne(sql, account, date.description) { CountAndSum(count: Int($0.int64(0)), amount: Money(dong: $0.int64(1))) } ?? .zero
        }
        return (try total("SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM credit WHERE account_id = ?1 AND booking_date = ?2"),
                try total("""
                    SELECT COUNT(*), COALESCE(SUM(amount), 0) FROM credit INDEXED BY credit_callback_by_reference
                    WHERE account_id = ?1 AND source = 'callback' AND booking_date = ?2
                    """))
    }

    /// Receipts of business day `date` that were voided, in receipt order.
    public func voided(on date: LocalDate) throws -> [VoidedReceipt] {
        try connection.query("""
            SELECT c.receipt_no, c.cashier, d.code, c.amount, c.paid_at, c.voided_at, COALESCE(c.void_reason, '')
            FROM cash_payment c JOIN dossier d ON d.id = c.dossier_id
            WHERE c.business_date = ? AND c.voided_at IS NOT NULL ORDER BY length(c.receipt_no), c.receipt_no
            """, date.description) { row throws(StoreError) in
            VoidedReceipt(receipt: try row.requiredText(0), cashier: try row.requiredText(1), dossier: try row.requiredText(2),
                          amount: Money(dong: row.int64(3)), paidAt: try row.requiredText(4), voidedAt: try row.requiredText(5),
                          reason: try row.requiredText(6))
        }
    }
}
