import FeeDeskCore
import FeeDeskStore
import Foundation

extension Benchmarks {
    /// Generates a synthetic year of `payments` payments across 100 desks into a fresh database, then
    /// times the cash-vs-cashless report over the year (issue target: 5,000,000 payments ≤ 1 s).
    ///
    /// Figures: the bulk load; the first refresh of the report totals (every day of the year out of
    /// date, as after a migration); the report by kind, desk, procedure, month and day (median of
    /// `runs`); and the report right after a day's payments changed (refresh of one day included).
    /// The report's totals are checked against what was written, to the đồng.
    public static func report(config: FeeDeskConfig, payments: Int = 5_000_000, desks: Int = 100, runs: Int = 5, folder: String,
                              progress: (@Sendable (Int) -> Void)? = nil) throws -> [BenchResult] {
        let databasePath = folder + "/bench-report-\(UUID().uuidString).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: databasePath + suffix) } }
        let app = try FeeDesk(config: config, databasePath: databasePath)
        try app.setUp(by: "bench")
        guard let account = config.accounts.first?.id else { throw AppError.input("the configuration has no collection account") }
        let year = SyntheticYear(year: 2025, desks: desks, payments: payments, fees: config.feeSchedule.fees)
        var written = SyntheticYear.Written()
        let load = try BenchResult.time(runs: 1) {
            written = try year.write(into: app.database, calendar: app.calendar, accountID: account, progress: progress)
        }
        var results = [BenchResult(name: "generate \(written.dossiers) dossiers, \(written.payments) payments (bulk)", items: written.payments,
                                   times: load, target: "—")]
        var refreshed = 0
        let refresh = try BenchResult.time(runs: 1) { refreshed = try app.refreshReportTotals() }
        results.append(BenchResult(name: "first refresh of report totals (\(refreshed) days)", items: written.payments, times: refresh, target: "—"))
        guard let from = LocalDate(year: 2025, month: 1, day: 1), let to = LocalDate(year: 2025, month: 12, day: 31) else { return results }
        let period = try ReportPeriod(from: from, to: to)
        for grouping in [ReportGrouping.kind, .desk, .procedure, .month, .day] {
            var report: CashlessReport?
            let times = try BenchResult.time(runs: runs) { report = try app.cashVsCashlessReport(period, by: grouping) }
            try check(report, against: written)
            results.append(BenchResult(name: "cash-vs-cashless year by \(grouping.rawValue) (\(report?.groups.count ?? 0) groups)",
                                       items: written.payments, times: times, target: "≤ 1 s"))
        }
        let lastDay = year.days.last?.description ?? to.description
        var report: CashlessReport?
        let times = try BenchResult.time(runs: runs) {
            try app.database.write { connection in
                try connection.run("INSERT INTO report_dirty_day (day) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = ?1)", lastDay)
            }
            report = try app.cashVsCashlessReport(period, by: .kind)
        }
        try check(report, against: written)
        results.append(BenchResult(name: "cash-vs-cashless year by kind, one day changed (refresh 1 day)", items: written.payments,
                                   times: times, target: "≤ 1 s"))
        return results
    }

    /// Refuses a report whose totals differ from what the generator wrote.
    private static func check(_ report: CashlessReport?, against written: SyntheticYear.Written) throws {
        guard let totals = report?.totals, totals.cashAmount == written.cash, totals.cashlessAmount == written.cashless,
              totals.cashCount == Int64(written.cashCount), totals.cashlessCount == Int64(written.cashlessCount),
              totals.dossiers == Int64(written.dossiers)
        else {
            throw AppError.input("the report's totals \(String(describing: report?.totals)) differ from the generated payments \(written)")
        }
    }
}
