import FeeDeskCore
import FeeDeskStore
import Foundation

extension FeeDesk {
    /// The cash-vs-cashless report of `period`, grouped `by`, with the trend of the cashless share
    /// (per day up to 62 days, else per month).
    ///
    /// Reads SQL aggregates of the maintained report totals. When payments changed since the last
    /// report, the days they touch are recomputed first (one write transaction that also reads the
    /// report, so the figures are one consistent snapshot); otherwise it is a plain read.
    public func cashVsCashlessReport(_ period: ReportPeriod, by grouping: ReportGrouping) throws -> CashlessReport {
        let unit = config.unit.name, generatedAt = nowStamp()
        let make: (SQLiteConnection) throws -> CashlessReport = { connection in
            let queries = ReportQueries(connection)
            let groups = try queries.cashVsCashless(period, by: grouping)
            let trendGrouping: ReportGrouping = period.trendUnit == .day ? .day : .month
            let trendGroups = trendGrouping == grouping ? groups : try queries.cashVsCashless(period, by: trendGrouping)
            let rows = { (groups: [ReportQueries.Group], by: ReportGrouping) in
                groups.map { CashlessRow(key: $0.key, label: by.label(for: $0.key, name: $0.name), figures: $0.figures) }
            }
            return CashlessReport(unit: unit, period: period, grouping: grouping, groups: FeeDesk.ordered(rows(groups, grouping), by: grouping),
                                  totals: try queries.cashVsCashlessTotals(period), trend: .filled(rows(trendGroups, trendGrouping), period: period),
                                  generatedAt: generatedAt)
        }
        try catchUpReportTotals(leaving: 7)
        let current: CashlessReport? = try database.read { connection in
            try ReportTotals(connection).isCurrent() ? try make(connection) : nil
        }
        if let current { return current }
        return try database.write { connection in
            try ReportTotals(connection).refresh()
            return try make(connection)
        }
    }

    /// Brings the report totals up to date now (after a bulk load, or from a nightly job); returns the
    /// number of business dates recomputed.
    @discardableResult
    public func refreshReportTotals() throws -> Int {
        try catchUpReportTotals(leaving: 0)
    }

    /// Recomputes out-of-date days a week at a time, each week in its own short write transaction, until
    /// at most `leaving` remain: after an upgrade or a bulk load a year may be out of date, and one long
    /// transaction would hold up every callback meanwhile. Returns the number of days recomputed.
    @discardableResult
    func catchUpReportTotals(leaving: Int) throws -> Int {
        var done = 0
        while true {
            let (count, pending) = try database.write { connection in
                let totals = ReportTotals(connection)
                return (try totals.refresh(atMost: 7), try totals.pendingDays())
            }
            done += count
            if pending <= leaving || count == 0 { return done }
        }
    }

    /// Groups in the order a reader expects: phí before lệ phí, fields and desks in Vietnamese
    /// alphabetical order (Đ after D), codes and dates as they sort.
    static func ordered(_ rows: [CashlessRow], by grouping: ReportGrouping) -> [CashlessRow] {
        switch grouping {
        case .kind:
            let order = FeeKind.allCases.map(\.rawValue)
            return rows.sorted { (order.firstIndex(of: $0.key) ?? order.count, $0.key) < (order.firstIndex(of: $1.key) ?? order.count, $1.key) }
        case .field, .desk:
            return rows.sorted { (vietnameseSortKey($0.key), $0.key) < (vietnameseSortKey($1.key), $1.key) }
        case .procedure, .day, .month:
            return rows
        }
    }

    /// A key that sorts Vietnamese text close to dictionary order: case and tone marks ignored, đ after d.
    static func vietnameseSortKey(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "đ", with: "d\u{FFFF}")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }
}
