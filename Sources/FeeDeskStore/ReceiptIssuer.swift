import FeeDeskCore

/// Issues FeeDesk's receipt numbers (biên lai) inside the write transaction that stores a payment.
///
/// The store's payment writers call it: `CashRepository.insert` for cash, `CreditRepository.allocate`
/// (callbacks, rematching), `ReviewRepository.allocate` and `ReviewRepository.restoreAllocations` for
/// one allocation; `ImportRowWriter` writes an import's receipts itself with numbers from `reserve`.
/// Numbers come from `receipt_series` in the same transaction, so a transaction that rolls back takes none and a series
/// has no gap. Cancelling (a voided cash payment, a reversed allocation) is done by triggers of schema
/// version 7, whatever path changes the payment.
public struct ReceiptIssuer {
    private let connection: SQLiteConnection

    /// An issuer writing through `connection` (inside its write transaction).
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// The form and symbols in force.
    public func settings() throws -> ReceiptSeries {
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
    public func setSettings(_ series: ReceiptSeries) throws -> Bool {
        try connection.run("""
            UPDATE receipt_setting SET form = ?, cash_symbol = ?, cashless_symbol = ?
            WHERE id = 1 AND NOT (form = ? AND cash_symbol = ? AND cashless_symbol = ?)
            """, series.form, series.cashSymbol, series.cashlessSymbol, series.form, series.cashSymbol, series.cashlessSymbol) > 0
    }

    /// Issues the receipt of the cash payment `paymentID`, dated `stamp` (its payment time, ISO 8601
    /// in the unit's zone: the year is read from it).
    public func issue(cashPaymentID paymentID: Int64, at stamp: String) throws {
        try issueOne(.cash, paymentID: paymentID, at: stamp)
    }

    /// Issues the receipt of the live allocation `allocationID`, dated `stamp`.
    public func issue(allocationID: Int64, at stamp: String) throws {
        try issueOne(.cashless, paymentID: allocationID, at: stamp)
    }

    private func issueOne(_ source: PaymentSource, paymentID: Int64, at stamp: String) throws {
        let series = try series(of: source, at: stamp)
        let number = try reserve(series, count: 1)
        let column = source == .cash ? "cash_payment_id" : "allocation_id"
        try connection.run("INSERT INTO receipt (form, symbol, year, number, \(column), issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                           series.form, series.symbol, series.year, number, paymentID, stamp)
    }

    /// The form, symbol and year a `source` receipt issued at `stamp` belongs to.
    public struct Series: Sendable, Equatable {
        /// Form (mẫu số).
        public let form: String
        /// Symbol with the year filled in.
        public let symbol: String
        /// Year of issue, in the unit's zone.
        public let year: Int
    }

    /// The series of a `source` receipt issued at `stamp` (ISO 8601 in the unit's zone).
    public func series(of source: PaymentSource, at stamp: String) throws -> Series {
        let (settings, year) = (try settings(), try ReceiptIssuer.year(of: stamp))
        return Series(form: settings.form, symbol: settings.symbol(for: source, year: year), year: year)
    }

    /// Takes the next `count` numbers of `series` (in this transaction); returns the first.
    public func reserve(_ series: Series, count: Int64) throws -> Int64 {
        let last = try connection.queryOne("""
            INSERT INTO receipt_series (symbol, year, last_number) VALUES (?, ?, ?)
            ON CONFLICT (symbol, year) DO UPDATE SET last_number = last_number + excluded.last_number
            RETURNING last_number
            """, series.symbol, series.year, count) { $0.int64(0) }
        guard let last else { throw StoreError.corrupt("receipt series \(series.symbol) \(series.year) returned no number") }
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
