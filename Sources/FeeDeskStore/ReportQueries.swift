import FeeDeskCore

/// The aggregate queries behind the reports. They read the maintained totals of `ReportTotals`
/// (refresh them first, in the same or an earlier transaction), never the payments one by one.
public struct ReportQueries {
    private let connection: SQLiteConnection

    /// Queries run through `connection`.
    public init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// One group of the cash-vs-cashless report as stored: key, procedure name (when grouping by
    /// procedure) and figures.
    public struct Group: Sendable, Equatable {
        /// The group key (`phi`, field, procedure code, desk or `''`, `YYYY-MM-DD`, `YYYY-MM`).
        public let key: String
        /// The fee schedule's name of the procedure, when grouping by procedure.
        public let name: String?
        /// Counts and sums; `dossiers` is distinct within the group.
        public let figures: CashlessFigures
    }

    /// Cash and cashless payments of `period` grouped `by`, in key order, and the totals of the
    /// period (distinct dossiers over the whole period). Several GROUP BY queries in SQLite over the
    /// month totals of whole months and the day totals of the days at either end.
    public func cashVsCashless(_ period: ReportPeriod, by grouping: ReportGrouping) throws(StoreError) -> (groups: [Group], totals: CashlessFigures) {
        let from = period.from.description, to = period.to.description
        var groups: [Group] = []
        var sql: String
        var arguments: [any SQLBindable]
        if grouping == .day {
            sql = """
                SELECT day, NULL, SUM(dossiers), SUM(cash_count), SUM(cash_amount), SUM(cashless_count), SUM(cashless_amount)
                FROM report_day_total WHERE day BETWEEN ?1 AND ?2 GROUP BY day ORDER BY day
                """
            arguments = [from, to]
        } else {
            let months = period.wholeMonths
            let edges = period.partialDays.map { ($0.lowerBound.description, $0.upperBound.description) }
            let head = edges.first ?? ("1", "0"), tail = edges.count > 1 ? edges[1] : ("1", "0")
            sql = """
                WITH cells(period, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount) AS (
                    SELECT month, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount
                    FROM report_month_total WHERE month BETWEEN ?1 AND ?2
                    UNION ALL
                    SELECT day, procedure, desk, dossiers, cash_count, cash_amount, cashless_count, cashless_amount
                    FROM report_day_total WHERE day BETWEEN ?3 AND ?4 OR day BETWEEN ?5 AND ?6)
                SELECT \(ReportQueries.cellKey(grouping)) AS key, \(grouping == .procedure ? "MAX(f.name)" : "NULL"),
                       SUM(dossiers), SUM(cash_count), SUM(cash_amount), SUM(cashless_count), SUM(cashless_amount)
                FROM cells c LEFT JOIN fee f ON f.procedure = c.procedure
                GROUP BY key ORDER BY key
                """
            arguments = [months?.first ?? "1", months?.last ?? "0", head.0, head.1, tail.0, tail.1]
        }
        try connection.forEach(sql, arguments) { row throws(StoreError) in
            groups.append(Group(key: row.text(0) ?? "", name: row.text(1),
                                figures: CashlessFigures(dossiers: row.int64(2), cashCount: row.int64(3), cashAmount: Money(dong: row.int64(4)),
                                                         cashlessCount: row.int64(5), cashlessAmount: Money(dong: row.int64(6)))))
        }
        // A dossier paid on several days is in several day cells: count it once per group and once in all.
        var extra: [String: Int64] = [:]
        if grouping != .day {
            try connection.forEach("""
                SELECT \(ReportQueries.dossierKey(grouping)) AS key, COUNT(*) - COUNT(DISTINCT m.dossier_id)
                FROM report_multiday m JOIN dossier d ON d.id = m.dossier_id LEFT JOIN fee f ON f.procedure = d.procedure
                WHERE m.day BETWEEN ?1 AND ?2 GROUP BY key
                """, [from, to]) { row in
                extra[row.text(0) ?? "", default: 0] += row.int64(1)
            }
        }
        let extraOverall = try connection.queryOne("""
            SELECT COUNT(*) - COUNT(DISTINCT dossier_id) FROM report_multiday WHERE day BETWEEN ?1 AND ?2
            """, from, to) { row in row.int64(0) } ?? 0
        groups = groups.map { group in
            var figures = group.figures
            figures.dossiers -= extra[group.key] ?? 0
            return Group(key: group.key, name: group.name, figures: figures)
        }
        var totals = groups.reduce(CashlessFigures.zero) { $0 + $1.figures }
        totals.dossiers = groups.reduce(0) { $0 + $1.figures.dossiers } + (extra.values.reduce(0, +)) - extraOverall
        return (groups, totals)
    }

    /// The group key of a row of `cells` (with `f` the fee of its procedure).
    static func cellKey(_ grouping: ReportGrouping) -> String {
        switch grouping {
        case .kind: "COALESCE(f.kind, '')"
        case .field: "COALESCE(f.field, '')"
        case .procedure: "c.procedure"
        case .desk: "c.desk"
        case .day: "c.period"
        case .month: "substr(c.period, 1, 7)"
        }
    }

    /// The group key of a multi-day dossier pair `m` (dossier `d`, fee `f`).
    static func dossierKey(_ grouping: ReportGrouping) -> String {
        switch grouping {
        case .kind: "COALESCE(f.kind, '')"
        case .field: "COALESCE(f.field, '')"
        case .procedure: "d.procedure"
        case .desk: "COALESCE(d.desk, '')"
        case .day: "m.day"
        case .month: "substr(m.day, 1, 7)"
        }
    }
}
