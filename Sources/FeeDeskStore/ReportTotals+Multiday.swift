extension ReportTotals {
    /// Rewrites the `report_multiday` rows of every dossier paid on out-of-date `day`, or listed on
    /// it before: each payment day of a dossier paid on two or more days, with its procedure, desk
    /// and previous payment day. All rows of such a dossier are rewritten together, so that
    /// `prev_day` never points at a day whose payment was voided or reversed since; one day at a time
    /// keeps memory small when a whole year is recomputed.
    ///
    /// `CROSS JOIN` keeps SQLite walking the (few) dossiers touched and looking their payments up by
    /// index, rather than scanning every payment. With `prev_day`, the repeats of a dossier in a range
    /// are simply the rows whose previous day is in the range too: no DISTINCT at report time.
    func rebuildMultidayPairs(day: String) throws(StoreError) {
        try connection.execute("CREATE TEMP TABLE IF NOT EXISTS report_affected (dossier_id INTEGER PRIMARY KEY)")
        try connection.run("DELETE FROM temp.report_affected")
        try connection.run("""
            INSERT OR IGNORE INTO temp.report_affected (dossier_id)
            SELECT dossier_id FROM cash_payment WHERE business_date = ?1 AND voided_at IS NULL
            """, day)
        try connection.run("""
            INSERT OR IGNORE INTO temp.report_affected (dossier_id)
            SELECT a.dossier_id FROM credit r JOIN allocation a ON a.credit_id = r.id
            WHERE r.account_id IN (SELECT id FROM bank_account) AND r.booking_date = ?1 AND a.reversed_at IS NULL
            """, day)
        try connection.run("""
            INSERT OR IGNORE INTO temp.report_affected (dossier_id)
            SELECT dossier_id FROM report_multiday WHERE day = ?1
            """, day)
        try connection.run("DELETE FROM report_multiday WHERE dossier_id IN (SELECT dossier_id FROM temp.report_affected)")
        try connection.run("""
            WITH days(dossier_id, day) AS (
                SELECT c.dossier_id, c.business_date FROM temp.report_affected x CROSS JOIN cash_payment c ON c.dossier_id = x.dossier_id
                WHERE c.voided_at IS NULL
                UNION
                SELECT a.dossier_id, r.booking_date FROM temp.report_affected x CROSS JOIN allocation a ON a.dossier_id = x.dossier_id
                JOIN credit r ON r.id = a.credit_id WHERE a.reversed_at IS NULL),
            multi(dossier_id) AS (SELECT dossier_id FROM days GROUP BY dossier_id HAVING COUNT(*) > 1),
            ordered(dossier_id, day, prev_day) AS (
                SELECT days.dossier_id, days.day, LAG(days.day) OVER (PARTITION BY days.dossier_id ORDER BY days.day)
                FROM days JOIN multi ON multi.dossier_id = days.dossier_id)
            INSERT INTO report_multiday (day, dossier_id, procedure, desk, prev_day)
            SELECT o.day, o.dossier_id, d.procedure, COALESCE(d.desk, ''), o.prev_day
            FROM ordered o JOIN dossier d ON d.id = o.dossier_id
            """)
        try connection.run("DELETE FROM temp.report_affected")
    }
}
