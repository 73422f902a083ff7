import FeeDeskCore
import FeeDeskStore
import Foundation

extension Benchmarks {
    /// Builds one booking day of `credits` credits with the synthetic ledger (dossiers registered, a
    /// statement of bank-wrapped memos with typos, missing and double references, partial and duplicate
    /// payments, imported and matched through the real import), adds a day of cash receipts by ten
    /// cashiers (one in a hundred voided) and callback-only credits (half of them disagreeing in amount
    /// with their statement line), then times the daily reconciliation report (issue target: ≤ 1 s),
    /// alone and rendered as CSV and HTML (medians of `runs`, after one untimed run). The report's
    /// totals are checked against what was written.
    public static func dailyReport(config: FeeDeskConfig, credits: Int = 100_000, runs: Int = 5, folder: String,
                                   progress: (@Sendable (Int) -> Void)? = nil) throws -> [BenchResult] {
        let databasePath = folder + "/bench-daily-\(UUID().uuidString).sqlite"
        let statementPath = folder + "/bench-daily-\(UUID().uuidString).csv"
        defer {
            for path in [databasePath, databasePath + "-wal", databasePath + "-shm", statementPath] { try? FileManager.default.removeItem(atPath: path) }
        }
        let app = try FeeDesk(config: config, databasePath: databasePath)
        try app.setUp(by: "bench")
        guard let account = config.accounts.first?.id else { throw AppError.input("the configuration has no collection account") }
        let day = LocalDate(daysSinceEpoch: 20_780)
        var statementTotal = Money.zero
        let setup = try BenchResult.time(runs: 1) {
            try registerDossiers(app, count: credits)
            statementTotal = try writeStatement(format: .csv, lines: credits, dossiers: credits, perDay: credits, to: statementPath)
            let upload = StatementUpload(data: try Data(contentsOf: URL(fileURLWithPath: statementPath), options: .alwaysMapped),
                                         fileName: "bench-daily.csv", format: .csv, accountID: account)
            _ = try app.importStatement(upload, by: "bench", progress: progress)
        }
        let extra = try writeCashAndCallbacks(app, day: day, account: account, receipts: max(10, credits / 20), callbacks: max(2, credits / 1_000))
        var results = [BenchResult(name: "setup: register, write and import a \(credits)-credit day, \(extra.receipts) cash receipts",
                                   items: credits, times: setup, target: "—")]
        // One untimed run first: the import left the day's pages in the WAL and the page cache cold.
        var report = Optional(try app.dailyReport(date: day, account: account))
        let times = try BenchResult.time(runs: runs) { report = try app.dailyReport(date: day, account: account) }
        guard let report, report.credits.amount == statementTotal + extra.callbackAmount, report.checks.outcomes, report.checks.cash,
              report.checks.debitOutcomes, report.cash.amount == extra.cashAmount, report.cash.voidedCount == extra.voided
        else {
            throw AppError.input("the daily report's totals \(String(describing: report?.credits)) / cash \(String(describing: report?.cash.amount))"
                                 + " differ from what was written (\(statementTotal) + \(extra.callbackAmount) credits, \(extra.cashAmount) cash)")
        }
        let name = "daily report (\(report.credits.count) credits, \(report.exceptions.count) exceptions, \(report.cash.cashiers.count) cashiers)"
        results.append(BenchResult(name: name, items: report.credits.count, times: times, target: "≤ 1 s"))
        let rendered = try BenchResult.time(runs: runs) {
            let fresh = try app.dailyReport(date: day, account: account)
            _ = try fresh.rendered(.html)
            _ = try fresh.rendered(.csv)
        }
        results.append(BenchResult(name: "daily report + HTML + CSV", items: report.credits.count, times: rendered, target: "≤ 1 s"))
        return results
    }

    /// What `writeCashAndCallbacks` wrote.
    struct DailyExtras {
        var receipts = 0
        var voided = 0
        var cashAmount = Money.zero
        var callbackAmount = Money.zero
    }

    /// Cash receipts of `day` by ten cashiers (each a block of consecutive numbers, one in a hundred
    /// voided) and callback-only credits, every other one naming a statement line's bank reference with
    /// another amount. Bulk SQL, no audit rows: benchmark setup only.
    static func writeCashAndCallbacks(_ app: FeeDesk, day: LocalDate, account: String, receipts: Int, callbacks: Int) throws -> DailyExtras {
        var extras = DailyExtras()
        try app.database.write { connection in
            try connection.execute("""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(receipts - 1))
                INSERT INTO cash_payment (dossier_id, amount, receipt_no, cashier, paid_at, business_date, voided_at, void_reason)
                SELECT (SELECT MIN(id) FROM dossier) + i, 10000 + (i % 7) * 5000, printf('%07d', i + 1),
                       'Thu ngân ' || (i * 10 / \(receipts) + 1), '\(day)T08:00:00+07:00', '\(day)',
                       CASE WHEN i % 100 = 99 THEN '\(day)T16:00:00+07:00' END, CASE WHEN i % 100 = 99 THEN 'ghi sai số tiền' END FROM n;
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < \(callbacks - 1))
                INSERT INTO credit (account_id, amount, booking_date, memo, bank_reference, provider_reference, source, created_at)
                SELECT '\(account)', 75000 + i, '\(day)', 'callback ' || i,
                       CASE WHEN i % 2 = 0 THEN 'FT' || (26000000000 + i * 37) ELSE 'CB' || i END, 'CB' || i, 'callback', '' FROM n;
                """)
            let cash = try connection.queryOne("""
                SELECT COUNT(*), SUM(voided_at IS NOT NULL), SUM(CASE WHEN voided_at IS NULL THEN amount ELSE 0 END) FROM cash_payment
                """) { ($0.int64(0), $0.int64(1), $0.int64(2)) } ?? (0, 0, 0)
            extras.receipts = Int(cash.0)
            extras.voided = Int(cash.1)
            extras.cashAmount = Money(dong: cash.2)
            extras.callbackAmount = Money(dong: try connection.queryOne("SELECT SUM(amount) FROM credit WHERE source = 'callback'") { $0.int64(0) } ?? 0)
        }
        return extras
    }
}
