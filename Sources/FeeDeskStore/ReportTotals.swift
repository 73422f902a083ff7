/// Keeps the report totals of schema version 6 exact: recomputes the business dates that changed.
///
/// Call `refresh` inside a write transaction before reading totals; `isCurrent` says whether there
/// is anything to do (a read transaction can ask).
public struct ReportTotals {
    let connection: SQLiteConnection

    /// Totals read and rebuilt through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// True when no payment was added or changed since the last refresh (three index look-ups).
    public func isCurrent() throws(StoreError) -> Bool {
        try connection.queryOne("""
            SELECT NOT EXISTS (SELECT 1 FROM report_dirty_day)
               AND (SELECT COALESCE(MAX(id), 0) FROM cash_payment) <= (SELECT last_id FROM report_watermark WHERE source = 'cash_payment')
               AND (SELECT COALESCE(MAX(id), 0) FROM allocation) <= (SELECT last_id FROM report_watermark WHERE source = 'allocation')
            """) { row in row.int64(0) == 1 } ?? false
    }

    /// Number of business dates known to be out of date (call after `refresh`, which also notes the
    /// days of new payments).
    public func pendingDays() throws(StoreError) -> Int {
        Int(try connection.queryOne("SELECT COUNT(*) FROM report_dirty_day") { row in row.int64(0) } ?? 0)
    }

    /// Recomputes the totals of the days touched since the last refresh (new payments above the
    /// watermarks, changed ones noted by the triggers), oldest first and at most `limit` of them, then
    /// of the months they fall in; returns the number of days recomputed. Must run inside a write
    /// transaction.
    @discardableResult
    public func refresh(atMost limit: Int = Int.max) throws(StoreError) -> Int {
        try noteNewPayments()
        let days = try connection.query("SELECT day FROM report_dirty_day ORDER BY day LIMIT ?1", limit) { row throws(StoreError) in
            try row.requiredText(0)
        }
        guard !days.isEmpty else { return 0 }
        for day in days {
            try connection.run("DELETE FROM report_day_total WHERE day = ?1", day)
            try connection.run(ReportTotals.dayTotals, day)
            try rebuildMultidayPairs(day: day)
            try connection.run("DELETE FROM report_dirty_day WHERE day = ?1", day)
        }
        var months: [String] = []
        for day in days where months.last != String(day.prefix(7)) { months.append(String(day.prefix(7))) }
        for month in months {
            try connection.run("DELETE FROM report_month_total WHERE month = ?1", month)
            try connection.run(ReportTotals.monthTotals, month)
        }
        return days.count
    }

    /// Adds the days of payments stored since the last refresh to `report_dirty_day` and moves the
    /// watermarks to the newest rows.
    private func noteNewPayments() throws(StoreError) {
        let newDays: [(source: String, table: String, days: String)] = [
            ("cash_payment", "cash_payment", "SELECT DISTINCT business_date AS d FROM cash_payment WHERE id > ?1 AND id <= ?2"),
            ("allocation", "allocation",
             "SELECT DISTINCT c.booking_date AS d FROM allocation a JOIN credit c ON c.id = a.credit_id WHERE a.id > ?1 AND a.id <= ?2"),
        ]
        for entry in newDays {
            let last = try connection.queryOne("SELECT last_id FROM report_watermark WHERE source = ?1", entry.source) { $0.int64(0) } ?? 0
            let newest = try connection.queryOne("SELECT COALESCE(MAX(id), 0) FROM \(entry.table)") { $0.int64(0) } ?? 0
            guard newest != last else { continue }
            try connection.run("""
                INSERT INTO report_dirty_day (day) SELECT d FROM (\(entry.days))
                WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = d)
                """, min(last, newest), newest)
            try connection.run("UPDATE report_watermark SET last_id = ?2 WHERE source = ?1", entry.source, newest)
        }
    }

    /// The payments (cash not voided, allocations not reversed) of business date `?1`. Credits are
    /// found through `credit_by_day (account_id, booking_date)`, every account in turn, so that no
    /// new index slows the statement-import and callback paths.
    static let paymentsOfDay = """
        SELECT dossier_id, 0 AS cashless, amount FROM cash_payment WHERE business_date = ?1 AND voided_at IS NULL
        UNION ALL
        SELECT a.dossier_id, 1, a.amount FROM credit r JOIN allocation a ON a.credit_id = r.id
        WHERE r.account_id IN (SELECT id FROM bank_account) AND r.booking_date = ?1 AND a.reversed_at IS NULL
        """

    static let dayTotals = """
        INSERT INTO report_day_total (day, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount)
        SELECT ?1, d.procedure, COALESCE(d.desk, ''), COUNT(DISTINCT p.dossier_id),
               SUM(p.cashless = 0), SUM(CASE WHEN p.cashless = 0 THEN p.amount ELSE 0 END),
               SUM(p.cashless), SUM(CASE WHEN p.cashless = 1 THEN p.amount ELSE 0 END)
        FROM (\(paymentsOfDay)) p JOIN dossier d ON d.id = p.dossier_id
        GROUP BY d.procedure, COALESCE(d.desk, '')
        """

    static let monthTotals = """
        INSERT INTO report_month_total (month, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount)
        SELECT ?1, procedure, desk, SUM(dossiers), SUM(cash_count), SUM(cash_amount), SUM(cashless_count), SUM(cashless_amount)
        FROM report_day_total WHERE day BETWEEN ?1 || '-01' AND ?1 || '-31'
        GROUP BY procedure, desk
        """
}
