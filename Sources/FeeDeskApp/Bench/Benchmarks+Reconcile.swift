import FeeDeskCore
import FeeDeskStore
import Foundation

extension Benchmarks {
    /// Reconciles one day holding `credits` credits (issue target: a 100,000-credit day in ≤ 1 s).
    /// The day is built directly in SQL: a balanced statement, its credit lines and credits spread
    /// over every outcome, with one in a hundred waiting for review.
    public static func reconcile(config: FeeDeskConfig, credits: Int = 100_000, runs: Int = 5, folder: String) throws -> [BenchResult] {
        let path = folder + "/bench-reconcile-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let app = try FeeDesk(config: config, databasePath: path)
        try app.setUp(by: "bench")
        guard let account = config.accounts.first?.id else { throw AppError.input("no collection account is configured") }
        let day = LocalDate(daysSinceEpoch: 20_780)
        try app.database.write { connection in
            try connection.run("""
                INSERT INTO statement_file (sha256, file_name, format, imported_at, imported_by, lines, new_lines, credit_total, debit_total)
                VALUES ('bench', 'bench', 'csv', '', 'bench', ?, ?, 0, 0)
                """, credits, credits)
            try connection.run("""
                INSERT INTO statement (file_id, account_id, opening, closing, first_date, last_date, balance)
                VALUES (1, ?, 0, 0, ?, ?, 'balanced')
                """, account, day.description, day.description)
            try connection.execute("""
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(credits))
                INSERT INTO statement_line (statement_id, identity, account_id, booking_date, value_date, amount, direction, reversal, memo, raw)
                SELECT 1, randomblob(16), '\(account)', '\(day)', '\(day)', 1000 + i % 7 * 1000, 'credit', 0, 'HS' || i, 'raw ' || i FROM n;
                INSERT INTO credit (account_id, amount, booking_date, memo, source, outcome, owed_back, created_at, statement_line_id)
                SELECT account_id, amount, booking_date, memo, 'statement',
                       CASE id % 100 WHEN 0 THEN 'unmatched' WHEN 1 THEN 'underpaid' WHEN 2 THEN 'overpaid' WHEN 3 THEN 'duplicate' ELSE 'matched' END,
                       0, '', id FROM statement_line;
                UPDATE statement SET closing = (SELECT SUM(amount) FROM statement_line);
                """)
        }
        var result: DayReconciliation?
        let times = try BenchResult.time(runs: runs) { result = try app.reconcile(date: day) }
        let exceptions = result?.exceptions.count ?? 0
        return [BenchResult(name: "day reconcile (\(credits) credits, \(exceptions) exceptions)", items: credits, times: times, target: "≤ 1 s")]
    }
}
