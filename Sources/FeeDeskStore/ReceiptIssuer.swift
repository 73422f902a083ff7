import FeeDeskCore

/// Issues FeeDesk's receipt numbers (biên lai) inside the write transaction that stores a payment.
///
/// The store's payment writers call it: `CashRepository.insert` for cash, `CreditRepository.allocate`,
/// `ReviewRepository.allocate` and `ReviewRepository.restoreAllocations` for one allocation, and
/// `ImportRowWriter` once per statement import for all its allocations. Numbers come from
/// `receipt_series` in the same transaction, so a transaction that rolls back takes none and a series
/// has no gap. Cancelling (a voided cash payment, a reversed allocation) is done by triggers of schema
/// version 7, whatever path changes the payment.
public struct ReceiptIssuer {
    private let connection: SQLiteConnection

    /// An issuer writing through `connection` (inside its write transaction).
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The form and symbols in force.
    public func series() throws -> ReceiptSeries {
        guard let stored = try connection.queryOne("SELECT form, cash_symbol, cashless_symbol FROM receipt_setting WHERE id = 1", transform: { row throws(StoreError) in
            (try row.requiredText(0), try row.requiredText(1), try row.requiredText(2))
        }) else { throw StoreError.corrupt("receipt_setting has no row") }
        do {
            return try ReceiptSeries(form: stored.0, cashSymbol: stored.1, cashlessSymbol: stored.2)
        } catch {
            throw StoreError.corrupt("receipt_setting: \(error.message)")
        }
    }

    /// Stores `series` as the settings in force; returns true when they changed.
    @discardableResult
    public func setSeries(_ series: ReceiptSeries) throws -> Bool {
        try connection.run("""
            UPDATE receipt_setting SET form = ?, cash_symbol = ?, cashless_symbol = ?
            WHERE id = 1 AND NOT (form = ? AND cash_symbol = ? AND cashless_symbol = ?)
            """, series.form, series.cashSymbol, series.cashlessSymbol, series.form, series.cashSymbol, series.cashlessSymbol) > 0
    }

    /// Issues the receipt of the cash payment `paymentID`, dated `stamp` (its payment time, ISO 8601
    /// in the unit's zone: the year is read from it).
    public func issue(cashPaymentID paymentID: Int64, at stamp: String) throws {
        let (series, year) = (try series(), try ReceiptIssuer.year(of: stamp))
        let symbol = series.symbol(for: .cash, year: year)
        let number = try reserve(symbol: symbol, year: year, count: 1)
        try connection.run("INSERT INTO receipt (form, symbol, year, number, cash_payment_id, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                           series.form, symbol, year, number, paymentID, stamp)
    }

    /// Issues receipts dated `stamp` for the live allocations whose ids are in `ids`, numbered in id
    /// order (one statement for a whole import).
    public func issue(allocations ids: ClosedRange<Int64>, at stamp: String) throws {
        let count = try connection.queryOne("SELECT COUNT(*) FROM allocation WHERE id BETWEEN ? AND ? AND reversed_at IS NULL",
                                            ids.lowerBound, ids.upperBound) { $0.int64(0) } ?? 0
        guard count > 0 else { return }
        let (series, year) = (try series(), try ReceiptIssuer.year(of: stamp))
        let symbol = series.symbol(for: .cashless, year: year)
        let first = try reserve(symbol: symbol, year: year, count: count)
        try connection.run("""
            INSERT INTO receipt (form, symbol, year, number, allocation_id, issued_at)
            SELECT ?, ?, ?, ? + ROW_NUMBER() OVER (ORDER BY id) - 1, id, ? FROM allocation
            WHERE id BETWEEN ? AND ? AND reversed_at IS NULL ORDER BY id
            """, series.form, symbol, year, first, stamp, ids.lowerBound, ids.upperBound)
    }

    /// Takes `count` numbers of the series `symbol`/`year`; returns the first.
    private func reserve(symbol: String, year: Int, count: Int64) throws -> Int64 {
        let last = try connection.queryOne("""
            INSERT INTO receipt_series (symbol, year, last_number) VALUES (?, ?, ?)
            ON CONFLICT (symbol, year) DO UPDATE SET last_number = last_number + excluded.last_number
            RETURNING last_number
            """, symbol, year, count) { $0.int64(0) }
        guard let last else { throw StoreError.corrupt("receipt series \(symbol) \(year) returned no number") }
        return last - count + 1
    }

    /// The year of an ISO 8601 stamp in the unit's zone (`2026-…`).
    static func year(of stamp: String) throws(StoreError) -> Int {
        guard stamp.utf8.count >= 10, let year = Int(stamp.prefix(4)), year >= 1000 else {
            throw StoreError.corrupt("receipt time '\(stamp)' does not start with a year")
        }
        return year
    }
}
